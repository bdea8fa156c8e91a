import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Role } from './caller';

/** The issuer of development tokens (never accepted when Entra ID is configured). */
export const DEV_ISSUER = 'xieshang-dev';
/** The audience of development tokens. */
export const DEV_AUDIENCE = 'api://xieshang-dev';

/**
 * True inside an Azure Function App: App Service sets WEBSITE_INSTANCE_ID on every instance
 * (https://learn.microsoft.com/en-us/azure/app-service/reference-app-settings,
 * https://github.com/projectkudu/kudu/wiki/Azure-runtime-environment).
 * Development tokens are refused there whatever else is configured.
 */
export const runningOnAzure = (env: Readonly<Record<string, string | undefined>>): boolean =>
  !!env.WEBSITE_INSTANCE_ID;

/** Why development auth is off on Azure (logged by the host, carried by every 401's detail). */
export const DEV_AUTH_ON_AZURE =
  'development tokens are refused on Azure (WEBSITE_INSTANCE_ID is set): configure Entra ID (XIESHANG_AUTH_*)';

// POSIX permissions mean nothing on Windows, where the temp directory is per user anyway.
const POSIX = process.platform !== 'win32';
const uid = (): number | undefined => (POSIX ? process.getuid?.() : undefined);

/**
 * The directory of the generated development key: a per-user directory under the OS temp directory
 * (mode 0700), outside the repository and out of reach of other users of a shared /tmp.
 */
export const devKeyDir = (): string => join(tmpdir(), `xieshang-dev-${uid() ?? 'user'}`);

/** Where the generated development key lives. */
export const devKeyPath = (dir: string = devKeyDir()): string => join(dir, 'signing-key');

/** What is wrong with a key file or its directory, or null when only its owner can reach it. */
function notPrivate(st: Stats, kind: 'file' | 'directory'): string | null {
  if (kind === 'file' ? !st.isFile() : !st.isDirectory()) return `is not a plain ${kind}`;
  if (!POSIX) return null;
  if (st.uid !== uid()) return 'belongs to another user';
  if ((st.mode & 0o077) !== 0) return `is open to group or others (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}

/** Creates the key directory owner-only, or refuses one another user made or opened up. */
function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let st = lstatSync(dir);
  // Our own directory made too open (e.g. by a umask or a careless chmod) is closed again.
  if (st.isDirectory() && POSIX && st.uid === uid() && (st.mode & 0o077) !== 0) {
    chmodSync(dir, 0o700);
    st = lstatSync(dir);
  }
  const problem = notPrivate(st, 'directory');
  if (problem) throw new Error(`the development key directory ${dir} ${problem}; remove it`);
}

const readKey = (path: string): Uint8Array => new TextEncoder().encode(readFileSync(path, 'utf8').trim());

/**
 * The development signing key: XIESHANG_DEV_SECRET when set, else a random key generated once into
 * a private directory (0700) as an owner-only file (0600), so `dev-token` and the local host agree
 * without committing a secret. A key file others could read is treated as leaked and replaced; one
 * owned by another user is refused. Never available on Azure.
 */
export function devSecret(env: Readonly<Record<string, string | undefined>>): Uint8Array {
  if (runningOnAzure(env)) throw new Error(DEV_AUTH_ON_AZURE);
  const configured = env.XIESHANG_DEV_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('XIESHANG_DEV_SECRET must be at least 32 characters');
    return new TextEncoder().encode(configured);
  }
  const dir = devKeyDir();
  privateDir(dir);
  const path = devKeyPath(dir);
  let st: Stats | undefined;
  try {
    st = lstatSync(path);
  } catch {
    st = undefined;
  }
  if (st) {
    const problem = notPrivate(st, 'file');
    if (!problem) return readKey(path);
    if (!st.isFile() || (POSIX && st.uid !== uid()))
      throw new Error(`the development key ${path} ${problem}; remove it`);
    // Readable by others: whatever it signed may be forged, so a new key replaces it.
    unlinkSync(path);
  }
  const key = randomBytes(32).toString('hex');
  try {
    writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  } catch {
    // Another process created it first: use theirs, if it is private.
    const problem = notPrivate(lstatSync(path), 'file');
    if (problem) throw new Error(`the development key ${path} ${problem}; remove it`);
    return readKey(path);
  }
  chmodSync(path, 0o600);
  return new TextEncoder().encode(key);
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
