import type { Store } from '../storage';
import {
  channelKey,
  sealChannels,
  webhookProblem,
  type Channel,
  type ChannelKind,
  type OpenChannel,
  type WebhookPolicy,
} from './channels';

/** A robot as builds before sealing stored it: its address and signing secret in the clear. */
interface PlainChannel {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly url: string;
  readonly secret?: string;
}

const isPlain = (c: Channel): boolean => typeof (c as { sealed?: unknown }).sealed !== 'string';

/** What sealing the older builds' robots did. */
export interface LegacySealing {
  /** Units whose robots were rewritten. */
  readonly units: readonly string[];
  readonly sealed: number;
  /** Robots whose address the allow-list now refuses: removed, to be configured again. */
  readonly dropped: number;
}

/**
 * Robot addresses and secrets must never rest in the clear. Robots an older build stored unsealed
 * are sealed where their address is still allowed and dropped where it is not, each change with its
 * audit entry. Without a usable key nothing is touched and the caller is told why.
 */
export async function sealLegacyChannels(
  store: Store,
  policy: WebhookPolicy,
  log: (message: string) => void,
): Promise<LegacySealing> {
  const units = (await store.units.list()).filter((u) => u.channels.some(isPlain));
  if (units.length === 0) return { units: [], sealed: 0, dropped: 0 };
  try {
    if (!channelKey(policy)) throw new Error('XIESHANG_SECRETS_KEY is not set');
  } catch (e) {
    log(`robots of ${units.length} unit(s) are stored unsealed and cannot be sealed: ${String(e)}`);
    return { units: [], sealed: 0, dropped: 0 };
  }
  let sealed = 0;
  let dropped = 0;
  const done: string[] = [];
  for (const unit of units) {
    try {
      const kept: Channel[] = [];
      const removed: string[] = [];
      let sealedHere = 0;
      for (const c of unit.channels) {
        if (!isPlain(c)) {
          kept.push(c);
          continue;
        }
        const plain = c as unknown as PlainChannel;
        if (typeof plain.url !== 'string' || webhookProblem(plain.kind, plain.url, policy)) {
          removed.push(plain.id);
          continue;
        }
        const open: OpenChannel = {
          id: plain.id,
          kind: plain.kind,
          url: plain.url,
          ...(plain.secret ? { secret: plain.secret } : {}),
        };
        kept.push(...(await sealChannels([open], 'channels', policy)));
        sealedHere++;
      }
      await store.units.configure(
        unit.unitId,
        { channels: kept },
        {
          actor: { id: 'system', roles: [] },
          action: 'unit.channels.seal-legacy',
          detail: { sealed: sealedHere, removed },
        },
      );
      sealed += sealedHere;
      dropped += removed.length;
      done.push(unit.unitId);
    } catch (e) {
      log(`sealing the robots of ${unit.unitId} failed: ${String(e)}`);
    }
  }
  return { units: done, sealed, dropped };
}
