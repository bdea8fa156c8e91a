import * as ExcelJsModule from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { turnTopicsIntoAppeals } from '../../../addin/excel/topicAppeals';
import { readTopicBookXlsx, topicBookXlsx, type TopicBookContent } from '../../../addin/excel/topicBookFile';
import { importTopicBook, mergeTopicBook } from '../../../addin/excel/topicBookImport';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { rawTable } from '../../../addin/demo/raw';
import { seeded } from '../../../addin/demo/random';
import {
  appealRegister,
  DEFAULT_VALUE_LISTS,
  dayFromIso,
  excelSerialFromDay,
  topicRegister,
  type AppealRecord,
  type TopicRecord,
} from '../../../shared';
import { loadRegisters, runOf } from './helpers';

const ExcelJs: typeof ExcelJsModule =
  (ExcelJsModule as unknown as { default?: typeof ExcelJsModule }).default ?? ExcelJsModule;

const TODAY = '2026-03-30';
const TOPICS: TopicRecord[] = [
  { workshop: '一车间', seq: 1, name: '张三', content: '夜班食堂供应热饭', raisedOn: '2026-03-02' },
  { workshop: '一车间', seq: 2, name: '匿名', content: '更衣柜不够用', raisedOn: '2026-03-05' },
  { workshop: '二车间', seq: 1, name: '李四', content: '车间通风差', raisedOn: '2026-03-06' },
];
const EARLIER: AppealRecord = {
  id: '2026-004',
  intakeMethod: '谈话',
  receivedOn: '2026-03-01',
  category: '生活保障类',
  appellant: '王五',
  content: '班车时间调整',
};

async function workbookWith(topics: readonly TopicRecord[]): Promise<SimulatedWorkbook> {
  const wb = createSimulatedWorkbook();
  await setUpWorkbook(runOf(wb));
  const rand = seeded(3);
  await loadRegisters(wb, {
    topics: rawTable(topicRegister, topics, rand),
    appeals: rawTable(appealRegister, [EARLIER], rand),
  });
  return wb;
}

