// A receipt's life after the pane took its appeal in: the statuses the pane publishes (ciphertext to
// the phone's reply key, and whether it may be rated) on the receipt link, the phone's lookups, and
// the one rating per receipt that waits for the pane. No identity: the cloud holds receipt → 编号.
import { odata, type TransactionAction } from '@azure/data-tables';
import type { ReceiptStatusUpdate } from '../../../shared';
import { prefixEnd, readText } from './keys';
import { checkBatch, checkKey, under } from './limits';
import { collect, deleteFound, statusOf, type Tables } from './tables';
import {
  INTAKE_ROWS,
  isNotFound,
  kindOf,
  type ReceiptEntity,
  type SubEntity,
  submissionRow,
  type SubmissionInput,
  hasKey,
  intakeRowExists,
} from './intake';

const { SUB, RECEIPT, TOOK } = INTAKE_ROWS;

/** What the phone's link may learn of a receipt, with the secret's hash to check it against. */
export type ReceiptRecord =
  | {
      readonly taken: false;
      readonly secretHash: string;
      readonly submittedAt: string;
    }
  | {
      readonly taken: true;
      readonly secretHash: string;
      readonly submittedAt: string;
      readonly appealId: string;
      readonly status?: string;
      readonly rateable: boolean;
      readonly ratingPending: boolean;
    };

/** Why a rating was not stored. */
export type RatingOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'unknown' | 'not-rateable' | 'pending' | 'unknown-kid' | 'busy' };

const linkKey = (receiptId: string): string => {
  const k = `${RECEIPT}${receiptId}`;
  checkKey(k, 'receiptId');
  return k;
};

/**
 * A receipt as its link sees it: taken (the link, its status and rating), still waiting for the
 * pane (an appeal's pending row: never a rating's or sign-in's, which have no secret), or null.
 */
