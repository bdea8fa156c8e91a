import { excelError } from '../errors';
import { breakReferences } from './formula-refs';
import type { NameModel } from './name-model';
import { checkSheetName, sameName } from './naming';
import { type Rect, rect } from './rect';
import { SheetModel } from './sheet-model';
import type { TableModel } from './table-model';

/** The whole simulated workbook: sheets in tab order, tables, names, settings, and what is selected. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: SheetModel;
  selection: { sheet: SheetModel; rect: Rect };
  calculationMode = 'Automatic';
  /** How often `Workbook.save` ran (the simulator has no file; a test asks whether it was saved). */
  saves = 0;
  private nextId = 1;

  constructor(firstSheet = 'Sheet1') {
    this.activeSheet = this.addSheet(firstSheet, 'Workbook');
    this.selection = { sheet: this.activeSheet, rect: rect(0, 0) };
  }

  /** A fresh identifier for sheets, tables and conditional formats. */
  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  /** Keeps future ids clear of ids restored from a snapshot (`{kind-N}`). */
  reserveIds(ids: readonly string[]): void {
    for (const id of ids) {
      const n = Number(/-(\d+)\}$/.exec(id)?.[1] ?? 0);
      if (n >= this.nextId) this.nextId = n + 1;
    }
  }

  /** The sheet with a name (case-insensitive), if any. */
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** The sheet with a name, or ItemNotFound. */
  requireSheet(name: string, location: string): SheetModel {
    const found = this.sheet(name);
    if (!found) throw excelError('ItemNotFound', location, `no worksheet named '${name}'`);
    return found;
  }

  /** Adds a sheet at the end; without a name Excel picks the next free `SheetN`. */
  addSheet(name: string | undefined, location: string): SheetModel {
    let chosen = name;
    if (chosen === undefined || chosen === null) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkNewSheetName(chosen, location);
    const sheet = new SheetModel(this.newId('sheet'), chosen);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Validates a name for a new or renamed sheet, including uniqueness. */
  checkNewSheetName(name: unknown, location: string, except?: SheetModel): void {
    const valid = checkSheetName(name, location);
    const clash = this.sheet(valid);
    if (clash && clash !== except)
      throw excelError('ItemAlreadyExists', location, `a sheet named '${valid}' exists`);
  }

  /** Moves a sheet to a zero-based tab position. */
  moveSheet(sheet: SheetModel, position: unknown, location: string): void {
    if (
      typeof position !== 'number' ||
      !Number.isInteger(position) ||
      position < 0 ||
      position >= this.sheets.length
    ) {
      throw excelError(
        'InvalidArgument',
        location,
        `position ${String(position)} is outside 0..${this.sheets.length - 1}`,
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  /** Whether any other sheet would stay visible, which Excel requires before hiding or deleting one. */
  hasOtherVisible(sheet: SheetModel): boolean {
    return this.sheets.some((s) => s !== sheet && s.visibility === 'Visible');
  }

  /** Makes a sheet active and moves the selection onto it. */
  activate(sheet: SheetModel, selection: Rect = rect(0, 0)): void {
    if (sheet.visibility !== 'Visible')
      throw excelError('InvalidOperation', 'Worksheet.activate', 'a hidden sheet cannot be activated');
    this.activeSheet = sheet;
    this.selection = { sheet, rect: selection };
  }

  /** Removes a sheet and everything anchored on it; the next visible sheet becomes active. */
  deleteSheet(sheet: SheetModel, location: string): void {
    if (!this.hasOtherVisible(sheet))
      throw excelError('InvalidOperation', location, 'a workbook must keep one visible sheet');
    const index = this.sheets.indexOf(sheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    const tables = this.tables.filter((t) => t.sheet === sheet);
    for (const t of tables) t.deleted = true;
    this.tables = this.tables.filter((t) => !t.deleted);
    breakReferences(this, { sheet: sheet.name, tables: tables.map((t) => t.name) });
    for (const n of this.names) {
      if (n.scope === sheet) n.deleted = true;
      else if (n.ref.kind === 'range' && n.ref.sheet === sheet)
        n.ref = { kind: 'formula', formula: '=#REF!' };
    }
    this.names = this.names.filter((n) => !n.deleted);
    if (this.activeSheet === sheet) {
      const next = this.sheets.slice(Math.max(0, index - 1)).find((s) => s.visibility === 'Visible');
      this.activate(next ?? (this.sheets.find((s) => s.visibility === 'Visible') as SheetModel));
    }
  }
}
