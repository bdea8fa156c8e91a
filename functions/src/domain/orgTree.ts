import type { UnitProfile } from '../storage';

/** Each unit's children, in id order. */
export function childrenOf(units: readonly UnitProfile[]): Map<string, UnitProfile[]> {
  const m = new Map<string, UnitProfile[]>();
  for (const u of [...units].sort((a, b) => a.unitId.localeCompare(b.unitId))) {
    if (!u.parentId) continue;
    const list = m.get(u.parentId) ?? [];
    list.push(u);
    m.set(u.parentId, list);
  }
  return m;
}

/** The ids of a unit and everything below it (each once, even if the data held a cycle). */
export function subtreeIds(units: readonly UnitProfile[], root: string): string[] {
  const children = childrenOf(units);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(id);
    for (const c of children.get(id) ?? []) walk(c.unitId);
  };
  walk(root);
  return out;
}

/** Whether making `parentId` the parent of `unitId` would put a unit above itself. */
export function wouldCycle(units: readonly UnitProfile[], unitId: string, parentId: string): boolean {
  const parent = new Map(units.map((u) => [u.unitId, u.parentId]));
  for (let at: string | undefined = parentId, n = 0; at && n <= units.length + 1; at = parent.get(at), n++) {
    if (at === unitId) return true;
  }
  return false;
}
