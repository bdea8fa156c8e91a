import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { callerFromClaims, type Caller, type ClaimNames } from './caller';
import { DEV_AUDIENCE, DEV_AUTH_ON_AZURE, DEV_ISSUER, runningOnAzure } from './devKey';

/** How tokens are checked: Microsoft Entra ID in production, a development key locally, or not at all (every call refused). */
export type AuthSettings =
  | {
      readonly mode: 'entra';
      readonly issuer: string;
      readonly audience: string;
      readonly jwksUrl: string;
      readonly claims: ClaimNames;
    }
  | { readonly mode: 'dev'; readonly secret: Uint8Array; readonly claims: ClaimNames }
  | {
      readonly mode: 'none';
      /** Why nothing is accepted, e.g. development auth refused on Azure (the 401's logged detail). */
      readonly reason?: string;
    };

/** Why a request was not authenticated. */
export type AuthFailure = 'missing' | 'expired' | 'invalid' | 'no-role' | 'not-configured';

/** A request without a valid token (answered 401). */
export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** Turns an Authorization header into a caller, or throws AuthError. */
export interface Authenticator {
  authenticate(authorization: string | null): Promise<Caller>;
}

// Clocks drift a little between Entra and a function host; a minute is the usual allowance.
const CLOCK_TOLERANCE_S = 60;
// jose checks exp only when present: a token without it would be good forever, so it is required.
const REQUIRED_CLAIMS = ['exp'];

/**
 * Builds the authenticator for the configured mode. Development settings built on Azure anyway
 * (configuration already refuses them) accept nothing: `env` is where the host runs.
 */
export function createAuthenticator(
  settings: AuthSettings,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Authenticator {
  const s: AuthSettings =
    settings.mode === 'dev' && runningOnAzure(env) ? { mode: 'none', reason: DEV_AUTH_ON_AZURE } : settings;
  if (s.mode === 'none') {
    return {
      authenticate: () =>
        Promise.reject(new AuthError('not-configured', s.reason ?? 'no token issuer is configured')),
    };
  }
  const key: JWTVerifyGetKey | Uint8Array =
    s.mode === 'entra' ? createRemoteJWKSet(new URL(s.jwksUrl)) : s.secret;
  const options =
    s.mode === 'entra'
      ? {
          issuer: s.issuer,
          audience: s.audience,
          algorithms: ['RS256'],
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: REQUIRED_CLAIMS,
        }
      : {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: ['HS256'],
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: REQUIRED_CLAIMS,
        };
  return {
    async authenticate(authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) throw new AuthError('missing', 'no bearer token');
      let payload;
      try {
        // Both branches call the same function; the overloads differ only in the key's type.
        payload =
          typeof key === 'function'
            ? (await jwtVerify(m[1] as string, key, options)).payload
            : (await jwtVerify(m[1] as string, key, options)).payload;
      } catch (e) {
        if (e instanceof errors.JWTExpired) throw new AuthError('expired', e.message);
        throw new AuthError('invalid', e instanceof Error ? e.message : String(e));
      }
      const caller = callerFromClaims(payload, s.claims);
      if (!caller) throw new AuthError('no-role', 'the token carries no Xieshang role');
      return caller;
    },
  };
}
