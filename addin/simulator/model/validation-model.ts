import { excelError } from '../errors';

/** The input message shown when a validated cell is selected. */
export interface ValidationPrompt {
  readonly showPrompt: boolean;
  readonly title: string;
  readonly message: string;
}

/** The alert shown when invalid data is entered. */
export interface ValidationAlert {
  readonly showAlert: boolean;
  readonly style: string;
  readonly title: string;
  readonly message: string;
}

/** The data validation on a block of cells, as `Range.dataValidation` exposes it. */
export interface ValidationModel {
  readonly rule: Readonly<Record<string, unknown>>;
  readonly prompt: ValidationPrompt;
  readonly errorAlert: ValidationAlert;
  readonly ignoreBlanks: boolean;
}

/** What a cell without validation reports. */
export const NO_VALIDATION: ValidationModel = {
  rule: {},
  prompt: { showPrompt: true, title: '', message: '' },
  errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
  ignoreBlanks: true,
};

const RULE_TYPES: Readonly<Record<string, string>> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

/** The `DataValidationType` of a rule: `None` when empty. */
export function validationType(rule: Readonly<Record<string, unknown>>): string {
  const key = Object.keys(rule)[0];
  return key ? (RULE_TYPES[key] ?? 'None') : 'None';
}

/** Excel rejects literal list sources longer than this (the limit of the Data Validation dialog). */
export const LIST_SOURCE_LIMIT = 255;

/** Checks a rule object as Excel does: exactly one criterion, and a list source within the length limit. */
export function checkRule(rule: unknown, location: string): Record<string, unknown> {
  if (typeof rule !== 'object' || rule === null)
    throw excelError('InvalidArgument', location, 'rule must be an object');
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !((keys[0] as string) in RULE_TYPES)) {
    throw excelError(
      'InvalidArgument',
      location,
      `a rule needs exactly one of ${Object.keys(RULE_TYPES).join(', ')}`,
    );
  }
  const key = keys[0] as string;
  const body = (rule as Record<string, unknown>)[key];
  if (typeof body !== 'object' || body === null)
    throw excelError('InvalidArgument', location, `${key} must be an object`);
  if (key === 'list') {
    const source = (body as { source?: unknown }).source;
    if (typeof source !== 'string' || source.length === 0)
      throw excelError('InvalidArgument', location, 'list.source is required');
    if (!source.startsWith('=') && source.length > LIST_SOURCE_LIMIT) {
      throw excelError(
        'InvalidArgument',
        location,
        `list source is ${source.length} characters; Excel allows ${LIST_SOURCE_LIMIT}`,
      );
    }
    return { list: { inCellDropDown: true, ...(body as object) } };
  }
  return { [key]: { ...(body as object) } };
}
