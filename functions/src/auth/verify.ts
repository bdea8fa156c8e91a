import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { CREDENTIAL_PREFIX } from '../../../shared';
import type { StoredCredential } from '../storage';
import { callerFromClaims, type Caller, type ClaimNames } from './caller';
import { DEV_AUDIENCE, DEV_AUTH_ON_AZURE, DEV_ISSUER, runningOnAzure } from './devKey';
import { matchesHash, parseCredential } from './pairing';

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
export type AuthFailure = 'missing' | 'expired' | 'invalid' | 'no-role' | 'not-configured' | 'revoked';

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

/** Where pairing credentials are looked up (the store's pairing table). */
export interface CredentialStore {
  find(unitId: string, credentialId: string): Promise<StoredCredential | null>;
  touch(unitId: string, credentialId: string): Promise<void>;
}

// "Last used" is for the administrator's list: once an hour per credential and process is enough.
const TOUCH_EVERY_MS = 3_600_000;

/**
 * Checks a pairing credential (`xsp1.…`): its row must exist, be unrevoked and hold the hash of
 * its secret. The caller holds the credential's one role for its one unit.
 */
function pairingAuthenticator(store: CredentialStore | undefined, now: () => number) {
  const touched = new Map<string, number>();
  return async (token: string): Promise<Caller> => {
    const parts = parseCredential(token);
    if (!store || !parts) throw new AuthError('invalid', 'not a pairing credential');
    const found = await store.find(parts.unitId, parts.credentialId);
    if (!found || !matchesHash(parts.secret, found.secretHash))
      throw new AuthError('invalid', 'unknown pairing credential');
    if (found.revokedAt) throw new AuthError('revoked', `pairing credential revoked at ${found.revokedAt}`);
    const key = `${parts.unitId}/${parts.credentialId}`;
    if (now() - (touched.get(key) ?? -Infinity) >= TOUCH_EVERY_MS) {
      touched.set(key, now());
      // Bookkeeping only: a failure to note the use must not refuse the call.
      await store.touch(parts.unitId, parts.credentialId).catch(() => undefined);
    }
    return {
      id: `pairing:${parts.credentialId}`,
      roles: [found.role],
      units: [parts.unitId],
      via: 'pairing',
    };
  };
}

// Clocks drift a little between Entra and a function host; a minute is the usual allowance.
const CLOCK_TOLERANCE_S = 60;
// jose checks exp only when present: a token without it would be good forever, so it is required.
const REQUIRED_CLAIMS = ['exp'];

/**
 * Builds the authenticator for the configured mode, accepting pairing credentials from `credentials`
 * beside it (whatever the mode: a unit without Microsoft 365 has no token issuer at all).
 * Development settings built on Azure anyway (configuration already refuses them) accept no
 * development token: `env` is where the host runs.
 */
export function createAuthenticator(
  settings: AuthSettings,
  env: Readonly<Record<string, string | undefined>> = process.env,
  credentials?: CredentialStore,
  now: () => number = Date.now,
): Authenticator {
  const s: AuthSettings =
    settings.mode === 'dev' && runningOnAzure(env) ? { mode: 'none', reason: DEV_AUTH_ON_AZURE } : settings;
  const paired = pairingAuthenticator(credentials, now);
  const bearer = (authorization: string | null): string => {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) throw new AuthError('missing', 'no bearer token');
    return m[1] as string;
  };
  if (s.mode === 'none') {
    return {
      authenticate: async (authorization) => {
        const token = bearer(authorization);
        if (token.startsWith(CREDENTIAL_PREFIX)) return paired(token);
        throw new AuthError('not-configured', s.reason ?? 'no token issuer is configured');
      },
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
      const token = bearer(authorization);
      if (token.startsWith(CREDENTIAL_PREFIX)) return paired(token);
      let payload;
      try {
        // Both branches call the same function; the overloads differ only in the key's type.
        payload =
          typeof key === 'function'
            ? (await jwtVerify(token, key, options)).payload
            : (await jwtVerify(token, key, options)).payload;
      } catch (e) {
        if (e instanceof errors.JWTExpired) throw new AuthError('expired', e.message);
        throw new AuthError('invalid', e instanceof Error ? e.message : String(e));
      }
      const caller = callerFromClaims(payload, s.claims);
      if (!caller) throw new AuthError('no-role', 'the token carries no Xieshang role');
      return { ...caller, via: s.mode };
    },
  };
}
