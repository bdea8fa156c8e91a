import {
  VALUE_LISTS,
  valueListRegister,
  type FieldDef,
  type RegisterDef,
  type ValueListKey,
} from '../../shared';
import { columnReference, stringLiteral } from './references';

/**
 * The defined name layout version 1 gave each extensible list (`=ValueLists[…]`). Excel may turn
 * such a name into a fixed A1 block (https://github.com/OfficeDev/office-js/issues/740), so set-up
 * no longer defines these; it only recognises and deletes the ones it made.
 */
export const listName = (listKey: string): string => `List_${listKey}`;

/** Excel data validation for one column, derived from its field definition. */
export interface ValidationSpec {
  readonly rule: Excel.DataValidationRule;
  readonly prompt: Excel.DataValidationPrompt;
  readonly errorAlert: Excel.DataValidationErrorAlert;
}

/**
 * Excel's limits on data validation, in characters: the input prompt's title and message, the error
 * alert's title and message, and a literal (comma-separated) list source. Excel refuses longer ones.
 * https://learn.microsoft.com/office/vba/api/excel.validation.add (Formula1: at most 255 characters);
 * the alert message is 224 in the file format ([MS-OI29500] 2.1.613), one less than [MS-XLSB] says,
 * so the stricter one is kept.
 */
export const VALIDATION_LIMITS = {
  promptTitle: 32,
  promptMessage: 255,
  alertTitle: 32,
  alertMessage: 224,
  listSource: 255,
} as const;

/** A text cut to at most `max` UTF-16 units, ending in “…” when cut so the clerk sees it was shortened. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair: half a character would show as a box.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The list source of an extensible list: INDIRECT of the text naming its 值列表 table column.
 * Excel evaluates INDIRECT's text each time it needs the list, and a table column always spans the
 * table's current rows, so a value a clerk adds as a new 值列表 row is offered at once. No defined
 * name is involved, so Excel cannot freeze it into a fixed A1 block as it does names defined from a
 * structured reference (https://github.com/OfficeDev/office-js/issues/740). Excel does not take a
 * bare structured reference as a list source; INDIRECT over its text is the usual way round.
 * https://support.microsoft.com/en-us/Excel/indirect-function
 */
export function listSourceFormula(table: string, header: string): string {
  return `=INDIRECT(${stringLiteral(columnReference(table, header))})`;
}

/** The source of a list kept in code: its values, comma-separated, within Excel's 255 characters. */
function literalSource(values: readonly string[]): string {
  const source = values.join(',');
  // Fixed lists are constants of the schema: a violation is a programming error, never clipped
  // (dropping a value would make a valid entry invalid).
  if (source.length > VALIDATION_LIMITS.listSource || values.some((v) => v.includes(',')))
    throw new Error(`a fixed list is too long or holds a comma for a literal list source: ${source}`);
  return source;
}

/** The 值列表 column of each extensible list as set-up creates it. */
const defaultListSource = (list: ValueListKey): string =>
  listSourceFormula(valueListRegister.table, VALUE_LISTS[list].name);

const TYPE_PROMPT: Partial<Record<FieldDef['type'], string>> = {
  date: '请填写日期，如 2025-03-05',
  phone: '手机 11 位；座机请带区号，如 0531-87654321',
  number: '请填写整数',
};

/**
 * The data-validation rule, input prompt and error alert for a field. Lists clerks may extend
 * come from their 值列表 table column (`listSource`, by default the column set-up creates), so a
 * value they add there is offered at once; fixed lists are written inline. Every text is kept
 * within Excel's limits. Excel does not validate pasted cells: the check is the gate.
 */
