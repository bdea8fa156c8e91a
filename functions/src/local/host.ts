import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  HttpRequest,
  HttpResponse,
  InvocationContext,
  type HttpResponseInit,
  type LogHandler,
} from '@azure/functions';
import type { FunctionEntry } from '../functionList';
import type { HttpEntry } from '../http/define';
import type { TimerEntry } from '../http/timer';
import {
  applyCors,
  FORBIDDEN_ORIGIN,
  FORBIDDEN_ORIGIN_MESSAGE,
  foreignRequest,
  ownOrigins,
  parseUrl,
} from './cors';
import { createRouter } from './routes';
import { localTick } from './schedule';

// Larger bodies are cut off here; the endpoints' own 1 MB limit answers 413 for anything between.
const HARD_LIMIT = 8 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= HARD_LIMIT) chunks.push(c);
    });
    req.on('end', () => resolve(size > HARD_LIMIT ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The request's headers as the handlers see them. X-Forwarded-For gets the socket's address
 * appended, as the App Service front end appends the address it accepted (src/http/clientAddress.ts
 * reads the last hop), so whatever a client puts in that header cannot choose its rate-limit bucket.
 */
const headersOf = (req: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(req.headers)
      .filter((e): e is [string, string | string[]] => e[1] !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
  );
  const socket = req.socket.remoteAddress ?? 'unknown';
  const sent = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = sent ? `${sent}, ${socket}` : socket;
  return headers;
};

async function send(res: ServerResponse, out: HttpResponseInit | HttpResponse): Promise<void> {
  const r = out instanceof HttpResponse ? out : new HttpResponse(out);
  const headers: Record<string, string> = {};
  r.headers.forEach((v, k) => (headers[k] = v));
  const body = Buffer.from(await r.arrayBuffer());
  res.writeHead(r.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown): Promise<void> =>
  send(res, { status, jsonBody: body });

/** What the local host adds around the functions. */
export interface LocalHostOptions {
  readonly log: LogHandler;
  /** Origins allowed to call from a browser (the task pane); the host's own origin is added. */
  readonly corsOrigins: readonly string[];
  /** Issues development tokens at GET /dev/token?unit=&role= (only in development auth mode). */
  readonly devToken?: (unit: string, role: string) => Promise<string | null>;
}

/**
 * An HTTP server that serves the function list as the Functions host would: /api/<route> to the
 * HTTP handlers (Node requests turned into HttpRequest, each call with its InvocationContext), and
 * POST /admin/functions/<name> to run a timer now, as Core Tools offers.
 */
export function createLocalHost(entries: readonly FunctionEntry[], options: LocalHostOptions): Server {
  const { log } = options;
  const route = createRouter(entries.filter((e): e is HttpEntry => e.kind === 'http'));
  const timers = new Map(entries.filter((e): e is TimerEntry => e.kind === 'timer').map((e) => [e.name, e]));
  const context = (functionName: string) =>
    new InvocationContext({ functionName, invocationId: randomUUID(), logHandler: log });
  return createServer((req, res) => {
    void (async () => {
      // Before anything else, so no route (tokens, timers, the API) answers a foreign page.
      const allowed = [...options.corsOrigins, ...ownOrigins(req.socket.localPort)];
      const foreign = foreignRequest(req, allowed);
      if (foreign) {
        log('warning', `local host refused ${req.method ?? 'GET'} ${req.url ?? '/'}: ${foreign}`);
        return json(res, 403, { error: { code: FORBIDDEN_ORIGIN, message: FORBIDDEN_ORIGIN_MESSAGE } });
      }
      if (applyCors(req, res, options.corsOrigins)) return;
      const url = parseUrl(req.url, req.headers.host ?? '127.0.0.1');
      if (!url) return json(res, 400, { error: { code: 'invalid-request' } });
      const method = req.method ?? 'GET';
      if (url.pathname === '/dev/token' && options.devToken) {
        const token = await options.devToken(
          url.searchParams.get('unit') ?? '',
          url.searchParams.get('role') ?? '',
        );
        return token ? json(res, 200, { token }) : json(res, 400, { error: { code: 'invalid-request' } });
      }
      const body = await readBody(req);
      if (body === null) return json(res, 413, { error: { code: 'body-too-large', limit: HARD_LIMIT } });
      const admin = /^\/admin\/functions\/([\w-]+)$/.exec(url.pathname);
      const timer = admin && method === 'POST' ? timers.get(admin[1] as string) : undefined;
      if (timer) {
        await timer.handler(localTick(new Date()), context(timer.name));
        return send(res, { status: 202 });
      }
      const match = route(method, url.pathname);
      if (match === null) return json(res, 404, { error: { code: 'not-found' } });
      if (match === 'method') return json(res, 405, { error: { code: 'method-not-allowed' } });
      const request = new HttpRequest({
        method,
        url: url.toString(),
        headers: headersOf(req),
        query: Object.fromEntries(url.searchParams),
        params: match.params,
        body: { bytes: body },
      });
      return send(res, await match.entry.handler(request, context(match.entry.name)));
    })().catch((e: unknown) => {
      log('error', 'local host failed', e);
      if (!res.headersSent) void json(res, 500, { error: { code: 'internal' } });
      else res.destroy();
    });
  });
}
