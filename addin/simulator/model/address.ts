import { MAX_COLUMNS, MAX_ROWS, type Rect, isWholeColumns, isWholeRows } from './rect';

/** Column index (0-based) to letters: 0 → A, 16383 → XFD. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to column index (0-based), or -1 when they are not a column inside the grid. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : -1;
}

/** An address split into its optional sheet name and its block. */
export interface ParsedAddress {
  readonly sheet?: string;
  readonly rect: Rect;
}

type Part = { kind: 'cell'; r: number; c: number } | { kind: 'col'; c: number } | { kind: 'row'; r: number };

function parsePart(text: string): Part | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const c = m[1] ? columnIndex(m[1]) : undefined;
  const r = m[2] ? Number(m[2]) - 1 : undefined;
  if (c === -1 || (r !== undefined && (r < 0 || r >= MAX_ROWS))) return undefined;
  if (c !== undefined && r !== undefined) return { kind: 'cell', r, c };
  return c !== undefined ? { kind: 'col', c } : { kind: 'row', r: r as number };
}

function splitSheet(text: string): { sheet?: string; ref: string } | undefined {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  const raw = text.slice(0, bang);
  const ref = text.slice(bang + 1);
  if (raw.startsWith("'")) {
    if (!raw.endsWith("'") || raw.length < 3) return undefined;
    return { sheet: raw.slice(1, -1).replace(/''/g, "'"), ref };
  }
  return raw ? { sheet: raw, ref } : undefined;
}

/** Parses `A1`, `A1:C3`, `A:C`, `1:3`, `$A$1`, optionally `Sheet!`-qualified; undefined when malformed. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const split = splitSheet(text.trim());
  if (!split) return undefined;
  const [left, right, extra] = split.ref.split(':');
  if (left === undefined || extra !== undefined) return undefined;
  const a = parsePart(left);
  const b = right === undefined ? a : parsePart(right);
  if (!a || !b || a.kind !== b.kind) return undefined;
  let result: Rect;
  if (a.kind === 'cell' && b.kind === 'cell') result = span(a.r, a.c, b.r, b.c);
  else if (a.kind === 'col' && b.kind === 'col' && right !== undefined)
    result = span(0, a.c, MAX_ROWS - 1, b.c);
  else if (a.kind === 'row' && b.kind === 'row' && right !== undefined)
    result = span(a.r, 0, b.r, MAX_COLUMNS - 1);
  else return undefined;
  return split.sheet === undefined ? { rect: result } : { sheet: split.sheet, rect: result };
}

function span(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** Formats a block the way Excel reports it: `A1`, `A1:C3`, `A:C` or `1:3`; `$`-absolute on request. */
export function formatRect(a: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isWholeRows(a)) return `${d}${a.r0 + 1}:${d}${a.r1 + 1}`;
  if (isWholeColumns(a)) return `${d}${columnLetters(a.c0)}:${d}${columnLetters(a.c1)}`;
  const first = `${d}${columnLetters(a.c0)}${d}${a.r0 + 1}`;
  if (a.r0 === a.r1 && a.c0 === a.c1) return first;
  return `${first}:${d}${columnLetters(a.c1)}${d}${a.r1 + 1}`;
}

/** Quotes a sheet name when Excel would: anything but letters, digits, `_` and `.`, or a name like a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A sheet-qualified address such as `Sheet1!A1:C3` or `'My sheet'!$A$1`. */
export function formatAddress(sheetName: string, a: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(a, absolute)}`;
}
