import { createHash, randomBytes } from 'node:crypto';
import { compactDecrypt, CompactEncrypt, decodeProtectedHeader } from 'jose';

/** The process environment, or any map shaped like it. */
export type SecretsEnv = Readonly<Record<string, string | undefined>>;

/** The app setting holding the key robot secrets are sealed under: 32 random bytes, base64. */
export const SECRETS_KEY_SETTING = 'XIESHANG_SECRETS_KEY';

/** Why a secret could not be sealed or opened. */
export class SecretsError extends Error {
  constructor(
    readonly reason: 'no-key' | 'bad-key' | 'other-key' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

/** The key secrets are sealed under, with a short id naming it inside each sealed value. */
export interface SecretsKey {
  readonly bytes: Uint8Array;
  readonly kid: string;
}

const kidOf = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('base64url').slice(0, 12);

// One per process: the local host's data lives in an in-memory Azurite that dies with it.
let sessionKey: SecretsKey | undefined;

/**
 * The key from XIESHANG_SECRETS_KEY, or — only where loopback robots are allowed (the local host and
 * the tests, never on Azure) — a random key for this process. Null when none is configured.
 */
export function secretsKey(env: SecretsEnv, localSession: boolean): SecretsKey | null {
  const raw = env[SECRETS_KEY_SETTING]?.trim();
  if (raw) {
    // 32 bytes are 43 base64 digits and one '=': anything else is a typo, not a weaker key.
    if (!/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=?$/.test(raw))
      throw new SecretsError('bad-key', `${SECRETS_KEY_SETTING} must be 32 bytes in base64`);
    const bytes = new Uint8Array(Buffer.from(raw, 'base64'));
    return { bytes, kid: kidOf(bytes) };
  }
  if (!localSession || env.WEBSITE_INSTANCE_ID) return null;
  if (!sessionKey) {
    const bytes = new Uint8Array(randomBytes(32));
    sessionKey = { bytes, kid: kidOf(bytes) };
  }
  return sessionKey;
}

/** Seals a value with AES-256-GCM under the key: a compact JWE (alg dir, enc A256GCM). */
export async function seal(plain: string, key: SecretsKey): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(plain))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: key.kid })
    .encrypt(key.bytes);
}

/** Opens a value sealed by `seal`; a wrong key or a tampered value is a SecretsError, never garbage. */
export async function unseal(sealed: string, key: SecretsKey): Promise<string> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(sealed).kid;
  } catch {
    throw new SecretsError('unreadable', 'not a sealed value');
  }
  if (kid !== key.kid)
    throw new SecretsError('other-key', `sealed under another key than ${SECRETS_KEY_SETTING}`);
  try {
    const { plaintext } = await compactDecrypt(sealed, key.bytes, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return new TextDecoder().decode(plaintext);
  } catch {
    throw new SecretsError('unreadable', 'the sealed value does not open under the key');
  }
}
