// The phone intake's storage: per unit, its published keys and form, the submissions waiting for the
// pane (ciphertext only) and, once taken, the link receipt → 编号 (no identity). Rate-limit counters
// live in their own table, one partition per time window, so expired windows go by partition.
import { odata, type TransactionAction } from '@azure/data-tables';
import type { IntakeForm, IntakeKind, IntakePublicJwk, IntakeSubmission } from '../../../shared';
import { jsonText, prefixEnd, readText, storedList, storedText } from './keys';
import { checkEntity, checkKey, columnsText, textColumns, under } from './limits';
import { collect, deleteFound, statusOf, type Tables } from './tables';
import { auditRow, type AuditInput } from './audit';

const FORM_ROW = 'form';
const KEY = 'key-';
const SUB = 'sub-';
const RECEIPT = 'rcpt-';
const TOOK = 'took-';

/** Row-key prefixes other intake modules share (receipt links, pending items). */
export const INTAKE_ROWS = { SUB, RECEIPT, TOOK } as const;

// A JWE (ASCII, at most 48 KiB) spans at most two string properties: jwe0 and jwe1 (textColumns).

/** The unit's intake as published: current key, every kid kept, and the form's lists. */
export interface IntakeSetup {
  readonly kid: string;
  readonly publicJwk: IntakePublicJwk;
  readonly form: IntakeForm;
  readonly keptKids: readonly string[];
  readonly publishedAt: string;
}

/**
 * A pending item to store: its ciphertext and, for an appeal, the hash of its receipt secret; a
 * rating names the receipt it rates and that receipt's 编号, a sign-in its meeting's 会议编号.
 */
export interface SubmissionInput {
  readonly receiptId: string;
  readonly kid: string;
  readonly jwe: string;
  readonly secretHash?: string;
  readonly kind?: IntakeKind;
  readonly ratesReceiptId?: string;
  readonly appealId?: string;
  readonly meetingId?: string;
}

/** What `taken` did: the link kept, `already` when it was confirmed before; why not otherwise. */
export type TakenOutcome =
  | { readonly ok: true; readonly appealId: string; readonly takenAt: string; readonly already: boolean }
  | {
      readonly ok: false;
      /** `mismatch`: a rating or sign-in confirmed as another record than the one it names. */
      readonly reason: 'unknown' | 'taken-as-other' | 'mismatch';
      readonly appealId?: string;
    };

interface FormEntity {
  kid?: string;
  unitName?: string;
  workshops?: string;
  categories?: string;
  publishedAt?: string;
}

interface KeyEntity {
  x?: string;
  y?: string;
  publishedAt?: string;
}

/** A pending item's row (an appeal's has no kind: rows from before ratings and sign-ins). */
export interface SubEntity {
  kind?: string;
  ratesReceiptId?: string;
  appealId?: string;
  meetingId?: string;
  kid?: string;
  submittedAt?: string;
  secretHash?: string;
  jwe0?: string;
  jwe1?: string;
}

/**
 * The link receipt → 编号 once the pane took the appeal, with the last status the pane published
 * (ciphertext to the phone's reply key), whether it may be rated and the rating waiting, if any.
 */
export interface ReceiptEntity {
  appealId?: string;
  takenAt?: string;
  kid?: string;
  secretHash?: string;
  submittedAt?: string;
  status?: string;
  rateable?: boolean;
  statusAt?: string;
  ratingId?: string;
}

interface TookEntity {
  kind?: string;
  appealId?: string;
  takenAt?: string;
}

/** Whether the service answered 404. */
export const isNotFound = (e: unknown): boolean => statusOf(e) === 404;

