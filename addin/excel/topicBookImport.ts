import {
  DEFAULT_VALUE_LISTS,
  readRegister,
  resolveValueLists,
  say,
  topicRegister,
  valueListRegister,
  type Bilingual,
  type CellProblem,
  type TopicRecord,
  type ValueLists,
} from '../../shared';
import type { ExcelRun } from './context';
import { readRegisters } from './read';
import { locateTables, queueAppend, RecordRefused, type FormRecord, type LocatedTable } from './records';
import type { TopicBookFile } from './topicBookFile';

/** The fields a workshop's book carries back; 诉求编号 is the union's and never comes from a file. */
const BOOK_FIELDS = ['workshop', 'seq', 'name', 'content', 'raisedOn', 'signature'] as const;
type BookField = (typeof BOOK_FIELDS)[number];

/** A row of the file whose topic the union already has with different values: shown, never written. */
export interface TopicConflict {
  readonly fileRow: number;
  readonly workshop: string;
  readonly seq: number;
  /** The union's row on 征集协商议题记录本. */
  readonly sheetRow: number;
  readonly fields: readonly { readonly header: string; readonly ours: string; readonly theirs: string }[];
  readonly message: Bilingual;
}

/** What reading a filled book back decided for every one of its rows. */
export interface TopicBookMerge {
  readonly fileName: string;
  /** New topics to append, each with the file row it came from. */
  readonly append: readonly { readonly fileRow: number; readonly record: FormRecord }[];
  /** File rows the union's book already holds exactly. */
  readonly unchanged: readonly number[];
  readonly conflicts: readonly TopicConflict[];
  /** File rows with an error: not appended, each named with its problems. */
  readonly invalid: readonly number[];
  /** Every problem and remark, each with the file's name and row. */
  readonly messages: readonly Bilingual[];
}

