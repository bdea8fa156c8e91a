import type { HttpEntry } from '../http/define';

/** A request routed to an endpoint, with the route's parameters. */
export interface RouteMatch {
  readonly entry: HttpEntry;
  readonly params: Record<string, string>;
}

interface Compiled {
  readonly entry: HttpEntry;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** The route prefix of host.json (extensions.http.routePrefix). */
export const ROUTE_PREFIX = '/api/';

/**
 * A router over the endpoints' route templates ('units/{unitId}/sync'), as the Functions host
 * routes them: under /api/, one path segment per {parameter}.
 */
export function createRouter(entries: readonly HttpEntry[]) {
  const compiled: Compiled[] = entries.map((entry) => {
    const names: string[] = [];
    const source = entry.route
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1] as string);
        return '([^/]+)';
      })
      .join('/');
    return { entry, pattern: new RegExp(`^${ROUTE_PREFIX}${source}/?$`), names };
  });
  /** The endpoint for a method and path; 'method' when the path exists under another method. */
  return (method: string, pathname: string): RouteMatch | 'method' | null => {
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (!c.entry.methods.includes(method.toUpperCase() as HttpEntry['methods'][number])) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] as string)]));
      } catch {
        return null;
      }
      return { entry: c.entry, params };
    }
    return pathMatched ? 'method' : null;
  };
}