/** The unit's published intake, or null when it has published no key. */
export async function getIntake(t: Tables, unitId: string): Promise<IntakeSetup | null> {
  let form: FormEntity;
  try {
    form = await t.intake.getEntity<FormEntity>(unitId, FORM_ROW);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
  const kid = form.kid ?? '';
  const keys = await keyRows(t, unitId);
  const current = keys.find((k) => k.rowKey === `${KEY}${kid}`);
  if (!current?.x || !current.y) return null;
  const publicJwk: IntakePublicJwk = { kty: 'EC', crv: 'P-256', x: current.x, y: current.y };
  return {
    kid,
    publicJwk,
    form: {
      ...(form.unitName ? { unitName: form.unitName } : {}),
      workshops: storedList<string>(form.workshops) ?? [],
      categories: storedList<string>(form.categories) ?? [],
    },
    keptKids: kidsOf(keys),
    publishedAt: form.publishedAt ?? '',
  };
}

/** Every key the unit published (the current one and those kept). */
const keyRows = (t: Tables, unitId: string): Promise<(KeyEntity & { rowKey?: string })[]> =>
  collect(
    t.intake.listEntities<KeyEntity>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unitId} and RowKey ge ${KEY} and RowKey lt ${prefixEnd(KEY)}`,
      },
    }),
  );

const kidsOf = (keys: readonly { readonly rowKey?: string }[]): string[] =>
  keys.map((k) => (k.rowKey ?? '').slice(KEY.length));

/** Whether the unit's intake partition holds a row with this key (a point read of nothing but its key). */
export async function intakeRowExists(t: Tables, unitId: string, rowKey: string): Promise<boolean> {
  try {
    await t.intake.getEntity(unitId, rowKey, { queryOptions: { select: ['RowKey'] } });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** Whether the unit has (or had) a key with this kid: the current one or one kept. */
export const hasKey = (t: Tables, unitId: string, kid: string): Promise<boolean> =>
  intakeRowExists(t, unitId, `${KEY}${kid}`);

/**
 * Publishes the unit's current key and form: the key row (kept by kid, so submissions to an
 * earlier key stay attributable), the form row naming it and the audit entry commit in one transaction.
 */
export async function publishIntake(
  t: Tables,
  unitId: string,
  key: { readonly kid: string; readonly publicJwk: IntakePublicJwk },
  form: IntakeForm,
  audit: AuditInput,
  at: Date,
): Promise<IntakeSetup> {
  const publishedAt = at.toISOString();
  const keyRow = {
    partitionKey: unitId,
    rowKey: `${KEY}${key.kid}`,
    x: key.publicJwk.x,
    y: key.publicJwk.y,
    publishedAt,
  };
  const formRow = {
    partitionKey: unitId,
    rowKey: FORM_ROW,
    kid: key.kid,
    workshops: jsonText(form.workshops),
    categories: jsonText(form.categories),
    ...(form.unitName ? { unitName: form.unitName } : {}),
    publishedAt,
  };
  checkEntity(keyRow, under('publicJwk'));
  checkEntity(formRow, under('form'));
  await t.intake.submitTransaction([
    ['upsert', keyRow, 'Replace'],
    ['upsert', formRow, 'Replace'],
    ['create', auditRow(unitId, audit, at)],
  ]);
  // What was just written is in hand: only the kids kept beside it are read.
  return {
    kid: key.kid,
    publicJwk: { kty: 'EC', crv: 'P-256', x: key.publicJwk.x, y: key.publicJwk.y },
    form: {
      ...(form.unitName ? { unitName: form.unitName } : {}),
      workshops: form.workshops,
      categories: form.categories,
    },
    keptKids: kidsOf(await keyRows(t, unitId)),
    publishedAt,
  };
}

/** A pending item's row, checked against the table's limits. */
export function submissionRow(unitId: string, s: SubmissionInput, at: Date) {
  const row = {
    partitionKey: unitId,
    rowKey: `${SUB}${s.receiptId}`,
    kid: s.kid,
    submittedAt: at.toISOString(),
    ...(s.secretHash !== undefined ? { secretHash: s.secretHash } : {}),
    ...(s.kind && s.kind !== 'appeal' ? { kind: s.kind } : {}),
    ...(s.ratesReceiptId !== undefined ? { ratesReceiptId: s.ratesReceiptId } : {}),
    ...(s.appealId !== undefined ? { appealId: storedText(s.appealId) } : {}),
    ...(s.meetingId !== undefined ? { meetingId: storedText(s.meetingId) } : {}),
    ...textColumns('jwe', s.jwe),
  };
  checkKey(row.rowKey, 'receiptId');
  checkEntity(row, under('jwe'));
  return row;
}

/** Stores a submission (create: a receipt id made twice is refused by the service, never overwritten). */
export async function addSubmission(
  t: Tables,
  unitId: string,
  s: SubmissionInput,
  at: Date,
): Promise<string> {
  const row = submissionRow(unitId, s, at);
  await t.intake.createEntity(row);
  return row.submittedAt;
}

/** A row's kind: absent on an appeal. */
export const kindOf = (e: SubEntity): IntakeKind =>
  e.kind === 'rating' || e.kind === 'signIn' ? e.kind : 'appeal';

const toSubmission = (e: SubEntity & { rowKey?: string }): IntakeSubmission => {
  const kind = kindOf(e);
  return {
    receiptId: (e.rowKey ?? '').slice(SUB.length),
    kind,
    kid: e.kid ?? '',
    jwe: columnsText(e, 'jwe'),
    submittedAt: e.submittedAt ?? '',
    ...(kind === 'rating'
      ? { ratesReceiptId: e.ratesReceiptId ?? '', appealId: readText(e.appealId) }
      : kind === 'signIn'
        ? { meetingId: readText(e.meetingId) }
        : {}),
  };
};

/**
 * A page of the unit's submissions waiting for the pane in receipt-id order, and the receipt id to
 * go on after (the API's continuation: a receipt id the caller can only echo, never an SDK token).
 */
export async function listSubmissions(
  t: Tables,
  unitId: string,
  pageSize: number,
  after?: string,
): Promise<{ readonly submissions: IntakeSubmission[]; readonly continuation?: string }> {
  const from = after ? `${SUB}${after}` : SUB;
  checkKey(from, 'continuation');
  const filter = after
    ? odata`PartitionKey eq ${unitId} and RowKey gt ${from} and RowKey lt ${prefixEnd(SUB)}`
    : odata`PartitionKey eq ${unitId} and RowKey ge ${from} and RowKey lt ${prefixEnd(SUB)}`;
  const pages = t.intake
    .listEntities<SubEntity>({
      queryOptions: {
        filter,
        select: [
          'RowKey',
          'kind',
          'ratesReceiptId',
          'appealId',
          'meetingId',
          'kid',
          'submittedAt',
          'jwe0',
          'jwe1',
        ],
      },
    })
    .byPage({ maxPageSize: pageSize });
  const submissions: IntakeSubmission[] = [];
  let more = false;
  for await (const page of pages) {
    for (const e of page) {
      if (submissions.length === pageSize) {
        more = true;
        break;
      }
      submissions.push(toSubmission(e));
    }
    if (more || submissions.length === pageSize) {
      more ||= page.continuationToken !== undefined;
      break;
    }
  }
  const last = submissions[submissions.length - 1];
  return { submissions, ...(more && last ? { continuation: last.receiptId } : {}) };
}

/**
 * Confirms a submission is in the workbook as `appealId`: the ciphertext row is deleted and the
 * receipt row (receipt → 编号, the secret's hash; no identity) and the audit entry created in one transaction, so a
 * failure leaves the submission waiting. Confirming again with the same 编号 answers the same.
 */
export async function takeSubmission(
  t: Tables,
  unitId: string,
  receiptId: string,
  appealId: string,
  audit: AuditInput,
  at: Date,
): Promise<TakenOutcome> {
  const receiptKey = `${RECEIPT}${receiptId}`;
  checkKey(receiptKey, 'receiptId');
  // Taken before: an appeal leaves its receipt link, a rating or sign-in a `took-` row.
  const already = async (): Promise<TakenOutcome | null> => {
    for (const rowKey of [receiptKey, `${TOOK}${receiptId}`])
      try {
        const r = await t.intake.getEntity<ReceiptEntity | TookEntity>(unitId, rowKey, {
          queryOptions: { select: ['appealId', 'takenAt'] },
        });
        const linked = readText(r.appealId);
        return linked === appealId
          ? { ok: true, appealId, takenAt: r.takenAt ?? '', already: true }
          : { ok: false, reason: 'taken-as-other', appealId: linked };
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    return null;
  };
  let sub: SubEntity;
  try {
    sub = await t.intake.getEntity<SubEntity>(unitId, `${SUB}${receiptId}`, {
      queryOptions: {
        select: ['kind', 'ratesReceiptId', 'appealId', 'meetingId', 'kid', 'submittedAt', 'secretHash'],
      },
    });
  } catch (e) {
    if (!isNotFound(e)) throw e;
    return (await already()) ?? { ok: false, reason: 'unknown' };
  }
  const kind = kindOf(sub);
  if (kind !== 'appeal') return takeItem(t, unitId, receiptId, kind, sub, appealId, audit, at, already);
  const takenAt = at.toISOString();
  const receipt = {
    partitionKey: unitId,
    rowKey: receiptKey,
    appealId: storedText(appealId),
    takenAt,
    kid: sub.kid ?? '',
    submittedAt: sub.submittedAt ?? '',
    secretHash: sub.secretHash ?? '',
  };
  checkEntity(receipt, under('appealId'));
  try {
    await t.intake.submitTransaction([
      // Unconditional (a transaction's delete takes no ETag): a racing take makes it 404 or the create 409.
      ['delete', { partitionKey: unitId, rowKey: `${SUB}${receiptId}` }],
      ['create', receipt],
      ['create', auditRow(unitId, audit, at)],
    ]);
  } catch (e) {
    // Two confirmations racing: the loser finds the winner's receipt row.
    const status = statusOf(e);
    if (status !== 404 && status !== 409 && status !== 412) throw e;
    return (await already()) ?? { ok: false, reason: 'unknown' };
  }
  return { ok: true, appealId, takenAt, already: false };
}

/**
 * Confirms a rating or sign-in is in the workbook: it names the record it belongs to (a rating the
 * 编号 linked to its receipt, a sign-in its 会议编号), so a confirmation naming another is refused.
 * The item goes and a `took-` row answers a repeat; a rating also closes its receipt for rating
 * until the pane publishes a new status (it decides whether one more may come).
 */
async function takeItem(
  t: Tables,
  unitId: string,
  itemId: string,
  kind: 'rating' | 'signIn',
  sub: SubEntity,
  appealId: string,
  audit: AuditInput,
  at: Date,
  already: () => Promise<TakenOutcome | null>,
): Promise<TakenOutcome> {
  const named = readText(kind === 'rating' ? sub.appealId : sub.meetingId);
  if (named !== appealId) return { ok: false, reason: 'mismatch', appealId: named };
  const takenAt = at.toISOString();
  const took = {
    partitionKey: unitId,
    rowKey: `${TOOK}${itemId}`,
    kind,
    appealId: storedText(appealId),
    takenAt,
  };
  checkEntity(took, under('appealId'));
  const actions: TransactionAction[] = [
    ['delete', { partitionKey: unitId, rowKey: `${SUB}${itemId}` }],
    ['create', took],
    ['create', auditRow(unitId, audit, at)],
  ];
  if (kind === 'rating' && sub.ratesReceiptId) {
    const linkKey = `${RECEIPT}${sub.ratesReceiptId}`;
    checkKey(linkKey, 'ratesReceiptId');
    try {
      const link = await t.intake.getEntity<ReceiptEntity>(unitId, linkKey, {
        queryOptions: { select: ['ratingId'] },
      });
      if (link.ratingId === itemId)
        actions.push([
          'update',
          { partitionKey: unitId, rowKey: linkKey, ratingId: '', rateable: false },
          'Merge',
          { etag: link.etag },
        ]);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  try {
    await t.intake.submitTransaction(actions);
  } catch (e) {
    const status = statusOf(e);
    if (status !== 404 && status !== 409 && status !== 412) throw e;
    return (await already()) ?? { ok: false, reason: 'unknown' };
  }
  return { ok: true, appealId, takenAt, already: false };
}

/** Deletes every unit's submissions stored before `before` (untaken past their time); returns how many. */
export async function purgeSubmissions(t: Tables, before: Date): Promise<number> {
  const old = await collect(
    t.intake.listEntities<SubEntity>({
      queryOptions: {
        filter: odata`RowKey ge ${SUB} and RowKey lt ${prefixEnd(SUB)} and submittedAt lt ${before.toISOString()}`,
        select: ['PartitionKey', 'RowKey'],
      },
    }),
  );
  return deleteFound(t.intake, old);
}
