/**
 * Set-up against Excel's behaviour that the first version got wrong: list sources that stay dynamic,
 * the upgrade from the `List_*` names, adopted headers with spaces, and adoption by best match.
 */
import { parse, parseA1Ref, parseStructRef, tokenize, type AstExpression } from '@borgar/fx';
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../../addin/excel/columns';
import { VALIDATION_LIMITS, validationFor } from '../../../addin/excel/rules';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import {
  appealRegister,
  fieldsAtVersion,
  SCHEMA_VERSION,
  VALUE_LISTS,
  valueListRegister,
  type FieldDef,
} from '../../../shared';
import { paste, runOf as run } from './helpers';

/** How a dropdown's source was resolved: its values, and whether a defined name was on the way. */
interface Resolved {
  readonly values: unknown[];
  readonly viaName: boolean;
}

/** The values a block of a sheet holds, top to bottom. */
function blockValues(wb: SimulatedWorkbook, sheet: string, address: string): unknown[] {
  return wb.getValues(sheet, address).map((r) => r[0]);
}

/** Resolves reference text (a structured reference, a sheet block or a defined name) as Excel would. */
function resolveRef(wb: SimulatedWorkbook, text: string, depth: number): Resolved {
  const struct = parseStructRef(text);
  if (struct?.table) {
    const table = wb.table(struct.table);
    if (!table) throw new Error(`no table ${struct.table}`);
    const column = table.headers.indexOf(struct.columns?.[0] ?? '');
    if (column < 0) throw new Error(`no column ${String(struct.columns)} in ${struct.table}`);
    const [first, last] = table.address.split(':');
    const top = Number(/\d+/.exec(first ?? '')?.[0]);
    const bottom = Number(/\d+/.exec(last ?? '')?.[0]);
    const letter = columnLetter((first ?? 'A').replace(/\d+/g, '').charCodeAt(0) - 65 + column);
    return { values: blockValues(wb, table.sheet, `${letter}${top + 1}:${letter}${bottom}`), viaName: false };
  }
  const ref = parseA1Ref(text, { allowNamed: true });
  if (ref && 'name' in ref) {
    const formula = wb.names()[ref.name];
    if (formula === undefined || depth > 5) throw new Error(`no name ${ref.name}`);
    return { ...resolveFormula(wb, formula, depth + 1), viaName: true };
  }
  if (ref && 'range' in ref && ref.context?.[0]) {
    const r = ref.range;
    const address = `${columnLetter(r.left ?? 0)}${(r.top ?? 0) + 1}:${columnLetter(r.right ?? 0)}${(r.bottom ?? 0) + 1}`;
    return { values: blockValues(wb, ref.context[0], address), viaName: false };
  }
  throw new Error(`cannot resolve ${text}`);
}

/** Resolves a list-validation source formula: a reference, or INDIRECT of a text literal. */
function resolveFormula(wb: SimulatedWorkbook, formula: string, depth = 0): Resolved {
  const ast: AstExpression = parse(tokenize(formula));
  if (ast.type === 'CallExpression' && ast.callee.name.toUpperCase() === 'INDIRECT') {
    const arg = ast.arguments[0];
    if (arg?.type !== 'Literal' || typeof arg.value !== 'string') throw new Error(`INDIRECT of ${formula}`);
    return resolveRef(wb, arg.value, depth);
  }
  if (ast.type === 'ReferenceIdentifier') return resolveRef(wb, ast.value, depth);
  throw new Error(`not a reference: ${formula}`);
}

/** What the dropdown of a cell offers, resolved through names and INDIRECT as Excel does. */
function dropdown(wb: SimulatedWorkbook, sheet: string, cell: string): Resolved {
  const list = (wb.dataValidation(sheet, cell)?.rule as { list?: { source?: string } }).list;
  if (!list?.source) throw new Error(`no list validation at ${sheet}!${cell}`);
  return resolveFormula(wb, list.source);
}

