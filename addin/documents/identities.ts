import { ANONYMOUS, identityFields, INPUT_REGISTERS, REDACTED, type WorkbookCheck } from '../../shared';

/** Every appellant name and phone the workbook holds, from the registers' identity marks. */
export interface AppellantIdentities {
  readonly names: readonly string[];
  /** Digits only. */
  readonly phones: readonly string[];
}

/**
 * Collects appellant identities from every register whose schema marks identity fields (the appeal
 * register and the topic collection register), including cells that failed to read: a mistyped
 * phone is still someone's phone.
 */
export function appellantIdentities(check: WorkbookCheck): AppellantIdentities {
  const names = new Set<string>();
  const phones = new Set<string>();
  const add = (kind: 'name' | 'phone', value: unknown): void => {
    const text = value === undefined || value === null ? '' : String(value).trim();
    if (!text || text === ANONYMOUS || text === REDACTED) return;
    const digits = text.replace(/\D/g, '');
    if (kind === 'name') names.add(text);
    else if (digits.length >= 7) phones.add(digits);
    // +86 138… is written 138… as often as not: scrub the national number too.
    if (kind === 'phone' && /^86\d{9,11}$/.test(digits)) phones.add(digits.slice(2));
  };
  for (const register of INPUT_REGISTERS) {
    const read = check.read[register.key];
    if (!read) continue;
    const fields = identityFields(register);
    for (const row of read.rows) {
      const values = row.values as Record<string, unknown>;
      for (const f of fields) add(f.identity === 'phone' ? 'phone' : 'name', values[f.key]);
    }
    for (const p of read.problems) {
      const f = fields.find((x) => x.key === p.column && p.sheet === register.sheet);
      if (f) add(f.identity === 'phone' ? 'phone' : 'name', p.raw);
    }
  }
  return { names: [...names], phones: [...phones] };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every appellant name or phone inside free text with （已隐去）. Phones
 * match with spaces or hyphens between digits. Longer names go first so 欧阳娜娜 is not left as
 * （已隐去）娜. A one-character entry cannot be told from ordinary text, so it is left to the
 * identity columns, which are redacted whatever they hold.
 */
export function identityScrubber(ids: AppellantIdentities): (text: string) => string {
  const names = ids.names.filter((n) => [...n].length >= 2).sort((a, b) => b.length - a.length);
  const patterns = [
    ...names.map(escape),
    ...[...ids.phones].sort((a, b) => b.length - a.length).map((p) => [...p].join('[\\s-]*')),
  ];
  if (patterns.length === 0) return (text) => text;
  const re = new RegExp(patterns.join('|'), 'g');
  return (text) => text.replace(re, REDACTED);
}
