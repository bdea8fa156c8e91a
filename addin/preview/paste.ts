import { columnLetter } from '../excel/columns';
import type { SimulatedWorkbook } from '../simulator';
import { INPUT_REGISTERS, type WorkbookInput } from '../../shared';

// UTF-8 bytes of a part's rows (at most 3 a UTF-16 unit), kept at 2 MB.
const PART_BYTES = 2_000_000;

/** The registers whose set-up defaults stay as they are when data is pasted in. */
const KEEP_DEFAULTS = new Set(['settings', 'valueLists', 'categoryDepartments']);

/**
 * Pastes raw rows under each set-up register's header, as a clerk pasting values into the table:
 * the first row into its blank body row, the rest as rows the table grows by, which take the
 * set-up formats of the row above (dates show as dates, phones stay text) as Excel's table rows do.
 * Settings are written item by item.
 */
export async function pasteRegisters(sim: SimulatedWorkbook, input: WorkbookInput): Promise<void> {
  const grown: { table: string; rows: unknown[][] }[] = [];
  for (const register of INPUT_REGISTERS) {
    const raw = input[register.key];
    const table = sim.table(register.table);
    if (!raw || raw.rows.length === 0 || !table || KEEP_DEFAULTS.has(register.key)) continue;
    const width = raw.header.length;
    const rows = raw.rows.map((r) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')]);
    sim.setValues(table.sheet, `A2:${columnLetter(width - 1)}2`, rows.slice(0, 1));
    if (rows.length > 1) grown.push({ table: register.table, rows: rows.slice(1) });
  }
  const settings = sim.table('Settings');
  if (settings && input.settings) {
    const items = sim.getValues(settings.sheet, 'A2:A40').map((r) => String(r[0] ?? ''));
    for (const [item, value] of input.settings.rows) {
      const at = items.indexOf(String(item));
      if (at >= 0) sim.setValues(settings.sheet, `B${at + 2}`, [[value]]);
    }
  }
  // A request stays well under Excel on the web's 5 MB payload limit: large registers go in parts.
  for (const g of grown) {
    for (let at = 0; at < g.rows.length;) {
      let bytes = 0;
      let end = at;
      while (end < g.rows.length && (end === at || bytes < PART_BYTES))
        bytes += JSON.stringify(g.rows[end++]).length * 3;
      const part = g.rows.slice(at, end);
      await sim.run(async (context) => {
        context.workbook.tables.getItem(g.table).rows.add(undefined, part as (string | number | boolean)[][]);
        await context.sync();
      });
      at = end;
    }
  }
}
