import type { IncomingMessage, ServerResponse } from 'node:http';
import { say, type Bilingual } from '../../../shared';

/** The error code of a request refused for its Host or Origin. */
export const FORBIDDEN_ORIGIN = 'forbidden-origin';

/** What a refused request is told. */
export const FORBIDDEN_ORIGIN_MESSAGE: Bilingual = say(
  '本机函数服务只接受来自本机地址（127.0.0.1、localhost）和允许来源的请求',
  'the local functions host answers only loopback hosts (127.0.0.1, localhost) and the allowed origins',
);

// A DNS-rebound name resolves to 127.0.0.1 but keeps its own name in Host: only loopback names pass.
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** A request's URL as the host reads it, or null when it cannot be parsed. */
export function parseUrl(target: string | undefined, host: string): URL | null {
  try {
    return new URL(target ?? '/', `http://${host}`);
  } catch {
    return null;
  }
}

/** The origins a page served by this host itself would have, for the port it listens on. */
export const ownOrigins = (port: number | undefined): string[] =>
  port === undefined ? [] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];

/** True for the routes that mint tokens or run jobs: no cross-site caller at all unless allowed. */
export const isPrivileged = (pathname: string): boolean =>
  pathname === '/dev/token' || pathname.startsWith('/admin/');

/**
 * Why a request must be refused (403 forbidden-origin), or null. Every route: the Host header is a
 * loopback name (DNS rebinding), and an Origin, when sent, is an allowed one (a cross-site form or
 * text/plain POST is a "simple" request that skips the preflight, so CORS alone would not stop it).
 * Token and admin routes also refuse a browser's cross-site request that carries no Origin (a GET
 * from an <img> or a link), told by Sec-Fetch-Site.
 */
export function foreignRequest(
  req: Pick<IncomingMessage, 'headers' | 'url'>,
  allowedOrigins: readonly string[],
): string | null {
  const host = req.headers.host;
  if (!host || !LOOPBACK_HOST.test(host)) return `Host ${JSON.stringify(host ?? '')} is not a loopback host`;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin))
    return `Origin ${JSON.stringify(origin)} is not allowed`;
  // Parsed as the host parses it, so an absolute-form or odd path names the same route here.
  const pathname = parseUrl(req.url, '127.0.0.1')?.pathname ?? '/';
  const site = req.headers['sec-fetch-site'];
  if (isPrivileged(pathname) && origin === undefined && (site === 'cross-site' || site === 'same-site'))
    return `a ${site} request without an Origin may not reach ${pathname}`;
  return null;
}

/**
 * CORS for the task pane (served from its own origin, https://localhost:3000 in development):
 * allowed origins get the headers; a preflight is answered here. In Azure, CORS is the Function
 * App's platform setting instead. Requests from other origins are refused before this (foreignRequest).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin && origins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(origin && origins.includes(origin) ? 204 : 403);
  res.end();
  return true;
}
