import { excelError } from '../errors';

/** Per-cell formatting attributes the simulator stores, with the value Excel reports when unset. */
export const FORMAT_DEFAULTS = {
  numberFormat: 'General',
  'fill.color': '#FFFFFF',
  'font.bold': false,
  'font.italic': false,
  'font.underline': 'None',
  'font.strikethrough': false,
  'font.color': '#000000',
  'font.size': 11,
  'font.name': 'Calibri',
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  indentLevel: 0,
  locked: true,
} as const satisfies Record<string, unknown>;

/** A formatting attribute the simulator stores per cell (borders are keyed separately, see borderKey). */
export type FormatKey = keyof typeof FORMAT_DEFAULTS;

/** The cell edges a border can sit on; Excel's EdgeTop/InsideHorizontal… map onto these. */
export type CellEdge = 'top' | 'bottom' | 'left' | 'right' | 'diagonalDown' | 'diagonalUp';

/** A border property of one cell edge, e.g. `border.top.style`. */
export function borderKey(edge: CellEdge, property: 'style' | 'color' | 'weight'): string {
  return `border.${edge}.${property}`;
}

/** What a border property reads as when never set. */
export const BORDER_DEFAULTS = { style: 'None', color: '#000000', weight: 'Thin' } as const;

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  silver: '#C0C0C0',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
  lime: '#00FF00',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  gold: '#FFD700',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  darkblue: '#00008B',
  darkgreen: '#006400',
  darkred: '#8B0000',
};

/** Normalises a colour the way Excel echoes it back: `#RRGGBB` upper case; names and `#RGB` expanded. */
export function normalizeColor(input: unknown, location: string): string {
  if (typeof input !== 'string') throw excelError('InvalidArgument', location, 'a colour must be a string');
  const text = input.trim();
  const named = NAMED_COLORS[text.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return text.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(text))
    return `#${[...text.slice(1)].map((h) => h + h).join('')}`.toUpperCase();
  throw excelError('InvalidArgument', location, `'${input}' is not a colour Excel understands`);
}

/** Checks a value against an enum's allowed strings, as Excel does for alignment, border style and so on. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], location: string): T {
  const hit = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
  if (!hit)
    throw excelError('InvalidArgument', location, `'${String(value)}' is not one of ${allowed.join(', ')}`);
  return hit;
}
