import { excelError } from '../errors';
import { formatAddress, parseAddress } from './address';
import { checkFormulaRefs, structuredRefBlock } from './formula-refs';
import type { NameModel, NameReference } from './name-model';
import { checkDefinedName, sameName } from './naming';
import type { SheetModel } from './sheet-model';
import { nameInUse } from './table-ops';
import type { WorkbookModel } from './workbook-model';

/** Turns a reference formula into a structural range when it names a block on an existing sheet. */
export function referenceFromFormula(wb: WorkbookModel, text: string, scope?: SheetModel): NameReference {
  const formula = text.startsWith('=') ? text : `=${text}`;
  const parsed = parseAddress(formula.slice(1));
  if (parsed) {
    const sheet = parsed.sheet === undefined ? scope : wb.sheet(parsed.sheet);
    if (sheet) return { kind: 'range', sheet, rect: parsed.rect };
  }
  return { kind: 'formula', formula };
}

/**
 * What a name defined through the API refers to. Its formula's references must exist now. A formula
 * that is one structured reference becomes the fixed block the table covers now when `fixStructured`
 * (what `names.add` does since Excel 1904: https://github.com/OfficeDev/office-js/issues/740).
 */
export function referenceForNewName(
  wb: WorkbookModel,
  text: string,
  scope: SheetModel | undefined,
  location: string,
  fixStructured: boolean,
): NameReference {
  const formula = text.startsWith('=') ? text : `=${text}`;
  const home = { wb, sheet: scope };
  checkFormulaRefs(home, formula, location);
  const block = fixStructured ? structuredRefBlock(home, formula) : undefined;
  return block
    ? { kind: 'range', sheet: block.sheet, rect: block.rect }
    : referenceFromFormula(wb, formula, scope);
}

/** The formula a name reports (`=Sheet1!$A$1:$B$2` for ranges). */
export function nameFormula(n: NameModel): string {
  return n.ref.kind === 'range' ? `=${formatAddress(n.ref.sheet.name, n.ref.rect, true)}` : n.ref.formula;
}

/** `NamedItem.type`: Range, String, Double, Boolean or Error. */
export function nameType(n: NameModel): string {
  if (n.ref.kind === 'range') return 'Range';
  const body = n.ref.formula.slice(1);
  if (/^#[A-Z/0!?]+[!?A]?$/.test(body)) return 'Error';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (body !== '' && Number.isFinite(Number(body))) return 'Double';
  return 'String';
}

/** `NamedItem.value`: the address for ranges, else the constant. */
export function nameValue(n: NameModel): unknown {
  if (n.ref.kind === 'range') return formatAddress(n.ref.sheet.name, n.ref.rect, true);
  const body = n.ref.formula.slice(1);
  const type = nameType(n);
  if (type === 'Boolean') return body.toUpperCase() === 'TRUE';
  if (type === 'Double') return Number(body);
  return /^".*"$/.test(body) ? body.slice(1, -1).replace(/""/g, '"') : body;
}

/** Finds a name in a scope (undefined scope = workbook). */
export function findName(
  wb: WorkbookModel,
  name: string,
  scope: SheetModel | undefined,
): NameModel | undefined {
  return wb.names.find((n) => n.scope === scope && sameName(n.name, name));
}

/** `names.add`: validates the name and its uniqueness in its scope, then records it. */
export function addName(
  wb: WorkbookModel,
  scope: SheetModel | undefined,
  name: unknown,
  ref: NameReference,
  comment: unknown,
  location: string,
): NameModel {
  const valid = checkDefinedName(name, location);
  const clash = scope ? findName(wb, valid, scope) !== undefined : nameInUse(wb, valid);
  if (clash) throw excelError('ItemAlreadyExists', location, `the name '${valid}' is taken`);
  if (comment !== undefined && comment !== null && typeof comment !== 'string')
    throw excelError('InvalidArgument', location, 'comment must be text');
  const model: NameModel = {
    name: valid,
    scope,
    ref,
    comment: (comment as string | undefined) ?? '',
    visible: true,
    deleted: false,
  };
  wb.names.push(model);
  return model;
}
