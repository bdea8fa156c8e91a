import { refuseOnProtected } from './protection';
import { excelError } from '../errors';
import type { SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

/** The picture formats `ShapeCollection.addImage` takes. */
export type ImageFormat = 'PNG' | 'JPEG';

/** A picture floating over a sheet's cells, positioned in points from the sheet's top-left corner. */
export interface ShapeModel {
  readonly id: string;
  readonly sheet: SheetModel;
  readonly type: 'Image';
  readonly format: ImageFormat;
  /** The image as it was given (base64, no data: prefix). */
  readonly base64: string;
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  deleted: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function bytesOf(base64: unknown, location: string): Uint8Array {
  if (typeof base64 !== 'string' || base64.length % 4 !== 0 || !BASE64.test(base64))
    throw excelError(
      'InvalidArgument',
      location,
      'expected a base64 string of a PNG or JPEG image (no data: prefix, no spaces)',
    );
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number): number => u16(b, i) * 65536 + u16(b, i + 2);

/** A JPEG's size from its first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = u16(b, i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: u16(b, i + 5), width: u16(b, i + 7) };
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/**
 * What an image string holds: PNG (signature and IHDR) or JPEG (SOI and a frame), with its size in
 * pixels. Anything else is InvalidArgument: the reference takes "a Base64-encoded string representing
 * an image in either JPEG or PNG format" and says nothing of other data, so the simulator refuses it.
 */
export function readImage(
  base64: unknown,
  location: string,
): { format: ImageFormat; width: number; height: number } {
  const b = bytesOf(base64, location);
  if (PNG_SIGNATURE.every((v, i) => b[i] === v) && String.fromCharCode(...b.slice(12, 16)) === 'IHDR') {
    const width = u32(b, 16);
    const height = u32(b, 20);
    if (width > 0 && height > 0) return { format: 'PNG', width, height };
  }
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const size = jpegSize(b);
    if (size && size.width > 0 && size.height > 0) return { format: 'JPEG', ...size };
  }
  throw excelError('InvalidArgument', location, 'the string is not a PNG or JPEG image');
}

/** Points per pixel at the 96 dpi Excel places a picture without a resolution of its own. */
const POINTS_PER_PIXEL = 0.75;

/** Adds a picture at the sheet's top-left corner at its own size, named `Picture N` as Excel names them. */
export function addImage(
  wb: WorkbookModel,
  sheet: SheetModel,
  base64: unknown,
  location: string,
): ShapeModel {
  refuseOnProtected(sheet, location, 'pictures');
  const image = readImage(base64, location);
  const taken = new Set(sheet.shapes.map((s) => s.name.toLowerCase()));
  let n = sheet.shapes.length + 1;
  while (taken.has(`picture ${n}`)) n++;
  const shape: ShapeModel = {
    id: wb.newId('shape'),
    sheet,
    type: 'Image',
    format: image.format,
    base64: base64 as string,
    name: `Picture ${n}`,
    left: 0,
    top: 0,
    width: image.width * POINTS_PER_PIXEL,
    height: image.height * POINTS_PER_PIXEL,
    altTextTitle: '',
    altTextDescription: '',
    deleted: false,
  };
  sheet.shapes.push(shape);
  return shape;
}

/** Removes a shape from its sheet. */
export function deleteShape(shape: ShapeModel): void {
  shape.deleted = true;
  shape.sheet.shapes = shape.sheet.shapes.filter((s) => s !== shape);
}

/** A position or size in points: a finite number, not negative (and a size above zero). */
export function checkPoints(value: unknown, location: string, positive: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0))
    throw excelError(
      'InvalidArgument',
      location,
      positive ? 'expected a size in points above 0' : 'expected a position in points, 0 or more',
    );
  return value;
}
