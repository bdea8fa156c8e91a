import {
  appealRegister,
  deriveState,
  progressText,
  redactRow,
  type AppealCase,
  type WorkbookCheck,
} from '../../shared';
import { APPEAL_FORM_RUBRICS } from './handbook';
import { appellantIdentities, identityScrubber } from './identities';
import type { DocCell, PrintDocument } from './model';
import { checkboxes, chineseDate, sheetNameFor } from './words';

const label = (text: string, extra: Partial<DocCell> = {}): DocCell => ({
  text,
  bold: true,
  align: 'center',
  ...extra,
});
const signed = (role: string, name: string | undefined): string =>
  `（${role}签字${name ? `：${name}` : ''}）`;
const box = (...lines: (string | undefined)[]): string => lines.filter((l) => l !== undefined).join('\n');

/**
 * 职工诉求记录表 for one appeal (step 3), laid out as the handbook's form. The form goes to the
 * administration and the departments, so by default (`redact`) it shows （已隐去） for the appellant
 * and scrubs names and phones out of the text; only the union's own copy shows them. Empty opinion
 * boxes stay empty for handwriting.
 */
export function appealForm(
  check: WorkbookCheck,
  c: AppealCase,
  issuedOn: string,
  redact: boolean,
): PrintDocument {
  const scrub = redact ? identityScrubber(appellantIdentities(check)) : (t: string) => t;
  const a = redact ? redactRow(appealRegister, c.appeal) : c.appeal;
  const t = (v: string | undefined): string => scrub(v ?? '');
  const rows: DocCell[][] = [
    [
      { text: `受理方式：${checkboxes(check.lists.intakeMethod, a.intakeMethod)}`, span: 4 },
      { text: `编号：（${a.id}）号`, span: 2, align: 'right' },
    ],
    [
      label('受理时间'),
      { text: chineseDate(a.receivedOn), span: 2 },
      label('受理类别'),
      { text: t(a.category), span: 2 },
    ],
    [
      label('诉求人'),
      { text: t(a.appellant) },
      label('单位'),
      { text: t(a.unit) },
      label('电话'),
      { text: a.phone ?? '' },
    ],
    [label('诉求内容'), { text: t(a.content), span: 5, minLines: 5 }],
    [
      label('诉求办理意见', { rowSpan: 2 }),
      {
        text: box(APPEAL_FORM_RUBRICS.union, t(a.unionOpinion), signed('工会主席', a.unionChair)),
        span: 5,
        minLines: 5,
      },
    ],
    [
      {
        text: box(APPEAL_FORM_RUBRICS.admin, t(a.adminApproval), signed('企业行政分管负责人', a.adminSigner)),
        span: 5,
        minLines: 5,
      },
    ],
    [
      label('职能部门意见（解决措施）'),
      { text: box(t(a.deptOpinion), signed('职能部门负责人', a.deptHead)), span: 5, minLines: 5 },
    ],
    [label('办理情况'), { text: t(progressText(c, deriveState(c, issuedOn))), span: 5, minLines: 2 }],
  ];
  return {
    kind: 'appealForm',
    sheet: sheetNameFor('诉求记录表', a.id),
    title: '职工诉求记录表',
    orientation: 'portrait',
    columns: [12, 10, 8, 12, 7, 12],
    blocks: [
      { type: 'title', text: '职工诉求记录表' },
      { type: 'table', rows },
      { type: 'paragraph', align: 'right', text: `打印日期：${chineseDate(issuedOn)}` },
    ],
  };
}
