// QR codes of phone links, from the maintained `qrcode` package: webpack takes its browser build
// (drawn on a canvas), Node and the tests its server build (pngjs). Both give the same symbol for the
// same text and options, so what the tests decode is what the pane places on a sheet.
import QRCode from 'qrcode';

/**
 * Error correction M (15 % of the symbol recoverable: a crease or a smudge on a printed poster), the
 * four-module quiet zone ISO/IEC 18004 asks for, and 8 px a module: a 69-module phone link is 616 px,
 * sharp at the 6–8 cm it is printed.
 */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, scale: 8 } as const;

const DATA_URL = /^data:image\/png;base64,/;

/** The link as a QR code, a PNG as base64 (no `data:` prefix), as Excel's `shapes.addImage` and a download take it. */
export async function qrPng(link: string): Promise<string> {
  const url = await QRCode.toDataURL(link, { ...QR_OPTIONS, type: 'image/png' });
  if (!DATA_URL.test(url)) throw new Error('qrcode did not return a PNG data URL');
  return url.replace(DATA_URL, '');
}

/** The link as a QR code in SVG markup, for the pane's preview (scales without blur). */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, {
    errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel,
    margin: 4,
    type: 'svg',
  });
}
