/**
 * A workshop without the add-in fills its topic book in LibreOffice (or WPS) and sends it back:
 * the book is written, opened and saved again by LibreOffice headless, and imported.
 */
import * as ExcelJsModule from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTopicBookXlsx, topicBookXlsx, type TopicBookContent } from '../../addin/excel/topicBookFile';
import { mergeTopicBook, type TopicBookMerge } from '../../addin/excel/topicBookImport';
import { DEFAULT_VALUE_LISTS, type TopicRecord } from '../../shared';
import { convertInLibreOffice, findSoffice } from './soffice';

const ExcelJs: typeof ExcelJsModule =
  (ExcelJsModule as unknown as { default?: typeof ExcelJsModule }).default ?? ExcelJsModule;

const soffice = findSoffice();
if (!soffice && process.env['CI'] === 'true')
  throw new Error('LibreOffice is required under CI: apt-get install -y libreoffice-calc');
if (!soffice)
  console.warn(
    '跳过 LibreOffice 议题记录本往返测试 / skipping the LibreOffice topic book round trip: install it with `apt-get install -y libreoffice-calc`',
  );

/** Opens an .xlsx in LibreOffice headless, in a throwaway profile, and saves it again as .xlsx. */
function resaveInLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-topicbook-'));
  const source = join(dir, 'in', name);
  mkdirSync(join(dir, 'in'), { recursive: true });
  writeFileSync(source, bytes);
  convertInLibreOffice(soffice as string, {
    profile: join(dir, 'profile'),
    filter: 'xlsx:Calc MS Excel 2007 XML',
    outdir: join(dir, 'out'),
    files: [source],
  });
  return new Uint8Array(readFileSync(join(dir, 'out', name)));
}

const TODAY = '2026-03-30';
const TOPICS: TopicRecord[] = [
  { workshop: '一车间', seq: 1, name: '张三', content: '夜班食堂供应热饭', raisedOn: '2026-03-02' },
  { workshop: '一车间', seq: 2, name: '匿名', content: '更衣柜不够用', raisedOn: '2026-03-05' },
  {
    workshop: '一车间',
    seq: 3,
    name: '李四',
    content: '工装换季发放',
    raisedOn: '2026-03-09',
    signature: '李四',
  },
];
const CONTENT: TopicBookContent = {
  unit: '某某公司',
  workshop: '一车间',
  issuedOn: TODAY,
  topics: TOPICS,
  workshops: ['一车间', '一车间甲班'],
};
const existing = TOPICS.map((values, i) => ({ row: i + 2, values }));

describe.skipIf(!soffice)(
  'a topic book saved again by LibreOffice imports back (WPS/LibreOffice workshops)',
  () => {
    let untouched: Uint8Array;
    let filled: Uint8Array;
    let back: TopicBookMerge;
    let edits: TopicBookMerge;

    beforeAll(async () => {
      const written = await topicBookXlsx(CONTENT);
      untouched = resaveInLibreOffice(written, '一车间-原样.xlsx');
      // The workshop's edits: one topic reworded, one new, one with a date that does not exist.
      const book = new ExcelJs.Workbook();
      await book.xlsx.load(written as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('征集协商议题记录本') as ExcelJsModule.Worksheet;
      sheet.getCell('C5').value = '更衣柜不够用，冬季衣物无处存放';
      sheet.getRow(7).values = [4, '赵六', '班组会议时间太晚', '2026年3月20日', '', '一车间甲班'];
      sheet.getRow(8).values = [5, '钱七', '澡堂热水不足', '2026-02-30'];
      filled = resaveInLibreOffice(
        new Uint8Array((await book.xlsx.writeBuffer()) as unknown as ArrayBuffer),
        '一车间-已填.xlsx',
      );
      const options = { lists: DEFAULT_VALUE_LISTS, today: TODAY };
      back = mergeTopicBook(await readTopicBookXlsx(untouched, '一车间-原样.xlsx'), existing, options);
      edits = mergeTopicBook(await readTopicBookXlsx(filled, '一车间-已填.xlsx'), existing, options);
    }, 240_000);

    it('rows read back equal: every topic unchanged, no message', () => {
      expect(back.messages).toEqual([]);
      expect(back.unchanged).toEqual([4, 5, 6]);
      expect(back.append).toEqual([]);
    });

    it('keeps the dropdowns inline, the A4 page one page wide, the repeated header and the footer', async () => {
      const book = new ExcelJs.Workbook();
      await book.xlsx.load(untouched as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('征集协商议题记录本') as ExcelJsModule.Worksheet;
      const list = sheet.getCell('F4').dataValidation;
      expect([list.type, list.formulae?.[0]]).toEqual(['list', '"一车间,一车间甲班"']);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
      expect(sheet.headerFooter.oddFooter).toContain('&P');
      expect(sheet.headerFooter.oddFooter).toContain('&N');
      expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    });

    it('an edited row shows as a conflict with the file name and row; a new row is appended', () => {
      expect(edits.conflicts.map((c) => [c.fileRow, c.fields.map((f) => f.header)])).toEqual([[5, ['内容']]]);
      expect(edits.conflicts[0]?.message.zh).toContain('文件“一车间-已填.xlsx”第 5 行');
      expect(edits.append.map((a) => a.record)).toEqual([
        {
          workshop: '一车间甲班',
          seq: '4',
          name: '赵六',
          content: '班组会议时间太晚',
          raisedOn: '2026-03-20',
          signature: '',
        },
      ]);
    });

    it('a bad date is reported with the file name and row; every filled row is accounted for', () => {
      expect(edits.invalid).toEqual([8]);
      const dated = edits.messages.filter((m) => m.zh.includes('“时间”'));
      expect(dated.map((m) => m.zh)).toEqual([
        expect.stringMatching(/^文件“一车间-已填\.xlsx”第 8 行“时间”：/),
      ]);
      expect(dated[0]?.en).toMatch(/^file 一车间-已填\.xlsx, row 8 \(raisedOn\)/);
      const accounted = [...edits.unchanged, ...edits.conflicts.map((c) => c.fileRow), ...edits.invalid];
      expect([...accounted, ...edits.append.map((a) => a.fileRow)].sort()).toEqual([4, 5, 6, 7, 8]);
    });
  },
);
