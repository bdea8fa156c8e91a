import {
  dayFromIso,
  emptyTally,
  excelSerialFromDay,
  figuresFromTally,
  groupSheetName,
  periodTitle,
  RATE_KEYS,
  subtotalText,
  syncStatusText,
  type Figures,
  type GroupRow,
  type GroupSummary,
} from '../../shared';
import { replaceGeneratedSheet, writeGeneratedSheet } from './build';
import {
  declaredExcelApiOnly,
  MISSING_PAGE_SETUP,
  supportsExcelApi,
  type IsSetSupported,
  type MissingFeature,
} from './capabilities';
import type { ExcelRun } from './context';
import type { SheetContent } from './generated';
import { BatchWriter } from './writer';

/** The 0-based sheet row of the group summary's header; units follow on the next rows. */
export const GROUP_HEADER_ROW = 3;

/** Column headers of the group summary: unit, sync, 受理数, then each rate's 分子, 分母 and rate. */
export function groupHeaders(words: Figures): string[] {
  return [
    '单位',
    '同步情况',
    '受理数',
    ...RATE_KEYS.flatMap((k) => {
      const name = words.rates[k].name.zh;
      return [`${name}分子`, `${name}分母`, name];
    }),
  ];
}

/** One indentation step per level below the org (an ideographic space, which Chinese text indents by). */
const indent = (level: number): string => '\u3000'.repeat(level * 2);

/** A rate as the sheet holds it: the number, formatted 0.0%, or — when its denominator is 0 (never 0%). */
const rateCell = (f: Figures, k: (typeof RATE_KEYS)[number]): number | string => f.rates[k].value ?? '—';

const figureCells = (f: Figures | null): (number | string)[] =>
  f
    ? [
        f.received,
        ...RATE_KEYS.flatMap((k) => [f.rates[k].numerator, f.rates[k].denominator, rateCell(f, k)]),
      ]
    : // Not synced since the period ended: what the cloud holds is not the period's, so nothing is written.
      new Array<string>(1 + RATE_KEYS.length * 3).fill('');

/** A row's cells: indented unit name (or 小计/合计), what it says of syncing, then its figures. */
export function groupRowCells(row: GroupRow): (number | string)[] {
  if (row.kind === 'unit')
    return [indent(row.level) + row.name, syncStatusText(row).zh, ...figureCells(row.figures)];
  const label = row.level === 0 ? `合计（${row.name}）` : `${row.name} 小计`;
  return [indent(row.level) + label, subtotalText(row).zh, ...figureCells(row.figures)];
}

const serial = (iso: string): number | string => {
  const d = dayFromIso(iso);
  return d === null ? iso : excelSerialFromDay(d);
};

/**
 * The 集团汇总 sheet as data (pure): title, period and report date, the header, one row per unit and
 * subtotal, then notes on units left out and on what each figure counts. Printed as the ledgers
 * are (A4 landscape, one page wide, title rows repeated, 第 N 页 共 M 页).
 */
export function groupSummaryContent(summary: GroupSummary, builtOn: string): SheetContent {
  const { period, asOf } = summary;
  // The words beside the figures are the core's; with no unit synced, the core's empty figures carry them.
  const words = summary.rows.find((r) => r.figures)?.figures ?? figuresFromTally(emptyTally(), period, asOf);
  const title = `${summary.orgName}职工诉求工作集团汇总表（${periodTitle(period)}）`;
  const headers = groupHeaders(words);
  const rows = summary.rows.map(groupRowCells);
  const note =
    `报表日期：${asOf}（云端计数之日），生成于 ${builtOn}。各单位的数字与其本单位分类汇总表同一口径，` +
    '由各单位同步到云端的登记表计算；重新生成时本表会被替换。';
  const unsynced = summary.unsynced
    ? [
        `有 ${summary.unsynced} 个单位自本期结束后未同步（标“未同步”者）：云端所存不是其本期数字，` +
          '故不填数字、不按零计，也未计入各级小计与合计；请其同步后重新生成。',
      ]
    : [];
  const definitions = RATE_KEYS.map((k) => {
    const r = words.rates[k];
    return `${r.name.zh}：分子为${r.numeratorText.zh}，分母为${r.denominatorText.zh}；分母为 0 时记“—”。`;
  });
  const dataEnd = GROUP_HEADER_ROW + 1 + rows.length;
  const notes = [
    ...unsynced,
    '受理数：受理时间在本期且不晚于报表日期的诉求数。按时反馈率、按时告知率按各单位自己设置的工作日时限计算（下列说明写的是默认时限）。',
    ...definitions,
  ];
  return {
    name: groupSheetName(period),
    title,
    print: true,
    widths: [18, 16, 7, ...RATE_KEYS.flatMap(() => [6, 6, 7.5])],
    blocks: [
      { row: 0, rows: [[title]] },
      {
        row: 1,
        rows: [['期间', periodTitle(period), '报表日期', serial(asOf), note]],
        formats: ['@', '@', '@', 'yyyy-mm-dd', '@'],
      },
      { row: GROUP_HEADER_ROW, rows: [headers], header: true },
      {
        row: GROUP_HEADER_ROW + 1,
        rows,
        formats: ['@', '@', '0', ...RATE_KEYS.flatMap(() => ['0', '0', '0.0%'])],
      },
      ...notes.map((text, i) => ({ row: dataEnd + i, rows: [[text]], note: true })),
    ],
  };
}

/** What building the group summary made. */
export interface GroupSummaryReport {
  readonly sheet: string;
  /** Unit rows (subtotals not counted). */
  readonly units: number;
  /** Units marked not synced and left out of the subtotals. */
  readonly unsynced: number;
  readonly syncs: number;
  /** What this Excel could not do (page setup before ExcelApi 1.9); the sheet is written all the same. */
  readonly missing: readonly MissingFeature[];
}

/**
 * Writes the group summary onto its own sheet (集团汇总2026Q1), replacing one the add-in generated
 * before (the `xieshang.generated` registry) and refusing to touch a clerk's sheet of that name.
 * The old sheet is renamed out of the way before the new one is added, since Excel will not delete
 * a workbook's last visible sheet and the new sheet needs the name.
 */
export async function writeGroupSummary(
  run: ExcelRun,
  summary: GroupSummary,
  options: { readonly builtOn: string; readonly isSetSupported?: IsSetSupported },
): Promise<GroupSummaryReport> {
  const isSetSupported = options.isSetSupported ?? declaredExcelApiOnly;
  const content = groupSummaryContent(summary, options.builtOn);
  const name = content.name;
  return run(async (context) => {
    const sheet = await replaceGeneratedSheet(context, name);
    const writer = new BatchWriter(context);
    await writeGeneratedSheet(writer, sheet, content, isSetSupported);
    sheet.activate();
    await writer.flush();
    return {
      sheet: name,
      units: summary.rows.filter((r) => r.kind === 'unit').length,
      unsynced: summary.unsynced,
      syncs: writer.syncs + 1,
      missing: supportsExcelApi(isSetSupported, 9) ? [] : [MISSING_PAGE_SETUP],
    };
  });
}
