import * as ExcelJsModule from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeManagementCopy, type ManagementCopyReport } from '../../../addin/excel/managementCopy';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { checkWorkbook, computeFigures, RATE_KEYS, type AppealRecord } from '../../../shared';
import { generateWorkbook } from '../../../addin/demo/generate';
import { rawWorkbook } from '../../../addin/demo/raw';
import { seeded } from '../../../addin/demo/random';
import { loadRegisters, runOf } from './helpers';

const ExcelJs: typeof ExcelJsModule =
  (ExcelJsModule as unknown as { default?: typeof ExcelJsModule }).default ?? ExcelJsModule;

const g = generateWorkbook({ appeals: 80, seed: 21 });
const named = (a: AppealRecord | undefined): a is AppealRecord => !!a?.appellant && a.appellant !== '匿名';
// Every fifth appeal quotes another appellant's name and phone in its content, as clerks do.
const appeals = g.appeals.map((a, i) => {
  const other = g.appeals.slice(i + 1).find((x) => named(x) && x.phone);
  if (i % 5 !== 0 || !other?.phone) return a;
  const phone = `${other.phone.slice(0, 3)}-${other.phone.slice(3, 7)}-${other.phone.slice(7)}`;
  return { ...a, content: `${a.content}（同班组${other.appellant}也反映，电话${phone}）` };
});
const input = rawWorkbook({ ...g, appeals }, seeded(22));
const core = checkWorkbook(input, { today: g.today });
const names = [
  ...new Set([
    ...appeals.filter(named).map((a) => a.appellant as string),
    ...g.topics.map((t) => t.name ?? ''),
  ]),
].filter((n) => n && n !== '匿名');
const phones = appeals.flatMap((a) => (a.phone ? [a.phone.replace(/\D/g, '')] : []));

describe('the management copy', () => {
  let book: ExcelJsModule.Workbook;
  let report: ManagementCopyReport;
  let opened = 0;
  beforeAll(async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, input);
    let base64 = '';
    const createWorkbook = async (b64: string): Promise<void> => {
      opened++;
      base64 = b64;
    };
    report = await makeManagementCopy(runOf(wb), { year: 2025, asOf: g.today, createWorkbook });
    book = new ExcelJs.Workbook();
    await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJsModule.Buffer);
  });

  const cellTexts = (): { at: string; text: string }[] =>
    book.worksheets.flatMap((sheet) => {
      const out: { at: string; text: string }[] = [];
      sheet.eachRow((row) =>
        row.eachCell(
          (cell) => void out.push({ at: `${sheet.name}!${cell.address}`, text: String(cell.value ?? '') }),
        ),
      );
      return out;
    });

  it('opens one new workbook with the ledgers and summaries, headers frozen', () => {
    expect(opened).toBe(1);
    const sheets = [
      '台账2025Q1',
      '台账2025Q2',
      '台账2025Q3',
      '台账2025Q4',
      '满意度整理台账',
      '议题梳理汇总分类表',
      '分类汇总表',
    ];
    expect(book.worksheets.map((s) => s.name)).toEqual(sheets);
    expect(report.sheets.map((s) => s.name)).toEqual(sheets);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(sheet.getRow(3).font?.bold).toBe(true);
    }
  });

  it('contains no name or phone of any appellant in any cell of any sheet', () => {
    expect(names.length).toBeGreaterThan(30);
    const cells = cellTexts();
    expect(cells.length).toBeGreaterThan(500);
    const anyName = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    const leaks = cells.filter(({ text }) => {
      const digits = text.replace(/\D/g, '');
      return anyName.test(text) || phones.some((p) => digits.includes(p));
    });
    expect(leaks).toEqual([]);
    expect(
      cells.filter((c) => c.text.includes('同班组（已隐去）也反映，电话（已隐去）')).length,
    ).toBeGreaterThan(5);
  });

  it('keeps 匿名 as 匿名, shows other appellants as （已隐去） and empties every phone', () => {
    let rows = 0;
    for (const sheet of book.worksheets.filter((s) => s.name.startsWith('台账'))) {
      sheet.eachRow((row, r) => {
        if (r <= 3) return;
        const appeal = appeals.find((a) => a.id === row.getCell(1).value);
        expect(appeal, `${sheet.name} row ${r}`).toBeDefined();
        expect(row.getCell(4).value).toBe(appeal?.appellant === '匿名' ? '匿名' : '（已隐去）');
        expect(row.getCell(7).value ?? '').toBe('');
        rows++;
      });
    }
    expect(rows).toBe(80);
    expect(appeals.filter((a) => a.appellant === '匿名').length).toBeGreaterThan(5);
  });

  it('states the figures of the core, numerator and denominator beside each rate', () => {
    const sheet = book.getWorksheet('分类汇总表');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    const start = rows.findIndex((r) => r[0] === '期间' && r[1] === '指标') + 1;
    expect(start).toBeGreaterThan(3);
    ([1, 2, 3, 4, 0] as const).forEach((quarter, k) => {
      const f = computeFigures(
        core.cases,
        { year: 2025, quarter },
        { asOf: g.today, calendar: core.calendar, rules: core.settings },
      );
      const block = rows.slice(start + k * 7, start + (k + 1) * 7);
      expect(block[0]?.slice(1, 3)).toEqual(['受理数', f.received]);
      RATE_KEYS.forEach((key, i) => {
        const r = f.rates[key];
        expect(block[i + 1]?.slice(1, 5)).toEqual([r.name.zh, r.numerator, r.denominator, r.text]);
      });
    });
  });
});
