import { excelError } from '../errors';
import { formatAddress } from '../model/address';
import type { ConditionalFormatModel } from '../model/conditional-model';
import { checkRuleFormula, conditionalFormatsIn } from '../model/conditional-ops';
import { checkRuleFormulaRefs, type FormulaHome } from '../model/formula-refs';
import { refuseOnProtected } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import type { SheetModel } from '../model/sheet-model';
import { normalizeColor, oneOf } from '../model/styles';
import type { WorkbookModel } from '../model/workbook-model';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { bool } from './checks';

/** What a ConditionalFormat proxy (and its sub-objects) is bound to. */
export interface CfTarget {
  readonly sheet: SheetModel;
  readonly cf: ConditionalFormatModel;
}

const dead = (t: CfTarget): boolean => t.cf.deleted || t.sheet.deleted;
const ofType =
  (type: string) =>
  (t: CfTarget): CfTarget | null =>
    t.cf.type === type ? t : null;
const guard = (t: CfTarget, location: string): void =>
  refuseOnProtected(t.sheet, location, 'conditional formats cannot change');

function styleProp(
  key: keyof ConditionalFormatModel['format'],
  check: (v: unknown, loc: string) => unknown,
  fallback: unknown,
): PropSpec<CfTarget> {
  const location = `ConditionalFormat.format.${key}`;
  return {
    get: (t) => t.cf.format[key] ?? fallback,
    set: (t, v) => {
      guard(t, location);
      t.cf.format[key] = check(v, location) as never;
    },
  };
}

/** `Excel.ConditionalFormatCollection` over a range: the formats that intersect it. */
export const CONDITIONAL_FORMATS_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'ConditionalFormatCollection',
  props: {},
  items: {
    schema: () => CONDITIONAL_FORMAT_SCHEMA as TypeSchema<never>,
    list: (t) => conditionalFormatsIn(t.sheet, t.rect).map((cf) => ({ sheet: t.sheet, cf })),
  },
  isDead: (t) => t.sheet.deleted,
};

/** `Excel.ConditionalFormat`. */
export const CONDITIONAL_FORMAT_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'ConditionalFormat',
  props: {
    id: { get: (t) => t.cf.id },
    type: { get: (t) => t.cf.type },
    priority: {
      get: (t) => t.cf.priority,
      set: (t, v) => {
        guard(t, 'ConditionalFormat.priority');
        t.cf.priority = Number(v);
      },
    },
    stopIfTrue: {
      get: (t) => t.cf.stopIfTrue,
      set: (t, v) => {
        guard(t, 'ConditionalFormat.stopIfTrue');
        t.cf.stopIfTrue = bool(v, 'ConditionalFormat.stopIfTrue') as boolean;
      },
    },
  },
  nav: {
    custom: { schema: () => CUSTOM_CF_SCHEMA as TypeSchema<never>, target: ofType('Custom') },
    cellValue: { schema: () => CELL_VALUE_CF_SCHEMA as TypeSchema<never>, target: ofType('CellValue') },
    textComparison: { schema: () => TEXT_CF_SCHEMA as TypeSchema<never>, target: ofType('ContainsText') },
  },
  isDead: dead,
};

/** `Excel.CustomConditionalFormat`: a formula rule and a format. */
export const CUSTOM_CF_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'CustomConditionalFormat',
  props: {},
  nav: {
    rule: { schema: () => CF_RULE_SCHEMA as TypeSchema<never>, target: (t) => t },
    format: { schema: () => CF_FORMAT_SCHEMA as TypeSchema<never>, target: (t) => t },
  },
  isDead: dead,
};

/** Where a conditional format's formulas are read from: its sheet and first area. */
const cfHome = (t: CfTarget, wb: WorkbookModel): FormulaHome => ({ wb, sheet: t.sheet, area: t.cf.areas[0] });

const formulaProp: PropSpec<CfTarget> = {
  get: (t) => (t.cf.rule.formula as string | undefined) ?? '',
  set: (t, v, wb) => {
    guard(t, 'ConditionalFormatRule.formula');
    const formula = checkRuleFormula(v, 'ConditionalFormatRule.formula');
    checkRuleFormulaRefs(cfHome(t, wb), formula, 'ConditionalFormatRule.formula');
    t.cf.rule = { ...t.cf.rule, formula };
  },
};

/** `Excel.ConditionalFormatRule`. */
export const CF_RULE_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'ConditionalFormatRule',
  props: { formula: formulaProp, formulaLocal: formulaProp },
  isDead: dead,
};

function ruleObject(type: string): PropSpec<CfTarget> {
  return {
    get: (t) => t.cf.rule,
    set: (t, v, wb) => {
      guard(t, `${type}.rule`);
      if (typeof v !== 'object' || v === null)
        throw excelError('InvalidArgument', `${type}.rule`, 'expected an object');
      const rule = v as Record<string, unknown>;
      for (const key of ['formula1', 'formula2'])
        checkRuleFormulaRefs(cfHome(t, wb), rule[key], `${type}.rule.${key}`);
      t.cf.rule = { ...(v as object) };
    },
  };
}

/** `Excel.CellValueConditionalFormat`: rule `{ formula1, formula2?, operator }`. */
export const CELL_VALUE_CF_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'CellValueConditionalFormat',
  props: { rule: ruleObject('CellValueConditionalFormat') },
  nav: { format: { schema: () => CF_FORMAT_SCHEMA as TypeSchema<never>, target: (t) => t } },
  isDead: dead,
};

/** `Excel.TextConditionalFormat`: rule `{ operator, text }`. */
export const TEXT_CF_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'TextConditionalFormat',
  props: { rule: ruleObject('TextConditionalFormat') },
  nav: { format: { schema: () => CF_FORMAT_SCHEMA as TypeSchema<never>, target: (t) => t } },
  isDead: dead,
};

/** `Excel.ConditionalRangeFormat`. */
export const CF_FORMAT_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'ConditionalRangeFormat',
  props: { numberFormat: styleProp('numberFormat', (v) => String(v), null) },
  nav: {
    fill: { schema: () => CF_FILL_SCHEMA as TypeSchema<never>, target: (t) => t },
    font: { schema: () => CF_FONT_SCHEMA as TypeSchema<never>, target: (t) => t },
  },
  isDead: dead,
};

/** `Excel.ConditionalRangeFill`. */
export const CF_FILL_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'ConditionalRangeFill',
  props: { color: styleProp('fillColor', normalizeColor, null) },
  isDead: dead,
};

/** `Excel.ConditionalRangeFont`. */
export const CF_FONT_SCHEMA: TypeSchema<CfTarget> = {
  typeName: 'ConditionalRangeFont',
  props: {
    color: styleProp('fontColor', normalizeColor, null),
    bold: styleProp('bold', bool, null),
    italic: styleProp('italic', bool, null),
    strikethrough: styleProp('strikethrough', bool, null),
    underline: styleProp('underline', (v, loc) => oneOf(v, ['None', 'Single', 'Double'], loc), null),
  },
  isDead: dead,
};

/** The address a conditional format applies to (its first area; Excel reports all areas comma-separated). */
export function cfAddress(t: CfTarget): string {
  return t.cf.areas.map((a) => formatAddress(t.sheet.name, a)).join(', ');
}
