import type { QrPlacement } from '../documents/render';
import { qrPng } from '../intake/qr';
import { supportsExcelApi, type IsSetSupported } from './capabilities';

/** A QR code ready to place: the placement and, where this Excel can place pictures, its PNG. */
export interface QrPicture {
  readonly at: QrPlacement;
  /** Base64 PNG; absent below ExcelApi 1.9, where the cell says where to get the PNG instead. */
  readonly png?: string;
}

/** Draws the codes a layout asks for (before the Excel batch: drawing needs no workbook). */
export async function drawQrCodes(
  placements: readonly QrPlacement[],
  isSetSupported: IsSetSupported,
): Promise<QrPicture[]> {
  const pictures = supportsExcelApi(isSetSupported, 9);
  return Promise.all(placements.map(async (at) => (pictures ? { at, png: await qrPng(at.link) } : { at })));
}

/**
 * Queues each code onto the sheet: a picture where ExcelApi 1.9 is there, else the fallback text in
 * the cell the code would stand over. A sheet is always written fresh (replaceGeneratedSheet), so a
 * rebuild's pictures never pile up on old ones: they went with the old sheet.
 */
export function queueQrCodes(
  sheet: Excel.Worksheet,
  codes: readonly QrPicture[],
  isSetSupported: IsSetSupported,
): void {
  codes.forEach((code, i) => {
    if (code.png && supportsExcelApi(isSetSupported, 9)) placeQrImage(sheet, code.png, code.at, i + 1);
    else sheet.getRange(code.at.cell).values = [[code.at.fallback]];
  });
}

/**
 * One QR picture through `Worksheet.shapes.addImage`
 * (https://learn.microsoft.com/javascript/api/excel/excel.shapecollection), placed and sized in
 * points (https://learn.microsoft.com/javascript/api/excel/excel.shape); the link as its alt text.
 * @excelApi 1.9
 */
function placeQrImage(sheet: Excel.Worksheet, png: string, at: QrPlacement, n: number): void {
  const shape = sheet.shapes.addImage(png);
  shape.name = `二维码${n}`;
  shape.left = at.left;
  shape.top = at.top;
  shape.width = at.size;
  shape.height = at.size;
  shape.altTextDescription = at.link;
}