/** The sheet cell (row 2) of a register's column, by header. */
function firstCell(wb: SimulatedWorkbook, table: string, header: string): string {
  const info = wb.table(table);
  const index = info?.headers.findIndex((h) => h.trim() === header) ?? -1;
  if (!info || index < 0) throw new Error(`no ${header} in ${table}`);
  const start = info.address.split(':')[0] ?? 'A1';
  const first = start.replace(/\d+/g, '').charCodeAt(0) - 65;
  return `${columnLetter(first + index)}${Number(/\d+/.exec(start)?.[0]) + 1}`;
}

/** Adds a row to the 值列表 table with one list's new value, as a clerk extending the list does. */
async function addListValue(wb: SimulatedWorkbook, header: string, value: string): Promise<void> {
  await wb.run(async (context) => {
    const headers = wb.table(valueListRegister.table)?.headers ?? [];
    const row = headers.map((h) => (h.trim() === header ? value : ''));
    context.workbook.tables.getItem(valueListRegister.table).rows.add(undefined, [row]);
    await context.sync();
  });
}

const APPEALS_SHEET = appealRegister.sheet;
const intake = VALUE_LISTS.intakeMethod;

describe('list validation that stays dynamic in Excel', () => {
  // Excel turns a name added as `=Table[col]` into the fixed block the column covers at that moment
  // (https://github.com/OfficeDev/office-js/issues/740), so a List_* name stops at the rows it had.
  // INDIRECT over the column's text is evaluated whenever Excel needs the list
  // (https://support.microsoft.com/en-us/Excel/indirect-function), and no defined name is involved.
  it('offers a value a clerk adds to 值列表 as a new table row (office-js issue 740)', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(run(wb));
    const cell = firstCell(wb, 'Appeals', '受理方式');
    expect(dropdown(wb, APPEALS_SHEET, cell).values).toEqual(expect.arrayContaining([...intake.values]));
    // Longer lists make the table deeper than this one: add a row below all of them.
    await addListValue(wb, intake.name, '信访');
    const after = dropdown(wb, APPEALS_SHEET, cell);
    expect(after.values).toContain('信访');
    expect(after.viaName).toBe(false);
    expect(Object.keys(wb.names()).filter((n) => n.startsWith('List_'))).toEqual([]);
  });

  it('upgrades a workbook set up with List_* names: new sources, our names deleted, the clerk’s kept', async () => {
    // Built by hand as the previous version left it: List_* names, validation =List_*, schema
    // marker 2 and no layout marker.
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(run(wb));
    paste(wb, APPEALS_SHEET, 2, [['2025-001']]);
    const extensible = valueListRegister.fields.map((f) => f.key);
    await wb.run(async (context) => {
      const names = context.workbook.names;
      // Whatever set-up made of the list names, start from none.
      const existing = names.load('items/name');
      const layout = context.workbook.settings.getItemOrNullObject('xieshang.layoutVersion');
      await context.sync();
      for (const n of existing.items) if (n.name.startsWith('List_')) n.delete();
      if (!layout.isNullObject) layout.delete();
      for (const key of extensible) {
        if (key === 'department') continue;
        names.add(`List_${key}`, `=ValueLists[${VALUE_LISTS[key as keyof typeof VALUE_LISTS].name}]`);
      }
      // A clerk's own name of the same form, pointing elsewhere: not ours to delete.
      names.add('List_department', `='${APPEALS_SHEET}'!$A$1:$A$3`);
      const appeals = context.workbook.tables.getItem('Appeals');
      for (const f of appealRegister.fields as readonly FieldDef[]) {
        if (f.type !== 'enum' || !f.list || !VALUE_LISTS[f.list].extensible || f.list === 'department')
          continue;
        const dv = appeals.columns.getItem(f.header).getDataBodyRange().dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: `=List_${f.list}` } };
      }
      await context.sync();
    });
    const cell = firstCell(wb, 'Appeals', '受理方式');
    expect(dropdown(wb, APPEALS_SHEET, cell).viaName).toBe(true);

    const report = await setUpWorkbook(run(wb));
    expect(report.changed).toBe(true);
    expect(Object.keys(wb.names())).toEqual(['List_department']);
    expect(wb.settings()['xieshang.layoutVersion']).toBe(2);
    expect(wb.settings()['xieshang.schemaVersion']).toBe(SCHEMA_VERSION);
    expect(wb.getValues(APPEALS_SHEET, 'A2')).toEqual([['2025-001']]);
    await addListValue(wb, intake.name, '信访');
    const after = dropdown(wb, APPEALS_SHEET, cell);
    expect(after).toMatchObject({ viaName: false });
    expect(after.values).toContain('信访');

    const before = JSON.stringify(wb.toJSON());
    expect((await setUpWorkbook(run(wb))).changed).toBe(false);
    expect(JSON.stringify(wb.toJSON())).toBe(before);
  });
});

