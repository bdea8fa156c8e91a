import {
  appealRegister,
  planTopicAppeals,
  readRegister,
  say,
  topicRegister,
  DEFAULT_VALUE_LISTS,
  type Bilingual,
  type TopicRecord,
} from '../../shared';
import type { ExcelRun } from './context';
import { locateTables, queueAppend, RecordRefused, textOfCell, type LocatedTable } from './records';

/** What turning topics into appeals did: the appeals made (topic row → 编号) and the topics refused. */
export interface TopicAppealReport {
  readonly created: readonly { readonly row: number; readonly appealId: string }[];
  readonly refused: readonly { readonly row: number; readonly reason: Bilingual }[];
}

/** A topic the pane chose: its sheet row and the 分厂（车间、班组） and 序号 read there. */
export interface TopicAt {
  readonly row: number;
  readonly workshop: string;
  readonly seq: number;
}

/**
 * Turns the topics on the given sheet rows of 征集协商议题记录本 into appeals, in one Excel request:
 * the appeals are appended to 职工诉求记录表 with the next free 编号 and each new 编号 is written
 * into its topic's 诉求编号 cell in the same sync, so no appeal exists without its topic pointing
 * at it. A topic already holding a 诉求编号 is refused, never turned twice.
 */
export async function turnTopicsIntoAppeals(
  run: ExcelRun,
  options: {
    /** The topics chosen, by sheet row with the 分厂 and 序号 the pane read there. */
    readonly topics: readonly TopicAt[];
    readonly category: string;
    readonly receivedOn: string;
  },
): Promise<TopicAppealReport> {
  if (!options.category.trim())
    throw new RecordRefused(
      say('请选择这些诉求的受理类别', 'choose the category (受理类别) of the new appeals'),
    );
  return run(async (context) => {
    const [topicsAt, appealsAt] = (await locateTables(context, [topicRegister, appealRegister])) as [
      LocatedTable,
      LocatedTable,
    ];
    const linkAt = topicsAt.columnOf.get('appealId');
    const idHeader = appealsAt.header[appealsAt.columnOf.get('id') ?? -1];
    if (linkAt === undefined || idHeader === undefined)
      throw new RecordRefused(
        say(
          `“${topicsAt.sheetName}”没有“诉求编号”列或“${appealsAt.sheetName}”没有“编号”列，请先在“设置”中重新建立工作簿`,
          'the topics register has no 诉求编号 (appealId) column or the appeals register no 编号; set the workbook up again',
        ),
      );
    // Only the 编号 column of a register that may hold 50,000 appeals is read.
    const topicBody = topicsAt.table.getDataBodyRange().load('values');
    const ids = appealsAt.table.columns.getItem(String(idHeader)).getDataBodyRange().load('values');
    await context.sync();
    // The core reads the rows as the check does: a date typed as text or a serial both count.
    const read = readRegister(
      topicRegister,
      { header: topicsAt.header, rows: topicBody.values, firstRow: topicsAt.headerRow + 2 },
      { lists: DEFAULT_VALUE_LISTS },
    );
    const byRow = new Map(read.rows.map((r) => [r.row, r.values as Partial<TopicRecord>]));
    const taken = new Set(ids.values.map((r) => textOfCell(undefined, r[0]).trim()).filter(Boolean));
    const moved = options.topics.filter((t) => {
      const v = byRow.get(t.row);
      return !v || v.workshop !== t.workshop || v.seq !== t.seq;
    });
    const plan = planTopicAppeals(
      options.topics
        .filter((t) => !moved.includes(t))
        .map((t) => ({ row: t.row, values: byRow.get(t.row) ?? {} })),
      { taken, receivedOn: options.receivedOn, category: options.category },
    );
    if (plan.appeals.length) {
      queueAppend(
        appealsAt,
        plan.appeals.map((a) => a.record),
      );
      for (const a of plan.appeals)
        topicsAt.sheet.getRangeByIndexes(a.row - 1, topicsAt.firstColumn + linkAt, 1, 1).values = [[a.id]];
      await context.sync();
    }
    return {
      created: plan.appeals.map((a) => ({ row: a.row, appealId: a.id })),
      refused: [
        ...moved.map((t) => ({
          row: t.row,
          reason: say(
            `第 ${t.row} 行已不是“${t.workshop}”第 ${t.seq} 号议题（表格已被改动），请重新读取后再转`,
            `row ${t.row} no longer holds topic ${t.seq} of ${t.workshop} (the sheet changed); read it again`,
          ),
        })),
        ...plan.refused,
      ],
    };
  });
}
