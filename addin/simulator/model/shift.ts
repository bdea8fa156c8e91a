import type { ShiftOp } from './layer';
import type { Rect } from './rect';

/** What happens to a block when cells shift: it moves/resizes, disappears, or straddles the shifted band. */
export type ShiftOutcome = { kind: 'kept'; rect: Rect } | { kind: 'deleted' } | { kind: 'straddles' };

/** Moves one coordinate range [a0, a1] by an insert (count > 0) or delete (count < 0) at `at`. */
function moveSpan(a0: number, a1: number, at: number, count: number): [number, number] | undefined {
  if (count > 0) {
    if (a0 >= at) return [a0 + count, a1 + count];
    if (a1 >= at) return [a0, a1 + count];
    return [a0, a1];
  }
  const end = at - count - 1;
  const removedBefore = (p: number): number => Math.max(0, Math.min(p, end + 1) - at);
  const keptStart = a0 >= at && a0 <= end ? end + 1 : a0;
  if (keptStart > a1) return undefined;
  return [keptStart - removedBefore(keptStart), a1 - removedBefore(a1 + 1)];
}

/** Applies a shift to a block: blocks wholly inside the shifted columns (or rows) move, others stay or straddle. */
export function shiftRect(block: Rect, op: ShiftOp): ShiftOutcome {
  const rowsAxis = op.axis === 'rows';
  const lo = rowsAxis ? block.c0 : block.r0;
  const hi = rowsAxis ? block.c1 : block.r1;
  const a0 = rowsAxis ? block.r0 : block.c0;
  const a1 = rowsAxis ? block.r1 : block.c1;
  if (hi < op.lo || lo > op.hi || a1 < op.at) return { kind: 'kept', rect: block };
  if (lo < op.lo || hi > op.hi) return { kind: 'straddles' };
  const moved = moveSpan(a0, a1, op.at, op.count);
  if (!moved) return { kind: 'deleted' };
  const [n0, n1] = moved;
  return { kind: 'kept', rect: rowsAxis ? { ...block, r0: n0, r1: n1 } : { ...block, c0: n0, c1: n1 } };
}

/** Splits a block into the part inside the shifted band's cross-span and the parts outside it. */
export function splitAcross(block: Rect, op: ShiftOp): { inside?: Rect; outside: Rect[] } {
  const rowsAxis = op.axis === 'rows';
  const lo = rowsAxis ? block.c0 : block.r0;
  const hi = rowsAxis ? block.c1 : block.r1;
  const from = Math.max(lo, op.lo);
  const to = Math.min(hi, op.hi);
  if (from > to) return { outside: [block] };
  const make = (a: number, b: number): Rect =>
    rowsAxis ? { ...block, c0: a, c1: b } : { ...block, r0: a, r1: b };
  const outside: Rect[] = [];
  if (lo < from) outside.push(make(lo, from - 1));
  if (hi > to) outside.push(make(to + 1, hi));
  return { inside: make(from, to), outside };
}

/** Shifts a block that may be split (formats, validation, conditional formats): returns the surviving pieces. */
export function shiftSplittable(block: Rect, op: ShiftOp): Rect[] {
  const { inside, outside } = splitAcross(block, op);
  if (!inside) return [block];
  const moved = shiftRect(inside, op);
  return moved.kind === 'kept' ? [...outside, moved.rect] : outside;
}
