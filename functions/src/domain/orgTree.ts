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

/** Each unit's depth below `root` (root 0, its children 1…), for the units under it. */
export function depthsBelow(units: readonly UnitProfile[], root: string): Map<string, number> {
  const children = childrenOf(units);
  const depth = new Map<string, number>([[root, 0]]);
  // Breadth first, each unit once: a cycle in stored data cannot loop.
  for (let queue = [root]; queue.length > 0;) {
    const next: string[] = [];
    for (const id of queue)
      for (const c of children.get(id) ?? [])
        if (!depth.has(c.unitId)) {
          depth.set(c.unitId, (depth.get(id) ?? 0) + 1);
          next.push(c.unitId);
        }
    queue = next;
  }
  return depth;
}

/** Whether making `parentId` the parent of `unitId` would put a unit above itself. */
export function wouldCycle(units: readonly UnitProfile[], unitId: string, parentId: string): boolean {
  const parent = new Map(units.map((u) => [u.unitId, u.parentId]));
  for (let at: string | undefined = parentId, n = 0; at && n <= units.length + 1; at = parent.get(at), n++) {
    if (at === unitId) return true;
  }
  return false;
}
