import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedgers } from '../../addin/excel/build';
import { categoryCountFormula, receivedFormula, type FormulaSources } from '../../addin/excel/formulas';
import { setUpWorkbook } from '../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../addin/simulator';
import { simulatedWorkbookToXlsx } from '../../addin/simulator/xlsx';
import {
  buildAnnualSummary,
  checkWorkbook,
  computeFigures,
  RATE_KEYS,
  type Period,
  type WorkbookInput,
} from '../../shared';
import { loadRegisters, runOf } from '../addin/excel/helpers';
import { generateWorkbook } from '../../addin/demo/generate';
import { findSoffice, recalculate } from './soffice';

// Categories a clerk added to the list, which a bare COUNTIFS criterion would read as wildcards
// (“*类” matches every category, “其他?” matches 其他类) or as an operator (“<急>”).
// https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
const ADDED = ['*类', '<急>', '其他?', '急"办"'];

const soffice = findSoffice();
if (!soffice && process.env['CI'] === 'true')
  throw new Error('LibreOffice is required under CI: apt-get install -y libreoffice-calc');
if (!soffice)
  console.warn(
    '跳过 LibreOffice 公式核对 / skipping the LibreOffice formula check: install it with `apt-get install -y libreoffice-calc`',
  );

describe.skipIf(!soffice)('the summary formulas, recomputed by LibreOffice, equal the core', () => {
  const g = generateWorkbook({ appeals: 240, seed: 21 });
  const input = withCategories(g.input, ADDED);
  const core = checkWorkbook(input, { today: g.today });
  let sheet: string[][] = [];
  let specials: string[][] = [];

  beforeAll(async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, input);
    await wb.run(async (context) => {
      const headers = wb.table('ValueLists')?.headers ?? [];
      const typed = ADDED.map((v) => headers.map((h) => (h === '受理类别' ? v : '')));
      context.workbook.tables.getItem('ValueLists').rows.add(undefined, typed);
      await context.sync();
    });
    await buildLedgers(runOf(wb), { year: 2025, asOf: g.today });
    await addSpecialHeaders(wb);
    const sheets = recalculate(soffice as string, await simulatedWorkbookToXlsx(wb));
    sheet = sheets.get('分类汇总表') ?? [];
    specials = sheets.get(SPECIAL_SHEET) ?? [];
  }, 240_000);

  it('clerk-added categories with * ? < = count only themselves', () => {
    const summary = buildAnnualSummary(core.cases, 2025, core.lists);
    for (const category of ADDED) {
      const rows = summary.filter((r) => r.category === category);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const cells = sheet.find((r) => r[0] === row.quarter && r[1] === category) ?? [];
        expect([category, Number(cells[2])]).toEqual([category, row.count]);
      }
    }
  });

  // Headers with ' # [ ] @ are escaped with an apostrophe inside Table[[column]].
  // https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  it('structured references to headers with special characters read the right column', () => {
    expect(specials[0]?.slice(0, 2)).toEqual(SPECIAL_HEADERS);
    expect(specials.slice(1, 1 + SPECIAL_EXPECTED.length).map((r) => Number(r[4]))).toEqual(SPECIAL_EXPECTED);
  });

  it('每季度每类件数 / each quarter and category count', () => {
    const summary = buildAnnualSummary(core.cases, 2025, core.lists);
    summary.forEach((row, i) => {
      const cells = sheet[4 + i] ?? [];
      expect([cells[0], cells[1], Number(cells[2])]).toEqual([row.quarter, row.category, row.count]);
    });
  });

  it('每个指标的分子与分母 / every figure numerator and denominator', () => {
    const start = sheet.findIndex((r) => r[0] === '期间') + 1;
    expect(start).toBeGreaterThan(5);
    const periods: [string, Period][] = [
      ['一季度', { year: 2025, quarter: 1 }],
      ['二季度', { year: 2025, quarter: 2 }],
      ['三季度', { year: 2025, quarter: 3 }],
      ['四季度', { year: 2025, quarter: 4 }],
      ['全年', { year: 2025, quarter: 0 }],
    ];
    let row = start;
    for (const [label, period] of periods) {
      const f = computeFigures(core.cases, period, {
        asOf: g.today,
        calendar: core.calendar,
        rules: core.settings,
      });
      expect(sheet[row]?.slice(0, 3)).toEqual([label, '受理数', String(f.received)]);
      row++;
      for (const key of RATE_KEYS) {
        const r = f.rates[key];
        const cells = sheet[row++] ?? [];
        expect([label, cells[1], Number(cells[2]), Number(cells[3])]).toEqual([
          label,
          r.name.zh,
          r.numerator,
          r.denominator,
        ]);
        if (r.value === null) expect(cells[4]).toBe('—');
        else
          expect(
            Number(String(cells[4]).replace(/%$/, '')) / (String(cells[4]).endsWith('%') ? 100 : 1),
          ).toBeCloseTo(r.value, 3);
      }
    }
  });
});

