import type { AppealCase } from '../appeal/case';
import { deriveState, progressText } from '../appeal/lifecycle';
import type {
  AnnualSummaryRow,
  ClassificationRow,
  SatisfactionLedgerRow,
  WorkLedgerRow,
} from '../schema/registers';
import { ANONYMOUS, DISSATISFIED, type ValueLists } from '../schema/valueLists';
import { periodRange, QUARTER_NAMES, type Period } from './period';

// Plain code-unit order: dates are YYYY-MM-DD and 编号 are ASCII, and it is far cheaper than localeCompare.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byReceived = (a: AppealCase, b: AppealCase): number =>
  cmp(a.appeal.receivedOn ?? '', b.appeal.receivedOn ?? '') || cmp(a.appeal.id ?? '', b.appeal.id ?? '');

/**
 * The handbook's note under a generated form, by register key, word for word: 满意度整理台账 and
 * 议题梳理汇总分类表 carry one; the work ledger and the annual summary have none in the handbook.
 */
export const HANDBOOK_NOTES: Readonly<Partial<Record<string, string>>> = {
  satisfactionLedger:
    '注：诉求满意度为“非常满意、满意、基本满意”的诉求只填写表格前四项，诉求满意度“不满意”的填写全部表格。',
  classification:
    '注：此表由工会负责进行梳理，对职工提出的协商议题进行梳理分类，上报企业行政，初步确定协商会议议题和人员。',
};

/** The appeals received in a period, in order of receipt then 编号. */
export function casesIn(cases: readonly AppealCase[], p: Period): AppealCase[] {
  const { from, to } = periodRange(p);
  return cases
    .filter(
      (c) => c.appeal.receivedOn !== undefined && c.appeal.receivedOn >= from && c.appeal.receivedOn <= to,
    )
    .sort(byReceived);
}

/**
 * 职工诉求工作台账 for a quarter (or a month, which the handbook allows): one row per appeal received in it, built from the registers
 * (never typed twice). Identity columns are filled here; redact for anyone but the union.
 */
export function buildWorkLedger(
  cases: readonly AppealCase[],
  p: Period,
  asOf = '9999-12-31',
): WorkLedgerRow[] {
  return casesIn(cases, p).map((c) => {
    const a = c.appeal;
    const s = deriveState(c, asOf);
    const remarks: string[] = [];
    if (a.appellant === ANONYMOUS) remarks.push('匿名');
    if (s.counted?.rating === DISSATISFIED)
      remarks.push(s.stage === 'remedied' ? '不满意，已整改' : '不满意，整改中');
    if (a.escalatedOn && a.escalatedTo) remarks.push(`${a.escalatedOn} 上报${a.escalatedTo}`);
    return {
      id: a.id ?? '',
      receivedOn: a.receivedOn ?? '',
      category: a.category ?? '',
      appellant: a.appellant ?? '',
      content: a.content ?? '',
      unit: a.unit ?? '',
      phone: a.phone ?? '',
      progress: progressText(c, s),
      rating: s.counted?.rating ?? '',
      supervisor: s.counted?.supervisor ?? '',
      unionReview: s.counted?.unionReview ?? '',
      remarks: remarks.join('；'),
    };
  });
}

/**
 * 职工诉求满意度整理台账: one row per surveyed appeal (counted once). Rows rated 非常满意/满意/
 * 基本满意 fill the first four columns only; 不满意 rows fill all seven.
 */
export function buildSatisfactionLedger(
  cases: readonly AppealCase[],
  p: Period,
  asOf = '9999-12-31',
): SatisfactionLedgerRow[] {
  const out: SatisfactionLedgerRow[] = [];
  for (const c of casesIn(cases, p)) {
    const counted = deriveState(c, asOf).counted;
    if (!counted) continue;
    const first = {
      content: c.appeal.content ?? '',
      rating: counted.rating ?? '',
      department: c.appeal.department ?? '',
      owner: c.appeal.owner ?? '',
    };
    if (counted.rating !== DISSATISFIED) {
      out.push({ ...first, reason: '', remedyDepartment: '', remedyWithDeadline: '' });
    } else {
      const deadline = counted.remedyDueOn ? `（${counted.remedyDueOn}前）` : '';
      out.push({
        ...first,
        reason: counted.reason ?? '',
        remedyDepartment: counted.remedyDepartment ?? '',
        remedyWithDeadline: `${counted.remedy ?? ''}${deadline}`,
      });
    }
  }
  return out;
}

const listOrder =
  (list: readonly string[]) =>
  (v: string | undefined): number => {
    const i = v === undefined ? -1 : list.indexOf(v);
    return i < 0 ? list.length : i;
  };

/** 议题梳理汇总分类表: the appeals of a period grouped by 议题类别 in the list's order. */
export function buildClassification(
  cases: readonly AppealCase[],
  p: Period,
  lists: ValueLists,
): ClassificationRow[] {
  const order = listOrder(lists.topicKind);
  return casesIn(cases, p)
    .map((c, i) => ({ c, i }))
    .sort((x, y) => order(x.c.appeal.topicKind) - order(y.c.appeal.topicKind) || x.i - y.i)
    .map(({ c }) => ({
      kind: c.appeal.topicKind ?? '其他类',
      content: c.appeal.content ?? '',
      department: c.appeal.department ?? '',
      owner: c.appeal.owner ?? '',
      remarks: [c.appeal.id, c.appeal.category].filter(Boolean).join('，'),
    }));
}

/** How many characters of joined contents one summary cell shows before "等". */
export const SUMMARY_CONTENT_CHARS = 120;

/**
 * 职工诉求分类汇总表 for a year: for each quarter, one row per 受理类别 with its count and the
 * contents; a quarter with no appeals gets one row saying so.
 */
export function buildAnnualSummary(
  cases: readonly AppealCase[],
  year: number,
  lists: ValueLists,
): AnnualSummaryRow[] {
  const order = listOrder(lists.category);
  // One pass over the year, grouping by quarter then category; no ordering of appeals is needed.
  const quarters = [0, 1, 2, 3].map(() => new Map<string, string[]>());
  const { from, to } = periodRange({ year, quarter: 0 });
  for (const c of cases) {
    const r = c.appeal.receivedOn;
    if (r === undefined || r < from || r > to) continue;
    const groups = quarters[Math.floor((Number(r.slice(5, 7)) - 1) / 3)] as Map<string, string[]>;
    const cat = c.appeal.category ?? '未分类';
    const list = groups.get(cat);
    if (list) list.push(c.appeal.content ?? '');
    else groups.set(cat, [c.appeal.content ?? '']);
  }
  const out: AnnualSummaryRow[] = [];
  quarters.forEach((groups, q) => {
    const name = QUARTER_NAMES[q] as string;
    if (groups.size === 0) out.push({ quarter: name, category: '—', count: 0, content: '本季度无诉求' });
    for (const [category, contents] of [...groups].sort((a, b) => order(a[0]) - order(b[0]))) {
      out.push({ quarter: name, category, count: contents.length, content: summarizeContents(contents) });
    }
  });
  return out;
}

/** Joins contents for one summary cell, cut at SUMMARY_CONTENT_CHARS with the total count. */
function summarizeContents(contents: readonly string[]): string {
  let joined = '';
  for (const c of contents) {
    joined = joined ? `${joined}；${c}` : c;
    if (joined.length > SUMMARY_CONTENT_CHARS)
      return `${joined.slice(0, SUMMARY_CONTENT_CHARS)}…等 ${contents.length} 项`;
  }
  return joined;
}
