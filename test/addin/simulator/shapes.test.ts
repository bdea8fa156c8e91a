// Worksheet.shapes and ShapeCollection.addImage(base64ImageString), ExcelApi 1.9:
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.shapecollection (addImage takes "a
// Base64-encoded string representing an image in either JPEG or PNG format") and
// https://learn.microsoft.com/javascript/api/excel/excel.shape (left, top, width, height in points,
// name, delete). Below 1.9 office.js throws ApiNotFound when `shapes` is touched, as for pageLayout.
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../../addin/intake/qr';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { simulatedWorkbookToXlsx } from '../../../addin/simulator/xlsx';
import ExcelJS from 'exceljs';

// A 1×1 JPEG's head: SOI, then a baseline frame (SOF0) of height 1, width 2.
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
]).toString('base64');

describe('Worksheet.shapes.addImage', () => {
  it('adds a PNG at the top-left at its own size (96 dpi), then takes a place and a size in points', async () => {
    const wb = createSimulatedWorkbook();
    const png = await qrPng('https://example.cn/phone.html');
    await wb.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Sheet1').shapes;
      const shape = shapes.addImage(png).load('name,left,top,width,height,type');
      await context.sync();
      expect(shape.type).toBe('Image');
      expect(shape.name).toBe('Picture 1');
      expect([shape.left, shape.top]).toEqual([0, 0]);
      // 8 px a module: the PNG is a multiple of 8 px, 0.75 pt a pixel.
      expect(shape.width).toBe(shape.height);
      expect((shape.width / 0.75) % 8).toBe(0);
      shape.set({ left: 100, top: 50, width: 170, height: 170, name: '二维码' });
      await context.sync();
    });
    expect(wb.pictures('Sheet1')).toMatchObject([
      { name: '二维码', format: 'PNG', left: 100, top: 50, width: 170, height: 170, base64: png },
    ]);
  });

  it('takes a JPEG too, sized from its frame', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').shapes.addImage(JPEG);
      await context.sync();
    });
    expect(wb.pictures('Sheet1')).toMatchObject([{ format: 'JPEG', width: 1.5, height: 0.75 }]);
  });

  it('is out of reach below ExcelApi 1.9 (Office 2019): ApiNotFound when `shapes` is touched', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    const png = await qrPng('https://example.cn/phone.html');
    await wb.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Sheet1').shapes.addImage(png)).toThrow(
        expect.objectContaining({ code: 'ApiNotFound' }),
      );
      await context.sync();
    });
    expect(wb.pictures('Sheet1')).toEqual([]);
  });

  it.each([
    ['a data: URL (the prefix is not base64)', (png: string) => `data:image/png;base64,${png}`],
    ['text that is not base64', () => 'not an image!'],
    ['base64 of something that is not an image', () => Buffer.from('<svg></svg>').toString('base64')],
    [
      'a GIF (the reference names PNG and JPEG only)',
      () => Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64'),
    ],
    ['a PNG cut short (no IHDR)', (png: string) => png.slice(0, 8)],
    ['an empty string', () => ''],
  ])('refuses %s with InvalidArgument, adding nothing', async (_what, make) => {
    const wb = createSimulatedWorkbook();
    const png = await qrPng('https://example.cn/phone.html');
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').shapes.addImage(make(png));
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.pictures('Sheet1')).toEqual([]);
  });

  it('refuses a negative place and a size of 0', async () => {
    const wb = createSimulatedWorkbook();
    const png = await qrPng('https://example.cn/phone.html');
    await wb.run(async (context) => {
      const shape = context.workbook.worksheets.getItem('Sheet1').shapes.addImage(png);
      shape.left = -1;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').shapes.getItemAt(0).width = 0;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('lists shapes (getCount, items), deletes one by shape.delete(), and they go with their sheet', async () => {
    const wb = createSimulatedWorkbook();
    const png = await qrPng('https://example.cn/phone.html');
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.add('海报');
      sheet.shapes.addImage(png);
      sheet.shapes.addImage(png);
      const count = sheet.shapes.getCount();
      const listed = sheet.shapes.load('items/name');
      await context.sync();
      expect(count.value).toBe(2);
      expect(listed.items.map((s) => s.name)).toEqual(['Picture 1', 'Picture 2']);
      listed.items[0]?.delete();
      await context.sync();
    });
    expect(wb.pictures('海报').map((s) => s.name)).toEqual(['Picture 2']);
    await wb.run(async (context) => {
      const shape = context.workbook.worksheets.getItem('海报').shapes.getItem('picture 2');
      context.workbook.worksheets.getItem('海报').delete();
      await context.sync();
      shape.load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    await wb.run(async (context) => {
      const fresh = context.workbook.worksheets.add('海报');
      const count = fresh.shapes.getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
  });

  it('keeps pictures in snapshots and writes them into the .xlsx export where they stand', async () => {
    const wb = createSimulatedWorkbook();
    const png = await qrPng('https://example.cn/phone.html');
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['扫码']];
      const shape = sheet.shapes.addImage(png);
      shape.left = 48 * 2;
      shape.top = 15 * 3;
      shape.width = 150;
      shape.height = 150;
      await context.sync();
    });
    const copy = createSimulatedWorkbook();
    copy.fromJSON(wb.toJSON());
    expect(copy.pictures('Sheet1')).toEqual(wb.pictures('Sheet1'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await simulatedWorkbookToXlsx(wb));
    const images = book.getWorksheet('Sheet1')?.getImages() ?? [];
    expect(images).toHaveLength(1);
    const image = images[0] as (typeof images)[number];
    // Anchored at C4 (two default columns, three default rows from the top-left), 200 px square.
    expect(image.range.tl.nativeCol).toBe(2);
    expect(image.range.tl.nativeRow).toBe(3);
    expect((image.range as unknown as { ext: unknown }).ext).toMatchObject({ width: 200, height: 200 });
    const media = book.getImage(Number(image.imageId));
    expect(media.extension).toBe('png');
    expect(Buffer.from(media.buffer as unknown as ArrayBuffer).toString('base64')).toBe(png);
  });
});

describe('pictures on a protected sheet', () => {
  // WorksheetProtectionOptions (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions)
  // names no option that lets pictures be added or changed: the simulator refuses them all.
  it('refuses adding, moving, renaming and deleting a picture while the sheet is protected', async () => {
    const wb = createSimulatedWorkbook();
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').shapes.addImage(png).name = 'kept';
      await context.sync();
    });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').protection.protect();
      await context.sync();
    });
    const attempt = (work: (sheet: Excel.Worksheet) => void) =>
      wb.run(async (context) => {
        work(context.workbook.worksheets.getItem('Sheet1') as unknown as Excel.Worksheet);
        await context.sync();
      });
    for (const work of [
      (s: Excel.Worksheet) => void s.shapes.addImage(png),
      (s: Excel.Worksheet) => void (s.shapes.getItem('kept').left = 10),
      (s: Excel.Worksheet) => void (s.shapes.getItem('kept').name = 'moved'),
      (s: Excel.Worksheet) => s.shapes.getItem('kept').delete(),
    ])
      await expect(attempt(work)).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(wb.pictures('Sheet1').map((p) => [p.name, p.left])).toEqual([['kept', 0]]);
  });
});
