import {
  type Bilingual,
  CellIssue,
  type CellReader,
  compileReader,
  DEFAULT_VALUE_LISTS,
  type FieldDef,
  fieldsAtVersion,
  type RegisterDef,
  say,
  VALUE_LISTS,
  type WireValue,
} from '../../../shared';
import { expected, isObject, type Problems } from '../util/problems';

const MAX_TEXT = 4000;

const identityMessage = (f: FieldDef) =>
  say(
    `不得向云端上传诉求人身份信息“${f.header}”：云端只接收编号、类别和内容`,
    `appellant identity (${f.key}) must never be sent to the cloud; strip it before syncing`,
  );

// Readers are compiled once per field: the same core rules the workbook check applies.
const readers = new Map<FieldDef, CellReader>();
const readerOf = (f: FieldDef): CellReader => {
  let r = readers.get(f);
  if (!r) readers.set(f, (r = compileReader(f, { lists: DEFAULT_VALUE_LISTS, external: true })));
  return r;
};

function checkValue(f: FieldDef, v: unknown, path: string, p: Problems): WireValue | undefined {
  const problem = (message: Bilingual): undefined => {
    p.add(path, message);
    return undefined;
  };
  if (f.type === 'number') {
    if (typeof v !== 'number') return problem(expected.number);
  } else if (typeof v !== 'string') return problem(expected.string);
  else if (v.length > MAX_TEXT)
    return problem(say(`不得超过 ${MAX_TEXT} 个字符`, `at most ${MAX_TEXT} characters`));
  if (f.type === 'enum' && f.list) {
    // Extensible lists grow on each workbook's 值列表 sheet; fixed ones carry meaning the figures rely on.
    const list = VALUE_LISTS[f.list];
    if (!list.extensible && !(list.values as readonly string[]).includes(v as string))
      p.add(
        path,
        say(`“${String(v)}”不在“${f.header}”的可选值中`, `"${String(v)}" is not an allowed ${f.key} value`),
      );
    return v as string;
  }
  const out = readerOf(f)(v);
  if (out instanceof CellIssue && out.severity === 'error') return problem(out.message);
  if (f.type === 'date' && out !== v)
    return problem(say('日期应写成 YYYY-MM-DD', 'dates travel as YYYY-MM-DD'));
  return v as WireValue;
}

/**
 * Checks a record's values against its register's schema (as of the client's schema version):
 * known fields, their types and fixed lists; appellant identity is refused with its path.
 */
export function checkValues(
  register: RegisterDef,
  version: number,
  values: unknown,
  path: string,
  p: Problems,
): Record<string, WireValue> {
  if (!isObject(values)) {
    p.add(path, expected.object);
    return {};
  }
  const fields = new Map(fieldsAtVersion(register, version).map((f) => [f.key, f]));
  const out: Record<string, WireValue> = {};
  for (const [k, v] of Object.entries(values)) {
    const at = `${path}.${k}`;
    const f = fields.get(k);
    if (!f) p.add(at, say(`“${register.sheet}”没有字段 ${k}`, `${register.key} has no field ${k}`));
    else if (f.identity) p.add(at, identityMessage(f));
    else if (v === null || v === '') continue;
    else {
      const checked = checkValue(f, v, at, p);
      if (checked !== undefined) out[k] = checked;
    }
  }
  return out;
}
