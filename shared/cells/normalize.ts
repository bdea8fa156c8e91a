/**
 * Text normalization used only to *interpret* a cell (never written back): full-width digits and
 * punctuation become ASCII, and spaces (including the ideographic space) at either end go.
 */

// Full-width forms (Ｕ+FF01–FF5E) and the ideographic space are what Chinese input methods produce
// in place of ASCII; folding only when they occur keeps reading Chinese text cheap.
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;
const EACH_FULL_WIDTH = /[\u3000\uff01-\uff5e]/g;

/**
 * Full-width forms and the ideographic space folded to ASCII one character for one, so an offset
 * into the result is an offset into `raw` (NFKC maps each of them to a single ASCII character).
 */
export function foldFullWidth(raw: string): string {
  return FULL_WIDTH.test(raw) ? raw.replace(EACH_FULL_WIDTH, (c) => c.normalize('NFKC')) : raw;
}

/** The cell's text as it should be interpreted: full-width forms folded (NFKC), trimmed. */
export function interpretText(raw: string): string {
  return trimmed(FULL_WIDTH.test(raw) ? raw.normalize('NFKC') : raw);
}

/** Whether a character code is white space as String.prototype.trim sees it (the common ones). */
const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200a);

/** Whether a raw cell is empty the way Excel hands empties over ('' or null/undefined or spaces). */
export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined || raw === '') return true;
  if (typeof raw !== 'string') return false;
  // Most cells start with a visible character: decide without allocating a trimmed copy.
  return isSpace(raw.charCodeAt(0)) && raw.trim() === '';
}

/** The string without surrounding white space; the same string when there is none (no copy). */
export function trimmed(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

const EXCEL_ERROR =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BLOCKED!|CONNECT!|FIELD!|BUSY!|UNKNOWN!)$/;

/** Whether a value is one of Excel's error values as range.values reports them. */
export const isExcelError = (raw: unknown): boolean =>
  typeof raw === 'string' && raw.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR.test(raw);

/** Whether text would be run by Excel as a formula if written as a value (= + - @ first). */
export const isFormulaLike = (text: string): boolean => /^[=+\-@]/.test(text);
