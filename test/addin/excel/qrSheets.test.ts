// QR codes on printed sheets. Pictures through Worksheet.shapes.addImage, ExcelApi 1.9
// (https://learn.microsoft.com/en-us/javascript/api/excel/excel.shapecollection, placed and sized by
// https://learn.microsoft.com/javascript/api/excel/excel.shape); Office 2019 has 1.8
// (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets), where
// the cell says where to get the PNG instead.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  buildPoster,
  layoutDocument,
  type DocumentRequest,
  type PrintDocument,
} from '../../../addin/documents';
import { A4, MARGINS } from '../../../addin/documents/page';
import {
  POSTER_STEPS,
  QR_FILE_CAPTION,
  QR_IMAGE_MISSING,
  QR_SIGN_IN_IMAGE_MISSING,
  signInCaption,
} from '../../../addin/documents/qr';
import { printDocument } from '../../../addin/excel/print';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { CONFIDENTIALITY_PROMISE, phoneLink } from '../../../shared';
import { filledWorkbook } from '../documents/fixture';
import { runOf } from './helpers';

const w = filledWorkbook();
const site = { pageUrl: 'https://addin.example.cn/phone.html', apiBase: 'https://fn.example.cn/api' };
const kid = 'Qw1xbZ3Lr8m2Y7vN5kT0aPcD9eFgHiJkLmNoPqRsTuV';
const fileLink = phoneLink(site, { mode: 'file', unitId: 'U-0001', kid });
const signInLink = phoneLink(site, {
  mode: 'signIn',
  unitId: 'U-0001',
  kid,
  meetingKey: 'AAECAwQFBgcICQoLDA0ODw',
});

function ready(request: Omit<DocumentRequest, 'issuedOn'>, issuedOn = w.g.today): PrintDocument {
  const r = buildDocument(w.check, { issuedOn, ...request });
  if (r.status !== 'ready') throw new Error(`${request.kind}: ${JSON.stringify(r)}`);
  return r.document;
}

function poster(): PrintDocument {
  const r = buildPoster(w.check, { issuedOn: w.g.today, link: fileLink });
  if (r.status !== 'ready') throw new Error(JSON.stringify(r));
  return r.document;
}

const cells = (doc: PrintDocument): string[] =>
  (layoutDocument(doc).content.blocks[0]?.rows ?? []).map((r) => String(r[0]));

const decode = (base64: string): string | undefined => {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
};

describe('the poster 扫码反映诉求', () => {
  const doc = poster();
  const layout = layoutDocument(doc);
  const lines = cells(doc);

  it('has the title, the unit, the link under the code, three steps and the promise', () => {
    expect(lines[0]).toBe(QR_FILE_CAPTION);
    expect(lines[1]).toBe(w.check.settings.unitName);
    const qrRow = Number(layout.images[0]?.cell.slice(1));
    expect(lines[qrRow - 1]).toBe('');
    expect(lines[qrRow]).toBe(fileLink);
    for (const step of POSTER_STEPS) expect(lines).toContain(step);
    expect(lines.find((l) => l.includes(CONFIDENTIALITY_PROMISE))).toBeTruthy();
    expect(doc.sheet).toBe('打印-扫码反映诉求');
  });

  it('is one A4 portrait page: its rows fit the printable height, the code centred across the columns', () => {
    expect(layout.page).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
    const height = layout.rowHeights.reduce((a, b) => a + b, 0);
    expect(height).toBeLessThanOrEqual(A4.height - MARGINS.top - MARGINS.bottom);
    const [image] = layout.images;
    expect(image).toMatchObject({ link: fileLink, size: 240, fallback: QR_IMAGE_MISSING });
  });

  it('is refused without a link, never printed with an empty code', () => {
    expect(buildPoster(w.check, { issuedOn: w.g.today, link: '' })).toMatchObject({ status: 'blocked' });
  });

  it('on ExcelApi 1.9+ carries the code as a picture that decodes to the link, and the cell stays empty', async () => {
    const wb = createSimulatedWorkbook();
    await printDocument(runOf(wb), doc, wb.isSetSupported);
    const [image] = layout.images;
    const shapes = wb.pictures(doc.sheet);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({
      name: '二维码1',
      left: image?.left,
      top: image?.top,
      width: 240,
      height: 240,
      altTextDescription: fileLink,
    });
    expect(decode(shapes[0]?.base64 ?? '')).toBe(fileLink);
    expect(wb.getValues(doc.sheet, image?.cell ?? 'A1')).toEqual([['']]);
  });

  it('on Office 2019 (ExcelApi 1.8) says in the cell where to get the PNG, and touches no shapes', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    const report = await printDocument(runOf(wb), doc, wb.isSetSupported);
    expect(report.sheet).toBe(doc.sheet);
    const [image] = layout.images;
    expect(wb.getValues(doc.sheet, image?.cell ?? 'A1')).toEqual([[QR_IMAGE_MISSING]]);
    expect(wb.pictures(doc.sheet)).toEqual([]);
  });

  it('rebuilt, leaves one picture: the old one goes with the old sheet', async () => {
    const wb = createSimulatedWorkbook();
    await printDocument(runOf(wb), doc, wb.isSetSupported);
    await printDocument(runOf(wb), doc, wb.isSetSupported);
    await printDocument(runOf(wb), doc, wb.isSetSupported);
    expect(wb.pictures(doc.sheet)).toHaveLength(1);
    expect(wb.sheetNames().filter((n) => n.includes('扫码反映诉求'))).toEqual([doc.sheet]);
    expect(wb.sheetNames().flatMap((n) => wb.pictures(n))).toHaveLength(1);
  });
});

