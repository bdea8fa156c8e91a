import type { CellProblem } from '../cells/problem';
import { trackedImpossibility, type AppealLinks } from '../appeal/case';
import type { ReadRegister, ReadRow } from '../cells/rows';
import { INPUT_REGISTERS, type InputRegisterKey, type TrackingRecord } from '../schema/registers';
import { CANNOT_BE_DONE, TRACKING_DONE } from '../schema/valueLists';
import type { RegisterDef } from '../schema/types';
import { say, type Bilingual } from '../text';

// The loops over a register's rows are indexed, not for…of: they run once per check over tens of
// thousands of rows, and for…of here allocated an iterator result per row (with rows.ts and
// case.ts, a check of 50,000 appeals allocated 491 MB per three runs before, 422 MB after).
type Read = Partial<Record<InputRegisterKey, ReadRegister>>;
const REGISTERS: readonly RegisterDef[] = INPUT_REGISTERS;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * Where cross-register problems go, with the registers read (for their sheets' own headers). A
 * plain record passed to report, not a closure made per check: optimized code that calls a closure
 * keeps that very closure, and was thrown away when it died with its check.
 */
interface ProblemSink {
  readonly read: Read;
  readonly out: CellProblem[];
}

function report(
  sink: ProblemSink,
  reg: RegisterDef,
  r: ReadRow,
  column: string,
  code: string,
  message: Bilingual,
  severity: 'error' | 'warning' = 'error',
): void {
  const header =
    sink.read[reg.key as InputRegisterKey]?.headers.headerOf.get(column) ??
    reg.fields.find((f) => f.key === column)?.header ??
    column;
  sink.out.push({
    sheet: reg.sheet,
    row: r.row,
    column,
    header,
    raw: r.values[column],
    severity,
    code,
    message,
  });
}

/**
 * Checks that span rows or registers: duplicate keys, references to rows that do not exist,
 * and the order of an appeal's life across registers. `links` are those of the cases built from
 * these very rows (linkCases).
 */
export function crossChecks(read: Read, links: AppealLinks): CellProblem[] {
  const out: CellProblem[] = [];
  const sink: ProblemSink = { read, out };
  // The appeals' 编号 were looked up once, when the cases were built: their repeats and the
  // survey, tracking and agenda rows' references are read from the links.
  const linked: Partial<Record<InputRegisterKey, Int32Array>> = {
    surveys: links.surveys,
    tracking: links.tracking,
    agenda: links.agenda,
  };
  const keys = new Map<string, ReadonlyMap<string, unknown>>([['appeals.id', links.positionOf]]);
  for (const reg of REGISTERS) {
    const rows = read[reg.key as InputRegisterKey]?.rows ?? [];
    for (const f of reg.fields) {
      if (!f.unique) continue;
      if (reg.key === 'appeals' && f.key === 'id') {
        for (let i = 0; i < rows.length; i++) {
          const at = links.first[i] as number;
          if (at < 0 || at === i) continue;
          const r = rows[i] as ReadRow;
          const v = str(r.values[f.key]) as string;
          const firstRow = (rows[at] as ReadRow).row;
          report(
            sink,
            reg,
            r,
            f.key,
            'duplicate',
            say(`“${f.header}” ${v} 与第 ${firstRow} 行重复`, `${f.key} ${v} duplicates row ${firstRow}`),
          );
        }
        continue;
      }
      const seen = new Map<string, ReadRow>();
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as ReadRow;
        const v = str(r.values[f.key]);
        if (v === undefined) continue;
        const first = seen.get(v);
        if (first)
          report(
            sink,
            reg,
            r,
            f.key,
            'duplicate',
            say(`“${f.header}” ${v} 与第 ${first.row} 行重复`, `${f.key} ${v} duplicates row ${first.row}`),
          );
        else seen.set(v, r);
      }
      keys.set(`${reg.key}.${f.key}`, seen);
    }
  }
  for (const reg of REGISTERS) {
    for (const f of reg.fields) {
      if (f.type !== 'ref' || !f.ref) continue;
      const target = keys.get(`${f.ref.register}.${f.ref.field}`);
      const targetSheet = REGISTERS.find((x) => x.key === f.ref?.register)?.sheet ?? f.ref.register;
      const refRows = read[reg.key as InputRegisterKey]?.rows ?? [];
      const found =
        f.ref.register === 'appeals' && f.key === 'appealId'
          ? linked[reg.key as InputRegisterKey]
          : undefined;
      for (let i = 0; i < refRows.length; i++) {
        const r = refRows[i] as ReadRow;
        const v = str(r.values[f.key]);
        if (v === undefined) continue;
        if (found ? (found[i] as number) < 0 : target && !target.has(v)) {
          report(
            sink,
            reg,
            r,
            f.key,
            'dangling-ref',
            say(
              `“${f.header}” ${v} 在“${targetSheet}”中不存在`,
              `${f.key} ${v} does not exist in ${targetSheet}`,
            ),
          );
        }
      }
    }
  }
  lifeAcrossRegisters(read, links, sink);
  return out;
}

