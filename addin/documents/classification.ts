import type { AppealCase, WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { CLASSIFICATION_NOTE } from './handbook';
import { appellantIdentities, identityScrubber } from './identities';
import type { MeetingFacts } from './meeting';
import type { DocCell, PrintDocument } from './model';
import { unitName } from './source';
import { chineseDate, listOf, sheetNameFor, splitList } from './words';

/** One topic on the classification table, before grouping. */
interface Line {
  readonly kind: string;
  readonly content: string;
  readonly departments: string;
  readonly owner: string;
  readonly remarks: string;
}

/** What the table covers: one meeting's agenda, or the appeals received in a period. */
export type ClassificationScope =
  { readonly meeting: MeetingFacts } | { readonly from: string; readonly to: string };

const OTHER = '其他类';

const remarksOf = (c: AppealCase | undefined): string =>
  c ? [c.appeal.id, c.appeal.category].filter(Boolean).join('，') : '';

/** The lines of a meeting's agenda: the agenda's departments and owner, else its appeal's. */
function meetingLines(facts: MeetingFacts): Line[] {
  return facts.agenda.map((a, i) => {
    const c = facts.cases[i];
    return {
      kind: c?.appeal.topicKind ?? OTHER,
      content: a.topic ?? c?.appeal.content ?? '',
      departments: listOf(a.departments ? splitList(a.departments) : splitList(c?.appeal.department)),
      owner: a.owner || c?.appeal.owner || '',
      remarks: remarksOf(c),
    };
  });
}

/** The lines of the appeals received in a period. */
function periodLines(check: WorkbookCheck, from: string, to: string): Line[] {
  return check.cases
    .filter((c) => (c.appeal.receivedOn ?? '') >= from && (c.appeal.receivedOn ?? '') <= to)
    .map((c) => ({
      kind: c.appeal.topicKind ?? OTHER,
      content: c.appeal.content ?? '',
      departments: c.appeal.department ?? '',
      owner: c.appeal.owner ?? '',
      remarks: remarksOf(c),
    }));
}

/**
 * 议题梳理汇总分类表 (step 3) as the handbook lays it out: 类别, 内容, 责任部门, 责任人, 备注, the
 * topics grouped by 议题类别 in the list's order with each category's cell merged down its rows,
 * and the handbook's note. It goes to the administration, so appellants are scrubbed from the text.
 * Undefined when the scope has no topic.
 */
export function classificationTable(
  check: WorkbookCheck,
  scope: ClassificationScope,
  ask: Asker,
): PrintDocument | undefined {
  const lines = 'meeting' in scope ? meetingLines(scope.meeting) : periodLines(check, scope.from, scope.to);
  if (lines.length === 0) return undefined;
  const unit = unitName(check, ask);
  const scrub = identityScrubber(appellantIdentities(check));
  const order = check.lists.topicKind;
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  const sorted = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank(a.l.kind) - rank(b.l.kind) || a.i - b.i)
    .map(({ l }) => l);
  const head = (text: string): DocCell => ({ text, bold: true, align: 'center' });
  const rows: DocCell[][] = [[head('类别'), head('内容'), head('责任部门'), head('责任人'), head('备注')]];
  sorted.forEach((l, i) => {
    const rest: DocCell[] = [
      { text: scrub(l.content) },
      { text: l.departments, align: 'center' },
      { text: l.owner, align: 'center' },
      { text: l.remarks },
    ];
    if (i > 0 && sorted[i - 1]?.kind === l.kind) return void rows.push(rest);
    const size = sorted.filter((x) => x.kind === l.kind).length;
    rows.push([{ text: l.kind, rowSpan: size, bold: true, align: 'center' }, ...rest]);
  });
  const subject =
    'meeting' in scope
      ? `${scope.meeting.name}（${chineseDate(scope.meeting.meeting.date)}）`
      : `${chineseDate(scope.from)}至${chineseDate(scope.to)}`;
  return {
    kind: 'classification',
    sheet: sheetNameFor(
      '分类表',
      'meeting' in scope ? scope.meeting.meeting.id : `${scope.from}至${scope.to}`,
    ),
    title: '议题梳理汇总分类表',
    orientation: 'portrait',
    columns: [11, 30, 12, 8, 14],
    blocks: [
      { type: 'title', text: unit },
      { type: 'title', text: '议题梳理汇总分类表', size: 16 },
      { type: 'paragraph', align: 'center', text: subject },
      { type: 'table', rows, headerRows: 1 },
      { type: 'paragraph', text: CLASSIFICATION_NOTE },
    ],
  };
}
