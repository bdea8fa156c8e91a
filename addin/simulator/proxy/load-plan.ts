/** What a `load()` call asked for: scalar names, nested navigation plans, and collection paging. */
export interface LoadPlan {
  all: boolean;
  readonly scalars: Set<string>;
  readonly children: Map<string, LoadPlan>;
  top?: number;
  skip?: number;
}

/** An empty plan (optionally "load every scalar property"). */
export function emptyPlan(all = false): LoadPlan {
  return { all, scalars: new Set(), children: new Map() };
}

function child(plan: LoadPlan, name: string): LoadPlan {
  let next = plan.children.get(name);
  if (!next) plan.children.set(name, (next = emptyPlan()));
  return next;
}

function addPath(plan: LoadPlan, path: string, expand = false): void {
  const segments = path
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (segments.length === 0) return;
  let node = plan;
  for (const seg of segments.slice(0, -1)) node = child(node, seg);
  const last = segments[segments.length - 1] as string;
  if (expand) child(node, last).all = true;
  else node.scalars.add(last);
}

function addList(plan: LoadPlan, list: unknown, expand = false): void {
  const parts = Array.isArray(list) ? list : typeof list === 'string' ? list.split(',') : [];
  for (const p of parts) if (typeof p === 'string') addPath(plan, p, expand);
}

function addBag(plan: LoadPlan, bag: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(bag)) {
    if (key === '$all') plan.all = value === true;
    else if (key === '$top') plan.top = Number(value);
    else if (key === '$skip') plan.skip = Number(value);
    else if (value === true) plan.scalars.add(key);
    else if (typeof value === 'object' && value !== null)
      addBag(child(plan, key), value as Record<string, unknown>);
  }
}

/** Parses every form `load()` accepts: nothing, `'a, b/c'`, `['a', 'b']`, `{ select, expand, top, skip }` or a property bag. */
export function parseLoadOption(option: unknown): LoadPlan {
  if (option === undefined || option === null) return emptyPlan(true);
  const plan = emptyPlan();
  if (typeof option === 'string' || Array.isArray(option)) {
    addList(plan, option);
  } else if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    if ('select' in o || 'expand' in o || 'top' in o || 'skip' in o) {
      addList(plan, o.select);
      addList(plan, o.expand, true);
      if (typeof o.top === 'number') plan.top = o.top;
      if (typeof o.skip === 'number') plan.skip = o.skip;
      if (o.select === undefined && o.expand === undefined) plan.all = true;
    } else {
      addBag(plan, o);
    }
  }
  if (plan.scalars.size === 0 && plan.children.size === 0) plan.all = true;
  return plan;
}

/** The wire form of a plan, for request byte accounting (`QueryInfo` in office.js). */
export function planToQuery(plan: LoadPlan): {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
} {
  const flat = (p: LoadPlan, prefix: string, out: string[], expand: string[]): void => {
    for (const s of p.scalars) out.push(prefix + s);
    for (const [name, c] of p.children) {
      if (c.all) expand.push(prefix + name);
      flat(c, `${prefix}${name}/`, out, expand);
    }
  };
  const select: string[] = [];
  const expand: string[] = [];
  flat(plan, '', select, expand);
  return {
    ...(plan.all ? {} : { Select: select }),
    ...(expand.length ? { Expand: expand } : {}),
    ...(plan.top !== undefined ? { Top: plan.top } : {}),
    ...(plan.skip !== undefined ? { Skip: plan.skip } : {}),
  };
}
