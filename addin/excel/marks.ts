import { say, type Bilingual } from '../../shared';
import { sendWithinBudget, wire } from './payload';
import { splitAddress } from './columns';

/** The fill that marks a cell with an error. */
export const MARK_FILL = '#FF9999';

/** The workbook setting that remembers marked cells and the fill each had before. */
export const MARKS_SETTING = 'xieshang.marks';

/** Marked cells: address → the fill the cell had before (null: none). */
type Marks = Record<string, string | null>;

const NO_FILL = new Set(['#FFFFFF', '', 'null']);

/** The object paths a cell's fill is reached by: the range, its format, its fill. */
const fillPaths = (address: string): number =>
  wire.path('GetRange', [address]) + wire.path('Format') + wire.path('Fill');

/**
 * Request bytes of loading one cell's fill: three objects instantiated, one query, their paths.
 * The response (the colour) is smaller, so the request is what limits a chunk.
 */
export const fillLoadBytes = (address: string): number =>
  3 * wire.instantiate + wire.query(['color']) + fillPaths(address);

/** Request bytes of setting one cell's fill (`color` null: clearing it); its paths travel again. */
export const fillWriteBytes = (address: string, color: string | null): number =>
  (color === null ? wire.action('Clear') : wire.action('Color', [color])) + fillPaths(address);

/**
 * The workbook setting that is true while a paint may not have finished: the record then lists cells
 * about to be marked that may still show their own fill, so the next check looks at them again.
 */
export const MARKS_UNCONFIRMED_SETTING = 'xieshang.marks.unconfirmed';

/** One cell to paint: its fill, loaded earlier in the run, and the colour (null: clear). */
interface Paint {
  readonly address: string;
  readonly fill: Excel.RangeFill;
  readonly color: string | null;
}

/** A record of marks to write; `record` null when the stored one already says it. */
interface Remember {
  readonly record: string | null;
  readonly unconfirmed: boolean;
}

/** Marking was refused, with the reason in both languages. */
export class MarksRefused extends Error {
  constructor(
    readonly reason: Bilingual,
    options?: ErrorOptions,
  ) {
    super(`${reason.zh} / ${reason.en}`, options);
  }
}

/**
 * Marks `cells` (sheet-qualified addresses) and clears the marks of cells no longer in error,
 * restoring the fill each had — unless the clerk has since recoloured it. Values are never touched.
 * Every request stays under Excel on the web's 5 MB: the fills are all read first, then painted.
 * The first paint request records every cell it is about to mark with the fill it had, before any is
 * painted, and flags the record unconfirmed; the last one writes the final record and lifts the flag.
 * So a paint that fails partway (a protected sheet, a lost connection) never leaves a marked cell
 * unrecorded — the next check would take the mark for the clerk's own fill — and the next check
 * looks again at the recorded cells that may never have been painted.
 */
