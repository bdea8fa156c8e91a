import {
  ANONYMOUS,
  CANNOT_BE_DONE,
  deriveState,
  resultWords,
  type AppealCase,
  type WorkbookCheck,
} from '../../shared';
import type { Asker } from './ask';
import { appellantIdentities, identityScrubber } from './identities';
import type { DocCell, PrintDocument } from './model';
import { unitName } from './source';
import { chineseDate, sheetNameFor } from './words';

/** The day an appeal closed: its 办结日期, else the tracking entry that judged it impossible. */
function closedOn(c: AppealCase): string {
  if (c.appeal.finishedOn) return c.appeal.finishedOn;
  const entries = c.tracking.filter((t) => t.status === CANNOT_BE_DONE && t.trackedOn);
  return (
    entries
      .map((t) => t.trackedOn as string)
      .sort()
      .at(-1) ?? ''
  );
}

/**
 * The anonymous appeals a publication issued on `issuedOn` lists: closed by that day, closed within
 * the period, and not already published on an earlier day (their 公示日期).
 */
export function publishedCases(
  check: WorkbookCheck,
  from: string,
  to: string,
  issuedOn: string,
): AppealCase[] {
  return check.cases.filter((c) => {
    if (c.appeal.appellant !== ANONYMOUS) return false;
    if (!deriveState(c, issuedOn).closed) return false;
    const on = closedOn(c);
    if (!on || on < from || on > to) return false;
    return !c.appeal.publishedOn || c.appeal.publishedOn >= issuedOn;
  });
}

/**
 * 办理结果公示 (step 6, the handbook's 及时公示): anonymous appellants cannot be told one by one, so
 * the union posts the results instead. Each appeal's content, department and result, and when it
 * closed — never who raised it: appellant names and phones are scrubbed from every text. It ends
 * with the union's seal line. Undefined when no anonymous appeal closed in the period.
 */
export function resultPublication(
  check: WorkbookCheck,
  from: string,
  to: string,
  issuedOn: string,
  ask: Asker,
): PrintDocument | undefined {
  const cases = publishedCases(check, from, to, issuedOn);
  if (cases.length === 0) return undefined;
  const unit = unitName(check, ask);
  const scrub = identityScrubber(appellantIdentities(check));
  const head = (text: string): DocCell => ({ text, bold: true, align: 'center' });
  const rows: DocCell[][] = [
    [head('序号'), head('诉求内容'), head('承办部门'), head('办理结果'), head('办结日期')],
    ...cases.map((c, i): DocCell[] => {
      const a = c.appeal;
      const state = deriveState(c, issuedOn);
      const result = resultWords(a, state);
      return [
        { text: String(i + 1), align: 'center' },
        { text: scrub(a.content ?? '') },
        { text: a.department ?? '', align: 'center' },
        { text: scrub(result) },
        { text: chineseDate(closedOn(c)), align: 'center' },
      ];
    }),
  ];
  return {
    kind: 'publication',
    sheet: sheetNameFor('办理结果公示', issuedOn),
    title: '职工诉求办理结果公示',
    orientation: 'landscape',
    columns: [6, 40, 12, 40, 14],
    blocks: [
      { type: 'title', text: unit },
      { type: 'title', text: '职工诉求办理结果公示', size: 16 },
      {
        type: 'paragraph',
        indent: true,
        text: `${chineseDate(from)}至${chineseDate(to)}，工会收到的匿名诉求中已有${cases.length}项办理完毕。为使反映问题的职工及时了解办理结果，现将办理情况公示如下：`,
      },
      { type: 'table', rows, headerRows: 1 },
      {
        type: 'paragraph',
        indent: true,
        text: '对办理结果如有意见或建议，请通过原反映渠道或到工会办公室反映，工会将为反映人保密。',
      },
      { type: 'gap' },
      { type: 'signature', lines: [`${unit}工会（盖章）`, chineseDate(issuedOn)] },
    ],
  };
}
