import {
  addWorkingDays,
  annualSummarySheet,
  buildAnnualSummary,
  buildClassification,
  buildSatisfactionLedger,
  buildWorkLedger,
  classificationSheet,
  computeFigures,
  dayFromIso,
  excelSerialFromDay,
  HANDBOOK_NOTES,
  isWorkingDay,
  ledgerSheetName,
  monthPeriod,
  periodRange,
  periodName,
  periodTitle,
  QUARTER_NAMES,
  RATE_KEYS,
  satisfactionLedgerSheet,
  workLedgerSheet,
  type Period,
  type RegisterDef,
  type WorkbookCheck,
} from '../../shared';
import { columnLetter } from './columns';
import {
  LIVE_RATES,
  categoryCountFormula,
  formulasSeeClosures,
  rateFormulas,
  receivedFormula,
  type FormulaSources,
} from './formulas';
import { columnReference } from './references';

/** A block of cells on a generated sheet. */
export interface CellBlock {
  /** 0-based sheet row of the block's first row. */
  readonly row: number;
  readonly rows: readonly (readonly unknown[])[];
  /** Number format per column ('@' text first, so clerks' text is never read as a formula or date). */
  readonly formats?: readonly string[];
  readonly formulas?: boolean;
  readonly header?: boolean;
  /** The handbook's note under a table: one cell, merged across the table and wrapped when printed. */
  readonly note?: boolean;
}

/** A generated sheet as data: written by build.ts, checked by tests without Excel. */
export interface SheetContent {
  readonly name: string;
  readonly title: string;
  readonly widths: readonly number[];
  readonly blocks: readonly CellBlock[];
  readonly hidden?: boolean;
  /** A table to create over a block (the working-day list the formulas look up). */
  readonly table?: { readonly name: string; readonly block: number };
  /**
   * Printed as the handbook's form: A4 landscape, one page wide, every header block and the data
   * under it ruled, the rows down to the first header repeated on every page, 第 N 页 共 M 页 below.
   */
  readonly print?: boolean;
}

/** The sheet that holds the working-day list the live formulas use. */
export const WORKDAY_SHEET = '工作日历';
/** The working-day table's name, as the formulas reference it. */
export const WORKDAY_TABLE = 'WorkDays';
/** The working-day table's one column. */
export const WORKDAY_COLUMN = '日期';

const serial = (iso: string): number | string => {
  const d = dayFromIso(iso);
  return d === null ? iso : excelSerialFromDay(d);
};

const formatsOf = (sheet: RegisterDef): string[] =>
  sheet.fields.map((f) => (f.type === 'date' ? 'yyyy-mm-dd' : f.type === 'number' ? '0' : '@'));
const headersOf = (sheet: RegisterDef): string[] => sheet.fields.map((f) => f.header);
const widthsOf = (sheet: RegisterDef): number[] =>
  sheet.fields.map((f) => PRINT_WIDTHS[sheet.key]?.[f.key] ?? f.width ?? 12);

/**
 * Narrower columns for the widest form, so the 12 columns of the work ledger fit an A4 landscape page
 * at about 80% rather than half size; long text wraps within its row instead.
 */
const PRINT_WIDTHS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  [workLedgerSheet.key]: {
    id: 9.5,
    receivedOn: 10.5,
    category: 7,
    appellant: 6,
    content: 20,
    unit: 8,
    phone: 12,
    progress: 16,
    rating: 6,
    supervisor: 6,
    unionReview: 10,
    remarks: 10,
  },
};

function tableSheet(
  name: string,
  title: string,
  note: string,
  sheet: RegisterDef,
  rows: readonly Record<string, unknown>[],
): SheetContent {
  const keys = sheet.fields.map((f) => f.key);
  const dates = new Set(sheet.fields.filter((f) => f.type === 'date').map((f) => f.key));
  const handbookNote = HANDBOOK_NOTES[sheet.key];
  return {
    name,
    title,
    widths: widthsOf(sheet),
    print: true,
    blocks: [
      { row: 0, rows: [[title]] },
      { row: 1, rows: [[note]] },
      { row: 2, rows: [headersOf(sheet)], header: true },
      {
        row: 3,
        rows: rows.map((r) => keys.map((k) => (dates.has(k) && r[k] ? serial(String(r[k])) : (r[k] ?? '')))),
        formats: formatsOf(sheet),
      },
      ...(handbookNote ? [{ row: 3 + rows.length, rows: [[handbookNote]], note: true }] : []),
    ],
  };
}

