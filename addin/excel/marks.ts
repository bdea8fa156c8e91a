import { say } from '../../shared';
import { sendWithinBudget, wire, WIRE_BUDGET_BYTES } from './payload';
import { splitAddress } from './selection';

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

/** One cell to paint: its fill, loaded earlier in the run, and the colour (null: clear). */
interface Paint {
  readonly address: string;
  readonly fill: Excel.RangeFill;
  readonly color: string | null;
}

/**
 * Marks `cells` (sheet-qualified addresses) and clears the marks of cells no longer in error,
 * restoring the fill each had — unless the clerk has since recoloured it. Values are never touched.
 * Every request stays under Excel on the web's 5 MB: the fills are all read first, then painted,
 * and the marks are remembered with the last paint, so a request split and sent again never reads
 * a cell it has already marked as the fill to restore.
 */
export async function applyMarks(
  context: Excel.RequestContext,
  cells: readonly string[],
): Promise<{ marked: number; cleared: number }> {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  const present = context.workbook.worksheets.load('items/name');
  await context.sync();
  const remembered: Marks = setting.isNullObject ? {} : (JSON.parse(String(setting.value)) as Marks);
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
  const touched = [...toClear, ...toMark];
  // Nothing marked, cleared or forgotten: the remembered marks stand, and no request is needed.
  if (touched.length === 0 && forgotten === 0) return { marked: 0, cleared: 0 };

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
    { budget: WIRE_BUDGET_BYTES, idempotent: true, item: say('一个单元格的底色', "one cell's fill") },
  );

  const after: Marks = Object.fromEntries(Object.entries(before).filter(([a]) => wanted.has(a)));
  const paints: Paint[] = [];
  for (const address of touched) {
    const fill = fills.get(address) as Excel.RangeFill;
    const current = fill.color ?? null;
    if (address in before) {
      if (current !== MARK_FILL) continue; // the clerk recoloured it: leave their fill
      const prior = before[address] ?? null;
      paints.push({ address, fill, color: prior === null || NO_FILL.has(prior) ? null : prior });
    } else {
      after[address] = current === MARK_FILL || current === null || NO_FILL.has(current) ? null : current;
      paints.push({ address, fill, color: MARK_FILL });
    }
  }
  const remember = JSON.stringify(after);
  const jobs: (Paint | { remember: string })[] = [...paints, { remember }];
  await sendWithinBudget(
    jobs,
    (job) =>
      'remember' in job
        ? wire.action('Add', [MARKS_SETTING, job.remember]) + wire.path('Settings')
        : fillWriteBytes(job.address, job.color),
    async (chunk) => {
      for (const job of chunk) {
        if ('remember' in job) context.workbook.settings.add(MARKS_SETTING, job.remember);
        else if (job.color === null) job.fill.clear();
        else job.fill.color = job.color;
      }
      await context.sync();
    },
    {
      budget: WIRE_BUDGET_BYTES,
      idempotent: true,
      item: say('问题单元格的标记记录', 'the record of marked cells'),
    },
  );
  return { marked: toMark.length, cleared: toClear.length };
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