const registerOf = (key: InputRegisterKey): RegisterDef =>
  REGISTERS.find((r) => r.key === key) as RegisterDef;
const surveyReg = registerOf('surveys');
const trackingReg = registerOf('tracking');
const appealReg = registerOf('appeals');

function lifeAcrossRegisters(read: Read, links: AppealLinks, sink: ProblemSink): void {
  // The tracking entries of the appeals where the register and the tracking form may disagree
  // about an impossibility (docs/domain.md): those with a 不具备条件无法执行 entry or a 无法办理说明.
  // Most appeals have neither, so only these few are grouped.
  // Appeals are named by their position (links.first: a repeated 编号 counts as its first), so
  // nothing here looks a 编号 up again.
  const trackingRows = read.tracking?.rows ?? [];
  const appealRows = read.appeals?.rows ?? [];
  const watched = new Uint8Array(appealRows.length);
  let watching = false;
  for (let i = 0; i < trackingRows.length; i++) {
    const at = links.tracking[i] as number;
    if (at < 0 || (trackingRows[i] as ReadRow).values['status'] !== CANNOT_BE_DONE) continue;
    watched[at] = 1;
    watching = true;
  }
  for (let i = 0; i < appealRows.length; i++) {
    const at = links.first[i] as number;
    if (at < 0 || (appealRows[i] as ReadRow).values['impossibleReason'] === undefined) continue;
    watched[at] = 1;
    watching = true;
  }
  const trackingOf = new Map<number, ReadRow[]>();
  if (watching)
    for (let i = 0; i < trackingRows.length; i++) {
      const at = links.tracking[i] as number;
      if (at < 0 || watched[at] === 0) continue;
      const r = trackingRows[i] as ReadRow;
      const list = trackingOf.get(at);
      if (list) list.push(r);
      else trackingOf.set(at, [r]);
    }
  const judged = new Map<number, ReadRow>();
  for (const [at, rows] of trackingOf) {
    const t = trackedImpossibility(rows.map((r) => r.values as TrackingRecord));
    const row = t && rows.find((r) => r.values === t);
    if (row) judged.set(at, row);
  }
  const surveyRows = read.surveys?.rows ?? [];
  for (let i = 0; i < surveyRows.length; i++) {
    const at = links.surveys[i] as number;
    if (at < 0) continue;
    const r = surveyRows[i] as ReadRow;
    const id = str(r.values['appealId']) as string;
    const a = (appealRows[at] as ReadRow).values;
    const surveyed = str(r.values['surveyedOn']);
    const finished = str(a['finishedOn']) ?? str(judged.get(at)?.values['trackedOn']);
    if (!finished) {
      report(
        sink,
        surveyReg,
        r,
        'surveyedOn',
        'survey-before-finish',
        say(
          `诉求 ${id} 尚未办结（登记表“办结日期”为空），不能先做满意度测评`,
          `appeal ${id} is not finished (its finishedOn is empty), so it cannot be surveyed yet`,
        ),
      );
    } else if (surveyed && surveyed < finished) {
      report(
        sink,
        surveyReg,
        r,
        'surveyedOn',
        'survey-before-finish',
        say(
          `“满意度调查时间”（${surveyed}）早于诉求 ${id} 的“办结日期”（${finished}）`,
          `surveyedOn (${surveyed}) is before appeal ${id}'s finishedOn (${finished})`,
        ),
      );
    }
  }
  for (let i = 0; i < trackingRows.length; i++) {
    const at = links.tracking[i] as number;
    if (at < 0) continue;
    const r = trackingRows[i] as ReadRow;
    const id = str(r.values['appealId']) as string;
    const a = (appealRows[at] as ReadRow).values;
    const tracked = str(r.values['trackedOn']);
    const received = str(a['receivedOn']);
    if (tracked && received && tracked < received) {
      report(
        sink,
        trackingReg,
        r,
        'trackedOn',
        'date-order',
        say(
          `“跟踪时间”（${tracked}）早于诉求 ${id} 的“受理时间”（${received}）`,
          `trackedOn (${tracked}) is before appeal ${id}'s receivedOn (${received})`,
        ),
      );
    }
    if (r.values['status'] === TRACKING_DONE && !a['finishedOn']) {
      report(
        sink,
        trackingReg,
        r,
        'status',
        'tracking-vs-register',
        say(
          `跟踪表记为“已完成”，但诉求 ${id} 在登记表中没有“办结日期”`,
          `tracking says finished but appeal ${id} has no finishedOn`,
        ),
        'warning',
      );
    }
  }
  for (let i = 0; i < appealRows.length; i++) {
    const r = appealRows[i] as ReadRow;
    const esc = str(r.values['escalatedOn']);
    const fin = str(r.values['finishedOn']);
    const at = links.first[i] as number;
    if (at >= 0 && watched[at] === 1) {
      const entries = trackingOf.get(at);
      if (entries) impossibleAgreement(str(r.values['id']) as string, r, entries, judged.get(at), sink);
    }
    if (esc && fin && esc > fin) {
      report(
        sink,
        appealReg,
        r,
        'escalatedOn',
        'escalated-after-close',
        say(
          `“上报日期”（${esc}）晚于“办结日期”（${fin}）：只有未办结的诉求才能上报`,
          `escalatedOn (${esc}) is after finishedOn (${fin}); only open appeals can be escalated`,
        ),
      );
    }
  }
}

