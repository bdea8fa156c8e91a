import {
  chinaDay,
  ANONYMOUS,
  appealRegister,
  type Bilingual,
  type EscalationView,
  findTextIdentities,
  MAX_NOTE,
  MAX_REPLY,
  RELAYED,
  say,
  TRACKING_IN_PROGRESS,
  type UnitsResponse,
  type ValueLists,
  type WireValue,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../shared';
import type { ExcelRun } from '../excel/context';
import {
  appendAcceptedAppeal,
  markEscalated,
  nextAppealId,
  writeReplyEntries,
  type ReplyEntry,
} from '../excel/escalation';
import type { WriteConflict } from '../excel/external';
import {
  ApiFailure,
  cloudValues,
  type EscalationApi,
  type IncomingRef,
  type KeyValueStore,
  type SyncApi,
} from '../sync';

/** An action on escalations the pane refuses before anything is sent, with the field it is about. */
export class EscalationRefused extends Error {
  constructor(
    readonly reason: Bilingual,
    /** The form field at fault (note, text), when one is. */
    readonly field?: string,
  ) {
    super(reason.en);
  }
}

/** What handing the selected appeal up will send, shown to the clerk before it goes. */
export interface HandUpPreview {
  readonly appealId: string;
  /** The appeal as the cloud holds it and the parent will see it: no name, no phone, numbers in text hidden. */
  readonly values: Readonly<Record<string, WireValue>>;
  readonly note: string;
}

/** What handing an appeal up did. */
export interface HandUpReport {
  readonly appealId: string;
  /** The unit it went to. */
  readonly toUnit: string;
  /** Cells filled on the appeal's row (上报日期, 上级单位): 0 when the clerk had typed both. */
  readonly filled: number;
  /** Cells the clerk had typed differently: kept, not overwritten. */
  readonly kept: readonly WriteConflict[];
}

/** What accepting an escalation into this unit's register did. */
export interface AcceptReport {
  /** The 编号 the new appeal got in this unit's register. */
  readonly acceptedAs: string;
  readonly view: EscalationView;
}

/** The tracking entries replies from above became in one sync. */
export interface ReplyWriteReport {
  readonly written: number;
  /** Cells a clerk had filled differently on an existing entry: kept. */
  readonly kept: number;
  /** Entries the workbook refused (e.g. a status not in its 值列表), with why. */
  readonly refused: readonly { readonly appealId: string; readonly message: Bilingual }[];
}

/** A pane's escalations: hand an appeal up, act on those handed up to it, and the unit tree. */
export interface EscalationOperations {
  /** What will go up for the appeal `appealId` with `note`; refuses a note holding identity. */
  previewHandUp(appealId: string, note: string, today: string): Promise<HandUpPreview>;
  /** Syncs (so the cloud holds the appeal as it is now), hands it up, and fills 上报日期/上级单位. */
  handUp(appealId: string, note: string, today: string): Promise<HandUpReport>;
  /** Escalations as the last sync (and this pane's own actions since) left them. */
  list(): readonly EscalationView[];
  /** Answers an escalation handed up to this unit; `status` (a 办理状态) travels as 【status】 before the text. */
  reply(ref: IncomingRef, text: string, status?: string): Promise<EscalationView>;
  /** Takes it into this unit's 职工诉求记录表 as a new appeal (受理方式 转达), then tells the cloud its 编号. */
  accept(ref: IncomingRef, today: string): Promise<AcceptReport>;
  /** Passes it one level further up, with a note. */
  forward(ref: IncomingRef, note: string): Promise<EscalationView>;
  /** The unit tree below `orgId` (this unit unless given). */
  units(orgId?: string): Promise<UnitsResponse>;
  /** Puts `unitId` under `parentId` ('' detaches it); needs the configure right over both. */
  setParent(unitId: string, parentId: string): Promise<void>;
}

/** What the escalation operations need from the cloud connection. */
export interface EscalationDeps {
  readonly run: ExcelRun;
  readonly unitId: string;
  readonly api: SyncApi;
  readonly escalationApi: EscalationApi;
  readonly store: KeyValueStore;
  /** The escalations the sync client holds. */
  readonly synced: () => readonly EscalationView[];
  /** The workbook's appeal rows as staged for the cloud, and its value lists. */
  readonly workbook: (
    today: string,
  ) => Promise<{ appeals: ReadonlyMap<string, Readonly<Record<string, unknown>>>; lists: ValueLists }>;
  /** A whole sync; resolves with its error when it failed. */
  readonly sync: (today: string) => Promise<Bilingual | undefined>;
}

const viewKey = (e: Pick<EscalationView, 'direction' | 'fromUnit' | 'toUnit' | 'appealId'>) =>
  `${e.direction}|${e.fromUnit}|${e.toUnit}|${e.appealId}`;

const FIELD_TEXT: Readonly<Record<string, Bilingual>> = {
  note: say('上报说明', 'note'),
  text: say('答复内容', 'reply'),
};

/** Refuses text that carries a phone or ID number, naming the field, before anything leaves. */
export function checkFreeText(field: 'note' | 'text', text: string, max: number): void {
  const label = FIELD_TEXT[field] as Bilingual;
  if (text.length > max)
    throw new EscalationRefused(
      say(`“${label.zh}”超过 ${max} 个字`, `the ${label.en} is longer than ${max} characters`),
      field,
    );
  const found = findTextIdentities(text)[0];
  if (!found) return;
  const kind = {
    mobile: say('手机号码', 'a mobile number'),
    landline: say('固定电话号码', 'a landline number'),
    idCard: say('身份证号码', 'an ID card number'),
  }[found.kind];
  throw new EscalationRefused(
    say(
      `“${label.zh}”含有${kind.zh}：诉求人身份信息不上报，请删去后再发送`,
      `the ${label.en} holds ${kind.en}: appellant identity never goes up; remove it and send again`,
    ),
    field,
  );
}

/** Working days an escalation has waited at its level, on the unit's calendar. */
export const escalationAge = (e: EscalationView, today: string, calendar?: WorkingCalendar): number =>
  Math.max(0, workingDaysBetween(chinaDay(e.escalatedAt), today, calendar));

const STATUS_PREFIX = /^【([^】]{1,20})】\s*/;

/** Splits a reply's leading 【办理状态】 off its text, when it names one of the workbook's statuses. */
export function replyStatus(text: string, statuses: readonly string[]): { status: string; text: string } {
  const m = STATUS_PREFIX.exec(text);
  const named = m?.[1];
  if (m && named !== undefined && statuses.includes(named))
    return { status: named, text: text.slice(m[0].length) };
  return { status: TRACKING_IN_PROGRESS, text };
}

/** A reply's identity, to remember it was written into the workbook (a row the clerk deleted stays deleted). */
const replyId = (e: EscalationView, r: EscalationView['replies'][number]) =>
  `${e.toUnit}|${e.appealId}|${r.unit ?? ''}|${r.at}`;

/**
 * The tracking entries the replies to this unit's own appeals become: 诉求编号, 跟踪时间 (the reply's
 * China date), 办理状态 (as the reply says, else 正在进行中), 受理结果反馈 (the replying unit, then
 * the text). Replies of one day with one status share an entry (the sync's key), joined in order.
 */
export function replyEntries(
  unitId: string,
  views: readonly EscalationView[],
  statuses: readonly string[],
  skip: ReadonlySet<string> = new Set(),
): { entries: ReplyEntry[]; ids: string[][] } {
  const byKey = new Map<string, { entry: ReplyEntry; ids: string[] }>();
  for (const e of views) {
    // Only appeals of this unit's own register: a unit that passed one on has no row for it.
    const origin = e.origin ?? { unitId: e.fromUnit, appealId: e.appealId };
    if (e.direction !== 'out' || origin.unitId !== unitId) continue;
    for (const r of [...e.replies].sort((a, b) => a.at.localeCompare(b.at))) {
      const id = replyId(e, r);
      if (skip.has(id)) continue;
      const { status, text } = replyStatus(r.text, statuses);
      const trackedOn = chinaDay(r.at);
      const line = `${r.unit ?? e.toUnit}：${text}`;
      const key = `${origin.appealId}|${trackedOn}|${status}`;
      const had = byKey.get(key);
      if (had) {
        had.entry = { ...had.entry, feedback: `${had.entry.feedback}；${line}` };
        had.ids.push(id);
      } else
        byKey.set(key, {
          entry: { appealId: origin.appealId, trackedOn, status, feedback: line },
          ids: [id],
        });
    }
  }
  const all = [...byKey.values()];
  return { entries: all.map((a) => a.entry), ids: all.map((a) => a.ids) };
}

const writtenKey = (unitId: string) => `xieshang.escalations.${unitId}.replies`;

async function loadWritten(store: KeyValueStore, unitId: string): Promise<Set<string>> {
  try {
    const raw = await store.getItem(writtenKey(unitId));
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return new Set(Array.isArray(list) ? list.map(String) : []);
  } catch {
    return new Set();
  }
}

/**
 * Writes replies from above that the workbook has not had yet into 进展情况跟踪表, as a sync
 * writes (empty cells only), and remembers them so a row the clerk removed is not written again.
 */
export async function writeReplies(
  d: Pick<EscalationDeps, 'run' | 'unitId' | 'store'>,
  views: readonly EscalationView[],
  lists: ValueLists,
): Promise<ReplyWriteReport> {
  const written = await loadWritten(d.store, d.unitId);
  const { entries, ids } = replyEntries(d.unitId, views, lists.trackingStatus, written);
  if (!entries.length) return { written: 0, kept: 0, refused: [] };
  const report = await writeReplyEntries(d.run, entries, lists);
  const refused = new Set(report.rejected.map((r) => r.index));
  ids.forEach((list, i) => {
    if (!refused.has(i)) for (const id of list) written.add(id);
  });
  await d.store.setItem(writtenKey(d.unitId), JSON.stringify([...written]));
  return {
    written: report.appended + report.filled,
    kept: report.conflicts.length,
    refused: report.rejected.map((r) => ({
      appealId: entries[r.index]?.appealId ?? '',
      message: r.message,
    })),
  };
}

/** The escalation operations over the cloud connection's parts. */
export function escalationOperations(d: EscalationDeps): EscalationOperations {
  // What this pane did since the last sync, over what the sync brought: the inbox shows it at once.
  const mine = new Map<string, EscalationView>();
  const remember = (v: EscalationView) => (mine.set(viewKey(v), v), v);
  const incoming = (ref: IncomingRef): EscalationView | undefined =>
    list().find((e) => e.direction === 'in' && e.fromUnit === ref.fromUnit && e.appealId === ref.appealId);
  const list = (): EscalationView[] => {
    const all = new Map(d.synced().map((e) => [viewKey(e), e]));
    for (const [k, v] of mine) {
      const synced = all.get(k);
      if (!synced || synced.updatedAt <= v.updatedAt) all.set(k, v);
    }
    return [...all.values()].sort((a, b) => b.escalatedAt.localeCompare(a.escalatedAt));
  };

  // The appeal to hand up, as the workbook has it, with the value lists its row is checked against.
  async function appealToHandUp(appealId: string, note: string, today: string) {
    checkFreeText('note', note, MAX_NOTE);
    const { appeals, lists } = await d.workbook(today);
    const row = appeals.get(appealId);
    if (!row)
      throw new EscalationRefused(
        say(
          `职工诉求记录表中没有编号为“${appealId}”的诉求`,
          `the appeals register has no appeal ${appealId}`,
        ),
      );
    return { row, lists };
  }

  async function previewHandUp(appealId: string, note: string, today: string): Promise<HandUpPreview> {
    const { row } = await appealToHandUp(appealId, note, today);
    return { appealId, values: cloudValues(appealRegister.key, row), note };
  }

  return {
    previewHandUp,
    list,
    async handUp(appealId, note, today) {
      // Read once: a sync writes pulled rows, never the value lists the marks are checked against.
      const { lists } = await appealToHandUp(appealId, note, today);
      // The parent sees the appeal as the cloud holds it: the workbook's row goes first.
      const failed = await d.sync(today);
      if (failed) throw new EscalationRefused(failed);
      const view = remember(
        await d.api.escalate(d.unitId, { appealId, ...(note.trim() ? { note: note.trim() } : {}) }),
      );
      const marked = await markEscalated(d.run, appealId, today, view.toUnit, lists);
      return { appealId, toUnit: view.toUnit, filled: marked.filled, kept: marked.conflicts };
    },
    async reply(ref, text, status) {
      const body = text.trim();
      if (!body) throw new EscalationRefused(say('请填写答复内容', 'write the reply first'), 'text');
      const full = status ? `【${status}】${body}` : body;
      checkFreeText('text', full, MAX_REPLY);
      return remember(await d.escalationApi.reply(d.unitId, ref, full));
    },
    async accept(ref, today) {
      const e = incoming(ref);
      if (!e)
        throw new EscalationRefused(
          say('没有该下级单位上报的这条诉求，请先同步', 'no such escalation here; sync first'),
        );
      // Accepted once: a second click must not add a second appeal.
      if (e.status === 'accepted' && e.acceptedAs) return { acceptedAs: e.acceptedAs, view: e };
      const { appeals, lists } = await d.workbook(today);
      const origin = e.origin ?? { unitId: e.fromUnit, appealId: e.appealId };
      const link = `原单位 ${origin.unitId}，原编号 ${origin.appealId}`;
      // Written before the cloud heard of it (the cloud call failed, or Excel closed): the same
      // appeal again, never a second one.
      const before = [...appeals].find(([, v]) => String(v.unionOpinion ?? '').includes(link))?.[0];
      if (before)
        return { acceptedAs: before, view: remember(await d.escalationApi.accept(d.unitId, ref, before)) };
      const acceptedAs = await nextAppealId(d.run, today.slice(0, 4));
      const text = (k: string) => (typeof e.snapshot[k] === 'string' ? (e.snapshot[k] as string) : '');
      const values: Record<string, string> = {
        id: acceptedAs,
        intakeMethod: RELAYED,
        receivedOn: today,
        category: text('category'),
        // The appellant stays with the unit that took the appeal: here the unit that handed it up
        // stands in the 诉求人 column (relayed, 转达), and in 单位.
        appellant: text('appellant') === ANONYMOUS ? ANONYMOUS : e.fromUnit.slice(0, 20),
        unit: e.fromUnit,
        content: text('content'),
        department: text('department'),
        // The register has no remarks column: 工会初步意见 is this union's first word on the appeal,
        // printed on the form, so the link to the child's 编号 travels there.
        unionOpinion: `由${e.fromUnit}上报（${link}）` + (e.note ? `：${e.note}` : ''),
      };
      // A category or department this unit's 值列表 lacks stays out of its cell (the check asks for
      // one) and is kept in words, rather than the whole appeal being refused.
      const foreign: string[] = [];
      for (const key of ['category', 'department'] as const) {
        const v = values[key] ?? '';
        if (v && !lists[key].includes(v)) {
          const header = appealRegister.fields.find((f) => f.key === key)?.header ?? key;
          foreign.push(`${header}“${v}”`);
          values[key] = '';
        }
      }
      if (foreign.length) values.unionOpinion += `（下级的${foreign.join('、')}不在本单位值列表中）`;
      const written = await appendAcceptedAppeal(
        d.run,
        Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
        lists,
      );
      const refused = written.rejected[0];
      if (refused) throw new EscalationRefused(refused.message, refused.path.replace(/^\[\d+\]\./, ''));
      const view = remember(await d.escalationApi.accept(d.unitId, ref, acceptedAs));
      return { acceptedAs, view };
    },
    async forward(ref, note) {
      checkFreeText('note', note, MAX_NOTE);
      return remember(await d.escalationApi.forward(d.unitId, ref, note.trim() || undefined));
    },
    units: (orgId) => d.escalationApi.units(orgId ?? d.unitId),
    async setParent(unitId, parentId) {
      try {
        await d.escalationApi.setParent(unitId, parentId);
      } catch (e) {
        // The scope rule: a parent reads its children's escalations and figures, so attaching is an act on both.
        if (e instanceof ApiFailure && e.status === 403)
          throw new EscalationRefused(
            say(
              `无权把单位“${unitId}”设在“${parentId}”之下：设置上级单位需要同时是这两个单位的管理员（上级单位能看到下级上报的诉求和汇总数字）。请由管理两个单位的上级管理员设置。`,
              `you may not put ${unitId} under ${parentId}: setting a parent needs the administrator right over both units (a parent sees its children's escalations and figures); ask an administrator of both`,
            ),
            'parentId',
          );
        throw e;
      }
    },
  };
}
