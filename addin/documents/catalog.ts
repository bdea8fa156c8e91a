import { isRealDate, say, type Bilingual, type WorkbookCheck } from '../../shared';
import { appealForm } from './appealForm';
import { Asker } from './ask';
import { circular } from './circular';
import { establishmentNotice } from './establishment';
import { implementationNotice } from './implementation';
import { meetingFacts } from './meeting';
import { meetingNotice } from './meetingNotice';
import { minutes } from './minutes';
import { moderatorScript } from './moderatorScript';
import { fileQr, intakePoster, signInQr, withQr } from './qr';
import type { Answers, DocumentKind, DocumentRequest, DocumentResult, PrintDocument } from './model';
import { signInSheet } from './signInSheet';
import { caseById } from './source';
import { summaryDocument } from './summaries';
import { surveyForm } from './surveyForm';
import { topicBook, workshopsOf } from './topicBook';
import { trackingForm } from './trackingForm';
import { chineseDate } from './words';

/** What a document is about: the unit, one meeting (会议编号), one appeal (编号) or one 分厂（车间、班组）. */
export type DocumentSubject = 'unit' | 'meeting' | 'appeal' | 'workshop' | 'period';

/** Every printable document with its name, the handbook step it belongs to and what it is about. */
export const DOCUMENTS: Readonly<
  Record<DocumentKind, { readonly name: Bilingual; readonly step: number; readonly subject: DocumentSubject }>
> = {
  establishment: {
    name: say('领导小组成立通知及职责', 'Leading group notice and duties'),
    step: 1,
    subject: 'unit',
  },
  implementation: { name: say('实施意见', 'Implementation notice'), step: 2, subject: 'unit' },
  appealForm: { name: say('职工诉求记录表', 'Appeal record form'), step: 3, subject: 'appeal' },
  topicBook: {
    name: say('征集协商议题记录本', 'Workshop topic book'),
    step: 3,
    subject: 'workshop',
  },
  // By meeting, or by period when no meeting is chosen.
  classification: {
    name: say('议题梳理汇总分类表', 'Topic classification table'),
    step: 3,
    subject: 'meeting',
  },
  meetingNotice: { name: say('会议通知', 'Meeting notice'), step: 4, subject: 'meeting' },
  signInSheet: { name: say('会议签到表', 'Sign-in sheet'), step: 5, subject: 'meeting' },
  moderatorScript: { name: say('会议主持词', 'Moderator script'), step: 5, subject: 'meeting' },
  minutes: { name: say('会议纪要', 'Minutes'), step: 5, subject: 'meeting' },
  circular: { name: say('督导情况通报', 'Supervision circular'), step: 6, subject: 'meeting' },
  trackingForm: { name: say('进展情况跟踪表', 'Tracking form'), step: 6, subject: 'appeal' },
  publication: {
    name: say('办理结果公示', 'Publication of results (anonymous appeals)'),
    step: 6,
    subject: 'period',
  },
  surveyForm: { name: say('满意度调查表', 'Survey form'), step: 7, subject: 'appeal' },
};

const blocked = (zh: string, en: string): DocumentResult => ({ status: 'blocked', reason: say(zh, en) });
const NEEDS_AGENDA = new Set<DocumentKind>(['moderatorScript', 'minutes', 'circular']);

/**
 * Builds a printable document from the core's reading of the workbook. Whatever the workbook does
 * not say comes from `answers`; anything still missing is returned as questions and the document
 * is withheld, so nothing is ever printed as XXX or a blank line.
 */
