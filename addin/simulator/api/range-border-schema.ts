import { BORDER_INDEXES, BORDER_STYLES, BORDER_WEIGHTS, borderBand } from '../model/borders';
import { setFormat, uniformFormat } from '../model/formats';
import { refuseFormatCells } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import { BORDER_DEFAULTS, borderKey, normalizeColor } from '../model/styles';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { type Check, choice } from './checks';

/** What a RangeBorder proxy is bound to. */
export interface BorderTarget {
  readonly range: RangeTarget;
  readonly index: string;
}

function borderProp(property: 'style' | 'color' | 'weight', check: Check): PropSpec<BorderTarget> {
  const location = `RangeBorder.${property}`;
  return {
    get: (t) => {
      const { edge, band } = borderBand(t.range.rect, t.index);
      return band
        ? uniformFormat(t.range.sheet, borderKey(edge, property), band, BORDER_DEFAULTS[property])
        : BORDER_DEFAULTS[property];
    },
    set: (t, v) => {
      const { edge, band } = borderBand(t.range.rect, t.index);
      if (!band) return;
      const value = check(v, location);
      refuseFormatCells(t.range.sheet, location);
      setFormat(
        t.range.sheet,
        borderKey(edge, property),
        band,
        property === 'style' && value === 'None' ? undefined : value,
      );
      // Giving a border a colour or weight draws it, as Excel does when the edge had no line.
      if (
        property !== 'style' &&
        uniformFormat(t.range.sheet, borderKey(edge, 'style'), band, 'None') === 'None'
      ) {
        setFormat(t.range.sheet, borderKey(edge, 'style'), band, 'Continuous');
      }
    },
  };
}

/** `Excel.RangeBorder`. */
export const RANGE_BORDER_SCHEMA: TypeSchema<BorderTarget> = {
  typeName: 'RangeBorder',
  props: {
    sideIndex: { get: (t) => t.index },
    style: borderProp('style', choice(BORDER_STYLES)),
    color: borderProp('color', normalizeColor),
    weight: borderProp('weight', choice(BORDER_WEIGHTS)),
  },
  isDead: (t) => t.range.sheet.deleted,
};

/** `Excel.RangeBorderCollection`. */
export const RANGE_BORDERS_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'RangeBorderCollection',
  props: { count: { get: () => 8 } },
  items: {
    schema: () => RANGE_BORDER_SCHEMA as TypeSchema<never>,
    list: (t) => BORDER_INDEXES.map((index) => ({ range: t, index })),
  },
  isDead: (t) => t.sheet.deleted,
};
