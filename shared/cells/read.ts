import { dayFromExcelSerial, dayFromYmd, isoFromDay, isRealDate } from '../calendar/dates';
import type { FieldDef } from '../schema/types';
import { ANONYMOUS, type ValueLists } from '../schema/valueLists';
import { say, type Bilingual } from '../text';
import type { Severity } from './problem';
import { interpretText, isBlank, isExcelError, isFormulaLike, trimmed } from './normalize';

/** Something wrong with one cell; `value` is set when the cell still has a usable typed value. */
export class CellIssue {
  constructor(
    readonly code: string,
    readonly severity: Severity,
    readonly message: Bilingual,
    readonly value?: string | number,
  ) {}
}

/** What reading a cell gives: undefined when empty, the typed value, or an issue. */
export type CellOutcome = undefined | string | number | CellIssue;

/** Context for reading: the value lists in force, and whether the text came from outside the workbook. */
export interface ReadContext {
  readonly lists: ValueLists;
  /** Text from outside (the cloud, a paste service): flag what Excel would run as a formula. */
  readonly external?: boolean;
  /** The day of the check (YYYY-MM-DD): a date of a past event after it is an error. */
  readonly today?: string;
}

/** Reads one raw cell into a field's typed value (a reader per field, compiled once). */
export type CellReader = (raw: unknown) => CellOutcome;

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const FIRST_SERIAL = 1; // 1900-01-01
const LAST_SERIAL = 2958465; // 9999-12-31

const fail = (code: string, zh: string, en: string): CellIssue => new CellIssue(code, 'error', say(zh, en));

// A register holds thousands of rows but few distinct dates: remember each reading.
const dateMemo = new Map<unknown, CellOutcome>();

/** Parses a date as clerks type it or Excel stores it; returns YYYY-MM-DD or an issue. */
export function readDate(raw: unknown): CellOutcome {
  let out = dateMemo.get(raw);
  if (out === undefined) {
    out = parseDate(raw);
    if (dateMemo.size > 100_000) dateMemo.clear();
    dateMemo.set(raw, out);
  }
  return out;
}

function parseDate(raw: unknown): CellOutcome {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < FIRST_SERIAL || raw > LAST_SERIAL) {
      return fail('bad-date', `数字 ${raw} 不是有效的日期`, `the number ${raw} is not a date`);
    }
    // Excel's serial 60 is the non-existent 1900-02-29; real dates are never that early here.
    return isoFromDay(dayFromExcelSerial(raw));
  }
  if (typeof raw !== 'string') {
    return fail('bad-date', '应填写日期，如 2025-03-05', 'expected a date such as 2025-03-05');
  }
  const s = interpretText(raw);
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isRealDate(y, mo, d)) {
      return fail('bad-date', `“${raw}”不是真实存在的日期`, `"${raw}" is not a real calendar date`);
    }
    return isoFromDay(dayFromYmd(y, mo, d));
  }
  return fail(
    'bad-date',
    `“${raw}”不是可识别的日期，请写成 2025-03-05、2025/3/5 或 2025年3月5日`,
    `"${raw}" is not a date; write it as 2025-03-05, 2025/3/5 or 2025年3月5日`,
  );
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;
const SEPARATORS = /[\s\-()（）]/g;

/**
 * Reads a phone number: mobile or landline with area code, optional +86 and extension. A mobile's
 * value is its 11 digits however it was typed; a landline's is the text as typed.
 */
