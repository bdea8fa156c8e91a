import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Role } from './caller';

/** The issuer of development tokens (never accepted when Entra ID is configured). */
export const DEV_ISSUER = 'xieshang-dev';
/** The audience of development tokens. */
export const DEV_AUDIENCE = 'api://xieshang-dev';

/** Where the generated development key lives: the OS temp directory, outside the repository. */
export const devKeyPath = (): string => join(tmpdir(), 'xieshang-dev-signing-key');

/**
 * The development signing key: XIESHANG_DEV_SECRET when set, else a random key generated once into
 * the temp directory (mode 0600), so `dev-token` and the local host agree without committing a secret.
 */
export function devSecret(env: Readonly<Record<string, string | undefined>>): Uint8Array {
  const configured = env.XIESHANG_DEV_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('XIESHANG_DEV_SECRET must be at least 32 characters');
    return new TextEncoder().encode(configured);
  }
  const path = devKeyPath();
  try {
    return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
  } catch {
    const key = randomBytes(32).toString('hex');
    try {
      writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process created it first: use theirs.
      return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
    }
    chmodSync(path, 0o600);
    return new TextEncoder().encode(key);
  }
}

/** What a development token says. */
export interface DevTokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[];
  /** Lifetime, e.g. '8h'. */
  readonly expiresIn?: string;
}

/** Signs a development token (HS256) with the claims the Entra mapping reads. */
export async function signDevToken(claims: DevTokenClaims, secret: Uint8Array): Promise<string> {
  return new SignJWT({ roles: [...claims.roles], xieshang_units: [...claims.units] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(secret);
}
