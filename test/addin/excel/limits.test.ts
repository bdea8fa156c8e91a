import { describe, expect, it } from 'vitest';
import { VALIDATION_LIMITS, validationFor } from '../../../addin/excel/rules';
import { checkDefinedName, checkSheetName } from '../../../addin/simulator/model/naming';
import { LIST_SOURCE_LIMIT, VALIDATION_TEXT_LIMITS } from '../../../addin/simulator/model/validation-model';
import { ALL_REGISTERS } from '../../../shared';

// What set-up writes for every field of every register, held against Excel's limits as the simulator
// enforces them: prompt title 32 and message 255, alert title 32 and message 224
// (https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64),
// a literal list source 255 characters (https://github.com/qax-os/excelize/issues/972), sheet names
// (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9) and table
// names (https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).

/** Every text of a validation spec over its limit, as `register.field: what is N > limit`. */
function overLimits(): string[] {
  const over: string[] = [];
  for (const register of ALL_REGISTERS) {
    for (const field of register.fields) {
      const spec = validationFor(field, { column: 'A', firstRow: 2 });
      if (!spec) continue;
      const where = `${register.key}.${field.key}`;
      const texts: [string, string | undefined, number][] = [
        ['prompt title', spec.prompt.title, VALIDATION_TEXT_LIMITS.promptTitle],
        ['prompt message', spec.prompt.message, VALIDATION_TEXT_LIMITS.promptMessage],
        ['alert title', spec.errorAlert.title, VALIDATION_TEXT_LIMITS.alertTitle],
        ['alert message', spec.errorAlert.message, VALIDATION_TEXT_LIMITS.alertMessage],
      ];
      const source = spec.rule.list?.source;
      if (typeof source === 'string' && !source.startsWith('='))
        texts.push(['literal list source', source, LIST_SOURCE_LIMIT]);
      for (const [what, text, limit] of texts)
        if ((text ?? '').length > limit) over.push(`${where}: ${what} is ${(text ?? '').length} > ${limit}`);
    }
  }
  return over;
}

describe("set-up's validation texts and names are within Excel's limits", () => {
  it('keeps every prompt, alert and literal list of every register field within the limits', () => {
    expect(
      ALL_REGISTERS.some((r) => r.fields.some((f) => validationFor(f, { column: 'A', firstRow: 2 }))),
    ).toBe(true);
    expect(overLimits()).toEqual([]);
  });

  it("clips to limits no looser than Excel's, so a long text is never refused", () => {
    expect({
      promptTitle: VALIDATION_LIMITS.promptTitle <= VALIDATION_TEXT_LIMITS.promptTitle,
      promptMessage: VALIDATION_LIMITS.promptMessage <= VALIDATION_TEXT_LIMITS.promptMessage,
      alertTitle: VALIDATION_LIMITS.alertTitle <= VALIDATION_TEXT_LIMITS.alertTitle,
      alertMessage: VALIDATION_LIMITS.alertMessage <= VALIDATION_TEXT_LIMITS.alertMessage,
      listSource: VALIDATION_LIMITS.listSource <= LIST_SOURCE_LIMIT,
    }).toEqual({
      promptTitle: true,
      promptMessage: true,
      alertTitle: true,
      alertMessage: true,
      listSource: true,
    });
  });

  it('names every register sheet and table as Excel allows', () => {
    for (const register of ALL_REGISTERS) {
      expect(() => checkSheetName(register.sheet, register.key), register.sheet).not.toThrow();
      expect(() => checkDefinedName(register.table, register.key), register.table).not.toThrow();
    }
  });
});