export function validationFor(
  field: FieldDef,
  at: {
    readonly column: string;
    readonly firstRow: number;
    readonly listSource?: (list: ValueListKey) => string;
  },
): ValidationSpec | null {
  const prompt = (message: string): Excel.DataValidationPrompt => ({
    showPrompt: true,
    title: clip(field.header, VALIDATION_LIMITS.promptTitle),
    message: clip(message, VALIDATION_LIMITS.promptMessage),
  });
  const alert = (
    style: 'Stop' | 'Warning' | 'Information',
    title: string,
    message: string,
    showAlert = true,
  ): Excel.DataValidationErrorAlert => ({
    showAlert,
    style,
    title: clip(title, VALIDATION_LIMITS.alertTitle),
    message: clip(message, VALIDATION_LIMITS.alertMessage),
  });
  const stop = (message: string): Excel.DataValidationErrorAlert => alert('Stop', '输入有误', message);
  switch (field.type) {
    case 'enum': {
      if (!field.list) return null;
      const list = VALUE_LISTS[field.list];
      const hint = field.prompt ?? `请从下拉列表中选择${field.header}`;
      if (list.extensible) {
        const source = (at.listSource ?? defaultListSource)(field.list);
        return {
          rule: { list: { inCellDropDown: true, source } },
          prompt: prompt(`${hint}；可在“值列表”工作表中增加选项`),
          errorAlert: alert(
            'Warning',
            '不在列表中',
            `“${field.header}”的值不在列表中。如需新增，请先在“值列表”工作表的“${list.name}”列中添加。`,
          ),
        };
      }
      return {
        rule: { list: { inCellDropDown: true, source: literalSource(list.values) } },
        prompt: prompt(hint),
        errorAlert: stop(`“${field.header}”只能是：${list.values.join('、')}`),
      };
    }
    case 'date':
      return {
        rule: { date: { formula1: '=DATE(2000,1,1)', formula2: '=DATE(2100,12,31)', operator: 'Between' } },
        prompt: prompt(field.prompt ?? TYPE_PROMPT.date ?? ''),
        errorAlert: stop(`“${field.header}”应为 2000–2100 年间的日期，如 2025-03-05`),
      };
    case 'number':
      return {
        rule: { wholeNumber: { formula1: field.min ?? 0, operator: 'GreaterThanOrEqualTo' } },
        prompt: prompt(field.prompt ?? TYPE_PROMPT.number ?? ''),
        errorAlert: stop(`“${field.header}”应为不小于 ${field.min ?? 0} 的整数`),
      };
    case 'phone':
      return {
        rule: { textLength: { formula1: 7, formula2: 30, operator: 'Between' } },
        prompt: prompt(field.prompt ?? TYPE_PROMPT.phone ?? ''),
        errorAlert: alert('Warning', '电话号码', '电话号码长度不对，请核对'),
      };
    default:
      if (field.unique) {
        const cell = `$${at.column}${at.firstRow}`;
        // The typed ID is a COUNTIF criterion: escape ~ * ? and lead with "=" so it counts only itself.
        const exact = `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
        return {
          rule: { custom: { formula: `=COUNTIF($${at.column}:$${at.column},${exact})=1` } },
          prompt: prompt(field.prompt ?? `${field.header}不能重复`),
          errorAlert: stop(`“${field.header}”已存在，请换一个`),
        };
      }
      if (!field.prompt) return null;
      // Free text has no rule to enforce; a permissive one carries the input prompt.
      return {
        rule: { textLength: { formula1: 32767, operator: 'LessThanOrEqualTo' } },
        prompt: prompt(field.prompt),
        errorAlert: alert('Information', field.header, field.prompt, false),
      };
  }
}

/** A conditional format that shows an invalid or overdue cell, as data. */
export interface ConditionalRule {
  /** The field whose column the rule colours. */
  readonly field: string;
  readonly formula: string;
  readonly fill: string;
  /** Why, for the pane's legend. */
  readonly meaning: string;
}

/** Fill of a cell a rule finds invalid. */
export const INVALID_FILL = '#FFC7CE';
/** Fill of a cell whose deadline has passed. */
export const OVERDUE_FILL = '#FFEB9C';

/**
 * Conditional formats derived from a register's rules: required cells left empty in a row that has
 * content, dates out of order, fields filled before what they need, an anonymous appeal with a
 * phone, and a handling deadline passed with no finish date. `col` gives a field's column letter;
 * formulas are written for `firstRow` and Excel shifts them down the column.
 */
export function conditionalRules(
  register: RegisterDef,
  col: (key: string) => string | undefined,
  firstRow: number,
  lastColumn: string,
): ConditionalRule[] {
  const out: ConditionalRule[] = [];
  const ref = (key: string): string | undefined => {
    const c = col(key);
    return c ? `$${c}${firstRow}` : undefined;
  };
  const firstColumn = col(register.fields[0]?.key ?? '') ?? 'A';
  const rowHasContent = `COUNTA($${firstColumn}${firstRow}:$${lastColumn}${firstRow})>0`;
  for (const f of register.fields) {
    const me = ref(f.key);
    if (!me) continue;
    if (f.required === true)
      out.push({
        field: f.key,
        formula: `=AND(${rowHasContent},${me}="")`,
        fill: INVALID_FILL,
        meaning: `${f.header}必须填写`,
      });
    for (const other of f.notBefore ?? []) {
      const them = ref(other);
      if (them)
        out.push({
          field: f.key,
          formula: `=AND(${me}<>"",${them}<>"",${me}<${them})`,
          fill: INVALID_FILL,
          meaning: `${f.header}早于${other}`,
        });
    }
    for (const need of f.needs ?? []) {
      const them = ref(need);
      if (them)
        out.push({
          field: f.key,
          formula: `=AND(${me}<>"",${them}="")`,
          fill: INVALID_FILL,
          meaning: `${f.header}需要先有${need}`,
        });
    }
    const forbid = f.forbidden?.when;
    const them = forbid ? ref(forbid.field) : undefined;
    if (forbid?.is && them) {
      const cond = forbid.is.map((v) => `${them}=${stringLiteral(v)}`).join(',');
      out.push({
        field: f.key,
        formula: `=AND(${me}<>"",OR(${cond}))`,
        fill: INVALID_FILL,
        meaning: `${f.header}此时应为空`,
      });
    }
  }
  const due = ref('dueOn');
  const finished = ref('finishedOn');
  if (register.key === 'appeals' && due && finished) {
    out.push({
      field: 'dueOn',
      formula: `=AND(${due}<>"",${finished}="",${due}<TODAY())`,
      fill: OVERDUE_FILL,
      meaning: '已过完成时限仍未办结',
    });
  }
  return out;
}
