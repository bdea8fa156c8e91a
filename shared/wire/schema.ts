// The wire contract as Zod schemas: what the functions accept (every request body and query) and
// what the add-in accepts back (every response it reads). The record rules are derived from the
// register definitions, so a field added to a register is a field the wire accepts, and nothing else.
import { z } from 'zod';
import { CellIssue, compileReader, type CellReader } from '../cells/read';
import { RATE_KEYS, type Figures } from '../ledger/figures';
import { findTextIdentities, type TextIdentityKind } from '../privacy/freeText';
import { REMINDER_KINDS } from '../reminders';
import { fieldsAtVersion, SCHEMA_VERSION } from '../schema/registers';
import type { FieldDef, RegisterDef } from '../schema/types';
import { ANONYMOUS, DEFAULT_VALUE_LISTS, VALUE_LISTS } from '../schema/valueLists';
import { type Bilingual, say } from '../text';
import { MAX_RECORDS, SYNC_REGISTERS, syncRegister } from './registers';

/** The error code of a request that carries an identity number in free text (not a malformed body). */
export const IDENTITY_IN_TEXT = 'identity-in-text';

/** At most this many UTF-16 units per text value: what an Excel cell and a Table Storage string hold. */
export const MAX_TEXT = 32_767;
/** A record key: at most this many UTF-16 units (the cloud escapes it into its row key). */
export const MAX_KEY = 200;
/** An escalation note: at most this many characters. */
export const MAX_NOTE = 2000;
/** A reply to an escalated appeal: at most this many characters. */
export const MAX_REPLY = 4000;
/** A unit's name: at most this many characters. */
export const MAX_UNIT_NAME = 100;

/** Unit ids are partition keys: a conservative alphabet that every table service accepts. */
export const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** A client-generated change id. */
export const CHANGE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
/**
 * A revision as the cloud issues it: the table service's ETag, `W/"datetime'<ISO time, colons
 * escaped>'"` (Azure gives 7 fractional digits). `*` would be an unconditional overwrite
 * (If-Match: *, https://learn.microsoft.com/en-us/rest/api/storageservices/update-entity2).
 */
export const REVISION = /^W\/"datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(?:\.\d{1,7})?Z'"$/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one: not text.
// With the u flag a pair is one code point, so any surrogate the pattern meets is a lone one. No
// lookbehind: Safari before 16.4 (WeChat on iPhone) rejects the whole script that holds one.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// C0 and C1 controls and the line/paragraph separators: text, but never part of an identifier.
// eslint-disable-next-line no-control-regex
const KEY_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

type Ctx = z.core.$RefinementCtx;

/** Adds a bilingual problem; `problem` marks a kind other than a malformed body (identity in text). */
function flag(ctx: Ctx, message: Bilingual, path: PropertyKey[] = [], problem?: string): void {
  ctx.addIssue({
    code: 'custom',
    message: message.en,
    params: { zh: message.zh, en: message.en, ...(problem ? { problem } : {}) },
    path,
    input: undefined,
  });
}

const loneSurrogate = say(
  '含有不成对的代理项（不是有效的文字）',
  'holds a lone surrogate (not valid Unicode text)',
);

const IDENTITY_KIND: Readonly<Record<TextIdentityKind, Bilingual>> = {
  mobile: say('手机号码', 'a mobile number'),
  landline: say('固定电话号码', 'a landline number'),
  idCard: say('身份证号码', 'an ID card number'),
};

/** The message for identity typed into free text. */
const identityInText = (kind: TextIdentityKind): Bilingual =>
  say(
    `含有${IDENTITY_KIND[kind].zh}：云端不接收诉求人身份信息，请删去后再同步`,
    `holds ${IDENTITY_KIND[kind].en}: appellant identity never goes to the cloud; remove it and sync again`,
  );

/** Checks well-formed text and, where asked, that no identity number was typed into it. */
function checkText(s: string, ctx: Ctx, identity: boolean): void {
  if (LONE_SURROGATE.test(s)) return flag(ctx, loneSurrogate);
  if (!identity) return;
  const found = findTextIdentities(s)[0];
  if (found) flag(ctx, identityInText(found.kind), [], IDENTITY_IN_TEXT);
}

