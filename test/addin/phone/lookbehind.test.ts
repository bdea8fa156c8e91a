// The phone page loads shared/wire/schema.ts and shared/privacy/freeText.ts, whose patterns used
// lookbehind `(?<!…)`, which Safari before 16.4 (WeChat on iPhone) cannot parse ("the first safari
// version with support is 16.4", https://bugzilla.mozilla.org/show_bug.cgi?id=1829583; Apple's
// https://developer.apple.com/documentation/safari-release-notes/safari-16_4-release-notes). They are
// now written without it; these cases pin that they match exactly what the lookbehind forms matched,
// at the edges the rewrite touches. The lookbehind forms live here only: tests run in Node, never on
// a phone.
import { describe, expect, it } from 'vitest';
import { findTextIdentities, wireText, type TextIdentityKind } from '../../../shared';

/** The pattern schema.ts used before: a lone high or low surrogate. */
const OLD_LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether wireText refuses the text as not well-formed (identity checks off). */
const refused = (s: string): boolean => !wireText(100, false).safeParse(s).success;

describe('a lone surrogate, found without lookbehind', () => {
  const HIGH = '\ud840';
  const LOW = '\udc00';
  const PAIR = HIGH + LOW;

  it.each([
    ['a lone high at the start', `${HIGH}a`, true],
    ['a lone high at the end', `a${HIGH}`, true],
    ['a lone high between pairs', `${PAIR}${HIGH}${PAIR}`, true],
    ['a lone low at the start', `${LOW}a`, true],
    ['a lone low at the end', `a${LOW}`, true],
    ['a lone low between pairs', `${PAIR}${LOW}${PAIR}`, true],
    ['a lone low right after a pair', `${PAIR}${LOW}`, true],
    ['a high before a high-low pair', `${HIGH}${PAIR}`, true],
    ['a reversed pair', `${LOW}${HIGH}`, true],
    ['pairs only', `${PAIR}${PAIR}a${PAIR}`, false],
    ['a pair at the start and end', `${PAIR}中${PAIR}`, false],
    ['no surrogates', '食堂', false],
  ])('%s', (_, text, bad) => {
    expect(OLD_LONE.test(text)).toBe(bad);
    expect(refused(text)).toBe(bad);
  });

  it('agrees with the lookbehind form on every string of up to four units over surrogates and a letter', () => {
    const units = ['a', '\ud800', '\udbff', '\udc00', '\udfff', '\ud840'];
    let strings = [''];
    let checked = 0;
    for (let n = 1; n <= 4; n++) {
      strings = strings.flatMap((s) => units.map((u) => s + u));
      for (const s of strings) {
        expect([s, refused(s)]).toEqual([s, OLD_LONE.test(s)]);
        checked++;
      }
    }
    expect(checked).toBe(6 + 36 + 216 + 1296);
  });
});

// The patterns freeText.ts used before, verbatim but for the lookbehind they opened with.
const SEP = '[\\s.\\-‐‑–—_/·]{0,2}';
const digits = (n: number): string => Array.from({ length: n }, () => '\\d').join(SEP);
const OLD_PATTERNS: readonly (readonly [TextIdentityKind, RegExp])[] = [
  [
    'idCard',
    new RegExp(
      `(?<!\\d)${digits(6)}${SEP}(?:18|19|20)\\d${SEP}\\d${SEP}(?:0${SEP}[1-9]|1${SEP}[0-2])${SEP}(?:0${SEP}[1-9]|[12]${SEP}\\d|3${SEP}[01])${SEP}${digits(3)}${SEP}[\\dXx](?![\\dA-Za-z])`,
      'g',
    ),
  ],
  ['mobile', new RegExp(`(?<![\\d+])(?:(?:\\+|00)?86${SEP})?1${SEP}[3-9]${SEP}${digits(9)}(?!\\d)`, 'g')],
  [
    'landline',
    new RegExp(`(?<!\\d)(?:0\\d{2,3}|\\(0\\d{2,3}\\))${SEP}${digits(7)}(?:${SEP}\\d)?(?!\\d)`, 'g'),
  ],
];

/** findTextIdentities as it was, for ASCII text (which its normalising leaves as it is). */
function oldFind(text: string) {
  const found: { kind: TextIdentityKind; start: number; end: number }[] = [];
  for (const [kind, pattern] of OLD_PATTERNS)
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && f.start < end)) found.push({ kind, start, end });
    }
  return found.sort((a, b) => a.start - b.start);
}

const find = (text: string) => findTextIdentities(text).map(({ kind, start, end }) => ({ kind, start, end }));

describe('identity numbers, bounded without lookbehind', () => {
  it.each([
    // At the very start: nothing before, so nothing refuses the match.
    ['13812345678', [['mobile', 0, 11]]],
    ['110105194912310021', [['idCard', 0, 18]]],
    ['0531-87654321', [['landline', 0, 13]]],
    // After a digit: not a number of its own.
    ['913812345678', []],
    ['9110105194912310021', []],
    ['90531-87654321', []],
    // After a plus: +86 belongs to the mobile, a bare + before the 1 does not start one.
    ['+8613812345678', [['mobile', 0, 14]]],
    ['x+8613812345678', [['mobile', 1, 15]]],
    ['++8613812345678', []],
    ['+13812345678', []],
    // A landline may follow a plus; an ID number after a letter or X still counts.
    ['+0531-87654321', [['landline', 1, 14]]],
    ['X110105194912310021', [['idCard', 1, 19]]],
    ['a13812345678', [['mobile', 1, 12]]],
    // Refused at one start (86… after an 8), found further on without its prefix.
    ['886 13812345678', [['mobile', 4, 15]]],
    ['1+8613812345678', []],
    // Two in a row with one separator, and one refused start followed by a good one.
    [
      '13812345678 13912345678',
      [
        ['mobile', 0, 11],
        ['mobile', 12, 23],
      ],
    ],
    ['13812345678913912345678', []],
    [
      '(010)12345678 11010519491231002X',
      [
        ['landline', 0, 13],
        ['idCard', 14, 32],
      ],
    ],
  ] as const)('%s', (text, want) => {
    const expected = want.map(([kind, start, end]) => ({ kind, start, end }));
    expect(oldFind(text)).toEqual(expected);
    expect(find(text)).toEqual(expected);
  });

  it('agrees with the lookbehind forms on 4,000 strings made of numbers, prefixes and what comes before them', () => {
    // A fixed linear congruential sequence: the same strings on every run.
    let seed = 20260330;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const parts = [
      '13812345678',
      '110105194912310021',
      '11010519491231002X',
      '0531-87654321',
      '(010)1234567',
    ];
    const glue = ['', '', '+', '86', '0086', '00', '1', '9', 'X', 'x', 'a', ' ', '-', '(', ')', '.', '+86 '];
    const pick = (from: readonly string[]) => from[next(from.length)] ?? '';
    let hits = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      for (let k = next(4) + 1; k > 0; k--) text += pick(glue) + pick(parts);
      text += pick(glue);
      const old = oldFind(text);
      hits += old.length;
      expect([text, find(text)]).toEqual([text, old]);
    }
    // Both found a good share of identities, not agreed on finding none.
    expect(hits).toBeGreaterThan(1000);
  });
});
