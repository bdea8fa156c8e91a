import type { ReminderView } from '../../../shared';
import type { DeliveryRecord, Store, UnitProfile } from '../storage';
import { type Channel, openChannel, type OpenChannel } from './channels';
import { formatMessages } from './format';
import { postWithRetry, type WebhookOptions } from './post';

/** How one unit's delivery went. */
export interface DeliveryTally {
  readonly sent: number;
  readonly failed: number;
  /** Items already sent (or possibly sent) today to that channel. */
  readonly skipped: number;
}

/** At most this many items are listed per channel and day; the rest are counted in one line. */
export const MAX_LISTED = 50;

// Overdue first, then by due date: what the clerk must see if the list is cut.
const urgency = (a: ReminderView, b: ReminderView): number =>
  a.status === b.status ? a.due.localeCompare(b.due) : a.status === 'overdue' ? -1 : 1;

async function deliverToChannel(
  store: Store,
  webhooks: WebhookOptions,
  unit: UnitProfile,
  channel: Channel,
  today: string,
  items: readonly ReminderView[],
): Promise<DeliveryTally> {
  const known = await store.deliveries.list(unit.unitId, today, channel.id);
  const fresh = items.filter((r) => [undefined, 'failed'].includes(known.get(r.key)?.status)).sort(urgency);
  const listed = fresh.slice(0, MAX_LISTED);
  if (listed.length === 0) return { sent: 0, failed: 0, skipped: items.length };
  const record = (
    r: ReminderView,
    status: DeliveryRecord['status'],
    attempts: number,
    error = '',
    at = '',
  ): DeliveryRecord => ({
    unit: unit.unitId,
    date: today,
    channelId: channel.id,
    channelKind: channel.kind,
    reminderKey: r.key,
    appealId: r.appealId ?? '',
    status,
    attempts: (known.get(r.key)?.attempts ?? 0) + attempts,
    lastError: error,
    sentAt: at,
  });
  // Claimed before sending: a run cut off mid-send leaves 'sending', which is never sent twice.
  await store.deliveries.save(listed.map((r) => record(r, 'sending', 0)));
  const byKey = new Map(listed.map((r) => [r.key, r]));
  const outcome: DeliveryRecord[] = [];
  // The address and secret are opened only now, for posting; a channel that cannot be opened
  // (key changed, stored before sealing) fails its items, which the next run retries.
  let open: OpenChannel;
  try {
    open = await openChannel(channel, webhooks);
  } catch (e) {
    const error = `channel not usable: ${e instanceof Error ? e.message : String(e)}`;
    await store.deliveries.save(listed.map((r) => record(r, 'failed', 0, error)));
    return { sent: 0, failed: listed.length, skipped: items.length - fresh.length };
  }
  for (const message of formatMessages(
    channel.kind,
    unit.name || unit.unitId,
    today,
    listed,
    fresh.length - listed.length,
  )) {
    const res = await postWithRetry(open, message.body, webhooks);
    const at = res.ok ? new Date().toISOString() : '';
    for (const k of message.keys)
      outcome.push(
        record(byKey.get(k) as ReminderView, res.ok ? 'sent' : 'failed', res.attempts, res.error, at),
      );
  }
  await store.deliveries.save(outcome);
  const sent = outcome.filter((d) => d.status === 'sent').length;
  return { sent, failed: outcome.length - sent, skipped: items.length - fresh.length };
}

/**
 * Sends a unit's reminders to each of its channels. Every listed item is recorded per channel and
 * day; one sent — or whose sending was cut off, so it may have arrived — is never sent again that
 * day; one whose sending failed is retried by the next run.
 */
export async function deliverDaily(
  store: Store,
  webhooks: WebhookOptions,
  unit: UnitProfile,
  today: string,
  reminders: readonly ReminderView[],
): Promise<DeliveryTally> {
  const items = [...new Map(reminders.map((r) => [r.key, r])).values()];
  const total = { sent: 0, failed: 0, skipped: 0 };
  for (const channel of unit.channels) {
    const t = await deliverToChannel(store, webhooks, unit, channel, today, items);
    total.sent += t.sent;
    total.failed += t.failed;
    total.skipped += t.skipped;
  }
  return total;
}
