import type { RosterRecord, WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { DUTIES, DUTIES_INTRO } from './handbook';
import type { DocBlock, PrintDocument } from './model';
import { adminHead, rosterOf, unionChair, unitName } from './source';
import { chineseDate, sheetNameFor } from './words';

/** A member as the handbook lists one: 周海燕（企业行政负责人）. */
const member = (r: { name?: string; position?: string }): string =>
  r.position ? `${r.name ?? ''}（${r.position}）` : (r.name ?? '');

/** Lines of one role: the label on the first, aligned continuation lines after it. */
const roleLines = (label: string, people: readonly string[]): DocBlock[] =>
  people.map((p, i) => ({ type: 'paragraph', text: `${i === 0 ? label : '　　　　'}${p}` }));

/**
 * 成立通知 with the roster, then the group's seven duties verbatim (step 1). The roster comes from
 * 领导小组; where it names no leader, deputy or office director the settings' administration head
 * and union chair take those places, as the handbook prescribes.
 */
export function establishmentNotice(check: WorkbookCheck, issuedOn: string, ask: Asker): PrintDocument {
  const unit = unitName(check, ask);
  const roster = rosterOf(check).filter((r) => r.name);
  const withRole = (role: string): RosterRecord[] => roster.filter((r) => r.role === role);
  const leaders = withRole('组长').map(member);
  const deputies = withRole('副组长').map(member);
  const director = withRole('办公室主任')[0]?.name;
  const chair = leaders.length && deputies.length && director ? '' : unionChair(check, ask);
  const members = ask.names(withRole('成员').map(member), {
    field: 'members',
    zh: '领导小组成员（工会、党办、人力资源、办公室负责人及职工代表），用“、”分隔',
    en: 'Members of the leading group (union, party office, HR and office heads, employee representatives), separated by 、',
  });
  const leader = leaders.length
    ? leaders
    : [member({ name: adminHead(check, ask), position: '企业行政负责人' })];
  const deputy = deputies.length ? deputies : [member({ name: chair, position: '企业工会主席' })];
  const title = '工会与行政沟通协商机制领导小组';
  const blocks: DocBlock[] = [
    { type: 'title', text: unit },
    { type: 'title', text: `关于成立${title}的通知` },
    { type: 'gap' },
    {
      type: 'paragraph',
      indent: true,
      text: `为确保沟通协商机制的顺利推进，成立${unit}${title}，组长由企业行政负责人担任，成员由工会、企业行政部分和部分职工代表组成。领导小组组成如下：`,
    },
    ...roleLines('组　长：', leader),
    ...roleLines('副组长：', deputy),
    ...roleLines('成　员：', members),
    {
      type: 'paragraph',
      indent: true,
      text: `领导小组办公室设在公司工会，${director ?? chair}同志兼任办公室主任。`,
    },
    { type: 'gap' },
    { type: 'signature', lines: [unit, chineseDate(issuedOn)] },
    { type: 'gap' },
    { type: 'title', text: `${unit}${title}职责`, size: 16 },
    { type: 'paragraph', indent: true, text: DUTIES_INTRO },
    ...DUTIES.map((d): DocBlock => ({ type: 'paragraph', indent: true, text: d })),
  ];
  return {
    kind: 'establishment',
    sheet: sheetNameFor('成立通知'),
    title: `关于成立${title}的通知`,
    orientation: 'portrait',
    columns: [10, 10, 10, 10, 10, 10],
    blocks,
  };
}
