import { setFormat, uniformFormat } from '../model/formats';
import { refuseFormatCells, refuseFormatLines } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import { FORMAT_DEFAULTS, type FormatKey, normalizeColor } from '../model/styles';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../model/sheet-model';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { bool, type Check, choice, nonNegative, text } from './checks';
import { FORMAT_PROTECTION_SCHEMA } from './protection';
import { RANGE_BORDERS_SCHEMA } from './range-border-schema';

/** A per-cell formatting property: uniform value or null when mixed; setting applies to every cell. */
function formatProp(type: string, name: string, key: FormatKey, check: Check): PropSpec<RangeTarget> {
  const location = `${type}.${name}`;
  return {
    get: (t) => uniformFormat(t.sheet, key, t.rect, FORMAT_DEFAULTS[key]),
    set: (t, v) => {
      const value = check(v, location);
      refuseFormatCells(t.sheet, location);
      setFormat(t.sheet, key, t.rect, value);
    },
  };
}

function lineSizes(axis: 'rows' | 'columns'): PropSpec<RangeTarget> {
  const map = (s: RangeTarget['sheet']): Map<number, number> =>
    axis === 'rows' ? s.rowHeights : s.columnWidths;
  const [fallback, location] =
    axis === 'rows'
      ? [DEFAULT_ROW_HEIGHT, 'RangeFormat.rowHeight']
      : [DEFAULT_COLUMN_WIDTH, 'RangeFormat.columnWidth'];
  return {
    get: (r) => {
      const [a, b] = axis === 'rows' ? [r.rect.r0, r.rect.r1] : [r.rect.c0, r.rect.c1];
      const first = map(r.sheet).get(a) ?? fallback;
      for (let i = a + 1; i <= b; i++) if ((map(r.sheet).get(i) ?? fallback) !== first) return null;
      return first;
    },
    set: (r, v) => {
      const size = nonNegative(v, location) as number;
      refuseFormatLines(r.sheet, axis, location);
      const [a, b] = axis === 'rows' ? [r.rect.r0, r.rect.r1] : [r.rect.c0, r.rect.c1];
      for (let i = a; i <= b; i++) map(r.sheet).set(i, size);
    },
  };
}

const ALIGN_H = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const ALIGN_V = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];

/** `Excel.RangeFormat`. */
export const RANGE_FORMAT_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'RangeFormat',
  props: {
    columnWidth: lineSizes('columns'),
    rowHeight: lineSizes('rows'),
    wrapText: formatProp('RangeFormat', 'wrapText', 'wrapText', bool),
    horizontalAlignment: formatProp(
      'RangeFormat',
      'horizontalAlignment',
      'horizontalAlignment',
      choice(ALIGN_H),
    ),
    verticalAlignment: formatProp('RangeFormat', 'verticalAlignment', 'verticalAlignment', choice(ALIGN_V)),
    indentLevel: formatProp('RangeFormat', 'indentLevel', 'indentLevel', nonNegative),
  },
  nav: {
    font: { schema: () => RANGE_FONT_SCHEMA as TypeSchema<never>, target: (t) => t },
    fill: { schema: () => RANGE_FILL_SCHEMA as TypeSchema<never>, target: (t) => t },
    borders: { schema: () => RANGE_BORDERS_SCHEMA as TypeSchema<never>, target: (t) => t },
    protection: { schema: () => FORMAT_PROTECTION_SCHEMA as TypeSchema<never>, target: (t) => t },
  },
  isDead: (t) => t.sheet.deleted,
};

/** `Excel.RangeFont`. */
export const RANGE_FONT_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'RangeFont',
  props: {
    bold: formatProp('RangeFont', 'bold', 'font.bold', bool),
    italic: formatProp('RangeFont', 'italic', 'font.italic', bool),
    strikethrough: formatProp('RangeFont', 'strikethrough', 'font.strikethrough', bool),
    underline: formatProp('RangeFont', 'underline', 'font.underline', choice(UNDERLINE)),
    color: formatProp('RangeFont', 'color', 'font.color', normalizeColor),
    size: formatProp('RangeFont', 'size', 'font.size', nonNegative),
    name: formatProp('RangeFont', 'name', 'font.name', text),
  },
  isDead: (t) => t.sheet.deleted,
};

/** `Excel.RangeFill`: reads `#FFFFFF` where there is no fill, as Excel does. */
export const RANGE_FILL_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'RangeFill',
  props: { color: formatProp('RangeFill', 'color', 'fill.color', normalizeColor) },
  isDead: (t) => t.sheet.deleted,
};
