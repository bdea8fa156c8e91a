import { computeFigures, periodName, RATE_KEYS, type WorkbookCheck } from '../../shared';

/** Headers of the figures block, as on the add-in's own summary sheet. */
export const FIGURE_HEADERS = ['期间', '指标', '分子', '分母', '比率', '分子说明', '分母说明'] as const;

/**
 * The core's figures for each quarter and the whole year as plain values: 受理数, then every rate
 * with its numerator and denominator beside it and both stated in words ("—" for a rate of 0/0).
 */
export function figureRows(check: WorkbookCheck, year: number, asOf: string): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const quarter of [1, 2, 3, 4, 0] as const) {
    const f = computeFigures(
      check.cases,
      { year, quarter },
      { asOf, calendar: check.calendar, rules: check.settings },
    );
    const label = periodName({ quarter });
    rows.push([label, '受理数', f.received, '', '', '受理时间在本期且不晚于报表日期的诉求', '']);
    for (const key of RATE_KEYS) {
      const r = f.rates[key];
      rows.push([
        label,
        r.name.zh,
        r.numerator,
        r.denominator,
        r.text,
        r.numeratorText.zh,
        r.denominatorText.zh,
      ]);
    }
  }
  return rows;
}
