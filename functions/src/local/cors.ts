import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the task pane (served from its own origin, https://localhost:3000 in development):
 * allowed origins get the headers; a preflight is answered here. In Azure, CORS is the Function
 * App's platform setting instead.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin && origins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(origin && origins.includes(origin) ? 204 : 403);
  res.end();
  return true;
}
