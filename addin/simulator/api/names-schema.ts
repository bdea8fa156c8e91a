import { excelError } from '../errors';
import type { NameModel } from '../model/name-model';
import { nameFormula, nameType, nameValue, referenceForNewName } from '../model/name-ops';
import type { SheetModel } from '../model/sheet-model';
import type { WorkbookModel } from '../model/workbook-model';
import type { TypeSchema } from '../proxy/schema';

/** The names a collection covers: workbook-scoped ones, or one sheet's. */
export interface NamesScope {
  readonly wb: WorkbookModel;
  readonly sheet?: SheetModel;
}

/** The names of a scope, in creation order. */
export function namesIn(scope: NamesScope): NameModel[] {
  return scope.wb.names.filter((n) => n.scope === scope.sheet);
}

/** `Excel.NamedItem`. */
export const NAMED_ITEM_SCHEMA: TypeSchema<NameModel> = {
  typeName: 'NamedItem',
  props: {
    name: { get: (n) => n.name },
    type: { get: nameType },
    value: { get: nameValue },
    scope: { get: (n) => (n.scope ? 'Worksheet' : 'Workbook') },
    formula: {
      get: nameFormula,
      set: (n, v, wb) => {
        if (typeof v !== 'string' || v === '')
          throw excelError('InvalidArgument', 'NamedItem.formula', 'a formula is text');
        // Undocumented for structured references: treated as names.add treats them (fixed), the stricter guess.
        n.ref = referenceForNewName(wb, v, n.scope, 'NamedItem.formula', true);
      },
    },
    comment: { get: (n) => n.comment, set: (n, v) => void (n.comment = String(v ?? '')) },
    visible: { get: (n) => n.visible, set: (n, v) => void (n.visible = v === true) },
  },
  isDead: (n) => n.deleted,
};

/** `Excel.NamedItemCollection`. */
export const NAMES_SCHEMA: TypeSchema<NamesScope> = {
  typeName: 'NamedItemCollection',
  props: {},
  items: { schema: () => NAMED_ITEM_SCHEMA as TypeSchema<never>, list: namesIn },
};
