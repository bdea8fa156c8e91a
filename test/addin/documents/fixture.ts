/**
 * A filled workbook for document tests: the seeded generator's company plus what the generator
 * leaves out (the leading group's roster, sign-in rows, the name-list deadline of each meeting,
 * who supervised each visit), so every document can be built without a question.
 */
import {
  buildDocument,
  layoutDocument,
  type DocumentRequest,
  type PrintLayout,
} from '../../../addin/documents';
import {
  addWorkingDays,
  checkWorkbook,
  rosterRegister,
  signInRegister,
  type RosterRecord,
  type SignInRecord,
  type WorkbookCheck,
  type WorkbookInput,
} from '../../../shared';
import { generateWorkbook, type GeneratedWorkbook } from '../../../addin/demo/generate';
import { rawTable, rawWorkbook, type GeneratedRecords } from '../../../addin/demo/raw';
import { seeded } from '../../../addin/demo/random';

/** The roster of the demo company; all staff, never appellants. */
export const ROSTER: readonly RosterRecord[] = [
  { role: '组长', name: '周海燕', position: '总经理', phone: '13900001111' },
  { role: '副组长', name: '杨春生', position: '党委副书记' },
  { role: '副组长', name: '孙建国', position: '工会主席' },
  { role: '成员', name: '刘晓静', position: '工会干事' },
  { role: '成员', name: '陈家明', position: '党办主任' },
  { role: '成员', name: '王立新', position: '人力资源部部长' },
  { role: '成员', name: '赵文华', position: '行政办公室主任' },
  { role: '办公室主任', name: '孙建国', position: '工会主席' },
];

const signInFor = (meetingId: string): SignInRecord[] => [
  { meetingId, group: '企业行政', position: '总经理', name: '周海燕', contact: '13900001111' },
  { meetingId, group: '企业工会', position: '工会主席', name: '孙建国' },
  { meetingId, group: '行政部门', position: '人力资源部', name: '王立新' },
  { meetingId, group: '职工代表', position: '一车间', name: '黄德胜' },
];

/** The generated workbook with the gaps filled, read by the core. */
export interface FilledWorkbook {
  readonly g: GeneratedWorkbook;
  readonly input: WorkbookInput;
  readonly check: WorkbookCheck;
  /** The consultation meeting with the most agenda topics. */
  readonly meetingId: string;
}

/**
 * Builds the filled workbook (60 appeals: every fate of an appeal's life at least once); `edit`
 * may change the records before they become cells.
 */
export function filledWorkbook(
  seed = 5,
  edit: (r: GeneratedRecords) => GeneratedRecords = (r) => r,
): FilledWorkbook {
  const g = generateWorkbook({ appeals: 60, seed });
  const rand = seeded(seed + 1);
  const records = edit({
    ...g,
    meetings: g.meetings.map((m) => ({ ...m, replyBy: addWorkingDays(m.date ?? '', -3) })),
    tracking: g.tracking.map((t) => ({ ...t, supervisors: t.supervisors ?? '工会、人力资源部、职工代表' })),
  });
  const counts = new Map<string, number>();
  for (const a of g.agenda) counts.set(a.meetingId ?? '', (counts.get(a.meetingId ?? '') ?? 0) + 1);
  const meetingId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const input: WorkbookInput = {
    ...rawWorkbook(records, rand),
    roster: rawTable(rosterRegister, ROSTER, rand),
    signIn: rawTable(
      signInRegister,
      g.meetings.flatMap((m) => signInFor(m.id ?? '')),
      rand,
    ),
  };
  return { g, input, check: checkWorkbook(input, { today: g.today }), meetingId };
}

/**
 * The date to issue a document on: a meeting notice on its meeting's day (a notice dated after its
 * meeting is refused), anything else on `today`.
 */
export function issueDate(
  check: WorkbookCheck,
  kind: string,
  meetingId: string | undefined,
  today: string,
): string {
  if (kind !== 'meetingNotice') return today;
  return check.meetings.find((m) => m.id === meetingId)?.date ?? today;
}

/** A document built and laid out, issued as `issueDate` says; a test fails on a question or a refusal. */
export function readyLayout(
  check: WorkbookCheck,
  request: Omit<DocumentRequest, 'issuedOn'>,
  today: string,
): PrintLayout {
  const issuedOn = issueDate(check, request.kind, request.meetingId, today);
  const result = buildDocument(check, { issuedOn, ...request });
  if (result.status !== 'ready') throw new Error(`${request.kind}: ${JSON.stringify(result)}`);
  return layoutDocument(result.document);
}

/** What may never be printed: the handbook's XXX / xx / ____ and leaked programming values. */
export const PLACEHOLDER = /x{2,}|_{3,}|undefined|null|NaN|\[object/i;

/** Every cell of a laid-out document, with its A1-ish position for messages. */
export function cellsOf(layout: PrintLayout): { at: string; text: string }[] {
  return layout.content.blocks.flatMap((b) =>
    b.rows.flatMap((row, r) => row.map((v, c) => ({ at: `R${b.row + r + 1}C${c + 1}`, text: String(v) }))),
  );
}

/** The whole text of a laid-out document, one line per row. */
export const textOf = (layout: PrintLayout): string =>
  layout.content.blocks.flatMap((b) => b.rows.map((r) => r.join(' ').trim())).join('\n');
