import { ProxyBase } from './proxy-base';
import type { Command } from './command';

const ACTION_TYPES = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 } as const;
const PATH_TYPES = { root: 1, method: 3, property: 4, indexer: 5 } as const;
const encoder = new TextEncoder();

/** UTF-8 byte length of a string: what the payload limits count. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** office.js sends member names capitalised: `values` → `Values`, `getItem` → `GetItem`. */
function wireName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const objectRef = (_key: string, value: unknown): unknown =>
  value instanceof ProxyBase ? { ObjectPathId: value._path.id } : value;

function mentionsProxy(value: unknown, depth = 0): boolean {
  if (value instanceof ProxyBase) return true;
  if (depth > 3 || typeof value !== 'object' || value === null) return false;
  // Matrices of cell values never hold proxies; skipping them keeps large writes cheap to serialise.
  if (Array.isArray(value))
    return value.length > 0 && !Array.isArray(value[0]) && value.some((v) => mentionsProxy(v, depth + 1));
  return Object.values(value).some((v) => mentionsProxy(v, depth + 1));
}

function collectPaths(obj: ProxyBase<unknown>, into: Map<number, ProxyBase<unknown>>): void {
  for (let o: ProxyBase<unknown> | undefined = obj; o && !into.has(o._path.id); o = o._path.parent)
    into.set(o._path.id, o);
}

/** The request body office.js would send for a batch (`{ Actions, ObjectPaths }`), as JSON. */
export function requestJson(batch: readonly Command[]): string {
  const paths = new Map<number, ProxyBase<unknown>>();
  const actions: string[] = [];
  batch.forEach((cmd, i) => {
    collectPaths(cmd.owner, paths);
    for (const a of cmd.args) if (a instanceof ProxyBase) collectPaths(a, paths);
    const action = {
      Id: i + 1,
      ActionType: ACTION_TYPES[cmd.type],
      Name: cmd.type === 'Instantiate' || cmd.type === 'Query' ? '' : wireName(cmd.name),
      ObjectPathId: cmd.owner._path.id,
      ...(cmd.type === 'Query'
        ? { QueryInfo: cmd.query }
        : { ArgumentInfo: cmd.args.length ? { Arguments: cmd.args } : {} }),
    };
    actions.push(JSON.stringify(action, mentionsProxy(cmd.args) ? objectRef : undefined));
  });
  const objectPaths: Record<string, unknown> = {};
  for (const [id, o] of paths) {
    const p = o._path;
    objectPaths[id] = {
      Id: id,
      ObjectPathType: PATH_TYPES[p.type],
      Name: p.type === 'root' ? '' : wireName(p.name),
      ...(p.parent ? { ParentObjectPathId: p.parent._path.id } : {}),
      ArgumentInfo: p.args && p.args.length ? { Arguments: p.args } : {},
    };
  }
  return `{"AutoKeepReference":false,"Actions":[${actions.join(',')}],"ObjectPaths":${JSON.stringify(objectPaths, objectRef)}}`;
}