export async function readReceipt(
  t: Tables,
  unitId: string,
  receiptId: string,
): Promise<ReceiptRecord | null> {
  const key = linkKey(receiptId);
  try {
    const link = await t.intake.getEntity<ReceiptEntity>(unitId, key);
    return {
      taken: true,
      secretHash: link.secretHash ?? '',
      submittedAt: link.submittedAt ?? '',
      appealId: readText(link.appealId),
      ...(link.status ? { status: link.status } : {}),
      rateable: link.rateable === true,
      ratingPending: link.ratingId ? await intakeRowExists(t, unitId, `${SUB}${link.ratingId}`) : false,
    };
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  try {
    const sub = await t.intake.getEntity<SubEntity>(unitId, `${SUB}${receiptId}`, {
      queryOptions: { select: ['kind', 'secretHash', 'submittedAt'] },
    });
    if (kindOf(sub) !== 'appeal' || !sub.secretHash) return null;
    return { taken: false, secretHash: sub.secretHash, submittedAt: sub.submittedAt ?? '' };
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/**
 * Stores the statuses of receipts the pane took: one transaction (one partition, at most 100
 * entities) of merges onto their links, so a status never creates a link. Receipts without a
 * link are answered as unknown; a link purged meanwhile makes the transaction 404 and the batch is
 * read again once.
 */
export async function publishStatuses(
  t: Tables,
  unitId: string,
  statuses: readonly ReceiptStatusUpdate[],
  at: Date,
): Promise<{ readonly updated: number; readonly unknown: string[] }> {
  // The last status of a receipt named twice wins: a transaction may not touch an entity twice.
  const byReceipt = new Map(statuses.map((s) => [s.receiptId, s]));
  const statusAt = at.toISOString();
  for (let attempt = 0; ; attempt++) {
    const present = await Promise.all(
      [...byReceipt.keys()].map(async (id) => [id, await intakeRowExists(t, unitId, linkKey(id))] as const),
    );
    const unknown = present.filter(([, p]) => !p).map(([id]) => id);
    const rows = present
      .filter(([, p]) => p)
      .map(([id]) => {
        const s = byReceipt.get(id) as ReceiptStatusUpdate;
        return { partitionKey: unitId, rowKey: linkKey(id), status: s.jwe, rateable: s.rateable, statusAt };
      });
    if (rows.length === 0) return { updated: 0, unknown };
    checkBatch(rows, (i) => under(`statuses[${i}]`, { status: 'jwe' }), 'statuses');
    try {
      await t.intake.submitTransaction(rows.map((r): TransactionAction => ['update', r, 'Merge']));
      return { updated: rows.length, unknown };
    } catch (e) {
      if (statusOf(e) !== 404 || attempt > 0) throw e;
    }
  }
}

/**
 * Stores a rating for a taken receipt when `check` (the secret, run on the link read here) passes,
 * the last status said rateable and the rating is encrypted to a key the unit published (checked
 * after the secret: a wrong one learns nothing about the unit's keys). One rating per receipt: while one waits for the pane another is
 * refused (`pending`), never swapped for it, since the pane may already have written the first and
 * would then add the second as another row. The rating and the link pointing at it commit in one
 * transaction on the link's ETag, so of two racing ratings one is stored and the other is refused.
 */
export async function addRating(
  t: Tables,
  unitId: string,
  receiptId: string,
  check: (secretHash: string) => boolean,
  item: Omit<SubmissionInput, 'kind' | 'ratesReceiptId' | 'appealId' | 'secretHash'>,
  at: Date,
): Promise<RatingOutcome> {
  const key = linkKey(receiptId);
  for (let attempt = 0; attempt < 8; attempt++) {
    let link: ReceiptEntity & { etag: string };
    try {
      link = await t.intake.getEntity<ReceiptEntity>(unitId, key);
    } catch (e) {
      if (!isNotFound(e)) throw e;
      // Still waiting for the pane: its holder learns it is not rateable yet, anyone else nothing.
      const waiting = await readReceipt(t, unitId, receiptId);
      return waiting && !waiting.taken && check(waiting.secretHash)
        ? { ok: false, reason: 'not-rateable' }
        : { ok: false, reason: 'unknown' };
    }
    if (!check(link.secretHash ?? '')) return { ok: false, reason: 'unknown' };
    if (link.rateable !== true) return { ok: false, reason: 'not-rateable' };
    if (link.ratingId && (await intakeRowExists(t, unitId, `${SUB}${link.ratingId}`)))
      return { ok: false, reason: 'pending' };
    if (attempt === 0 && !(await hasKey(t, unitId, item.kid))) return { ok: false, reason: 'unknown-kid' };
    const row = submissionRow(
      unitId,
      { ...item, kind: 'rating', ratesReceiptId: receiptId, appealId: readText(link.appealId) },
      at,
    );
    const actions: TransactionAction[] = [
      ['create', row],
      [
        'update',
        { partitionKey: unitId, rowKey: key, ratingId: item.receiptId },
        'Merge',
        { etag: link.etag },
      ],
    ];
    try {
      await t.intake.submitTransaction(actions);
      return { ok: true };
    } catch (e) {
      // Another rating, a status or the pane's take changed the link: read again.
      const status = statusOf(e);
      if (status !== 404 && status !== 409 && status !== 412) throw e;
    }
  }
  return { ok: false, reason: 'busy' };
}

/**
 * Deletes receipt links whose appeal has had no status for `before` (nor was taken since): the
 * phone's link then reads as unknown. And `took-` rows (repeats of a rating's or sign-in's
 * confirmation) taken before `tookBefore`. Answers how many of each.
 */
export async function purgeReceipts(
  t: Tables,
  before: Date,
  tookBefore: Date,
): Promise<{ readonly links: number; readonly took: number }> {
  const cutoff = before.toISOString();
  // takenAt ≤ statusAt: a link taken since the cutoff is young; an older one is kept by a later status.
  const links = (
    await collect(
      t.intake.listEntities<ReceiptEntity>({
        queryOptions: {
          filter: odata`RowKey ge ${RECEIPT} and RowKey lt ${prefixEnd(RECEIPT)} and takenAt lt ${cutoff}`,
          select: ['PartitionKey', 'RowKey', 'statusAt'],
        },
      }),
    )
  ).filter((e) => !e.statusAt || e.statusAt < cutoff);
  const took = await collect(
    t.intake.listEntities<{ takenAt?: string }>({
      queryOptions: {
        filter: odata`RowKey ge ${TOOK} and RowKey lt ${prefixEnd(TOOK)} and takenAt lt ${tookBefore.toISOString()}`,
        select: ['PartitionKey', 'RowKey'],
      },
    }),
  );
  await deleteFound(t.intake, [...links, ...took]);
  return { links: links.length, took: took.length };
}