/** The generated registers with the categories added to the list and some appeals moved to them. */
function withCategories(input: WorkbookInput, added: readonly string[]): WorkbookInput {
  const { appeals, valueLists } = input;
  if (!appeals || !valueLists) throw new Error('no appeal register or value list');
  const at = appeals.header.indexOf('受理类别');
  const rows = appeals.rows.map((row, i) =>
    i % 5 === 0 ? row.map((cell, j) => (j === at ? added[(i / 5) % added.length] : cell)) : row,
  );
  const list = valueLists.header.indexOf('受理类别');
  return {
    ...input,
    appeals: { ...appeals, rows },
    valueLists: {
      ...valueLists,
      rows: added.map((v) => valueLists.header.map((_, j) => (j === list ? v : ''))),
    },
  };
}

const SPECIAL_SHEET = 'Specials';
const SPECIAL_HEADERS = ["受理'时间#", '类别[新]@'];
const SPECIAL_ROWS: [number, string][] = [
  [45667, '*类'], // 2025-01-10
  [45668, '工资福利类'],
  [45700, '*类'], // 2025-02-12
  [45780, '*类'], // 2025-05-03, next quarter
  [45690, '<急>'],
];
/** Q1 counts of '*类', '<急>', '工资福利类', and every appeal received in Q1 up to the report date. */
const SPECIAL_EXPECTED = [2, 1, 1, 4];

/** A table whose headers need escaping, with the count formulas built over it. */
async function addSpecialHeaders(wb: ReturnType<typeof createSimulatedWorkbook>): Promise<void> {
  const sources: FormulaSources = {
    appeals: 'Specials',
    header: (k) =>
      k === 'receivedOn' ? SPECIAL_HEADERS[0] : k === 'category' ? SPECIAL_HEADERS[1] : undefined,
    workDays: '',
    asOf: '$D$1',
    reportWithinDays: 5,
    tellWithinDays: 5,
  };
  const q1: Period = { year: 2025, quarter: 1 };
  await wb.run(async (context) => {
    const sheet = context.workbook.worksheets.add(SPECIAL_SHEET);
    sheet.getRange('B2:B6').numberFormat = SPECIAL_ROWS.map(() => ['@']);
    sheet.getRange('A1:B6').values = [SPECIAL_HEADERS, ...SPECIAL_ROWS];
    sheet.tables.add('A1:B6', true).name = 'Specials';
    sheet.getRange('D1').values = [[45747]]; // 2025-03-31
    sheet.getRange('E2:E5').formulas = [
      [categoryCountFormula(sources, q1, '*类')],
      [categoryCountFormula(sources, q1, '<急>')],
      [categoryCountFormula(sources, q1, '工资福利类')],
      [receivedFormula(sources, q1)],
    ];
    await context.sync();
  });
}