/** The union's topics as read from its workbook, with their sheet rows. */
export interface ExistingTopic {
  readonly row: number;
  readonly values: Partial<TopicRecord>;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const keyOf = (workshop: unknown, seq: unknown): string => `${text(workshop)}\u0000${text(seq)}`;
const headerOf = (key: string): string => topicRegister.fields.find((f) => f.key === key)?.header ?? key;

/** A problem of the file, addressed by the file's name and row the way a clerk finds it. */
function fileMessage(fileName: string, p: CellProblem): Bilingual {
  const where = p.header ? `“${p.header}”` : '';
  return say(
    `文件“${fileName}”第 ${p.row} 行${where}：${p.message.zh}`,
    `file ${fileName}, row ${p.row}${p.column ? ` (${p.column})` : ''}: ${p.message.en}`,
  );
}

/**
 * Checks a filled book with the core's reading of 征集协商议题记录本 (the same rules the workbook
 * check applies) and sorts every row: new topics (分厂 and 序号 the union lacks) are appended,
 * rows equal to the union's are unchanged, rows that differ are conflicts shown side by side and
 * never written, rows with an error are reported and not appended. Blank rows are skipped; every
 * other row lands in exactly one of the four, so nothing in the file goes unaccounted for.
 */
export function mergeTopicBook(
  file: TopicBookFile,
  existing: readonly ExistingTopic[],
  options: { readonly lists: ValueLists; readonly today: string },
): TopicBookMerge {
  const { fileName } = file;
  const messages: Bilingual[] = [];
  if (file.refused)
    return { fileName, append: [], unchanged: [], conflicts: [], invalid: [], messages: [file.refused] };
  const read = readRegister(topicRegister, file.table, {
    lists: options.lists,
    today: options.today,
    external: true,
  });
  const byRow = new Map<number, CellProblem[]>();
  for (const p of read.problems) {
    if (p.column === 'appealId') continue;
    messages.push(fileMessage(fileName, p));
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  }
  for (const extra of read.headers.extra)
    if (extra.header.trim())
      messages.push(
        say(
          `文件“${fileName}”的“${extra.header}”列不属于议题记录本，未导入（请另行处理其中内容）`,
          `file ${fileName}: column ${extra.header} is not part of the topic book and was not imported`,
        ),
      );
  const ours = new Map(existing.map((t) => [keyOf(t.values.workshop, t.values.seq), t]));
  const inFile = new Map<string, number>();
  const append: { fileRow: number; record: FormRecord }[] = [];
  const unchanged: number[] = [];
  const conflicts: TopicConflict[] = [];
  const invalid: number[] = [];
  const present = BOOK_FIELDS.filter((f) => read.headers.columnOf.has(f));
  for (const r of read.rows) {
    const v = r.values as Partial<TopicRecord>;
    const key = keyOf(v.workshop, v.seq);
    const earlier = inFile.get(key);
    if (!r.hasError && earlier !== undefined) {
      messages.push(
        say(
          `文件“${fileName}”第 ${r.row} 行：“${text(v.workshop)}”的序号 ${text(v.seq)} 与第 ${earlier} 行重复，未导入`,
          `file ${fileName}, row ${r.row}: ${text(v.workshop)} number ${text(v.seq)} repeats row ${earlier}; not imported`,
        ),
      );
      invalid.push(r.row);
      continue;
    }
    if (r.hasError) {
      invalid.push(r.row);
      continue;
    }
    inFile.set(key, r.row);
    const mine = ours.get(key);
    if (!mine) {
      append.push({
        fileRow: r.row,
        record: Object.fromEntries(present.map((f) => [f, text(v[f as BookField])])),
      });
      continue;
    }
    const fields = present
      .filter((f) => text(mine.values[f]) !== text(v[f]))
      .map((f) => ({ header: headerOf(f), ours: text(mine.values[f]), theirs: text(v[f]) }));
    if (fields.length === 0) {
      unchanged.push(r.row);
      continue;
    }
    const list = fields.map((f) => `“${f.header}”`).join('、');
    const message = say(
      `文件“${fileName}”第 ${r.row} 行与工作簿第 ${mine.row} 行（${text(v.workshop)} 第 ${text(v.seq)} 号）的${list}不同：未覆盖，请核对后在工作簿中修改`,
      `file ${fileName}, row ${r.row} differs from row ${mine.row} of the workbook (${text(v.workshop)} no. ${text(v.seq)}) in ${fields
        .map((f) => f.header)
        .join(', ')}: not overwritten; check and edit the workbook`,
    );
    messages.push(message);
    conflicts.push({
      fileRow: r.row,
      workshop: text(v.workshop),
      seq: Number(v.seq),
      sheetRow: mine.row,
      fields,
      message,
    });
  }
  return { fileName, append, unchanged, conflicts, invalid, messages };
}

/** What importing a book did in the workbook: the merge, and where the new topics were written. */
export interface TopicBookImport extends TopicBookMerge {
  /** The sheet rows the new topics were appended at ('' when none). */
  readonly address: string;
}

/**
 * Imports a filled book into the union's 征集协商议题记录本: reads the register and the value
 * lists, merges (see mergeTopicBook) and appends only the new topics, in one request; a conflict
 * or an invalid row is reported and nothing of the union's is overwritten.
 */
export async function importTopicBook(
  run: ExcelRun,
  file: TopicBookFile,
  options: { readonly today: string },
): Promise<TopicBookImport> {
  return run(async (context) => {
    const read = await readRegisters(context, [topicRegister, valueListRegister]);
    const topics = read.topics;
    if (!topics)
      throw new RecordRefused(
        say(
          `工作簿中没有“${topicRegister.sheet}”表格，请先在“设置”中建立工作簿`,
          'the topics register is missing; set the workbook up first',
        ),
      );
    const lists = read.valueLists
      ? resolveValueLists(
          readRegister(valueListRegister, read.valueLists.raw, { lists: DEFAULT_VALUE_LISTS }).rows,
        )
      : DEFAULT_VALUE_LISTS;
    const existing = readRegister(topicRegister, topics.raw, { lists }).rows.map((r) => ({
      row: r.row,
      values: r.values as Partial<TopicRecord>,
    }));
    const merge = mergeTopicBook(file, existing, { lists, today: options.today });
    if (merge.append.length === 0) return { ...merge, address: '' };
    const [at] = await locateTables(context, [topicRegister]);
    const written = queueAppend(
      at as LocatedTable,
      merge.append.map((a) => a.record),
    );
    await context.sync();
    return { ...merge, address: written.address };
  });
}
