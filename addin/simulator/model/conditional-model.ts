import type { Rect } from './rect';

/** The format a conditional format applies when its rule holds. */
export interface ConditionalFormatStyle {
  fillColor?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: string;
  numberFormat?: string;
}

/** One conditional format on a sheet: its type, where it applies, its rule and its format. */
export interface ConditionalFormatModel {
  readonly id: string;
  readonly type: string;
  areas: Rect[];
  priority: number;
  stopIfTrue: boolean;
  /** Custom: `{ formula }`; CellValue: `{ formula1, formula2?, operator }`; ContainsText: `{ operator, text }`. */
  rule: Record<string, unknown>;
  readonly format: ConditionalFormatStyle;
  deleted: boolean;
}

/** The conditional format types the simulator models (others can be added but not configured). */
export const CONDITIONAL_FORMAT_TYPES = [
  'Custom',
  'CellValue',
  'ContainsText',
  'TopBottom',
  'PresetCriteria',
  'DataBar',
  'ColorScale',
  'IconSet',
] as const;
