import { INPUT_REGISTERS, type InputRegisterKey, type RawTable, type RegisterDef } from '../../shared';
import { blocks, bytesPerRow, isPayloadError, PAYLOAD_BUDGET_BYTES } from './payload';

/** A register as read from its table, with where it sits so problems get cell addresses. */
export interface RegisterOnSheet {
  readonly register: RegisterDef;
  readonly sheet: string;
  /** 0-based sheet row of the header and column of the table's first column. */
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly raw: RawTable;
}

/** Registers read from a workbook, by key; a register with no table is absent. */
export type RegistersOnSheets = Partial<Record<InputRegisterKey, RegisterOnSheet>>;

const SAMPLE_ROWS = 50;

/**
 * Reads every register's table in a fixed number of syncs: one for the table list, one for
 * headers, sizes and a sample, then as many as the data needs to keep each response under the
 * 5 MB limit (blocks sized from the sample; halved and retried if Excel still refuses).
 */
export async function readRegisters(
  context: Excel.RequestContext,
  registers: readonly RegisterDef[] = INPUT_REGISTERS,
): Promise<RegistersOnSheets> {
  const tables = context.workbook.tables.load('items/name');
  await context.sync();
  const present = registers.filter((r) => tables.items.some((t) => t.name === r.table));
  const meta = present.map((register) => {
    const table = context.workbook.tables.getItem(register.table);
    const body = table.getDataBodyRange().load('rowIndex,columnIndex,rowCount,columnCount');
    return {
      register,
      sheet: table.worksheet.load('name'),
      header: table.getHeaderRowRange().load('values,rowIndex,columnIndex'),
      body,
      // The first rows (and a few empty ones below a short table) tell how big a row is.
      sample: body
        .getRow(0)
        .getResizedRange(SAMPLE_ROWS - 1, 0)
        .load('values'),
    };
  });
  await context.sync();
  type Job = { key: number; start: number; count: number; perRow: number };
  const jobs: Job[] = [];
  const rows: unknown[][][] = meta.map(() => []);
  meta.forEach((m, key) => {
    const sample = m.sample.values;
    const perRow = bytesPerRow(sample, m.body.columnCount);
    for (const b of blocks(m.body.rowCount, perRow)) jobs.push({ key, ...b, perRow });
  });
  const sheetOf = (key: number) =>
    context.workbook.worksheets.getItem((meta[key] as (typeof meta)[number]).sheet.name);
  let queue = jobs;
  while (queue.length) {
    const batch: Job[] = [];
    let bytes = 0;
    while (
      queue.length &&
      (batch.length === 0 ||
        bytes + (queue[0] as Job).count * (queue[0] as Job).perRow <= PAYLOAD_BUDGET_BYTES)
    ) {
      const job = queue.shift() as Job;
      bytes += job.count * job.perRow;
      batch.push(job);
    }
    const loads = batch.map((j) => {
      const m = meta[j.key] as (typeof meta)[number];
      return sheetOf(j.key)
        .getRangeByIndexes(m.body.rowIndex + j.start, m.body.columnIndex, j.count, m.body.columnCount)
        .load('values');
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || batch.every((j) => j.count === 1)) throw e;
      // The sample under-estimated the rows: split this batch's blocks in two and go on.
      queue = [...batch.flatMap((j) => (j.count === 1 ? [j] : halves(j))), ...queue];
      continue;
    }
    batch.forEach((j, i) => {
      const target = rows[j.key] as unknown[][][];
      target[j.start] = (loads[i] as Excel.Range).values;
    });
  }
  const out: RegistersOnSheets = {};
  meta.forEach((m, key) => {
    const blocksRead = (rows[key] as unknown[][][]).filter(Boolean);
    out[m.register.key as InputRegisterKey] = {
      register: m.register,
      sheet: m.sheet.name,
      headerRow: m.header.rowIndex,
      firstColumn: m.header.columnIndex,
      raw: { header: m.header.values[0] ?? [], rows: blocksRead.flat(), firstRow: m.header.rowIndex + 2 },
    };
  });
  return out;
}

const halves = (j: { key: number; start: number; count: number; perRow: number }) => {
  const first = Math.ceil(j.count / 2);
  return [
    { ...j, count: first, perRow: j.perRow * 2 },
    { ...j, start: j.start + first, count: j.count - first, perRow: j.perRow * 2 },
  ];
};
