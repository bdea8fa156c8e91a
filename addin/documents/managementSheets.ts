import {
  annualSummarySheet,
  buildAnnualSummary,
  buildClassification,
  buildSatisfactionLedger,
  buildWorkLedger,
  classificationSheet,
  ledgerSheetName,
  periodRange,
  periodTitle,
  redactRow,
  satisfactionLedgerSheet,
  workLedgerSheet,
  type Period,
  type RegisterDef,
  type WorkbookCheck,
} from '../../shared';
import { appellantIdentities, identityScrubber } from './identities';
import { FIGURE_HEADERS, figureRows } from './managementFigures';

/** One sheet of the management copy, as values. */
export interface CopySheet {
  readonly name: string;
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** Every row from the top: title, note, header, data (and on the summary, the figures below). */
  readonly rows: readonly (readonly (string | number)[])[];
  /** 0-based indices of the header rows. */
  readonly headerRows: readonly number[];
  /** Rows kept in view when scrolling (title, note and the first header). */
  readonly freezeRows: number;
}

/** The copy shared with management: the year's ledgers and summaries with no appellant identity. */
export interface ManagementCopy {
  readonly year: number;
  readonly asOf: string;
  readonly sheets: readonly CopySheet[];
}

/**
 * Builds the management copy: each quarter's work ledger begun by `asOf`, the satisfaction
 * ledger, the classification table and the annual summary with its figures as values. Identity
 * columns go through the core's redactRow (names → （已隐去）, phones removed, 匿名 stays 匿名);
 * then every text cell of every sheet is scrubbed of any appellant name or phone it quotes.
 */
export function buildManagementCopy(
  check: WorkbookCheck,
  options: { year: number; asOf: string },
): ManagementCopy {
  const { year, asOf } = options;
  const scrub = identityScrubber(appellantIdentities(check));
  const unit = check.settings.unitName || '本单位';
  const note = `管理层阅览副本：诉求人姓名已隐去、电话已删除，匿名诉求仍记为“匿名”。报表日期：${asOf}。`;
  const sheet = (
    name: string,
    title: string,
    def: RegisterDef,
    records: readonly Record<string, unknown>[],
  ): CopySheet => ({
    name,
    widths: def.fields.map((f) => f.width ?? 12),
    rows: [
      [title],
      [note],
      def.fields.map((f) => f.header),
      ...records.map((r) => {
        const safe = redactRow(def, r);
        return def.fields.map((f) => {
          const v = safe[f.key];
          return typeof v === 'number' ? v : v === undefined || v === null ? '' : String(v);
        });
      }),
    ],
    headerRows: [2],
    freezeRows: 3,
  });
  const whole: Period = { year, quarter: 0 };
  const quarters = ([1, 2, 3, 4] as const)
    .map((quarter): Period => ({ year, quarter }))
    .filter((p) => periodRange(p).from <= asOf);
  const sheets: CopySheet[] = [
    ...quarters.map((p) =>
      sheet(
        ledgerSheetName(p),
        `${unit}工会与行政沟通协商职工诉求工作台账（${periodTitle(p)}）`,
        workLedgerSheet,
        buildWorkLedger(check.cases, p, asOf),
      ),
    ),
    sheet(
      satisfactionLedgerSheet.sheet,
      `${year}年职工诉求满意度整理台账`,
      satisfactionLedgerSheet,
      buildSatisfactionLedger(check.cases, whole, asOf),
    ),
    sheet(
      classificationSheet.sheet,
      `${year}年议题梳理汇总分类表`,
      classificationSheet,
      buildClassification(check.cases, whole, check.lists),
    ),
    withFigures(
      sheet(
        annualSummarySheet.sheet,
        `${year}年度${unit}职工诉求分类汇总表`,
        annualSummarySheet,
        buildAnnualSummary(check.cases, year, check.lists),
      ),
      check,
      year,
      asOf,
    ),
  ];
  return {
    year,
    asOf,
    sheets: sheets.map((s) => ({
      ...s,
      rows: s.rows.map((r) => r.map((v) => (typeof v === 'string' ? scrub(v) : v))),
    })),
  };
}

/** The summary sheet with the figures of each quarter and the year below it. */
function withFigures(summary: CopySheet, check: WorkbookCheck, year: number, asOf: string): CopySheet {
  return {
    ...summary,
    widths: [10, 14, 8, 50, 10, 34, 34],
    rows: [...summary.rows, [], [...FIGURE_HEADERS], ...figureRows(check, year, asOf)],
    headerRows: [...summary.headerRows, summary.rows.length + 1],
  };
}
