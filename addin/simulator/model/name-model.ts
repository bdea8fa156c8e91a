import type { Rect } from './rect';
import type { SheetModel } from './sheet-model';

/** What a defined name refers to: a block on a sheet (kept structurally so renames and shifts follow it) or a formula. */
export type NameReference =
  { kind: 'range'; sheet: SheetModel; rect: Rect } | { kind: 'formula'; formula: string };

/** One defined name, workbook-scoped or scoped to a sheet. */
export interface NameModel {
  name: string;
  readonly scope: SheetModel | undefined;
  ref: NameReference;
  comment: string;
  visible: boolean;
  deleted: boolean;
}