/** Free text of at most `max` UTF-16 units, well-formed, and (by default) without identity numbers. */
export const wireText = (max: number, identity = true) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => checkText(s, ctx, identity));

/** Key-like text: 1–`max` units, well-formed, no control characters or line breaks; `identity`: no identity numbers either. */
function keyText(max: number, identity: boolean) {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      if (LONE_SURROGATE.test(s)) flag(ctx, loneSurrogate);
      else if (KEY_FORBIDDEN.test(s))
        flag(
          ctx,
          say(
            '记录键不能包含控制字符或换行符',
            'a record key may not hold control characters or line breaks',
          ),
        );
      else if (identity) checkText(s, ctx, true);
    });
}

/**
 * A record key: 1–200 units of well-formed text without control characters, line separators or
 * identity numbers. Keys are built from typed text (a topic's key is its workshop and number), and a
 * key travels and is stored where no value check looks, so it is checked as free text is.
 */
export const recordKeySchema = keyText(MAX_KEY, true);

/** A unit id. */
export const unitIdSchema = z.string().regex(UNIT_ID);

/** A revision the cloud issued (never `*`). */
export const revisionSchema = z.string().max(64).regex(REVISION);

/** An ISO date-time with its zone, as the cloud writes times. */
const isoTime = z.iso.datetime({ offset: true });
/** A YYYY-MM-DD date. */
const isoDate = z.iso.date();

/** A register value as it travels: numbers for number fields, text (dates as YYYY-MM-DD) otherwise. */
export const wireValueSchema = z.union([z.string(), z.number()]);

/** The number of fields of the widest synced register: no `changed` list is longer. */
const MAX_FIELDS = Math.max(...SYNC_REGISTERS.map((r) => r.fields.length));

/** One changed record pushed by the add-in, as it travels; its values are checked against its register. */
export const pushRecordSchema = z.strictObject({
  register: z.string().max(64),
  key: recordKeySchema,
  /** Client-generated id of this change; a retried push with the same id changes nothing twice. */
  changeId: z.string().regex(CHANGE_ID),
  /** The revision the clerk edited from; null for a record the cloud has never seen. */
  baseRevision: revisionSchema.nullable(),
  values: z.record(z.string().max(64), wireValueSchema).optional(),
  deleted: z.boolean().optional(),
  /** Field keys the clerk changed (kept in the audit log): each at most once. */
  changed: z.array(z.string().max(64)).max(MAX_FIELDS).optional(),
});

// ---- the values of a record, derived from its register ----

const identityField = (f: FieldDef): Bilingual =>
  say(
    `不得向云端上传诉求人身份信息“${f.header}”：云端只接收编号、类别和内容`,
    `appellant identity (${f.key}) must never be sent to the cloud; strip it before syncing`,
  );

const readers = new Map<FieldDef, CellReader>();
const readerOf = (f: FieldDef): CellReader => {
  let r = readers.get(f);
  if (!r) readers.set(f, (r = compileReader(f, { lists: DEFAULT_VALUE_LISTS, external: true })));
  return r;
};

/** The rules the workbook check applies to a cell, applied to a value as it arrives. */
function checkField(f: FieldDef, v: string | number, ctx: Ctx): void {
  if (v === '') return;
  if (f.type === 'enum' && f.list) {
    // Extensible lists grow on each workbook's 值列表 sheet; fixed ones carry meaning the figures rely on.
    const list = VALUE_LISTS[f.list];
    if (!list.extensible && !(list.values as readonly string[]).includes(v as string))
      flag(
        ctx,
        say(`“${String(v)}”不在“${f.header}”的可选值中`, `"${String(v)}" is not an allowed ${f.key} value`),
      );
    return;
  }
  const out = readerOf(f)(v);
  if (out instanceof CellIssue && out.severity === 'error') flag(ctx, out.message);
  else if (f.type === 'date' && out !== v)
    flag(ctx, say('日期应写成 YYYY-MM-DD', 'dates travel as YYYY-MM-DD'));
}

