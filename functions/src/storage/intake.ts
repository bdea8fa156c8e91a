// The phone intake's storage: per unit, its published keys and form, the submissions waiting for the
// pane (ciphertext only) and, once taken, the link receipt → 编号 (no identity). Rate-limit counters
// live in their own table, one partition per time window, so expired windows go by partition.
import { odata } from '@azure/data-tables';
import type { IntakeForm, IntakePublicJwk, IntakeSubmission } from '../../../shared';
import { jsonText, prefixEnd, readText, storedList, storedText } from './keys';
import { checkEntity, checkKey, under } from './limits';
import { collect, statusOf, type Tables } from './tables';
import { auditRow, type AuditInput } from './audit';

const FORM_ROW = 'form';
const KEY = 'key-';
const SUB = 'sub-';
const RECEIPT = 'rcpt-';

// A string property holds at most 32,767 UTF-16 units; a JWE (ASCII) up to 48 KiB spans two.
const JWE_CHUNK = 32_000;
const JWE_PARTS = 2;

/** The unit's intake as published: current key, every kid kept, and the form's lists. */
export interface IntakeSetup {
  readonly kid: string;
  readonly publicJwk: IntakePublicJwk;
  readonly form: IntakeForm;
  readonly keptKids: readonly string[];
  readonly publishedAt: string;
}

/** A submission to store: its ciphertext and the hash of its receipt secret. */
export interface SubmissionInput {
  readonly receiptId: string;
  readonly kid: string;
  readonly jwe: string;
  readonly secretHash: string;
}

/** What `taken` did: the link kept, `already` when it was confirmed before; why not otherwise. */
export type TakenOutcome =
  | { readonly ok: true; readonly appealId: string; readonly takenAt: string; readonly already: boolean }
  | { readonly ok: false; readonly reason: 'unknown' | 'taken-as-other'; readonly appealId?: string };

interface FormEntity {
  kid?: string;
  workshops?: string;
  categories?: string;
  publishedAt?: string;
}

interface KeyEntity {
  x?: string;
  y?: string;
  publishedAt?: string;
}

interface SubEntity {
  kid?: string;
  submittedAt?: string;
  secretHash?: string;
  jwe0?: string;
  jwe1?: string;
}

interface ReceiptEntity {
  appealId?: string;
  takenAt?: string;
  kid?: string;
  secretHash?: string;
  submittedAt?: string;
}

const jweColumns = (jwe: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let i = 0; i < JWE_PARTS; i++) {
    const part = jwe.slice(i * JWE_CHUNK, (i + 1) * JWE_CHUNK);
    if (part) out[`jwe${i}`] = part;
  }
  return out;
};

const isNotFound = (e: unknown): boolean => statusOf(e) === 404;

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
  const keys = await collect(
    t.intake.listEntities<KeyEntity>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unitId} and RowKey ge ${KEY} and RowKey lt ${prefixEnd(KEY)}`,
      },
    }),
  );
  const current = keys.find((k) => k.rowKey === `${KEY}${kid}`);
  if (!current?.x || !current.y) return null;
  const publicJwk: IntakePublicJwk = { kty: 'EC', crv: 'P-256', x: current.x, y: current.y };
  return {
    kid,
    publicJwk,
    form: {
      workshops: storedList<string>(form.workshops) ?? [],
      categories: storedList<string>(form.categories) ?? [],
    },
    keptKids: keys.map((k) => (k.rowKey ?? '').slice(KEY.length)),
    publishedAt: form.publishedAt ?? '',
  };
}

/** Whether the unit has (or had) a key with this kid: the current one or one kept. */
export async function hasKey(t: Tables, unitId: string, kid: string): Promise<boolean> {
  try {
    await t.intake.getEntity(unitId, `${KEY}${kid}`, { queryOptions: { select: ['publishedAt'] } });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

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
    publishedAt,
  };
  checkEntity(keyRow, under('publicJwk'));
  checkEntity(formRow, under('form'));
  await t.intake.submitTransaction([
    ['upsert', keyRow, 'Replace'],
    ['upsert', formRow, 'Replace'],
    ['create', auditRow(unitId, audit, at)],
  ]);
  return (await getIntake(t, unitId)) as IntakeSetup;
}

/** Stores a submission (create: a receipt id made twice is refused by the service, never overwritten). */
export async function addSubmission(
  t: Tables,
  unitId: string,
  s: SubmissionInput,
  at: Date,
): Promise<string> {
  const submittedAt = at.toISOString();
  const row = {
    partitionKey: unitId,
    rowKey: `${SUB}${s.receiptId}`,
    kid: s.kid,
    submittedAt,
    secretHash: s.secretHash,
    ...jweColumns(s.jwe),
  };
  checkKey(row.rowKey, 'receiptId');
  checkEntity(row, under('jwe'));
  await t.intake.createEntity(row);
  return submittedAt;
}

const toSubmission = (e: SubEntity & { rowKey?: string }): IntakeSubmission => ({
  receiptId: (e.rowKey ?? '').slice(SUB.length),
  kind: 'appeal',
  kid: e.kid ?? '',
  jwe: `${e.jwe0 ?? ''}${e.jwe1 ?? ''}`,
  submittedAt: e.submittedAt ?? '',
});

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
      queryOptions: { filter, select: ['RowKey', 'kid', 'submittedAt', 'jwe0', 'jwe1'] },
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
  const already = async (): Promise<TakenOutcome | null> => {
    try {
      const r = await t.intake.getEntity<ReceiptEntity>(unitId, receiptKey);
      const linked = readText(r.appealId);
      return linked === appealId
        ? { ok: true, appealId, takenAt: r.takenAt ?? '', already: true }
        : { ok: false, reason: 'taken-as-other', appealId: linked };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  };
  let sub: SubEntity;
  try {
    sub = await t.intake.getEntity<SubEntity>(unitId, `${SUB}${receiptId}`, {
      queryOptions: { select: ['kid', 'submittedAt', 'secretHash'] },
    });
  } catch (e) {
    if (!isNotFound(e)) throw e;
    return (await already()) ?? { ok: false, reason: 'unknown' };
  }
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
  for (const e of old) {
    try {
      await t.intake.deleteEntity(e.partitionKey as string, e.rowKey as string);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return old.length;
}
