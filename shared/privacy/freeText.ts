import { foldFullWidth } from '../cells/normalize';
import { REDACTED } from './redact';

/**
 * Identity typed into free text: a clerk quotes an appellant's mobile in 诉求内容, an ID number in an
 * escalation note. Names cannot be told from other words without the register, but numbers can: the
 * add-in scrubs these before anything is staged for the cloud, and the functions refuse what still
 * carries them. One pattern set serves both sides.
 */

/** What kind of identity a span of text is. */
export type TextIdentityKind = 'mobile' | 'landline' | 'idCard';

/** An identity number found in free text, by UTF-16 offsets into the text as given. */
export interface TextIdentity {
  readonly kind: TextIdentityKind;
  readonly start: number;
  readonly end: number;
}

/**
 * What clerks (and people dodging the check) put between digits: up to two of whitespace, dot,
 * hyphen or dash, underscore, slash or middle dot. Bounded, so dates and amounts stay what they are.
 */
const SEP = '[\\s.\\-‐‑–—_/·]{0,2}';
const digits = (n: number): string => Array.from({ length: n }, () => '\\d').join(SEP);

/**
 * The patterns, on text whose full-width digits and separators are read as ASCII (offsets kept):
 * - a mainland mobile: 1[3-9] and nine more digits, with an optional +86/0086/86 prefix;
 * - a landline: 0 + a 2–3 digit area code + 7–8 digits, the area code optionally in (brackets);
 * - an 18-digit resident ID: 6-digit region, a plausible birth date, 3 digits, a check digit or X.
 * `notAfter` is what may not come just before a match. It is checked in code, not as a lookbehind
 * `(?<!…)`: Safari before 16.4 (WeChat on iPhone, Office on older Macs) refuses to parse any script
 * that builds one, and the phone page and the pane both load this module.
 */
const PATTERNS: readonly (readonly [TextIdentityKind, RegExp, RegExp])[] = [
  [
    'idCard',
    new RegExp(
      `${digits(6)}${SEP}(?:18|19|20)\\d${SEP}\\d${SEP}(?:0${SEP}[1-9]|1${SEP}[0-2])${SEP}(?:0${SEP}[1-9]|[12]${SEP}\\d|3${SEP}[01])${SEP}${digits(3)}${SEP}[\\dXx](?![\\dA-Za-z])`,
      'g',
    ),
    /\d/,
  ],
  ['mobile', new RegExp(`(?:(?:\\+|00)?86${SEP})?1${SEP}[3-9]${SEP}${digits(9)}(?!\\d)`, 'g'), /[\d+]/],
  ['landline', new RegExp(`(?:0\\d{2,3}|\\(0\\d{2,3}\\))${SEP}${digits(7)}(?:${SEP}\\d)?(?!\\d)`, 'g'), /\d/],
];

/**
 * Every match of `pattern` (global) in `text` whose preceding UTF-16 unit is not `notAfter`: what
 * `(?<!notAfter)pattern` matches. The lookbehind depends only on where a match starts, so a start
 * it refuses is passed over by one unit and the search goes on from there, as the regex engine would.
 */
function matchesNotAfter(text: string, pattern: RegExp, notAfter: RegExp): RegExpExecArray[] {
  const re = new RegExp(pattern.source, pattern.flags);
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && notAfter.test(text.charAt(m.index - 1))) re.lastIndex = m.index + 1;
    else out.push(m);
  }
  return out;
}

// Invisible format characters (zero-width space and joiner, word joiner, BOM, soft hyphen...):
// they split a number for the eye of a regex but not for a reader, so matching skips them.
const FORMAT = /\p{Cf}/u;

/** `text` read as ASCII digits with format characters dropped, and where each kept unit came from. */
function normalised(text: string): { readonly plain: string; readonly from: readonly number[] } {
  const ascii = foldFullWidth(text);
  let plain = '';
  const from: number[] = [];
  for (let i = 0; i < ascii.length;) {
    const width = (ascii.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const ch = ascii.slice(i, i + width);
    if (!FORMAT.test(ch)) {
      plain += ch;
      for (let k = 0; k < width; k++) from.push(i + k);
    }
    i += width;
  }
  return { plain, from };
}

/** Every identity number in `text`, in order, none overlapping (an ID number is not also a phone). */
export function findTextIdentities(text: string): TextIdentity[] {
  const { plain, from } = normalised(text);
  const found: TextIdentity[] = [];
  for (const [kind, pattern, notAfter] of PATTERNS) {
    for (const m of matchesNotAfter(plain, pattern, notAfter)) {
      const first = m.index ?? 0;
      // Offsets back into the text as given, so a scrub also removes format characters inside.
      const start = from[first] ?? 0;
      const end = (from[first + m[0].length - 1] ?? 0) + 1;
      if (!found.some((f) => start < f.end && f.start < end)) found.push({ kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether `text` carries an identity number. */
export const hasTextIdentity = (text: string): boolean => findTextIdentities(text).length > 0;

/** `text` with every identity number replaced by （已隐去）; text without one comes back unchanged. */
export function scrubTextIdentities(text: string): string {
  const found = findTextIdentities(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + REDACTED;
    at = f.end;
  }
  return out + text.slice(at);
}