/** The schema of one field's value: identity refused, then type, length, text rules and the field's own. */
function fieldSchema(f: FieldDef): z.ZodType {
  if (f.identity)
    return z
      .unknown()
      .superRefine((v, ctx) => {
        // Only the word 匿名 may stand in a name field: it says the appeal is anonymous, naming no one.
        if (v !== undefined && !(f.identity === 'name' && v === ANONYMOUS)) flag(ctx, identityField(f));
      })
      .optional();
  if (f.type === 'number')
    return z
      .number()
      .superRefine((v, ctx) => checkField(f, v, ctx))
      .optional();
  return wireText(MAX_TEXT)
    .superRefine((v, ctx) => checkField(f, v, ctx))
    .optional();
}

const valuesSchemas = new Map<string, z.ZodType>();

/** The values a record of `register` may carry at a schema version: its fields, nothing else. */
export function recordValuesSchema(register: RegisterDef, version: number): z.ZodType {
  const id = `${register.key}@${version}`;
  let s = valuesSchemas.get(id);
  if (!s) {
    const fields = fieldsAtVersion(register, version);
    const noSuchField = z
      .unknown()
      .superRefine((_v, ctx) =>
        flag(ctx, say(`“${register.sheet}”没有这个字段`, `${register.key} has no such field`)),
      );
    s = z.object(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f)]))).catchall(noSuchField);
    valuesSchemas.set(id, s);
  }
  return s;
}

/** Forwards the issues of a nested check under `path`. */
function forward(ctx: Ctx, issues: readonly z.core.$ZodIssue[], path: PropertyKey[]): void {
  for (const i of issues)
    ctx.addIssue({ ...i, path: [...path, ...i.path] } as Parameters<Ctx['addIssue']>[0]);
}

/** The register-level rules of one record: its register, values, `changed` list and key. */
function checkRecord(r: z.infer<typeof pushRecordSchema>, i: number, version: number, ctx: Ctx): void {
  const at = (...p: PropertyKey[]) => ['records', i, ...p];
  const register = syncRegister(r.register);
  if (!register)
    return flag(ctx, say('不是可同步的登记表', 'not a register the cloud keeps'), at('register'));
  const deleted = r.deleted === true;
  if (deleted && r.baseRevision === null)
    flag(ctx, say('删除记录须给出其版本', 'a deletion needs the revision it deletes'), at('baseRevision'));
  if (!deleted && r.values === undefined)
    return flag(
      ctx,
      say('未删除的记录须给出其值', 'a record that is not deleted needs its values'),
      at('values'),
    );
  if (!deleted) {
    const values = r.values ?? {};
    const checked = recordValuesSchema(register, version).safeParse(values);
    if (!checked.success) forward(ctx, checked.error.issues, at('values'));
    if (register.idField && values[register.idField] !== r.key)
      flag(ctx, say('应与记录键相同', 'must equal the record key'), at('values', register.idField));
  }
  if (r.changed) {
    const keys = new Set(fieldsAtVersion(register, version).map((f) => f.key));
    r.changed.forEach((c, j) => {
      if (!keys.has(c))
        flag(
          ctx,
          say(`“${register.sheet}”没有字段 ${c}`, `${register.key} has no field ${c}`),
          at('changed', j),
        );
    });
    if (new Set(r.changed).size !== r.changed.length)
      flag(ctx, say('同一字段不得列出两次', 'a field may be listed only once'), at('changed'));
  }
}

/** The body of POST /api/units/{unitId}/sync. */
export const syncRequestSchema = z
  .strictObject({
    schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION),
    /** Opaque cursor from the previous response; absent on the first sync. */
    cursor: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
    records: z.array(pushRecordSchema).max(MAX_RECORDS).optional(),
    /** Quarters whose work ledger the workbook has built, as '2025Q3'. */
    ledgersBuilt: z
      .array(z.string().regex(/^\d{4}Q[1-4]$/))
      .max(400)
      .optional(),
    /** ISO time of the newest escalation already seen. */
    escalationsSince: isoTime.optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    (body.records ?? []).forEach((r, i) => {
      checkRecord(r, i, body.schemaVersion, ctx);
      const id = `${r.register}|${r.key}`;
      if (seen.has(id))
        flag(ctx, say('同一记录在本次请求中出现两次', 'the same record appears twice in this request'), [
          'records',
          i,
          'key',
        ]);
      seen.add(id);
    });
  });