describe('adopting what a clerk already has', () => {
  it('adopts a sheet whose header cells carry spaces, keeping them as typed', async () => {
    const wb = createSimulatedWorkbook();
    const fields = fieldsAtVersion(appealRegister, SCHEMA_VERSION);
    const headers = fields.map((f, i) => (i % 2 ? ` ${f.header} ` : `${f.header}  `));
    const row = fields.map((f) => (f.key === 'id' ? '2025-001' : f.key === 'content' ? '夜班补贴偏低' : ''));
    paste(wb, '诉求台账', 1, [headers, row]);
    const report = await setUpWorkbook(run(wb));
    expect(report.registers.find((r) => r.table === 'Appeals')).toMatchObject({
      sheet: '诉求台账',
      action: 'adoptRange',
      addedColumns: [],
    });
    expect(wb.table('Appeals')?.headers).toEqual(headers);
    expect(wb.getValues('诉求台账', `A2:${columnLetter(row.length - 1)}2`)).toEqual([row]);
    const cell = firstCell(wb, 'Appeals', '受理方式');
    expect(dropdown(wb, '诉求台账', cell).values).toEqual(expect.arrayContaining([...intake.values]));
    expect((await setUpWorkbook(run(wb))).changed).toBe(false);
  });

  it('gives a sheet laid out as the appeal register to the appeal register, and creates 值列表', async () => {
    // The appeal register shares 受理方式, 受理渠道, 受理类别 and 议题类别 with 值列表, enough for
    // 值列表 (earlier in the list) to have claimed it first.
    const wb = createSimulatedWorkbook();
    const fields = fieldsAtVersion(appealRegister, SCHEMA_VERSION);
    const row = fields.map((f) =>
      f.key === 'id' ? '2025-001' : f.key === 'intakeMethod' ? '谈话' : f.key === 'content' ? '食堂' : '',
    );
    paste(wb, '诉求', 1, [fields.map((f) => f.header), row]);
    const report = await setUpWorkbook(run(wb));
    expect(report.registers.find((r) => r.table === 'Appeals')).toMatchObject({
      sheet: '诉求',
      action: 'adoptRange',
    });
    expect(report.registers.find((r) => r.table === 'ValueLists')).toMatchObject({
      sheet: valueListRegister.sheet,
      action: 'create',
    });
    expect(wb.table('ValueLists')?.sheet).toBe(valueListRegister.sheet);
    const offered = dropdown(wb, '诉求', firstCell(wb, 'Appeals', '受理方式')).values;
    expect(offered.filter((v) => v !== '')).toEqual([...intake.values]);
    expect(offered).not.toContain('2025-001');
  });
});

describe('validation texts within Excel’s limits', () => {
  // Prompt title 32 and message 255, alert title 32 and message 225, literal list 255 characters:
  // Excel refuses longer ones (https://learn.microsoft.com/office/vba/api/excel.validation.add).
  it('shortens a long prompt and alert instead of exceeding them, and marks the cut', () => {
    const long = '请填写'.repeat(100);
    const field: FieldDef = {
      key: 'note',
      header: '一个非常长的列标题'.repeat(5),
      type: 'text',
      prompt: long,
    };
    const v = validationFor(field, { column: 'A', firstRow: 2 });
    expect(v?.prompt.title?.length).toBeLessThanOrEqual(VALIDATION_LIMITS.promptTitle);
    expect(v?.prompt.message?.length).toBe(VALIDATION_LIMITS.promptMessage);
    expect(v?.errorAlert.title?.length).toBeLessThanOrEqual(VALIDATION_LIMITS.alertTitle);
    expect(v?.errorAlert.message?.length).toBe(VALIDATION_LIMITS.alertMessage);
    expect(v?.errorAlert.message?.endsWith('…')).toBe(true);
  });
});
