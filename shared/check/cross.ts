import type { CellProblem } from '../cells/problem';
import type { ReadRegister, ReadRow } from '../cells/rows';
import { INPUT_REGISTERS, type InputRegisterKey } from '../schema/registers';
import type { RegisterDef } from '../schema/types';
import { say, type Bilingual } from '../text';

type Read = Partial<Record<InputRegisterKey, ReadRegister>>;
const REGISTERS: readonly RegisterDef[] = INPUT_REGISTERS;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * Checks that span rows or registers: duplicate keys, references to rows that do not exist,
 * and the order of an appeal's life across registers.
 */
export function crossChecks(read: Read): CellProblem[] {
  const out: CellProblem[] = [];
  const problem = (
    reg: RegisterDef,
    r: ReadRow,
    column: string,
    code: string,
    message: Bilingual,
    severity: 'error' | 'warning' = 'error',
  ): void => {
    const header =
      read[reg.key as InputRegisterKey]?.headers.headerOf.get(column) ??
      reg.fields.find((f) => f.key === column)?.header ??
      column;
    out.push({
      sheet: reg.sheet,
      row: r.row,
      column,
      header,
      raw: r.values[column],
      severity,
      code,
      message,
    });
  };
  const keys = new Map<string, Map<string, ReadRow>>();
  for (const reg of REGISTERS) {
    const rows = read[reg.key as InputRegisterKey]?.rows ?? [];
    for (const f of reg.fields) {
      if (!f.unique) continue;
      const seen = new Map<string, ReadRow>();
      for (const r of rows) {
        const v = str(r.values[f.key]);
        if (v === undefined) continue;
        const first = seen.get(v);
        if (first)
          problem(
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
      for (const r of read[reg.key as InputRegisterKey]?.rows ?? []) {
        const v = str(r.values[f.key]);
        if (v !== undefined && target && !target.has(v)) {
          problem(
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
  lifeAcrossRegisters(read, keys.get('appeals.id') ?? new Map(), problem);
  return out;
}

type Problem = (
  reg: RegisterDef,
  r: ReadRow,
  column: string,
  code: string,
  message: Bilingual,
  severity?: 'error' | 'warning',
) => void;

function lifeAcrossRegisters(read: Read, appeals: ReadonlyMap<string, ReadRow>, problem: Problem): void {
  const [surveyReg, trackingReg, appealReg] = (['surveys', 'tracking', 'appeals'] as const).map(
    (k) => REGISTERS.find((r) => r.key === k) as RegisterDef,
  ) as [RegisterDef, RegisterDef, RegisterDef];
  for (const r of read.surveys?.rows ?? []) {
    const id = str(r.values['appealId']);
    const a = id === undefined ? undefined : appeals.get(id)?.values;
    if (!a) continue;
    const surveyed = str(r.values['surveyedOn']);
    const finished = str(a['finishedOn']);
    if (!finished) {
      problem(
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
      problem(
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
  for (const r of read.tracking?.rows ?? []) {
    const id = str(r.values['appealId']);
    const a = id === undefined ? undefined : appeals.get(id)?.values;
    if (!a) continue;
    const tracked = str(r.values['trackedOn']);
    const received = str(a['receivedOn']);
    if (tracked && received && tracked < received) {
      problem(
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
    if (r.values['status'] === '已完成' && !a['finishedOn']) {
      problem(
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
  for (const r of read.appeals?.rows ?? []) {
    const esc = str(r.values['escalatedOn']);
    const fin = str(r.values['finishedOn']);
    if (esc && fin && esc > fin) {
      problem(
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
