import { topicRegister, type TopicRecord } from '../schema/registers';
import { VALUE_LISTS } from '../schema/valueLists';
import { say, type Bilingual } from '../text';

/**
 * 转达: how the union receives a workshop's topics. The handbook's 征集协商议题记录本 is kept by the
 * workshop's union head and handed in to the enterprise union ("统一整理后上交企业工会"), so the
 * union hears the topic relayed, not by 谈话, 电话 or 网络 from the employee (docs/domain.md).
 */
export const RELAYED: (typeof VALUE_LISTS.intakeMethod.values)[number] = '转达';

/** The next free 编号 of the year, as 2025-018 after 2025-017 (meetings: 2025-H3 after 2025-H2). */
export function nextId(taken: ReadonlySet<string>, year: string, infix = ''): string {
  const prefix = `${year}-${infix}`;
  let max = 0;
  for (const id of taken)
    if (id.startsWith(prefix)) max = Math.max(max, Number(id.slice(prefix.length)) || 0);
  return `${prefix}${String(max + 1).padStart(infix ? 1 : 3, '0')}`;
}

/** A topic row to turn into an appeal: its sheet row and what the row says. */
export interface TopicRow {
  readonly row: number;
  readonly values: Partial<TopicRecord>;
}

/** The appeal a topic becomes, as text a form would hold (field key → text). */
export type TopicAppeal = Readonly<Record<string, string>>;

/** What turning topics into appeals decides: the appeals with their 编号, and the topics refused. */
export interface TopicAppealPlan {
  readonly appeals: readonly { readonly row: number; readonly id: string; readonly record: TopicAppeal }[];
  readonly refused: readonly { readonly row: number; readonly reason: Bilingual }[];
}

/**
 * Turns topics into appeals: each gets the next 编号 of the year the appeal is received in,
 * 受理方式 转达, 受理时间 the day the union takes it up (the topic's own 时间 stays on the topic
 * row, linked by 诉求编号), the topic's 内容, its workshop as 单位 and its 姓名 as 诉求人 (匿名
 * stays 匿名). A topic already carrying a 诉求编号 is refused, never turned twice.
 */
export function planTopicAppeals(
  topics: readonly TopicRow[],
  options: { readonly taken: ReadonlySet<string>; readonly receivedOn: string; readonly category: string },
): TopicAppealPlan {
  const taken = new Set(options.taken);
  const year = options.receivedOn.slice(0, 4);
  const appeals: { row: number; id: string; record: TopicAppeal }[] = [];
  const refused: { row: number; reason: Bilingual }[] = [];
  const seen = new Set<number>();
  for (const t of topics) {
    if (seen.has(t.row)) continue;
    seen.add(t.row);
    const v = t.values;
    if (v.appealId) {
      refused.push({
        row: t.row,
        reason: say(
          `第 ${t.row} 行的议题已转为诉求 ${v.appealId}，不再重复转入`,
          `the topic in row ${t.row} is already appeal ${v.appealId}; it is not turned into an appeal twice`,
        ),
      });
      continue;
    }
    const missing = (['content', 'name', 'workshop'] as const).filter((k) => !String(v[k] ?? '').trim());
    if (missing.length) {
      refused.push({
        row: t.row,
        reason: say(
          `第 ${t.row} 行的议题缺少${missing.map(headerOf).join('、')}，不能转为诉求`,
          `the topic in row ${t.row} has no ${missing.join(', ')}; it cannot become an appeal`,
        ),
      });
      continue;
    }
    const id = nextId(taken, year);
    taken.add(id);
    appeals.push({
      row: t.row,
      id,
      record: {
        id,
        intakeMethod: RELAYED,
        receivedOn: options.receivedOn,
        category: options.category,
        appellant: String(v.name),
        unit: String(v.workshop),
        content: String(v.content),
      },
    });
  }
  return { appeals, refused };
}

const headerOf = (key: string): string => topicRegister.fields.find((f) => f.key === key)?.header ?? key;