export async function applyMarks(
  context: Excel.RequestContext,
  cells: readonly string[],
): Promise<{ marked: number; cleared: number }> {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  const flag = context.workbook.settings.getItemOrNullObject(MARKS_UNCONFIRMED_SETTING).load('value');
  const present = context.workbook.worksheets.load('items/name');
  await context.sync();
  const remembered: Marks = setting.isNullObject ? {} : (JSON.parse(String(setting.value)) as Marks);
  const unconfirmed = !flag.isNullObject && flag.value === true;
  // A mark on a sheet the clerk has since renamed or deleted cannot be reached: forget it, or
  // every later check would fail on the missing sheet.
  const sheetNames = new Set(present.items.map((s) => s.name));
  const before: Marks = Object.fromEntries(
    Object.entries(remembered).filter(([a]) => sheetNames.has(splitAddress(a).sheet ?? '')),
  );
  const forgotten = Object.keys(remembered).length - Object.keys(before).length;
  const wanted = new Set(cells);
  const toClear = Object.keys(before).filter((a) => !wanted.has(a));
  const toMark = cells.filter((a) => !(a in before));
  // After an unfinished paint, a recorded cell still in error may never have been marked.
  const toVerify = unconfirmed ? cells.filter((a) => a in before) : [];
  const touched = [...toClear, ...toMark, ...toVerify];
  // Nothing marked, cleared or forgotten: the remembered marks stand, and no request is needed.
  if (touched.length === 0 && forgotten === 0 && !unconfirmed) return { marked: 0, cleared: 0 };

  const fills = new Map<string, Excel.RangeFill>();
  await sendWithinBudget(
    touched,
    fillLoadBytes,
    async (chunk) => {
      const sheets = new Map<string, Excel.Worksheet>();
      const loaded = chunk.map((a) => [a, rangeOf(context, sheets, a).format.fill.load('color')] as const);
      await context.sync();
      for (const [a, fill] of loaded) fills.set(a, fill);
    },
    { idempotent: true, item: say('一个单元格的底色', "one cell's fill") },
  );

  // The fill each newly marked cell has now, to restore when its error is gone.
  const own: Marks = {};
  const paints: Paint[] = [];
  let repainted = 0;
  for (const address of touched) {
    const fill = fills.get(address) as Excel.RangeFill;
    const current = fill.color ?? null;
    if (!(address in before)) {
      own[address] = current === MARK_FILL || current === null || NO_FILL.has(current) ? null : current;
      paints.push({ address, fill, color: MARK_FILL });
    } else if (wanted.has(address)) {
      // Recorded and still in error after an unfinished paint: mark it if the paint never got there.
      if (current === MARK_FILL) continue;
      paints.push({ address, fill, color: MARK_FILL });
      repainted++;
    } else {
      if (current !== MARK_FILL) continue; // the clerk recoloured it: leave their fill
      const prior = before[address] ?? null;
      paints.push({ address, fill, color: prior === null || NO_FILL.has(prior) ? null : prior });
    }
  }
  const kept = Object.entries(before).filter(([a]) => wanted.has(a));
  const record = JSON.stringify({ ...Object.fromEntries(kept), ...own });
  // Written before any paint: every cell about to be marked, cleared ones still included.
  const plannedRecord = JSON.stringify({ ...before, ...own });
  const jobs: (Paint | Remember)[] =
    paints.length === 0
      ? [{ record, unconfirmed: false }]
      : [
          { record: plannedRecord, unconfirmed: true },
          ...paints,
          { record: record === plannedRecord ? null : record, unconfirmed: false },
        ];
  try {
    await sendWithinBudget(
      jobs,
      (job) =>
        'record' in job
          ? (job.record === null ? 0 : wire.action('Add', [MARKS_SETTING, job.record])) +
            wire.action('Add', [MARKS_UNCONFIRMED_SETTING, job.unconfirmed]) +
            2 * wire.path('Settings')
          : fillWriteBytes(job.address, job.color),
      async (chunk) => {
        for (const job of chunk) {
          if ('record' in job) {
            if (job.record !== null) context.workbook.settings.add(MARKS_SETTING, job.record);
            // Set, not deleted, so that sending a chunk again does no harm.
            context.workbook.settings.add(MARKS_UNCONFIRMED_SETTING, job.unconfirmed);
          } else if (job.color === null) job.fill.clear();
          else job.fill.color = job.color;
        }
        await context.sync();
      },
      {
        idempotent: true,
        item: say('问题单元格的标记记录', 'the record of marked cells'),
      },
    );
  } catch (e) {
    throw await explainRefusal(context, e, paints);
  }
  return { marked: toMark.length + repainted, cleared: toClear.length };
}

/**
 * Excel refuses formatting cells on a protected sheet with AccessDenied, which names no sheet
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-allowformatcells-member):
 * the sheets painted are asked which are protected, so the clerk is told which to unprotect.
 */
async function explainRefusal(
  context: Excel.RequestContext,
  error: unknown,
  paints: readonly Paint[],
): Promise<unknown> {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code !== 'AccessDenied') return error;
  const names = [...new Set(paints.map((p) => splitAddress(p.address).sheet ?? ''))];
  const protections = names.map(
    (name) => [name, context.workbook.worksheets.getItem(name).protection.load('protected,options')] as const,
  );
  try {
    await context.sync();
  } catch {
    return error;
  }
  const locked = protections
    .filter(([, p]) => p.protected && p.options.allowFormatCells !== true)
    .map(([name]) => name);
  if (locked.length === 0) return error;
  return new MarksRefused(
    say(
      `工作表“${locked.join('”、“')}”受保护，无法标记问题单元格；请取消保护后重新检查`,
      `the sheet ${locked.join(', ')} is protected, so its problem cells cannot be marked; unprotect it and check again`,
    ),
    { cause: error },
  );
}

function rangeOf(
  context: Excel.RequestContext,
  sheets: Map<string, Excel.Worksheet>,
  qualifiedAddress: string,
): Excel.Range {
  const { sheet: qualifier, cells } = splitAddress(qualifiedAddress);
  const name = qualifier ?? '';
  // One worksheet object per sheet: a path per cell would cost as much again on the wire.
  let sheet = sheets.get(name);
  if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
  return sheet.getRange(cells);
}
