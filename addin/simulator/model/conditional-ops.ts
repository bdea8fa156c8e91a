import { excelError } from '../errors';
import { oneOf } from './styles';
import { CONDITIONAL_FORMAT_TYPES, type ConditionalFormatModel } from './conditional-model';
import { intersects, type Rect, subtract } from './rect';
import type { SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

/** The conditional formats that apply somewhere in a block, in priority order (what `range.conditionalFormats` lists). */
export function conditionalFormatsIn(sheet: SheetModel, area: Rect): ConditionalFormatModel[] {
  return sheet.conditionalFormats
    .filter((cf) => cf.areas.some((a) => intersects(a, area)))
    .sort((a, b) => a.priority - b.priority);
}

/** `ConditionalFormatCollection.add`: the new format takes priority 0, pushing the others down. */
export function addConditionalFormat(
  wb: WorkbookModel,
  sheet: SheetModel,
  area: Rect,
  type: unknown,
  location: string,
): ConditionalFormatModel {
  const valid = oneOf(type, CONDITIONAL_FORMAT_TYPES, location);
  for (const cf of sheet.conditionalFormats) cf.priority += 1;
  const model: ConditionalFormatModel = {
    id: wb.newId('cf'),
    type: valid,
    areas: [area],
    priority: 0,
    stopIfTrue: false,
    rule: {},
    format: {},
    deleted: false,
  };
  sheet.conditionalFormats.push(model);
  return model;
}

/** `ConditionalFormatCollection.clearAll`: removes conditional formatting from the block, trimming formats that extend past it. */
export function clearConditionalFormats(sheet: SheetModel, area: Rect): void {
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.flatMap((a) => subtract(a, area));
  for (const cf of sheet.conditionalFormats) if (cf.areas.length === 0) cf.deleted = true;
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.deleted);
}

/** `ConditionalFormat.delete`. */
export function deleteConditionalFormat(sheet: SheetModel, cf: ConditionalFormatModel): void {
  cf.deleted = true;
  sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
}

/** Checks a custom or cell-value rule formula: Excel wants text starting with `=` (or a constant). */
export function checkRuleFormula(formula: unknown, location: string): string {
  if (typeof formula !== 'string' || formula.length === 0)
    throw excelError('InvalidArgument', location, 'a rule formula is text');
  return formula;
}