/** Hands an appeal up to the parent unit. */
export const escalationCreateSchema = z.strictObject({
  appealId: recordKeySchema,
  note: wireText(MAX_NOTE).optional(),
});

/**
 * The id of an escalation at one level, as the receiving unit names it: the child's 编号 for an
 * appeal handed up, `<origin unit>/<origin 编号>` for one passed further up (see forwardedAppealId),
 * so the origin unit's prefix keeps the 编号 of two children apart.
 */
export const escalatedIdSchema = keyText(MAX_KEY + 65, false);

/** The id the escalation passed further up carries: the origin unit, a slash, the origin 编号. */
export const forwardedAppealId = (origin: { readonly unitId: string; readonly appealId: string }): string =>
  `${origin.unitId}/${origin.appealId}`;

/** Which escalation handed up to this unit a request is about: the child unit and the id it came as. */
const incomingRef = { fromUnit: unitIdSchema, appealId: escalatedIdSchema };

/** The parent unit's answer to an appeal handed up to it. */
export const escalationReplyRequestSchema = z.strictObject({
  reply: z.strictObject({ ...incomingRef, text: wireText(MAX_REPLY).min(1) }),
});

/**
 * The parent takes an appeal handed up into its own register: `acceptedAs` is the 编号 its workbook
 * gave the new appeal, which the child (and every level below) then sees with status accepted.
 */
export const escalationAcceptRequestSchema = z.strictObject({
  accept: z.strictObject({
    ...incomingRef,
    acceptedAs: recordKeySchema,
    note: wireText(MAX_NOTE).optional(),
  }),
});

/**
 * The parent passes an appeal handed up to it one level further, to its own parent: a new
 * escalation linked to the origin unit and 编号; replies from above come back down every level.
 */
export const escalationForwardRequestSchema = z.strictObject({
  forward: z.strictObject({ ...incomingRef, note: wireText(MAX_NOTE).optional() }),
});

/**
 * The body of POST /api/units/{unitId}/escalations: hand an appeal up (`{appealId, note?}`), or act
 * on one handed up to this unit: `{reply}`, `{accept}`, `{forward}`.
 */
export const escalationRequestSchema = z.union([
  escalationCreateSchema,
  escalationReplyRequestSchema,
  escalationAcceptRequestSchema,
  escalationForwardRequestSchema,
]);

/** The schema a body of the escalations endpoint is checked against, chosen by its action key. */
export const escalationSchemaFor = (body: unknown) => {
  if (typeof body !== 'object' || body === null) return escalationCreateSchema;
  if ('reply' in body) return escalationReplyRequestSchema;
  if ('accept' in body) return escalationAcceptRequestSchema;
  if ('forward' in body) return escalationForwardRequestSchema;
  return escalationCreateSchema;
};

/**
 * The body of PUT /api/units/{unitId}/config. Channels are checked by the functions' channel rules
 * (kinds, allowed webhook hosts), which hold secrets and host lists the wire does not know.
 */
export const unitConfigRequestSchema = z.strictObject({
  name: wireText(MAX_UNIT_NAME).optional(),
  /** The parent unit; empty detaches the unit from the tree. */
  parentId: z.union([z.literal(''), unitIdSchema]).optional(),
  channels: z.unknown().optional(),
});

const yearMessage = say('年份应为 2000–2100 的整数', 'year must be a whole number 2000–2100');
const quarterMessage = say(
  '季度应为 1–4（0 或留空表示全年）',
  'quarter must be 1–4 (0 or absent: the whole year)',
);

