import { excelError } from '../errors';
import { formatAddress, formatRect } from '../model/address';
import { checkValidationRefs } from '../model/formula-refs';
import { refuseOnProtected } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import {
  checkAlert,
  checkPrompt,
  checkRule,
  NO_VALIDATION,
  type ValidationModel,
  validationType,
} from '../model/validation-model';
import { ClientObject } from '../proxy/client-object';
import type { TypeSchema } from '../proxy/schema';

/** The validation in force at the range's top-left cell (Excel reports the first area's settings). */
export function validationAt(t: RangeTarget): ValidationModel {
  return t.sheet.validation.get(t.rect.r0, t.rect.c0) ?? NO_VALIDATION;
}

function update(t: RangeTarget, patch: Partial<ValidationModel>): void {
  refuseOnProtected(t.sheet, 'DataValidation', 'data validation cannot change');
  t.sheet.validation.fill(t.rect, { ...validationAt(t), ...patch });
}

/** A list source given as a Range becomes the reference formula Excel stores (`=$A$1:$A$5`, sheet-qualified if elsewhere). */
function resolveSource(t: RangeTarget, rule: unknown): unknown {
  const list = (rule as { list?: { source?: unknown } } | null)?.list;
  if (!(list?.source instanceof ClientObject)) return rule;
  const src = (list.source as ClientObject<RangeTarget>)._require('DataValidation.rule');
  const ref =
    src.sheet === t.sheet ? formatRect(src.rect, true) : formatAddress(src.sheet.name, src.rect, true);
  return { ...(rule as object), list: { ...list, source: `=${ref}` } };
}

/** `Excel.DataValidation`; stored per cell area, read from the top-left cell. */
export const DATA_VALIDATION_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'DataValidation',
  props: {
    rule: {
      get: (t) => validationAt(t).rule,
      set: (t, v, wb) => {
        const rule = checkRule(resolveSource(t, v), 'DataValidation.rule');
        checkValidationRefs({ wb, sheet: t.sheet, area: t.rect }, rule, 'DataValidation.rule');
        update(t, { rule });
      },
    },
    type: { get: (t) => validationType(validationAt(t).rule) },
    prompt: {
      get: (t) => validationAt(t).prompt,
      set: (t, v) => update(t, { prompt: checkPrompt(v, validationAt(t).prompt, 'DataValidation.prompt') }),
    },
    errorAlert: {
      get: (t) => validationAt(t).errorAlert,
      set: (t, v) =>
        update(t, { errorAlert: checkAlert(v, validationAt(t).errorAlert, 'DataValidation.errorAlert') }),
    },
    ignoreBlanks: {
      get: (t) => validationAt(t).ignoreBlanks,
      set: (t, v) => {
        if (typeof v !== 'boolean')
          throw excelError('InvalidArgument', 'DataValidation.ignoreBlanks', 'expected true or false');
        update(t, { ignoreBlanks: v });
      },
    },
  },
  isDead: (t) => t.sheet.deleted,
};
