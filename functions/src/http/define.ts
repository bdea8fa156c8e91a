import type {
  HttpHandler,
  HttpMethod,
  HttpRequest,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import { UNIT_ID } from '../../../shared';
import type { Caller } from '../auth/caller';
import { allowed, type Access } from '../auth/policy';
import { AuthError } from '../auth/verify';
import { getServices, type Services } from '../services';
import { BusyError } from '../storage';
import { errorResponse, HttpError, MESSAGES } from './errors';

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
  readonly access: Access;
  /** The route parameter naming the unit the caller must be in scope for. */
  readonly scope: 'unitId' | 'orgId';
  /** The handler the Functions host and the local host both call. */
  readonly handler: HttpHandler;
}

/** Unit ids are partition keys: the wire contract's conservative alphabet, one pattern for both ends. */
export { UNIT_ID };

const unauthenticated = (e: AuthError): HttpResponseInit =>
  errorResponse(
    new HttpError(
      401,
      e.reason === 'not-configured' ? 'auth-not-configured' : 'unauthenticated',
      e.reason === 'expired'
        ? MESSAGES.expired
        : e.reason === 'not-configured'
          ? MESSAGES.notConfigured
          : MESSAGES.unauthenticated,
    ),
    { 'WWW-Authenticate': `Bearer error="invalid_token"` },
  );

/**
 * Wraps an endpoint: bearer token (401), unit scope and role (403), then its logic; failures become
 * bilingual JSON errors. Function keys are not used for auth (authLevel anonymous + JWT).
 */
export function httpFunction(
  def: Omit<HttpEntry, 'kind' | 'handler'> & { run(call: HttpCall): Promise<HttpResponseInit> },
): HttpEntry {
  const handler: HttpHandler = async (request, context) => {
    try {
      // Inside the try: a missing storage setting answers 500 with a logged reason, not a host error.
      const services = getServices();
      const caller = await services.auth.authenticate(request.headers.get('authorization'));
      const unitId = request.params[def.scope] ?? '';
      if (!UNIT_ID.test(unitId))
        throw new HttpError(400, 'invalid-unit', MESSAGES.badUnit, { path: def.scope });
      if (!allowed(caller, def.access, unitId)) throw new HttpError(403, 'forbidden', MESSAGES.forbidden);
      await services.store.ready();
      return await def.run({ request, context, caller, services, unitId });
    } catch (e) {
      if (e instanceof AuthError) return unauthenticated(e);
      if (e instanceof HttpError) return errorResponse(e);
      if (e instanceof BusyError)
        return errorResponse(new HttpError(503, 'busy', MESSAGES.busy), { 'Retry-After': '1' });
      context.error(`${def.name} failed`, e);
      return errorResponse(new HttpError(500, 'internal', MESSAGES.internal));
    }
  };
  return {
    kind: 'http',
    name: def.name,
    route: def.route,
    methods: def.methods,
    access: def.access,
    scope: def.scope,
    handler,
  };
}