export function readPhone(raw: unknown): CellOutcome {
  if (typeof raw === 'number') {
    const digits = Number.isInteger(raw) ? String(raw) : '';
    if (MOBILE.test(digits)) return digits;
    if (/^[1-9]\d{9,10}$/.test(digits) && LANDLINE.test(`0${digits}`)) {
      return new CellIssue(
        'phone-lost-zero',
        'error',
        say(
          `电话 ${digits} 以数字形式保存，开头的 0 可能已丢失，请将单元格设为文本后重新输入`,
          `phone ${digits} was stored as a number and may have lost its leading 0; format the cell as text and retype it`,
        ),
      );
    }
    return fail('bad-phone', `${raw} 不是有效的电话号码`, `${raw} is not a valid phone number`);
  }
  if (typeof raw !== 'string') return fail('bad-phone', '应填写电话号码', 'expected a phone number');
  const s = interpretText(raw);
  // Most phones are typed as their 11 digits: those need no splitting (the check's hottest column).
  if (MOBILE.test(s)) return s;
  const [main = '', ext] = s.split(/(?:转|ext\.?|#)/i);
  // +86 drops a landline's trunk 0 (+86 531 … is 0531 …); put it back so one pattern fits both.
  const digits = main.replace(SEPARATORS, '');
  const national = /^(?:\+|00)?86(\d{9,11})$/.exec(digits)?.[1];
  const core = national === undefined ? digits : /^[01]/.test(national) ? national : `0${national}`;
  // A mobile typed with spaces, dashes or +86 is the same number as its 11 digits: that is its value
  // (the cell keeps what the clerk typed). A landline keeps its area-code punctuation and extension.
  if (MOBILE.test(core) && ext === undefined) return core;
  if (LANDLINE.test(core) && (ext === undefined || /^\s*\d{1,6}\s*$/.test(ext))) return s;
  return fail(
    'bad-phone',
    `“${raw}”不是有效的电话号码（手机 11 位，座机需带区号）`,
    `"${raw}" is not a valid phone number (11-digit mobile, or landline with area code)`,
  );
}

/** Reads a whole or decimal number, within the field's bounds. */
export function readNumber(raw: unknown, field: Pick<FieldDef, 'min' | 'max'>): CellOutcome {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(interpretText(raw)) : NaN;
  if (!Number.isFinite(n) || (typeof raw === 'string' && interpretText(raw) === '')) {
    return fail('bad-number', `“${String(raw)}”不是数字`, `"${String(raw)}" is not a number`);
  }
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
    const range = `${field.min ?? '-∞'}–${field.max ?? '∞'}`;
    return fail('out-of-range', `${n} 超出允许范围 ${range}`, `${n} is outside ${range}`);
  }
  return n;
}

const textOf = (raw: unknown): string | null =>
  typeof raw === 'string' ? interpretText(raw) : typeof raw === 'number' ? String(raw) : null;

/**
 * The most characters (UTF-16 units) an Excel cell holds; longer text is an error, never cut
 * (Excel specifications and limits: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const CELL_TEXT_MAX = 32_767;

/** Compiles the reader for one field under the lists in force. */
export function compileReader(field: FieldDef, ctx: ReadContext): CellReader {
  const base = baseReader(field, ctx);
  return (raw: unknown): CellOutcome => {
    if (isBlank(raw)) return undefined;
    if (typeof raw === 'string' && raw.length > CELL_TEXT_MAX) {
      return fail(
        'too-long',
        `“${field.header}”有 ${raw.length} 个字符，超过 Excel 单元格上限 ${CELL_TEXT_MAX}；请删减或分成几条，不会自动截断`,
        `${field.key} (${field.header}) has ${raw.length} characters, over Excel's cell limit of ${CELL_TEXT_MAX}; shorten or split it (it is never cut)`,
      );
    }
    if (isExcelError(raw)) {
      return fail(
        'excel-error',
        `单元格是 Excel 错误值 ${String(raw)}`,
        `the cell holds the Excel error ${String(raw)}`,
      );
    }
    const out = base(raw);
    // Judge what will be written (trimmed, full-width folded), not the raw text: ' =1' becomes '=1'.
    if (ctx.external && typeof out === 'string' && isFormulaLike(out)) {
      return new CellIssue(
        'formula-like',
        'warning',
        say(
          `外来文本以 ${out[0]} 开头，Excel 会把它当作公式执行，已按文本写入`,
          `text from outside starts with ${out[0]}, which Excel would run as a formula; it is kept as text`,
        ),
        out,
      );
    }
    return out;
  };
}

function baseReader(field: FieldDef, ctx: ReadContext): CellReader {
  switch (field.type) {
    case 'date': {
      const today = ctx.today;
      if (today === undefined || field.future) return readDate;
      // An event (received, finished, told…) cannot have happened after the day of the check.
      return (raw) => {
        const out = readDate(raw);
        return typeof out === 'string' && out > today
          ? new CellIssue(
              'future-date',
              'error',
              say(
                `“${field.header}”（${out}）晚于今天（${today}）`,
                `${field.key} (${out}) is after today (${today})`,
              ),
              out,
            )
          : out;
      };
    }
    case 'phone':
      return readPhone;
    case 'number':
      return (raw) => readNumber(raw, field);
    case 'enum': {
      const allowed = new Set(field.list ? ctx.lists[field.list] : []);
      const shown = [...allowed].slice(0, 8).join('、');
      // A list column holds few distinct values: remember each reading.
      const memo = new Map<unknown, CellOutcome>();
      return (raw) => {
        let out = memo.get(raw);
        if (out === undefined) {
          out = readEnum(raw);
          if (memo.size < 10_000) memo.set(raw, out);
        }
        return out;
      };
      function readEnum(raw: unknown): CellOutcome {
        const s = textOf(raw);
        if (s !== null && allowed.has(s)) return s;
        return fail(
          'not-in-list',
          `“${String(raw)}”不在“${field.header}”的可选值中（${shown}${allowed.size > 8 ? '…' : ''}）；如需新增，请在“值列表”工作表中添加`,
          `"${String(raw)}" is not an allowed ${field.key} value (${shown}${allowed.size > 8 ? '…' : ''}); add new values on the 值列表 sheet`,
        );
      }
    }
    case 'person':
      return (raw) => {
        const s = textOf(raw);
        if (s === null) return fail('bad-text', '应填写姓名', 'expected a name');
        if (s === ANONYMOUS && !field.allowAnonymous) {
          return fail(
            'anonymous-not-allowed',
            `“${field.header}”不能填“${ANONYMOUS}”`,
            `${field.key} cannot be anonymous`,
          );
        }
        if (s.length > 20) {
          return new CellIssue(
            'long-name',
            'warning',
            say('姓名超过 20 个字，可能填错了列', 'a name over 20 characters may be in the wrong column'),
            s,
          );
        }
        return s;
      };
    default:
      // Keys (unique and reference columns) are matched, so full-width forms are folded; free text is only trimmed.
      if (field.unique || field.type === 'ref')
        return (raw) => textOf(raw) ?? fail('bad-text', '应填写文字', 'expected text');
      return (raw) =>
        typeof raw === 'string'
          ? trimmed(raw)
          : typeof raw === 'number'
            ? String(raw)
            : fail('bad-text', '应填写文字', 'expected text');
  }
}
