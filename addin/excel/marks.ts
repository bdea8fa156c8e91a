import { PAYLOAD_BUDGET_BYTES } from './payload';

/** The fill that marks a cell with an error. */
export const MARK_FILL = '#FF9999';

/** The workbook setting that remembers marked cells and the fill each had before. */
export const MARKS_SETTING = 'xieshang.marks';

/** Marked cells: address → the fill the cell had before (null: none). */
type Marks = Record<string, string | null>;

/** How many cells one sync touches when marking (each is a small command). */
const CELLS_PER_SYNC = Math.floor(PAYLOAD_BUDGET_BYTES / 400);

const NO_FILL = new Set(['#FFFFFF', '', 'null']);

/**
 * Marks `cells` (sheet-qualified addresses) and clears the marks of cells no longer in error,
 * restoring the fill each had — unless the clerk has since recoloured it. Values are never touched.
 */
export async function applyMarks(
  context: Excel.RequestContext,
  cells: readonly string[],
): Promise<{ marked: number; cleared: number }> {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  await context.sync();
  const before: Marks = setting.isNullObject ? {} : (JSON.parse(String(setting.value)) as Marks);
  const wanted = new Set(cells);
  const toClear = Object.keys(before).filter((a) => !wanted.has(a));
  const toMark = cells.filter((a) => !(a in before));
  const after: Marks = Object.fromEntries(Object.entries(before).filter(([a]) => wanted.has(a)));
  const touched = [...toClear, ...toMark];
  for (let i = 0; i < touched.length; i += CELLS_PER_SYNC) {
    const chunk = touched.slice(i, i + CELLS_PER_SYNC);
    const fills = chunk.map((a) => rangeOf(context, a).format.fill.load('color'));
    await context.sync();
    chunk.forEach((address, j) => {
      const fill = fills[j] as Excel.RangeFill;
      const current = fill.color ?? null;
      if (address in before) {
        if (current !== MARK_FILL) return; // the clerk recoloured it: leave their fill
        const prior = before[address] ?? null;
        if (prior === null || NO_FILL.has(prior)) fill.clear();
        else fill.color = prior;
      } else {
        after[address] = current === MARK_FILL || current === null || NO_FILL.has(current) ? null : current;
        fill.color = MARK_FILL;
      }
    });
  }
  // Nothing marked or cleared: the remembered marks stand as they are, and no request is needed.
  if (touched.length === 0) return { marked: 0, cleared: 0 };
  context.workbook.settings.add(MARKS_SETTING, JSON.stringify(after));
  await context.sync();
  return { marked: toMark.length, cleared: toClear.length };
}

function rangeOf(context: Excel.RequestContext, qualifiedAddress: string): Excel.Range {
  const bang = qualifiedAddress.lastIndexOf('!');
  const sheet = qualifiedAddress.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  return context.workbook.worksheets.getItem(sheet).getRange(qualifiedAddress.slice(bang + 1));
}