/** A register's body as records keyed by header, the way a clerk reads the sheet. */
function bodyOf(wb: SimulatedWorkbook, table: string): Record<string, unknown>[] {
  const t = wb.table(table);
  if (!t) throw new Error(`no table ${table}`);
  const values = wb.getValues(t.sheet, t.address);
  const [header = [], ...rows] = values;
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const serial = (iso: string): number => excelSerialFromDay(dayFromIso(iso) ?? 0);

describe('topics become appeals in one action (征集协商议题 → 职工诉求记录表)', () => {
  let wb: SimulatedWorkbook;
  beforeEach(async () => {
    wb = await workbookWith(TOPICS);
  });

  it('appends the appeals with the next 编号, 受理方式 转达, 单位 and 诉求人 from the topic, and writes each 编号 back', async () => {
    const report = await turnTopicsIntoAppeals(runOf(wb), {
      topics: [
        { row: 2, workshop: '一车间', seq: 1 },
        { row: 3, workshop: '一车间', seq: 2 },
      ],
      category: '生活保障类',
      receivedOn: TODAY,
    });
    expect(report.created).toEqual([
      { row: 2, appealId: '2026-005' },
      { row: 3, appealId: '2026-006' },
    ]);
    expect(report.refused).toEqual([]);
    const appeals = bodyOf(wb, appealRegister.table);
    expect(appeals.map((a) => [a['编号'], a['受理方式'], a['单位'], a['诉求人'], a['诉求内容']])).toEqual([
      ['2026-004', '谈话', '', '王五', '班车时间调整'],
      ['2026-005', '转达', '一车间', '张三', '夜班食堂供应热饭'],
      ['2026-006', '转达', '一车间', '匿名', '更衣柜不够用'],
    ]);
    expect(appeals[1]?.['受理时间']).toBe(serial(TODAY));
    expect(appeals[1]?.['受理类别']).toBe('生活保障类');
    expect(bodyOf(wb, topicRegister.table).map((t) => t['诉求编号'])).toEqual(['2026-005', '2026-006', '']);
  });

  it('a topic already turned into an appeal is refused, in both languages, and no appeal is added', async () => {
    const chosen = {
      topics: [{ row: 2, workshop: '一车间', seq: 1 }],
      category: '其他类',
      receivedOn: TODAY,
    };
    await turnTopicsIntoAppeals(runOf(wb), chosen);
    const again = await turnTopicsIntoAppeals(runOf(wb), chosen);
    expect(again.created).toEqual([]);
    expect(again.refused[0]?.reason.zh).toContain('已转为诉求 2026-005');
    expect(again.refused[0]?.reason.en).toContain('not turned into an appeal twice');
    expect(bodyOf(wb, appealRegister.table)).toHaveLength(2);
  });

  it('a row that no longer holds the topic the pane read is refused, not turned', async () => {
    const report = await turnTopicsIntoAppeals(runOf(wb), {
      topics: [{ row: 2, workshop: '二车间', seq: 1 }],
      category: '其他类',
      receivedOn: TODAY,
    });
    expect(report.created).toEqual([]);
    expect(report.refused[0]?.reason.en).toContain('the sheet changed');
  });
});

const CONTENT: TopicBookContent = {
  unit: '某某公司',
  workshop: '一车间',
  issuedOn: TODAY,
  topics: TOPICS.filter((t) => t.workshop === '一车间'),
  workshops: ['一车间', '二车间'],
};
const existing = TOPICS.map((values, i) => ({ row: i + 2, values }));
const options = { lists: DEFAULT_VALUE_LISTS, today: TODAY };

async function edited(edit: (sheet: ExcelJsModule.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJs.Workbook();
  await book.xlsx.load((await topicBookXlsx(CONTENT)) as unknown as ArrayBuffer);
  edit(book.getWorksheet('征集协商议题记录本') as ExcelJsModule.Worksheet);
  return new Uint8Array((await book.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

describe('a workshop topic book as a standalone .xlsx (export and import)', () => {
  it('has the title line, date, the handbook headers, dropdowns held in the cells, A4 print setup and the note', async () => {
    const book = new ExcelJs.Workbook();
    await book.xlsx.load((await topicBookXlsx(CONTENT)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('征集协商议题记录本') as ExcelJsModule.Worksheet;
    expect(sheet.getCell('A1').value).toBe('某某公司\u3000一车间征集协商议题记录本');
    expect(sheet.getCell('D2').value).toBe('2026年3月30日');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '内容',
      '时间',
      '提出人签字',
      '分厂（车间、班组）',
    ]);
    // Inline lists, not a reference to another sheet: WPS and LibreOffice keep them in a lone file.
    const list = sheet.getCell('F4').dataValidation;
    expect(list.type).toBe('list');
    expect(list.formulae).toEqual(['"一车间,二车间"']);
    expect(sheet.getCell('D4').dataValidation.type).toBe('date');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    const last = sheet.getCell(`A${sheet.rowCount}`).value;
    expect(String(last)).toMatch(/^注：此表用于在分厂、车间、班组征集协商议题/);
  });

  it('reads back equal to what was written: every row unchanged, nothing appended', async () => {
    const file = await readTopicBookXlsx(await topicBookXlsx(CONTENT), 'book.xlsx');
    const merge = mergeTopicBook(file, existing, options);
    expect(merge.messages).toEqual([]);
    expect(merge.unchanged).toEqual([4, 5]);
    expect(merge.append).toEqual([]);
    expect(merge.conflicts).toEqual([]);
  });

  it('an edited row is a conflict naming the file, its row and the field; a new row is appended', async () => {
    const bytes = await edited((s) => {
      s.getCell('C5').value = '更衣柜不够用，冬季衣物无处存放';
      s.getRow(6).values = [3, '赵六', '班组会议时间太晚', '2026-03-20'];
    });
    const merge = mergeTopicBook(await readTopicBookXlsx(bytes, '一车间.xlsx'), existing, options);
    expect(merge.conflicts.map((c) => [c.fileRow, c.sheetRow, c.fields])).toEqual([
      [5, 3, [{ header: '内容', ours: '更衣柜不够用', theirs: '更衣柜不够用，冬季衣物无处存放' }]],
    ]);
    expect(merge.conflicts[0]?.message.zh).toContain('文件“一车间.xlsx”第 5 行');
    expect(merge.conflicts[0]?.message.en).toContain('file 一车间.xlsx, row 5');
    expect(merge.append).toEqual([
      {
        fileRow: 6,
        record: {
          workshop: '一车间',
          seq: '3',
          name: '赵六',
          content: '班组会议时间太晚',
          raisedOn: '2026-03-20',
          signature: '',
        },
      },
    ]);
  });

  it('a bad date is reported with the file name and row, and the row is not appended', async () => {
    const bytes = await edited((s) => {
      s.getRow(6).values = [3, '赵六', '班组会议时间太晚', '2026-02-30'];
    });
    const merge = mergeTopicBook(await readTopicBookXlsx(bytes, '一车间.xlsx'), existing, options);
    expect(merge.invalid).toEqual([6]);
    expect(merge.append).toEqual([]);
    expect(merge.messages.map((m) => m.zh)).toEqual([
      expect.stringMatching(/^文件“一车间\.xlsx”第 6 行“时间”：/),
    ]);
    expect(merge.messages[0]?.en).toMatch(/^file 一车间\.xlsx, row 6 \(raisedOn\): /);
  });

  it('a column the workshop added is named as not imported; a file that is no book is refused with its name', async () => {
    const bytes = await edited((s) => {
      s.getCell('G3').value = '备注';
      s.getCell('G4').value = '已口头答复';
    });
    const merge = mergeTopicBook(await readTopicBookXlsx(bytes, 'b.xlsx'), existing, options);
    expect(merge.messages.map((m) => m.zh)).toEqual([expect.stringContaining('文件“b.xlsx”的“备注”列')]);
    const junk = await readTopicBookXlsx(new TextEncoder().encode('not a zip'), 'x.xlsx');
    expect(mergeTopicBook(junk, existing, options).messages[0]?.en).toContain('file x.xlsx');
  });

  it('importing into the workbook appends only new topics and overwrites no topic of the union', async () => {
    const wb = await workbookWith(TOPICS);
    const bytes = await edited((s) => {
      s.getCell('C4').value = '改过的内容';
      s.getRow(6).values = [3, '赵六', '班组会议时间太晚', '2026-03-20'];
    });
    const result = await importTopicBook(runOf(wb), await readTopicBookXlsx(bytes, 'f.xlsx'), {
      today: TODAY,
    });
    expect(result.conflicts.map((c) => c.fileRow)).toEqual([4]);
    const rows = bodyOf(wb, topicRegister.table);
    expect(rows.map((r) => [r['分厂（车间、班组）'], r['序号'], r['内容']])).toEqual([
      ['一车间', 1, '夜班食堂供应热饭'],
      ['一车间', 2, '更衣柜不够用'],
      ['二车间', 1, '车间通风差'],
      ['一车间', 3, '班组会议时间太晚'],
    ]);
    expect(rows[3]?.['时间']).toBe(serial('2026-03-20'));
  });
});
