import { app } from '@azure/functions';
import type {
  HttpHandler,
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { UNIT_ID, type Bilingual } from '../../../shared';
import type { Caller } from '../auth/caller';
import { allowed, type Access } from '../auth/policy';
import { AuthError } from '../auth/verify';
import { getServices, type Services } from '../services';
import { BusyError } from '../storage';
import { errorResponse, HttpError, MESSAGES } from './errors';
import { underFunctionsHost } from './runtime';

/** What an endpoint's own logic receives once the caller is authenticated and authorised. */
export interface HttpCall {
  readonly request: HttpRequest;
  readonly context: InvocationContext;
  readonly caller: Caller;
  readonly services: Services;
  /** The unit (or organisation root) named in the route. */
  readonly unitId: string;
}

/** An HTTP function as data: one entry of the function list. */
export interface HttpEntry {
  readonly kind: 'http';
  readonly name: string;
  /** Route below /api, with {unitId} or {orgId}. */
  readonly route: string;
  readonly methods: readonly HttpMethod[];
  /** Who may call it; 'public' takes no token (the endpoint proves the caller itself, e.g. by a one-time code). */
  readonly access: Access | 'public';
  /** The route parameter naming the unit the caller must be in scope for. */
  readonly scope: 'unitId' | 'orgId';
  /** The handler the Functions host and the local host both call. */
  readonly handler: HttpHandler;
}

/** Unit ids are partition keys: the wire contract's conservative alphabet, one pattern for both ends. */
export { UNIT_ID };

const UNAUTHENTICATED: Readonly<Record<AuthError['reason'], readonly [string, Bilingual]>> = {
  missing: ['unauthenticated', MESSAGES.unauthenticated],
  invalid: ['unauthenticated', MESSAGES.unauthenticated],
  'no-role': ['unauthenticated', MESSAGES.unauthenticated],
  expired: ['unauthenticated', MESSAGES.expired],
  'not-configured': ['auth-not-configured', MESSAGES.notConfigured],
  revoked: ['credential-revoked', MESSAGES.revoked],
};

const unauthenticated = (e: AuthError): HttpResponseInit => {
  const [code, text] = UNAUTHENTICATED[e.reason];
  return errorResponse(new HttpError(401, code, text), {
    'WWW-Authenticate': `Bearer error="invalid_token"`,
  });
};

/** Maps what an endpoint threw to its answer: bilingual 4xx, 503 when storage is busy, else a logged 500. */
function failure(name: string, context: InvocationContext, e: unknown): HttpResponseInit {
  if (e instanceof AuthError) return unauthenticated(e);
  if (e instanceof HttpError) return errorResponse(e);
  if (e instanceof BusyError)
    return errorResponse(new HttpError(503, 'busy', MESSAGES.busy), { 'Retry-After': '1' });
  context.error(`${name} failed`, e);
  return errorResponse(new HttpError(500, 'internal', MESSAGES.internal));
}

/**
 * The wrapper every endpoint shares: `identify` (the bearer token, or nothing for a public
 * endpoint) before anything else, then the unit id, then `authorise`, storage readiness and the
 * endpoint's logic; whatever it throws becomes a bilingual answer.
 */
function endpoint<C>(
  def: Omit<HttpEntry, 'kind' | 'handler' | 'access'>,
  access: HttpEntry['access'],
  identify: (request: HttpRequest, services: Services) => Promise<C>,
  authorise: (caller: C, unitId: string) => boolean,
  run: (call: Omit<HttpCall, 'caller'> & { readonly caller: C }) => Promise<HttpResponseInit>,
): HttpEntry {
  const handler: HttpHandler = async (request, context) => {
    try {
      // Inside the try: a missing storage setting answers 500 with a logged reason, not a host error.
      const services = getServices();
      const caller = await identify(request, services);
      const unitId = request.params[def.scope] ?? '';
      if (!UNIT_ID.test(unitId))
        throw new HttpError(400, 'invalid-unit', MESSAGES.badUnit, { path: def.scope });
      if (!authorise(caller, unitId)) throw new HttpError(403, 'forbidden', MESSAGES.forbidden);
      await services.store.ready();
      return await run({ request, context, caller, services, unitId });
    } catch (e) {
      return failure(def.name, context, e);
    }
  };
  return {
    kind: 'http',
    name: def.name,
    route: def.route,
    methods: def.methods,
    access,
    scope: def.scope,
    handler,
  };
}

/**
 * Wraps an endpoint: bearer token (401), unit scope and role (403), then its logic; failures become
 * bilingual JSON errors. Function keys are not used for auth (authLevel anonymous + JWT).
 */
export function httpFunction(
  def: Omit<HttpEntry, 'kind' | 'handler' | 'access'> & {
    readonly access: Access;
    run(call: HttpCall): Promise<HttpResponseInit>;
  },
): HttpEntry {
  return endpoint(
    def,
    def.access,
    (request, services) => services.auth.authenticate(request.headers.get('authorization')),
    (caller, unitId) => allowed(caller, def.access, unitId),
    (call) => def.run(call),
  );
}

/**
 * An endpoint without a bearer token: pairing's redemption and bootstrap, which check a one-time
 * code or the deployer's secret themselves. The unit id, storage readiness and the error answers
 * are those of every other endpoint.
 */
export function publicFunction(
  def: Omit<HttpEntry, 'kind' | 'handler' | 'access'> & {
    run(call: Omit<HttpCall, 'caller'>): Promise<HttpResponseInit>;
  },
): HttpEntry {
  return endpoint(
    def,
    'public',
    () => Promise.resolve(null),
    () => true,
    (call) => def.run(call),
  );
}

/**
 * Registers endpoints with the Functions host where the module is defined (anonymous: each checks
 * its own bearer token or proof); outside the host (tests, the local host) it does nothing.
 */
export function registerHttp(...entries: readonly HttpEntry[]): void {
  if (!underFunctionsHost()) return;
  for (const f of entries)
    app.http(f.name, { route: f.route, methods: [...f.methods], authLevel: 'anonymous', handler: f.handler });
}
