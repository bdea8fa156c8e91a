import { excelError } from '../errors';
import type { Rect } from './rect';
import type { CellEdge } from './styles';

/** Excel's border indexes for a range. */
export const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;

/** Allowed `RangeBorder.style` values. */
export const BORDER_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
] as const;

/** Allowed `RangeBorder.weight` values. */
export const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;

/** The cells and cell edge a range border index stands for (an inside border of a one-row range has no cells). */
export function borderBand(area: Rect, index: string): { edge: CellEdge; band?: Rect } {
  switch (index) {
    case 'EdgeTop':
      return { edge: 'top', band: { ...area, r1: area.r0 } };
    case 'EdgeBottom':
      return { edge: 'bottom', band: { ...area, r0: area.r1 } };
    case 'EdgeLeft':
      return { edge: 'left', band: { ...area, c1: area.c0 } };
    case 'EdgeRight':
      return { edge: 'right', band: { ...area, c0: area.c1 } };
    case 'InsideHorizontal':
      return area.r1 > area.r0 ? { edge: 'bottom', band: { ...area, r1: area.r1 - 1 } } : { edge: 'bottom' };
    case 'InsideVertical':
      return area.c1 > area.c0 ? { edge: 'right', band: { ...area, c1: area.c1 - 1 } } : { edge: 'right' };
    case 'DiagonalDown':
      return { edge: 'diagonalDown', band: area };
    case 'DiagonalUp':
      return { edge: 'diagonalUp', band: area };
    default:
      throw excelError(
        'InvalidArgument',
        'RangeBorderCollection.getItem',
        `'${index}' is not a border index`,
      );
  }
}