/** Options of a build: the year, the report date, the unit and where the formulas look. */
export interface BuildContent {
  readonly year: number;
  readonly asOf: string;
  readonly check: WorkbookCheck;
  readonly sources: Omit<FormulaSources, 'asOf' | 'workDays' | 'reportWithinDays' | 'tellWithinDays'>;
  /** Also a work ledger per month begun (the handbook: 也可根据情况每月整理一次). */
  readonly monthly?: boolean;
}

/** The quarters of a year that have begun by the report date. */
export const quartersBegun = (year: number, asOf: string): Period[] =>
  ([1, 2, 3, 4] as const).map((quarter) => ({ year, quarter })).filter((p) => periodRange(p).from <= asOf);

/** The months of a year that have begun by the report date. */
export const monthsBegun = (year: number, asOf: string): Period[] =>
  ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const)
    .map((month) => monthPeriod(year, month))
    .filter((p) => periodRange(p).from <= asOf);

/** Every generated sheet of a year's build, as data. */
export function buildContents(b: BuildContent): SheetContent[] {
  const { check, year, asOf } = b;
  const unit = check.settings.unitName || '本单位';
  const note = `报表日期：${asOf}。本表由“协商”加载项依据登记表自动生成，重新生成时会被替换，请在登记表中修改数据。`;
  const ledgerPeriods = [...quartersBegun(year, asOf), ...(b.monthly ? monthsBegun(year, asOf) : [])];
  const out: SheetContent[] = ledgerPeriods.map((p) =>
    tableSheet(
      ledgerSheetName(p),
      `${unit}工会与行政沟通协商职工诉求工作台账（${periodTitle(p)}）`,
      note,
      workLedgerSheet,
      buildWorkLedger(check.cases, p, asOf),
    ),
  );
  const whole: Period = { year, quarter: 0 };
  out.push(
    tableSheet(
      satisfactionLedgerSheet.sheet,
      `${year}年职工诉求满意度整理台账`,
      note,
      satisfactionLedgerSheet,
      buildSatisfactionLedger(check.cases, whole, asOf),
    ),
  );
  out.push(
    tableSheet(
      classificationSheet.sheet,
      `${year}年议题梳理汇总分类表`,
      note,
      classificationSheet,
      buildClassification(check.cases, whole, check.lists),
    ),
  );
  out.push(summarySheet(b, unit, note));
  out.push(workDaySheet(check, year, asOf));
  return out;
}

/** The report-date cell of the summary sheet, which every live formula reads. */
export const AS_OF_CELL = '$B$2';