const headerIn = (reg: RegisterDef, key: string): string =>
  reg.fields.find((f) => f.key === key)?.header ?? key;

/**
 * Whether the register's 无法办理说明 and the tracking form agree that an appeal cannot be done
 * (docs/domain.md, "judged impossible"). A clash is marked on both cells, each message naming the
 * other's sheet, row and column.
 */
function impossibleAgreement(
  id: string,
  a: ReadRow,
  entries: readonly ReadRow[],
  judgedBy: ReadRow | undefined,
  sink: ProblemSink,
): void {
  const STATUS = headerIn(trackingReg, 'status');
  const TRACKED_ON = headerIn(trackingReg, 'trackedOn');
  const fin = str(a.values['finishedOn']);
  const reason = str(a.values['impossibleReason']);
  const both = (
    t: ReadRow,
    appealColumn: string,
    trackingColumn: string,
    code: string,
    zh: string,
    en: string,
    severity: 'error' | 'warning',
  ): void => {
    report(sink, appealReg, a, appealColumn, code, say(zh, en), severity);
    report(sink, trackingReg, t, trackingColumn, code, say(zh, en), severity);
  };
  if (judgedBy) {
    const on = str(judgedBy.values['trackedOn']) as string;
    const where = `“${trackingReg.sheet}”第 ${judgedBy.row} 行`;
    if (fin && !reason)
      both(
        judgedBy,
        'impossibleReason',
        'status',
        'impossible-clash',
        `诉求 ${id}：${where}“${STATUS}”为“${CANNOT_BE_DONE}”，但“${appealReg.sheet}”第 ${a.row} 行填了“办结日期”（${fin}）而“无法办理说明”为空——请补写说明或更正跟踪表`,
        `appeal ${id}: ${trackingReg.sheet} row ${judgedBy.row} (status) says it cannot be done, but ${appealReg.sheet} row ${a.row} has finishedOn (${fin}) and no impossibleReason; add the explanation or correct the tracking form`,
        'error',
      );
    else if (fin && reason && fin !== on)
      both(
        judgedBy,
        'finishedOn',
        'trackedOn',
        'impossible-date-clash',
        `诉求 ${id}：“${appealReg.sheet}”第 ${a.row} 行“办结日期”（${fin}）与${where}判定无法办理的“${TRACKED_ON}”（${on}）不一致`,
        `appeal ${id}: finishedOn (${fin}) on ${appealReg.sheet} row ${a.row} differs from trackedOn (${on}) on ${trackingReg.sheet} row ${judgedBy.row}, where it was judged impossible`,
        'warning',
      );
    const reported = str(a.values['reportedOn']);
    if (!fin && reported && reported < on)
      report(
        sink,
        appealReg,
        a,
        'reportedOn',
        'date-order',
        say(
          `“部门反馈日期”（${reported}）早于${where}判定无法办理的“${TRACKED_ON}”（${on}）`,
          `reportedOn (${reported}) is before trackedOn (${on}) on ${trackingReg.sheet} row ${judgedBy.row}, where it was judged impossible`,
        ),
      );
    return;
  }
  if (!reason || !fin) return;
  // The register says it cannot be done; the tracking form's last word says otherwise.
  let last: ReadRow | undefined;
  for (const t of entries) {
    const on = str(t.values['trackedOn']);
    if (on !== undefined && (!last || on >= (str(last.values['trackedOn']) as string))) last = t;
  }
  const status = last && str(last.values['status']);
  const on = last && str(last.values['trackedOn']);
  if (!last || !status || status === CANNOT_BE_DONE) return;
  if (status === TRACKING_DONE || (on !== undefined && on >= fin))
    both(
      last,
      'impossibleReason',
      'status',
      'impossible-clash',
      `诉求 ${id}：“${appealReg.sheet}”第 ${a.row} 行有“无法办理说明”，但“${trackingReg.sheet}”第 ${last.row} 行（${on}）“${STATUS}”为“${status}”——请更正其一`,
      `appeal ${id}: ${appealReg.sheet} row ${a.row} has an impossibleReason, but ${trackingReg.sheet} row ${last.row} (${on}) says ${status} (status); correct one of them`,
      'error',
    );
}