describe('the 实施意见 with and without the QR code', () => {
  it('without a link is as the handbook has it: no code, no 扫码 line', () => {
    const doc = ready({ kind: 'implementation' });
    expect(doc.blocks.some((b) => b.type === 'qr')).toBe(false);
    expect(cells(doc)).not.toContain(QR_FILE_CAPTION);
  });

  it('with the unit link carries the code and the line 扫码反映诉求 before the signature', () => {
    const doc = ready({ kind: 'implementation', qrLink: fileLink });
    const at = doc.blocks.findIndex((b) => b.type === 'qr');
    expect(doc.blocks[at]).toMatchObject({ link: fileLink, caption: QR_FILE_CAPTION });
    expect(doc.blocks.at(-1)?.type).toBe('signature');
    expect(at).toBeLessThan(doc.blocks.length - 1);
    const lines = cells(doc);
    expect(lines).toContain(QR_FILE_CAPTION);
    // The link itself is not printed on the notice; the poster prints it.
    expect(lines).not.toContain(fileLink);
  });

  it('prints the code as a picture on 1.9+, and the PNG hint on 1.8', async () => {
    const doc = ready({ kind: 'implementation', qrLink: fileLink });
    const current = createSimulatedWorkbook();
    await printDocument(runOf(current), doc, current.isSetSupported);
    expect(current.pictures(doc.sheet).map((s) => decode(s.base64))).toEqual([fileLink]);
    const office2019 = createSimulatedWorkbook({ excelApi: 8 });
    await printDocument(runOf(office2019), doc, office2019.isSetSupported);
    const cell = layoutDocument(doc).images[0]?.cell ?? 'A1';
    expect(office2019.getValues(doc.sheet, cell)).toEqual([[QR_IMAGE_MISSING]]);
  });
});

describe('a meeting opened for QR sign-in', () => {
  const meeting = w.check.meetings.find((m) => m.id === w.meetingId);
  const day = meeting?.date ?? '';

  it('puts the sign-in code on the notice and the sign-in sheet, valid on the meeting day only', () => {
    for (const kind of ['meetingNotice', 'signInSheet'] as const) {
      const doc = ready({ kind, meetingId: w.meetingId, qrLink: signInLink }, day);
      const qr = doc.blocks.find((b) => b.type === 'qr');
      expect(qr).toMatchObject({ link: signInLink, fallback: QR_SIGN_IN_IMAGE_MISSING });
      const [y, m, d] = day.split('-').map(Number);
      expect(cells(doc)).toContain(`会议当天扫码签到（仅 ${y}年${m}月${d}日 有效）`);
      expect(signInCaption(day)).toBe(`会议当天扫码签到（仅 ${y}年${m}月${d}日 有效）`);
    }
  });

  it('without a sign-in link the notice and the sheet are as before', () => {
    for (const kind of ['meetingNotice', 'signInSheet'] as const) {
      const doc = ready({ kind, meetingId: w.meetingId }, day);
      expect(doc.blocks.some((b) => b.type === 'qr')).toBe(false);
    }
  });
});
