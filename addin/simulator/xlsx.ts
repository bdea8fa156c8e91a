import ExcelJS from 'exceljs';
import { parseAddress } from './model/address';
import type { SimulatedWorkbook } from './simulated-workbook';

/** A block as exceljs counts it (1-based rows and columns), from the simulator's own parser. */
function rect(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`not an A1 address: ${address}`);
  const { r0, c0, r1, c1 } = parsed.rect;
  return { r0: r0 + 1, c0: c0 + 1, r1: r1 + 1, c1: c1 + 1 };
}

/**
 * Exports the simulated workbook as .xlsx with exceljs: values, formulas (with no cached result,
 * so a spreadsheet engine must compute them), number formats, column widths, frozen rows and
 * tables, which structured references in formulas need.
 */
export async function simulatedWorkbookToXlsx(sim: SimulatedWorkbook): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const tables = sim
    .tableNames()
    .map((name) => sim.table(name))
    .filter((t) => t !== undefined);
  for (const name of sim.sheetNames()) {
    const ws = wb.addWorksheet(
      name,
      sim.frozenRows(name) ? { views: [{ state: 'frozen', ySplit: sim.frozenRows(name) }] } : {},
    );
    for (const [letter, points] of Object.entries(sim.columnWidths(name)))
      ws.getColumn(letter).width = points / 7;
    const used = sim.usedRange(name);
    if (!used) continue;
    const area = used.replace(/^.*!/, '');
    const values = sim.getValues(name, area);
    const formulas = sim.getFormulas(name, area);
    const formats = sim.getNumberFormats(name, area);
    const { r0, c0 } = rect(area);
    const inTable = (r: number, c: number): boolean =>
      tables.some(
        (t) => t.sheet === name && ((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1)(rect(t.address)),
      );
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const r = r0 + i;
        const c = c0 + j;
        const formula = formulas[i]?.[j];
        const cell = ws.getCell(r, c);
        const format = formats[i]?.[j];
        if (format && format !== 'General') cell.numFmt = format;
        if (inTable(r, c)) return; // written by addTable below
        if (typeof formula === 'string' && formula.startsWith('='))
          cell.value = { formula: formula.slice(1) };
        else if (value !== '' && value !== null && value !== undefined)
          cell.value = value as ExcelJS.CellValue;
      }),
    );
  }
  for (const t of tables) {
    const b = rect(t.address);
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) continue;
    const body = b.r1 > b.r0 ? sim.getValues(t.sheet, t.address.replace(/^.*!/, '')).slice(1) : [];
    ws.addTable({
      name: t.name,
      ref: ws.getCell(b.r0, b.c0).address,
      headerRow: true,
      columns: t.headers.map((h) => ({ name: h })),
      rows: body.length ? body.map((r) => r.map((v) => (v === '' ? null : v))) : [t.headers.map(() => null)],
    });
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
