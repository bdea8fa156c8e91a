import { parseStructRef, tokenize } from '@borgar/fx';
import { describe, expect, it } from 'vitest';
import { buildCases } from '../../../shared';
import {
  categoryCountFormula,
  formulasSeeClosures,
  LIVE_RATES,
  rateFormulas,
  receivedFormula,
  type FormulaField,
  type FormulaSources,
} from '../../../addin/excel/formulas';

const HEADERS: Record<FormulaField, string> = {
  receivedOn: '受理时间',
  finishedOn: '办结日期',
  impossibleReason: '无法办理说明',
  dueOn: '完成时限',
  reportedOn: '部门反馈日期',
  toldOn: '告知诉求人日期',
  publishedOn: '公示日期',
  appellant: '诉求人',
  category: '受理类别',
};

const sources = (headers: Partial<Record<FormulaField, string>> = HEADERS): FormulaSources => ({
  appeals: 'Appeals',
  header: (k) => headers[k],
  workDays: 'WorkDays[[日期]]',
  asOf: '$B$2',
  reportWithinDays: 5,
  tellWithinDays: 5,
});
const q1 = { year: 2025, quarter: 1 } as const;

/** The tokens of a formula as Excel's grammar reads them (an independent tokenizer). */
const tokens = (formula: string) => tokenize(formula, { mergeRefs: true });
const columnsOf = (formula: string): string[] =>
  tokens(formula)
    .filter((t) => t.type === 'structured')
    .flatMap((t) => parseStructRef(t.value)?.columns ?? []);
const stringsOf = (formula: string): string[] =>
  tokens(formula)
    .filter((t) => t.type === 'string')
    .map((t) => t.value);

describe('the live formulas over the registers', () => {
  // https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  it('reference columns as Table[[column]], escaping headers a clerk typed with special characters', () => {
    const header = "受理'时间[#1]@";
    const formula = receivedFormula(sources({ ...HEADERS, receivedOn: header }), q1) ?? '';
    expect(formula).toContain("Appeals[[受理''时间'['#1']'@]]");
    expect(columnsOf(formula)).toEqual([header, header]);
    expect(receivedFormula(sources(), q1)).toBe(
      '=COUNTIFS(Appeals[[受理时间]],">="&DATE(2025,1,1),Appeals[[受理时间]],"<="&MIN(DATE(2025,3,31),$B$2))',
    );
  });

  // https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
  it('match a clerk-added category exactly: wildcards escaped, a leading operator made literal', () => {
    const criterion = (category: string) =>
      stringsOf(categoryCountFormula(sources(), q1, category) ?? '').at(-1);
    expect(criterion('工资福利类')).toBe('"=工资福利类"');
    expect(criterion('*其他')).toBe('"=~*其他"');
    expect(criterion('其他?')).toBe('"=其他~?"');
    expect(criterion('<急>')).toBe('"=<急>"');
    expect(criterion('=急')).toBe('"==急"');
    expect(criterion('急"办"')).toBe('"=急""办"""');
    expect(columnsOf(categoryCountFormula(sources(), q1, '*其他') ?? '')).toEqual([
      '受理时间',
      '受理时间',
      '受理类别',
    ]);
  });

  it('read the working-day list through the reference they are given', () => {
    const report = rateFormulas(sources(), q1, 'onTimeReportRate');
    expect(report?.numerator).toContain('MATCH(');
    expect(
      tokens(report?.numerator ?? '').filter((t) => t.value === 'WorkDays[[日期]]').length,
    ).toBeGreaterThan(0);
  });

  // A formula naming a column the table lacks is refused by Excel; the figure is written as a value.
  it('are null where the register lacks a column they read, and only those', () => {
    const noTold = sources({ ...HEADERS, toldOn: undefined });
    expect(rateFormulas(noTold, q1, 'onTimeTellRate')).toBeNull();
    for (const key of LIVE_RATES.filter((k) => k !== 'onTimeTellRate'))
      expect(rateFormulas(noTold, q1, key)).not.toBeNull();
    expect(receivedFormula(sources({ ...HEADERS, receivedOn: undefined }), q1)).toBeNull();
    expect(categoryCountFormula(sources({ ...HEADERS, category: undefined }), q1, '工资福利类')).toBeNull();
    expect(rateFormulas(sources(), q1, 'satisfactionRate')).toBeNull();
  });

  // docs/domain.md, figures: 按时反馈率 counts finished appeals only; an anonymous appeal's 公示日期
  // counts as telling it. The formulas must read exactly what the core reads.
  it('按时反馈率 leaves out appeals with a 无法办理说明; 按时告知率 reads an anonymous appeal’s 公示日期', () => {
    const report = rateFormulas(sources(), q1, 'onTimeReportRate');
    expect(columnsOf(report?.denominator ?? '')).toContain('无法办理说明');
    expect(columnsOf(report?.numerator ?? '')).toContain('无法办理说明');
    const tell = rateFormulas(sources(), q1, 'onTimeTellRate');
    for (const f of [tell?.numerator ?? '', tell?.denominator ?? '']) {
      expect(columnsOf(f)).toEqual(expect.arrayContaining(['公示日期', '诉求人', '告知诉求人日期']));
      expect(stringsOf(f)).toContain('"匿名"');
      expect(f.length).toBeLessThan(8192);
    }
  });
});

describe('whether the register shows every closure the formulas need (docs/domain.md, judged impossible)', () => {
  const appeal = { id: 'A', receivedOn: '2026-03-02', department: '后勤部' };
  const judged = { appealId: 'A', trackedOn: '2026-03-06', status: '不具备条件无法执行', feedback: '无场地' };
  it('not when only the tracking form judged an appeal impossible', () => {
    expect(formulasSeeClosures(buildCases([appeal], { tracking: [judged] }))).toBe(false);
    expect(
      formulasSeeClosures(
        buildCases([{ ...appeal, finishedOn: '2026-03-06', impossibleReason: '无场地' }], {
          tracking: [judged],
        }),
      ),
    ).toBe(true);
    expect(formulasSeeClosures(buildCases([appeal], {}))).toBe(true);
  });
});
