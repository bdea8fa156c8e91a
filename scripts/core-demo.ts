/** Prints the demo company's workbook check and quarterly figures, as the add-in will show them. */
import {
  checkWorkbook,
  computeFigures,
  describeProblem,
  periodTitle,
  RATE_KEYS,
  SCHEMA_VERSION,
} from '../shared';
import { generateWorkbook } from '../test/fixtures/generate';

const demo = generateWorkbook({ appeals: 120 });
const check = checkWorkbook(demo.input, { today: demo.today });
const errors = check.problems.filter((p) => p.severity === 'error');
console.log(
  `协商 Xieshang — 领域核心演示（表结构版本 ${SCHEMA_VERSION}）：${check.settings.unitName}，检查日期 ${demo.today}`,
);
console.log(
  `登记诉求 ${check.cases.length} 件；错误 ${errors.length} 处，提醒 ${check.problems.length - errors.length} 处。前 5 处提醒：`,
);
for (const p of check.problems.slice(0, 5)) console.log(`  ${describeProblem(p)}`);
for (const quarter of [1, 2, 3, 4] as const) {
  const f = computeFigures(
    check.cases,
    { year: demo.year, quarter },
    { asOf: demo.today, calendar: check.calendar, rules: check.settings },
  );
  const rates = RATE_KEYS.map(
    (k) => `${f.rates[k].name.zh} ${f.rates[k].text}（${f.rates[k].numerator}/${f.rates[k].denominator}）`,
  );
  console.log(`${periodTitle(f.period)}：受理 ${f.received} 件；${rates.join('；')}`);
}
console.log('Excel 加载项与云端函数尚在开发中；本命令目前只演示领域核心。');
