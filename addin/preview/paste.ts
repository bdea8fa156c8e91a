import { columnLetter } from '../excel/columns';
import type { SimulatedWorkbook } from '../simulator';
import { INPUT_REGISTERS, type WorkbookInput } from '../../shared';

/** The registers whose set-up defaults stay as they are when data is pasted in. */
const KEEP_DEFAULTS = new Set(['settings', 'valueLists', 'categoryDepartments']);

/**
 * Pastes raw rows under each set-up register's header, as a clerk pasting from another workbook,
 * and grows each table over them (one small request). Settings are written item by item.
 */
export async function pasteRegisters(sim: SimulatedWorkbook, input: WorkbookInput): Promise<void> {
  const grown: { table: string; address: string }[] = [];
  for (const register of INPUT_REGISTERS) {
    const raw = input[register.key];
    const table = sim.table(register.table);
    if (!raw || raw.rows.length === 0 || !table || KEEP_DEFAULTS.has(register.key)) continue;
    const width = raw.header.length;
    const rows = raw.rows.map((r) => [...r, ...new Array(Math.max(0, width - r.length)).fill('')]);
    sim.setValues(table.sheet, `A2:${columnLetter(width - 1)}${rows.length + 1}`, rows);
    grown.push({ table: register.table, address: `A1:${columnLetter(width - 1)}${rows.length + 1}` });
  }
  const settings = sim.table('Settings');
  if (settings && input.settings) {
    const items = sim.getValues(settings.sheet, 'A2:A40').map((r) => String(r[0] ?? ''));
    for (const [item, value] of input.settings.rows) {
      const at = items.indexOf(String(item));
      if (at >= 0) sim.setValues(settings.sheet, `B${at + 2}`, [[value]]);
    }
  }
  await sim.run(async (context) => {
    for (const g of grown) context.workbook.tables.getItem(g.table).resize(g.address);
    await context.sync();
  });
}