/** The query of GET /api/orgs/{orgId}/summary: `year`, and `quarter` (absent, empty or 0: the year). */
export const summaryQuerySchema = z.strictObject({
  year: z
    .string()
    .optional()
    .superRefine((y, ctx) => {
      if (y === undefined || !/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
        flag(ctx, yearMessage);
    })
    .transform(Number),
  quarter: z
    .string()
    .optional()
    .superRefine((q, ctx) => {
      if (q !== undefined && !/^[0-4]?$/.test(q)) flag(ctx, quarterMessage);
    })
    .transform((q) => (q ? Number(q) : 0) as 0 | 1 | 2 | 3 | 4),
});

/** The query of GET /api/units/{unitId}/reminders: none. */
export const remindersQuerySchema = z.strictObject({});

// ---- responses ----

const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
const valuesSchema = z.record(z.string(), wireValueSchema);

/** A version of a record as the cloud holds it. */
export const storedVersionSchema = z.object({
  revision: z.string(),
  values: valuesSchema,
  deleted: z.boolean(),
  /** Removed by the retention job; values are gone. */
  purged: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** A record changed since the client's cursor. */
export const pulledRecordSchema = storedVersionSchema.extend({ register: z.string(), key: z.string() });

/** What happened to one pushed record that was not a conflict. */
export const pushResultSchema = z.object({
  register: z.string(),
  key: z.string(),
  changeId: z.string(),
  /** applied: written now; duplicate: this change id was applied before; unchanged: the cloud already had these values. */
  status: z.enum(['applied', 'duplicate', 'unchanged']),
  revision: z.string(),
});

/** A stale edit: nothing was overwritten; both versions come back for the clerk to choose. */
export const syncConflictSchema = z.object({
  register: z.string(),
  key: z.string(),
  changeId: z.string(),
  yours: z.object({ baseRevision: z.string().nullable(), values: valuesSchema, deleted: z.boolean() }),
  /** The cloud's current version, or null when the cloud no longer has the record. */
  theirs: storedVersionSchema.nullable(),
});

/** The parent unit's answer to an escalated appeal. */
export const escalationReplySchema = z.object({
  at: z.string(),
  by: z.string(),
  text: z.string(),
  /** The unit that wrote it, when a level above (after a forward) answered: absent for the receiving unit. */
  unit: z.string().optional(),
});

/**
 * Where an escalation stands at its level: open (等待答复), replied (已答复), accepted into a
 * register above (已受理, with `acceptedAs`), forwarded one level further up (已转报, `forwardedTo`).
 * A reply or acceptance above a forward comes down to every level below it.
 */
export const ESCALATION_STATUSES = ['open', 'replied', 'accepted', 'forwarded'] as const;

/** What a clerk reads for each escalation status. */
export const ESCALATION_STATUS_TEXT: Readonly<Record<(typeof ESCALATION_STATUSES)[number], Bilingual>> = {
  open: say('等待答复', 'awaiting reply'),
  replied: say('已答复', 'replied'),
  accepted: say('已受理', 'accepted'),
  forwarded: say('已转报', 'passed further up'),
};

/** The unit and 编号 an appeal was first handed up from. */
export const escalationOriginSchema = z.object({ unitId: z.string(), appealId: z.string() });

/** An appeal handed up to the parent unit, without appellant identity. */
export const escalationViewSchema = z.object({
  /** in: handed up to this unit; out: this unit handed it up. */
  direction: z.enum(['in', 'out']),
  fromUnit: z.string(),
  toUnit: z.string(),
  /** The id at this level: the origin 编号, or forwardedAppealId(origin) once passed further up. */
  appealId: z.string(),
  snapshot: valuesSchema,
  note: z.string(),
  /** When it was sent at this level: the age an inbox shows and reminders count from. */
  escalatedAt: z.string(),
  status: z.enum(ESCALATION_STATUSES),
  replies: z.array(escalationReplySchema),
  updatedAt: z.string(),
  /** Where it started; the same at every level it passed. */
  origin: escalationOriginSchema,
  /** The units it passed, from the origin unit to `toUnit` (two for an appeal handed up once). */
  chain: z.array(z.string()),
  /** With status accepted: the 编号 it was given in the accepting unit's register, and that unit. */
  acceptedAs: z.string().optional(),
  acceptedBy: z.string().optional(),
  /** With status forwarded (or a later reply from above): the unit it was passed on to. */
  forwardedTo: z.string().optional(),
});

/** The response of POST /api/units/{unitId}/sync. */
export const syncResponseSchema = z.object({
  results: z.array(pushResultSchema),
  conflicts: z.array(syncConflictSchema),
  changes: z.array(pulledRecordSchema),
  cursor: z.string(),
  /** More changes wait beyond `cursor`; sync again. */
  more: z.boolean(),
  escalations: z.array(escalationViewSchema),
  serverTime: z.string(),
});

/** A reminder as the API returns it; `fromUnit` marks an appeal escalated from a child unit. */
export const reminderViewSchema = z.object({
  kind: z.enum(REMINDER_KINDS),
  status: z.enum(['dueSoon', 'overdue']),
  due: isoDate,
  appealId: z.string().optional(),
  department: z.string().optional(),
  message: bilingualSchema,
  warning: bilingualSchema.optional(),
  /** Stable identity of the item, so a channel never gets the same one twice on a day. */
  key: z.string(),
  fromUnit: z.string().optional(),
});

/** The response of GET /api/units/{unitId}/reminders. */
export const remindersResponseSchema = z.object({
  unitId: z.string(),
  today: isoDate,
  reminders: z.array(reminderViewSchema),
});

const periodSchema = z.object({
  year: z.number().int(),
  /** 1–4, or 0 for the whole year. */
  quarter: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});

const rateSchema = z.object({
  key: z.enum(RATE_KEYS),
  name: bilingualSchema,
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  text: z.string(),
  numeratorText: bilingualSchema,
  denominatorText: bilingualSchema,
});

/** A period's figures as the summary carries them (the domain's Figures). */
export const figuresSchema = z.object({
  period: periodSchema,
  asOf: z.string(),
  received: z.number(),
  rates: z.record(z.enum(RATE_KEYS), rateSchema),
}) satisfies z.ZodType<Figures>;

/** One unit's figures in a summary. */
export const unitFiguresSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  parentId: z.string(),
  /** Depth below the summary's org unit: 0 for the org itself, 1 for its children… */
  level: z.number().int().min(0),
  /** The unit's last sync (ISO time), '' if it never synced. */
  lastSyncAt: z.string(),
  /**
   * Whether it synced after the period's last day (China date; for a period not yet over: synced
   * today). When false its figures are what the cloud last heard: mark it, never read it as zero.
   */
  synced: z.boolean(),
  figures: figuresSchema,
});

/** A node of the unit tree with the figures of its whole subtree. */
export interface TreeFigures {
  readonly unitId: string;
  readonly name: string;
  readonly figures: Figures;
  readonly children: readonly TreeFigures[];
}

/** The schema of a unit tree node (recursive, so its type is written out above). */
export const treeFiguresSchema: z.ZodType<TreeFigures> = z.lazy(() =>
  z.object({
    unitId: z.string(),
    name: z.string(),
    figures: figuresSchema,
    children: z.array(treeFiguresSchema),
  }),
);

/** The response of GET /api/orgs/{orgId}/summary. */
export const summaryResponseSchema = z.object({
  orgId: z.string(),
  period: periodSchema,
  asOf: z.string(),
  units: z.array(unitFiguresSchema),
  tree: treeFiguresSchema,
});

/** One unit of a tree as GET /api/orgs/{orgId}/units lists it. */
export const unitNodeSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  /** '' at the top of the tree. */
  parentId: z.string(),
  /** ISO time of the unit's last sync, '' if never. */
  lastSyncAt: z.string(),
  /** Whether the caller holds the configure right over it (setting a parent needs it on both units). */
  configurable: z.boolean(),
});

