import { type Bilingual, type FieldProblem, say } from '../../../shared';

/** Collects problems with a request's fields, each addressed by its path (records[3].values.phone). */
export class Problems {
  readonly list: FieldProblem[] = [];

  /** Notes a problem at a path. */
  add(path: string, message: Bilingual): void {
    this.list.push({ path, message });
  }

  /** Whether nothing was found wrong. */
  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** Whether a parsed JSON value is a plain object. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The messages for a value of the wrong JSON type. */
export const expected = {
  object: say('应为对象', 'expected an object'),
  array: say('应为数组', 'expected an array'),
  string: say('应为文字', 'expected a string'),
  number: say('应为数字', 'expected a number'),
  boolean: say('应为 true 或 false', 'expected true or false'),
  stringOrNull: say('应为文字或 null', 'expected a string or null'),
} as const;

/** Reads an optional string property, noting a problem when it has another type. */
export function optionalString(
  o: Record<string, unknown>,
  key: string,
  path: string,
  p: Problems,
  max = 2000,
): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    p.add(`${path}.${key}`, expected.string);
    return undefined;
  }
  if (v.length > max) p.add(`${path}.${key}`, say(`不得超过 ${max} 个字符`, `at most ${max} characters`));
  return v;
}

/** Notes every property of `o` not in `allowed`. */
export function noOtherKeys(
  o: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  p: Problems,
): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) p.add(`${path}.${k}`, say('不认识的字段', 'unknown field'));
  }
}
