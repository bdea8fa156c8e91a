// QR codes on the printed documents: the unit's appeal form (扫码反映诉求) on the 实施意见 and its own
// poster, and a meeting's sign-in on the meeting's notice and sign-in sheet. The link comes with the
// request (the pane builds it from the cloud's address and the workbook's keys); without one the
// documents are as the handbook has them.
import { CONFIDENTIALITY_PROMISE, type WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { DocBlock, PrintDocument } from './model';
import { unitName } from './source';
import { chineseDate, sheetNameFor } from './words';

/** The poster's title, and the line under the QR code on the 实施意见. */
export const QR_FILE_CAPTION = '扫码反映诉求';

/** What a QR cell says where Excel cannot place pictures (ExcelApi below 1.9, Office 2019). */
export const QR_IMAGE_MISSING = '本版 Excel 不支持插入图片：请在任务窗格第二步“下载二维码图片”后自行粘贴';

/** The same for a meeting's sign-in code, whose PNG is offered beside 开启扫码签到. */
export const QR_SIGN_IN_IMAGE_MISSING =
  '本版 Excel 不支持插入图片：请在任务窗格第二步“开启扫码签到”处下载签到二维码图片后自行粘贴';

/** The line under a meeting's sign-in code: it works on the meeting day only. */
export const signInCaption = (day: string): string => `会议当天扫码签到（仅 ${chineseDate(day)} 有效）`;

/** The poster's three steps for the employee. */
export const POSTER_STEPS: readonly string[] = [
  '1、用手机微信“扫一扫”或相机扫描上方二维码，打开诉求填写页面；',
  '2、填写诉求内容，选择所在车间（部门），选填类别，留下姓名和电话或选择匿名，点击提交；',
  '3、保存页面给出的回执码和专属链接，凭链接查看办理进度和结果，办结后可对办理结果进行评价。',
];

/** Why the contents stay private: encrypted on the phone, readable only with the union's own key. */
export const POSTER_ENCRYPTION =
  '诉求在手机上加密后发送，只有本单位工会用自己保管的密钥才能打开，云端服务器也无法读取。';

/** A QR block for the unit's appeal form, as the 实施意见 carries it. */
export const fileQr = (link: string, size = 120): DocBlock => ({
  type: 'qr',
  link,
  caption: QR_FILE_CAPTION,
  fallback: QR_IMAGE_MISSING,
  size,
});

/** A QR block for a meeting's sign-in on its day. */
export const signInQr = (link: string, day: string): DocBlock => ({
  type: 'qr',
  link,
  caption: signInCaption(day),
  fallback: QR_SIGN_IN_IMAGE_MISSING,
  size: 110,
});

/**
 * The document with a QR block before its closing signature (and the gap above it), or at its end
 * when it has none, so the seal and date stay last as on the handbook's forms.
 */
export function withQr(doc: PrintDocument, qr: DocBlock): PrintDocument {
  const blocks = [...doc.blocks];
  let at = blocks.length;
  if (blocks[at - 1]?.type === 'signature') at--;
  if (blocks[at - 1]?.type === 'gap') at--;
  blocks.splice(at, 0, { type: 'gap' }, qr);
  return { ...doc, blocks };
}

/**
 * 扫码反映诉求, the poster the union prints and puts up: title, the unit, the QR code of its appeal
 * form with the link in text under it, three steps and the 实施意见's promise of confidentiality, on
 * one A4 page, portrait.
 */
export function intakePoster(
  check: WorkbookCheck,
  link: string,
  issuedOn: string,
  ask: Asker,
): PrintDocument {
  const unit = unitName(check, ask);
  const line = (text: string, bold = false): DocBlock => ({ type: 'paragraph', text, bold });
  return {
    kind: 'intakePoster',
    sheet: sheetNameFor(QR_FILE_CAPTION),
    title: `${unit}${QR_FILE_CAPTION}`,
    orientation: 'portrait',
    columns: [10, 10, 10, 10, 10, 10],
    blocks: [
      { type: 'title', text: QR_FILE_CAPTION, size: 28 },
      { type: 'title', text: unit, size: 18 },
      { type: 'gap' },
      {
        type: 'qr',
        link,
        caption: '请用手机扫描二维码',
        fallback: QR_IMAGE_MISSING,
        size: 240,
        showLink: true,
      },
      { type: 'gap' },
      ...POSTER_STEPS.map((s) => line(s)),
      { type: 'gap' },
      line(`${CONFIDENTIALITY_PROMISE}。${POSTER_ENCRYPTION}`, true),
      { type: 'gap' },
      { type: 'signature', lines: [`${unit}工会`, chineseDate(issuedOn)] },
    ],
  };
}
