import { normalizePairingCode, say, type Bilingual, type WireRole } from '../../shared';
import { ApiFailure, redeemPairingCode, type KeyValueStore, type TokenProvider } from '../sync';

/** How the pane signs in: a pairing credential, a Microsoft 365 work account, a development token, or not at all. */
export type SignInMethod = 'pairing' | 'entra' | 'dev' | 'none';

/** What the pane shows about signing in. */
export interface SignInState {
  readonly method: SignInMethod;
  /** With a pairing: the role and the computer's name it was made for. */
  readonly role?: WireRole;
  readonly device?: string;
  readonly pairedAt?: string;
  /** The functions refused the pairing this pane held (revoked, or unknown to them): pair again. */
  readonly refused?: boolean;
}

/** The pane's sign-in for one unit: the token the API calls use, pairing, and forgetting a pairing. */
export interface PaneSignIn {
  state(): SignInState;
  subscribe(listener: (s: SignInState) => void): () => void;
  /** The bearer token: the pairing credential when there is one, else the fallback's token. */
  readonly token: TokenProvider;
  /** Redeems a code the administrator gave and keeps the credential on this computer. */
  pair(code: string, device?: string): Promise<void>;
  /** Forgets this computer's pairing (the administrator revokes it in the cloud). */
  forget(): Promise<void>;
  /** Hears a 401 a fresh token did not cure: a refused pairing is forgotten, so the pane asks for a code. */
  refused(failure: ApiFailure): void;
}

/** What a stored pairing holds: the credential and what the pane shows about it. */
interface StoredPairing {
  readonly credential: string;
  readonly credentialId: string;
  readonly role: WireRole;
  readonly device: string;
  readonly pairedAt: string;
}

/** Where a unit's pairing is kept in the pane's store (partitioned as Office asks, like the queue). */
export const pairingKey = (unitId: string): string => `xieshang.pairing.${unitId}`;

const SIGN_IN_REQUIRED = say(
  '尚未登录云端：请在“云端同步与提醒”中输入本单位管理员给的配对码，再点“配对”',
  'not signed in to the cloud: type the pairing code your unit’s administrator gave you under 云端同步与提醒 and press 配对',
);

const BAD_CODE = say(
  '配对码应为 12 位字母和数字（如 ABCD-EFGH-JKMN），请核对后重新输入',
  'a pairing code has 12 letters and digits (like ABCD-EFGH-JKMN); check it and type it again',
);

/**
 * A sign-in failure as the API client's failure, so the cloud panel shows its text in the pane's
 * language (the Entra chain's SignInError carries it as `text`, as ApiFailure does). A network
 * failure may pass; everything else needs the clerk (401, not retried by itself).
 */
export function signInFailure(e: unknown): ApiFailure {
  if (e instanceof ApiFailure) return e;
  const given = (e as { text?: Partial<Bilingual> } | null)?.text;
  const message = e instanceof Error ? e.message : String(e);
  const text: Bilingual =
    typeof given?.zh === 'string' && typeof given.en === 'string'
      ? { zh: given.zh, en: given.en }
      : say(message, message);
  const reason = (e as { reason?: unknown } | null)?.reason;
  return reason === 'network'
    ? new ApiFailure(0, 'offline', text)
    : new ApiFailure(401, 'sign-in-failed', text);
}

/** Options of the pane's sign-in. */
export interface SignInOptions {
  /** The functions' base URL. */
  readonly baseUrl: string;
  readonly unitId: string;
  readonly store: KeyValueStore;
  /** Sign-in without a pairing: Microsoft 365 (Entra) where configured, the development token locally. */
  readonly fallback?: { readonly method: 'entra' | 'dev'; readonly token: TokenProvider };
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

function readStored(text: string | null, unitId: string): StoredPairing | undefined {
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as Partial<StoredPairing>;
    // A credential names its unit: one for another unit (a copied workbook) is not used here.
    const unit = p.credential?.split('.')[1];
    const ownUnit = unit !== undefined && atob(unit.replace(/-/g, '+').replace(/_/g, '/')) === unitId;
    return typeof p.credential === 'string' && ownUnit && p.role ? (p as StoredPairing) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the pane's sign-in for a unit: a stored pairing first, else the fallback, else none. */
export async function openSignIn(o: SignInOptions): Promise<PaneSignIn> {
  let stored = readStored(await o.store.getItem(pairingKey(o.unitId)), o.unitId);
  let refusedOnce = false;
  const listeners = new Set<(s: SignInState) => void>();
  const compute = (): SignInState =>
    stored
      ? { method: 'pairing', role: stored.role, device: stored.device, pairedAt: stored.pairedAt }
      : { method: o.fallback?.method ?? 'none', ...(refusedOnce ? { refused: true } : {}) };
  // One object until something changes: React's useSyncExternalStore compares snapshots by identity.
  let current = compute();
  const changed = () => {
    current = compute();
    for (const l of listeners) l(current);
  };
  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async token(options) {
      if (stored) return stored.credential;
      if (o.fallback) {
        try {
          return await o.fallback.token(options);
        } catch (e) {
          throw signInFailure(e);
        }
      }
      throw new ApiFailure(401, 'sign-in-required', SIGN_IN_REQUIRED);
    },
    async pair(code, device) {
      if (!normalizePairingCode(code)) throw new ApiFailure(400, 'invalid-body', BAD_CODE, 'code');
      const name = device?.trim();
      const made = await redeemPairingCode(
        { baseUrl: o.baseUrl, ...(o.fetch ? { fetch: o.fetch } : {}) },
        o.unitId,
        { code, ...(name ? { device: name } : {}) },
      );
      const next: StoredPairing = {
        credential: made.credential,
        credentialId: made.credentialId,
        role: made.role,
        device: name ?? '',
        pairedAt: (o.now?.() ?? new Date()).toISOString(),
      };
      await o.store.setItem(pairingKey(o.unitId), JSON.stringify(next));
      stored = next;
      refusedOnce = false;
      changed();
    },
    async forget() {
      await o.store.removeItem(pairingKey(o.unitId));
      stored = undefined;
      changed();
    },
    refused(failure) {
      if (!stored || failure.status !== 401) return;
      stored = undefined;
      refusedOnce = true;
      // The stored credential no longer opens anything: dropped, so the next sync asks for a code.
      void o.store.removeItem(pairingKey(o.unitId)).catch(() => undefined);
      changed();
    },
  };
}