export function buildDocument(
  check: WorkbookCheck,
  request: DocumentRequest,
  answers: Answers = {},
): DocumentResult {
  const { kind, issuedOn } = request;
  const [y, m, d] = issuedOn.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) || !isRealDate(y ?? 0, m ?? 0, d ?? 0))
    return blocked(`落款日期“${issuedOn}”不是有效日期`, `issue date ${issuedOn} is not a date`);
  const ask = new Asker(answers);
  const subject = DOCUMENTS[kind].subject;
  if (kind === 'classification' || kind === 'publication') return summaryDocument(check, request, ask);
  const qrLink = request.qrLink;
  if (subject === 'unit')
    return ask.result(
      kind === 'establishment'
        ? establishmentNotice(check, issuedOn, ask)
        : qrLink
          ? withQr(implementationNotice(check, issuedOn, ask), fileQr(qrLink))
          : implementationNotice(check, issuedOn, ask),
    );
  if (subject === 'workshop') {
    // The first workshop on the sheet unless one is chosen; a book for a workshop with no topic yet is asked for.
    const workshop = ask.text(request.workshop || workshopsOf(check)[0], {
      field: 'workshop',
      zh: '分厂（车间、班组）名称（印在记录本标题上）',
      en: 'The branch factory, workshop or team (printed in the book’s title)',
    });
    return ask.result(topicBook(check, workshop, issuedOn, ask));
  }
  if (subject === 'appeal') {
    const c = caseById(check, request.appealId);
    if (!c)
      return blocked(
        `职工诉求记录表中没有编号为“${request.appealId ?? ''}”的诉求`,
        `no appeal numbered ${request.appealId ?? '(none)'}`,
      );
    if (kind === 'appealForm')
      return ask.result(appealForm(check, c, issuedOn, request.showAppellant !== true));
    return ask.result(
      kind === 'trackingForm' ? trackingForm(check, c, issuedOn, ask) : surveyForm(check, c, issuedOn),
    );
  }
  const facts = meetingFacts(check, request.meetingId);
  if (!facts)
    return blocked(
      `协商会议表中没有会议编号为“${request.meetingId ?? ''}”且有会议日期的会议`,
      `no meeting ${request.meetingId ?? '(none)'} with a date`,
    );
  // The meeting's sign-in code, valid on its day only, once the pane has opened it for QR sign-in.
  const withSignIn = (doc: PrintDocument): PrintDocument =>
    qrLink ? withQr(doc, signInQr(qrLink, facts.meeting.date)) : doc;
  if (NEEDS_AGENDA.has(kind) && facts.agenda.length === 0)
    return blocked(
      `会议“${facts.meeting.id}”在会议议题及决议表中还没有议题`,
      `meeting ${facts.meeting.id} has no agenda topics yet`,
    );
  switch (kind) {
    case 'meetingNotice':
      // A notice calls people to a meeting: one dated after the meeting cannot have done so.
      if (issuedOn > facts.meeting.date)
        return blocked(
          `落款日期${chineseDate(issuedOn)}晚于会议日期${chineseDate(facts.meeting.date)}：会议通知应在会议之前发出，请改落款日期或会议的“会议日期”`,
          `the issue date ${issuedOn} is after the meeting date (会议日期) ${facts.meeting.date}: a notice goes out before its meeting; change the issue date or the meeting's 会议日期`,
        );
      return ask.result(withSignIn(meetingNotice(check, facts, issuedOn, ask)));
    case 'signInSheet':
      return ask.result(withSignIn(signInSheet(check, facts, ask)));
    case 'moderatorScript':
      return ask.result(moderatorScript(check, facts, ask));
    case 'minutes':
      return ask.result(minutes(check, facts, issuedOn, ask));
    default:
      return ask.result(circular(check, facts, issuedOn, ask));
  }
}

/**
 * The poster 扫码反映诉求 for `link` (the unit's appeal form), issued on `issuedOn`: not one of the
 * handbook's documents, so not in DOCUMENTS; asks only for the unit's name when 设置 lacks it.
 */
export function buildPoster(
  check: WorkbookCheck,
  request: { readonly issuedOn: string; readonly link: string },
  answers: Answers = {},
): DocumentResult {
  const [y, m, d] = request.issuedOn.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.issuedOn) || !isRealDate(y ?? 0, m ?? 0, d ?? 0))
    return blocked(
      `落款日期“${request.issuedOn}”不是有效日期`,
      `issue date ${request.issuedOn} is not a date`,
    );
  if (!/^https?:\/\//.test(request.link))
    return blocked(
      '扫码海报需要连接云端并创建二维码收件密钥（第二步）',
      'the QR poster needs the cloud connection and an intake key (step 2)',
    );
  const ask = new Asker(answers);
  return ask.result(intakePoster(check, request.link, request.issuedOn, ask));
}
