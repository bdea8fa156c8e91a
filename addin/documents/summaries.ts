import { isRealDate, say, type WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { classificationTable } from './classification';
import { meetingFacts } from './meeting';
import type { DocumentRequest, DocumentResult, PrintDocument } from './model';
import { resultPublication } from './publication';
import { chineseDate } from './words';

const blocked = (zh: string, en: string): DocumentResult => ({ status: 'blocked', reason: say(zh, en) });

const isDate = (s: string | undefined): s is string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

/** The period a request names, or why it names none: both ends real dates, the first not after the last. */
function periodOf(request: DocumentRequest): { from: string; to: string } | DocumentResult {
  const { from, to } = request;
  if (!isDate(from))
    return blocked(
      `起始日期“${from ?? ''}”不是有效日期`,
      `the period's first day (起始日期) ${from ?? '(none)'} is not a date`,
    );
  if (!isDate(to))
    return blocked(
      `截止日期“${to ?? ''}”不是有效日期`,
      `the period's last day (截止日期) ${to ?? '(none)'} is not a date`,
    );
  if (from > to)
    return blocked(
      `起始日期${chineseDate(from)}晚于截止日期${chineseDate(to)}`,
      `the period's first day (起始日期) ${from} is after its last day (截止日期) ${to}`,
    );
  return { from, to };
}

/**
 * The documents that sum up many appeals: 议题梳理汇总分类表 for one meeting (会议编号) or, without
 * one, for the appeals received in a period; 办理结果公示 for the anonymous appeals closed in a period.
 */
export function summaryDocument(check: WorkbookCheck, request: DocumentRequest, ask: Asker): DocumentResult {
  let document: PrintDocument | undefined;
  if (request.kind === 'classification' && request.meetingId) {
    const facts = meetingFacts(check, request.meetingId);
    if (!facts)
      return blocked(
        `协商会议表中没有会议编号为“${request.meetingId}”且有会议日期的会议`,
        `no meeting ${request.meetingId} with a date`,
      );
    document = classificationTable(check, { meeting: facts }, ask);
    if (!document)
      return blocked(
        `会议“${facts.meeting.id}”在会议议题及决议表中还没有议题`,
        `meeting ${facts.meeting.id} has no agenda topics yet`,
      );
    return ask.result(document);
  }
  const period = periodOf(request);
  if ('status' in period) return period;
  const { from, to } = period;
  const span = `${chineseDate(from)}至${chineseDate(to)}`;
  if (request.kind === 'classification') {
    document = classificationTable(check, { from, to }, ask);
    if (!document) return blocked(`${span}没有受理的诉求`, `no appeal was received from ${from} to ${to}`);
  } else {
    document = resultPublication(check, from, to, request.issuedOn, ask);
    if (!document)
      return blocked(
        `${span}没有办结且尚未公示的匿名诉求`,
        `no anonymous appeal closed from ${from} to ${to} that is not yet published`,
      );
  }
  return ask.result(document);
}
