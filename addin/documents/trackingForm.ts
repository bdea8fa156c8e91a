import { deriveState, progressText, type AppealCase, type WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { appellantIdentities, identityScrubber } from './identities';
import type { DocCell, PrintDocument } from './model';
import { unitName } from './source';
import { checkboxes, chineseDate, sheetNameFor } from './words';

/** The handbook's form has three entries; a case tracked more often gets a line per entry. */
const MIN_ENTRIES = 3;

const label = (text: string): DocCell => ({ text, bold: true, align: 'center' });

/**
 * 职工诉求工作进展情况跟踪表 for one appeal (step 6): its tracking entries with the status ticked,
 * blank entries up to the handbook's three for the next visits, and the result fed back. The form
 * travels with the supervisors, so it carries the 编号 and content, never the appellant.
 */
export function trackingForm(
  check: WorkbookCheck,
  c: AppealCase,
  issuedOn: string,
  ask: Asker,
): PrintDocument {
  const unit = unitName(check, ask);
  const scrub = identityScrubber(appellantIdentities(check));
  const a = c.appeal;
  const entries = [...c.tracking]
    .filter((t) => (t.trackedOn ?? '') <= issuedOn)
    .sort((x, y) => ((x.trackedOn ?? '') < (y.trackedOn ?? '') ? -1 : 1));
  const statuses = check.lists.trackingStatus;
  const lines = entries.map((t) => {
    const detail = [
      t.method ? `督导方式：${t.method}` : '',
      t.supervisors ? `督导人员：${t.supervisors}` : '',
      t.feedback ? `情况：${scrub(t.feedback)}` : '',
    ].filter(Boolean);
    return { on: chineseDate(t.trackedOn), text: [checkboxes(statuses, t.status), ...detail].join('\n') };
  });
  while (lines.length < MIN_ENTRIES) lines.push({ on: '', text: checkboxes(statuses, undefined) });
  const state = deriveState(c, issuedOn);
  const latest = [...entries].reverse().find((t) => t.feedback)?.feedback;
  const result = state.closed ? progressText(c, state) : (latest ?? '');
  const rows: DocCell[][] = [
    [label('诉求编号'), { text: a.id ?? '' }, label('受理类别'), { text: a.category ?? '' }],
    [label('诉求内容'), { text: scrub(a.content ?? ''), span: 3, minLines: 2 }],
    [label('承办部门'), { text: a.department ?? '' }, label('完成时限'), { text: chineseDate(a.dueOn) }],
    ...lines.map((l): DocCell[] => [
      label('跟踪时间'),
      { text: l.on, align: 'center' },
      { text: l.text, span: 2, minLines: 2 },
    ]),
    [label('受理结果反馈'), { text: scrub(result), span: 3, minLines: 4 }],
  ];
  return {
    kind: 'trackingForm',
    sheet: sheetNameFor('跟踪表', a.id),
    title: '职工诉求工作进展情况跟踪表',
    orientation: 'portrait',
    columns: [11, 16, 11, 22],
    blocks: [
      { type: 'title', text: '职工诉求工作进展情况跟踪表' },
      {
        type: 'table',
        borders: false,
        rows: [
          [
            { text: `${unit}工会`, span: 2 },
            { text: chineseDate(issuedOn), span: 2, align: 'right' },
          ],
        ],
      },
      { type: 'table', rows },
    ],
  };
}
