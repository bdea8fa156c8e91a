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

/**
 * Excel rejects literal list sources longer than this, separators included, counted in characters (255 CJK
 * characters pass: https://github.com/qax-os/excelize/issues/972; DevExpress documents the same 255 for
 * Excel's lists: https://docs.devexpress.com/CoreLibraries/DevExpress.Export.Xl.XlDataValidation.ListValues).
 */
export const LIST_SOURCE_LIMIT = 255;

/**
 * Excel's lengths for the input prompt and error alert, from MS-OI29500 2.1.613 (dataValidation: prompt 255,
 * error 224, errorTitle 32, promptTitle 32; https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64)
 * and MS-XLSB 2.5.37 DValStrings (which allows the error 225; the stricter 224 is kept;
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe).
 */
export const VALIDATION_TEXT_LIMITS = {
  promptTitle: 32,
  promptMessage: 255,
  alertTitle: 32,
  alertMessage: 224,
} as const;

function checkText(value: unknown, limit: number, location: string, what: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw excelError('InvalidArgument', location, `${what} must be text`);
  if (value.length > limit)
    throw excelError(
      'InvalidArgument',
      location,
      `${what} has ${value.length} characters; Excel allows ${limit}`,
    );
}

/** Merges an update of a prompt or an alert into the current one, refusing a title or message over Excel's limit. */
function checkTexts<T extends { title?: string; message?: string }>(
  value: unknown,
  current: T,
  limits: { readonly title: number; readonly message: number },
  what: string,
  location: string,
): T {
  if (typeof value !== 'object' || value === null)
    throw excelError('InvalidArgument', location, 'expected an object');
  const v = value as { title?: unknown; message?: unknown };
  checkText(v.title, limits.title, location, `the ${what} title`);
  checkText(v.message, limits.message, location, `the ${what} message`);
  return { ...current, ...(value as Partial<T>) };
}

/** Merges a prompt update into the current prompt, refusing titles and messages over Excel's limits. */
export const checkPrompt = (value: unknown, current: ValidationPrompt, location: string): ValidationPrompt =>
  checkTexts(
    value,
    current,
    { title: VALIDATION_TEXT_LIMITS.promptTitle, message: VALIDATION_TEXT_LIMITS.promptMessage },
    'prompt',
    location,
  );

/** Merges an error alert update into the current alert, refusing titles and messages over Excel's limits. */
export const checkAlert = (value: unknown, current: ValidationAlert, location: string): ValidationAlert =>
  checkTexts(
    value,
    current,
    { title: VALIDATION_TEXT_LIMITS.alertTitle, message: VALIDATION_TEXT_LIMITS.alertMessage },
    'alert',
    location,
  );

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