function summarySheet(b: BuildContent, unit: string, note: string): SheetContent {
  const { check, year, asOf } = b;
  const sources: FormulaSources = {
    ...b.sources,
    asOf: AS_OF_CELL,
    workDays: columnReference(WORKDAY_TABLE, WORKDAY_COLUMN),
    reportWithinDays: check.settings.reportWithinDays,
    tellWithinDays: check.settings.tellWithinDays,
  };
  const title = `${year}年度${unit}职工诉求分类汇总表`;
  const summaryRows = buildAnnualSummary(check.cases, year, check.lists);
  const summaryQuarter = (name: string): Period => ({
    year,
    quarter: ((QUARTER_NAMES as readonly string[]).indexOf(name) + 1) as 1,
  });
  const firstSummaryRow = 4;
  const summary = summaryRows.map((r) => [
    r.quarter,
    r.category,
    r.count && r.category !== '—'
      ? (categoryCountFormula(sources, summaryQuarter(r.quarter ?? ''), r.category ?? '') ?? r.count)
      : 0,
    r.content,
  ]);
  const figuresHeaderRow = firstSummaryRow + summary.length + 1;
  const figures: unknown[][] = [];
  const periods: Period[] = [
    ...([1, 2, 3, 4] as const).map((quarter) => ({ year, quarter })),
    { year, quarter: 0 },
  ];
  const live = formulasSeeClosures(check.cases);
  for (const p of periods) {
    const f = computeFigures(check.cases, p, { asOf, calendar: check.calendar, rules: check.settings });
    const label = periodName(p);
    const receivedLive = receivedFormula(sources, p);
    figures.push([
      label,
      '受理数',
      receivedLive ?? f.received,
      '',
      '',
      '受理时间在本期且不晚于报表日期的诉求',
      '',
      receivedLive ? '公式（随登记表更新）' : `加载项计算（截至 ${asOf}）`,
    ]);
    for (const key of RATE_KEYS) {
      const r = f.rates[key];
      const formulas = live && LIVE_RATES.includes(key) ? rateFormulas(sources, p, key) : null;
      const at = figuresHeaderRow + 2 + figures.length;
      figures.push([
        label,
        r.name.zh,
        formulas ? formulas.numerator : r.numerator,
        formulas ? formulas.denominator : r.denominator,
        `=IF(D${at}=0,"—",C${at}/D${at})`,
        r.numeratorText.zh,
        r.denominatorText.zh,
        formulas ? '公式（随登记表更新）' : `加载项计算（截至 ${asOf}）`,
      ]);
    }
  }
  const header = headersOf(annualSummarySheet);
  return {
    name: annualSummarySheet.sheet,
    title,
    print: true,
    widths: [10, 14, 12, 12, 10, 34, 34, 22],
    blocks: [
      { row: 0, rows: [[title]] },
      { row: 1, rows: [['报表日期', serial(asOf), note]], formats: ['@', 'yyyy-mm-dd', '@'] },
      { row: firstSummaryRow - 1, rows: [header], header: true },
      { row: firstSummaryRow, rows: summary, formats: ['@', '@', '0', '@'], formulas: true },
      {
        row: figuresHeaderRow,
        rows: [['期间', '指标', '分子', '分母', '比率', '分子说明', '分母说明', '计算方式']],
        header: true,
      },
      {
        row: figuresHeaderRow + 1,
        rows: figures,
        formats: ['@', '@', '0', '0', '0.0%', '@', '@', '@'],
        formulas: true,
      },
    ],
  };
}

/**
 * The working days the formulas count, from the calendar the core used (statutory schedules, the
 * unit's overrides, make-up days as set): a sentinel first, then every working day covering the
 * registers' dates with a year to spare.
 */
function workDaySheet(check: WorkbookCheck, year: number, asOf: string): SheetContent {
  let first = `${year - 1}-01-01`;
  let last = `${Math.max(year, Number(asOf.slice(0, 4))) + 1}-12-31`;
  for (const c of check.cases) {
    const r = c.appeal.receivedOn;
    if (r && r < first) first = `${Number(r.slice(0, 4)) - 1}-01-01`;
    for (const d of [c.appeal.finishedOn, c.appeal.reportedOn, c.appeal.toldOn])
      if (d && d > last) last = `${Number(d.slice(0, 4)) + 1}-12-31`;
  }
  const rows: unknown[][] = [[WORKDAY_COLUMN], [1]];
  for (let d = first; d <= last; d = addWorkingDays(d, 1, check.calendar))
    if (isWorkingDay(d, check.calendar)) rows.push([serial(d)]);
  return {
    name: WORKDAY_SHEET,
    title: '工作日历',
    widths: [12],
    hidden: true,
    blocks: [{ row: 0, rows, formats: ['yyyy-mm-dd'] }],
    table: { name: WORKDAY_TABLE, block: 0 },
  };
}

/** The A1 address of a block on its sheet. */
export function blockAddress(block: CellBlock, start = 0, count = block.rows.length): string {
  const width = Math.max(1, ...block.rows.map((r) => r.length));
  return `A${block.row + start + 1}:${columnLetter(width - 1)}${block.row + start + count}`;
}
