import {
  deriveState,
  DISSATISFIED,
  type AppealCase,
  type SurveyRecord,
  type WorkbookCheck,
} from '../../shared';
import { appellantIdentities, identityScrubber } from './identities';
import type { DocCell, PrintDocument } from './model';
import { checkboxes, chineseDate, sheetNameFor } from './words';

const label = (text: string): DocCell => ({ text, bold: true, align: 'center' });

/** The survey the form shows: the one the appeal is counted by, else the latest, else none. */
function surveyOf(c: AppealCase, issuedOn: string): SurveyRecord | undefined {
  const counted = deriveState(c, issuedOn).counted;
  if (counted) return counted;
  return [...c.surveys]
    .filter((s) => (s.surveyedOn ?? '') <= issuedOn)
    .sort((a, b) => ((a.surveyedOn ?? '') < (b.surveyedOn ?? '') ? -1 : 1))
    .at(-1);
}

/**
 * 职工诉求满意度调查表 for one appeal (step 7): the survey it is counted by with the choices ticked
 * (调查对象 among them), or, before any survey, the blank form for the interview with the date left
 * to write in. A 不满意 adds the reason, the department and the remedy with its deadline; the form
 * ends with the line the supervisor signs (督办人签字).
 */
export function surveyForm(check: WorkbookCheck, c: AppealCase, issuedOn: string): PrintDocument {
  const scrub = identityScrubber(appellantIdentities(check));
  const a = c.appeal;
  const s = surveyOf(c, issuedOn);
  const rows: DocCell[][] = [
    [label('诉求编号'), { text: a.id ?? '' }, label('承办部门'), { text: a.department ?? '' }],
    [label('诉求内容'), { text: scrub(a.content ?? ''), span: 3, minLines: 2 }],
    [label('调查对象'), { text: checkboxes(check.lists.respondent, s?.respondent), span: 3 }],
    [label('调查方式'), { text: checkboxes(check.lists.surveyMethod, s?.method), span: 3 }],
    [label('诉求满意度'), { text: checkboxes(check.lists.satisfaction, s?.rating), span: 3 }],
    [
      label('诉求督办人'),
      { text: s?.supervisor ?? '' },
      label('满意度调查时间'),
      { text: s?.surveyedOn ? chineseDate(s.surveyedOn) : '　　年　　月　　日', align: 'center' },
    ],
    [label('工会审阅反馈'), { text: scrub(s?.unionReview ?? ''), span: 3, minLines: 4 }],
  ];
  if (s?.rating === DISSATISFIED) {
    const due = s.remedyDueOn ? `（${chineseDate(s.remedyDueOn)}前）` : '';
    rows.push(
      [label('不满意原因'), { text: scrub(s.reason ?? ''), span: 3, minLines: 2 }],
      [label('责任部门'), { text: s.remedyDepartment ?? '', span: 3 }],
      [label('解决措施及时限'), { text: `${scrub(s.remedy ?? '')}${due}`, span: 3, minLines: 2 }],
    );
  }
  // The handbook files the survey's result under the supervisor's signature (督办人签字备案).
  rows.push([
    label('督办人签字'),
    { text: '', minLines: 2 },
    label('签字日期'),
    { text: '　　年　　月　　日', align: 'center' },
  ]);
  return {
    kind: 'surveyForm',
    sheet: sheetNameFor('调查表', a.id),
    title: '职工诉求满意度调查表',
    orientation: 'portrait',
    columns: [14, 16, 14, 16],
    blocks: [
      { type: 'title', text: '职工诉求满意度调查表' },
      { type: 'table', rows },
      { type: 'paragraph', align: 'right', text: `打印日期：${chineseDate(issuedOn)}` },
    ],
  };
}