/** The response of GET /api/orgs/{orgId}/units: orgId and every unit below it, orgId first. */
export const unitsResponseSchema = z.object({
  orgId: z.string(),
  units: z.array(unitNodeSchema),
});

/** A problem with one field of a request. */
export const fieldProblemSchema = z.object({ path: z.string(), message: bilingualSchema });

/** Every error response's body. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: bilingualSchema,
    path: z.string().optional(),
    limit: z.number().optional(),
    problems: z.array(fieldProblemSchema).optional(),
    /** With `record-purged`: every record of the request the retention job has purged. */
    purged: z.array(z.object({ register: z.string(), key: z.string() })).optional(),
  }),
});

// ---- problems ----

/** A path as the API names it: `records[3].values.content`; `$` for the whole body. */
export function wirePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '$';
}

const TYPE_NAMES: Readonly<Record<string, Bilingual>> = {
  object: say('对象', 'an object'),
  array: say('数组', 'an array'),
  string: say('文字', 'a string'),
  number: say('数字', 'a number'),
  int: say('整数', 'a whole number'),
  boolean: say('true 或 false', 'true or false'),
};

/** The bilingual message of one issue. */
function messageOf(i: z.core.$ZodIssue): Bilingual {
  switch (i.code) {
    case 'custom': {
      const p = i.params as { zh?: string; en?: string } | undefined;
      return p?.zh && p.en ? say(p.zh, p.en) : say(`无效：${i.message}`, `invalid: ${i.message}`);
    }
    case 'invalid_type': {
      const t = TYPE_NAMES[i.expected] ?? say(i.expected, i.expected);
      return i.input === undefined
        ? say(`缺少此项（应为${t.zh}）`, `required (${t.en})`)
        : say(`应为${t.zh}`, `expected ${t.en}`);
    }
    case 'too_big':
      return i.origin === 'string'
        ? say(`不得超过 ${String(i.maximum)} 个字符`, `at most ${String(i.maximum)} characters`)
        : i.origin === 'array'
          ? say(`最多 ${String(i.maximum)} 项`, `at most ${String(i.maximum)} entries`)
          : say(`不得大于 ${String(i.maximum)}`, `at most ${String(i.maximum)}`);
    case 'too_small':
      return i.origin === 'string'
        ? Number(i.minimum) <= 1
          ? say('不能为空', 'may not be empty')
          : say(`至少 ${String(i.minimum)} 个字符`, `at least ${String(i.minimum)} characters`)
        : i.origin === 'array'
          ? say(`至少 ${String(i.minimum)} 项`, `at least ${String(i.minimum)} entries`)
          : say(`不得小于 ${String(i.minimum)}`, `at least ${String(i.minimum)}`);
    case 'invalid_format':
      return say(`格式不对（${i.format}）`, `wrong format (${i.format})`);
    case 'invalid_union':
    case 'invalid_value':
      return say('不是允许的值', 'not an allowed value');
    default:
      return say(`无效：${i.message}`, `invalid: ${i.message}`);
  }
}

