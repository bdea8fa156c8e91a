import { beforeAll, describe, expect, it } from 'vitest';
import { buildLedgers } from '../../addin/excel/build';
import { setUpWorkbook } from '../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../addin/simulator';
import { simulatedWorkbookToXlsx } from '../../addin/simulator/xlsx';
import { buildAnnualSummary, checkWorkbook, computeFigures, RATE_KEYS, type Period } from '../../shared';
import { loadRegisters, runOf } from '../addin/excel/helpers';
import { generateWorkbook } from '../../addin/demo/generate';
import { findSoffice, recalculate } from './soffice';

const soffice = findSoffice();
if (!soffice && process.env['CI'] === 'true')
  throw new Error('LibreOffice is required under CI: apt-get install -y libreoffice-calc');
if (!soffice)
  console.warn(
    '跳过 LibreOffice 公式核对 / skipping the LibreOffice formula check: install it with `apt-get install -y libreoffice-calc`',
  );

describe.skipIf(!soffice)('the summary formulas, recomputed by LibreOffice, equal the core', () => {
  const g = generateWorkbook({ appeals: 240, seed: 21 });
  const core = checkWorkbook(g.input, { today: g.today });
  let sheet: string[][] = [];

  beforeAll(async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, g.input);
    await buildLedgers(runOf(wb), { year: 2025, asOf: g.today });
    const sheets = recalculate(soffice as string, await simulatedWorkbookToXlsx(wb));
    sheet = sheets.get('分类汇总表') ?? [];
  }, 240_000);

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
      ['1季度', { year: 2025, quarter: 1 }],
      ['2季度', { year: 2025, quarter: 2 }],
      ['3季度', { year: 2025, quarter: 3 }],
      ['4季度', { year: 2025, quarter: 4 }],
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