/** A wire check's outcome: the parsed value, or what is wrong and which error code says it. */
export type WireCheck<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** invalid-body, or identity-in-text when identity numbers in free text are all that is wrong. */
      readonly code: 'invalid-body' | typeof IDENTITY_IN_TEXT;
      readonly problems: readonly { readonly path: string; readonly message: Bilingual }[];
    };

/** Checks a value against a wire schema, turning Zod's issues into problems named by path. */
export function checkWire<S extends z.ZodType>(schema: S, input: unknown): WireCheck<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  const malformed: { path: string; message: Bilingual }[] = [];
  const identity: { path: string; message: Bilingual }[] = [];
  for (const i of r.error.issues) {
    const kind = i.code === 'custom' ? (i.params as { problem?: string } | undefined)?.problem : undefined;
    // One problem per unknown field, at its own path.
    if (i.code === 'unrecognized_keys')
      for (const k of i.keys)
        malformed.push({ path: wirePath([...i.path, k]), message: say('不认识的字段', 'unknown field') });
    else
      (kind === IDENTITY_IN_TEXT ? identity : malformed).push({
        path: wirePath(i.path),
        message: messageOf(i),
      });
  }
  // A malformed body is named by its first malformed field; identity problems are listed after.
  return malformed.length
    ? { ok: false, code: 'invalid-body', problems: [...malformed, ...identity] }
    : { ok: false, code: IDENTITY_IN_TEXT, problems: identity };
}

/** Keeps a parsed type's readonly promise all the way down, as the contract's hand-written types did. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
