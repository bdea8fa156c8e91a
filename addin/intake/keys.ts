// The union's intake keys: P-256 key pairs made in the pane with WebCrypto, the private halves kept
// only wrapped under the clerk's passphrase (PBKDF2-SHA-256 → AES-GCM-256) in the union's own workbook.
// The pane holds them unwrapped only in memory, as non-extractable CryptoKeys.
import { base64url } from 'jose';
import { z } from 'zod';
import { INTAKE_CURVE, INTAKE_KID, intakePublicJwkSchema, say, type IntakePublicJwk } from '../../shared';
import { IntakeError, keyFingerprint, type IntakeKeyring } from './envelope';

/**
 * PBKDF2-HMAC-SHA-256 iterations for new wrappings: OWASP's figure for PBKDF2-SHA-256 (Password
 * Storage Cheat Sheet, 2023, https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2).
 * Stored beside the salt, so raising it later re-wraps at the next passphrase change.
 */
export const PBKDF2_ITERATIONS = 600_000;
/** The fewest iterations a stored wrapping may name (a store edited down to fewer is refused). */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** A passphrase has at least this many characters. */
export const MIN_PASSPHRASE = 10;
/** The stored form's version. */
export const UNIT_KEYS_VERSION = 1;

const b64 = (bytes: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${String(Math.ceil((bytes * 4) / 3))}}$`));

/** One key pair as stored: the public key in the clear, the private key's JWK only AES-GCM-wrapped. */
const storedKeySchema = z.strictObject({
  kid: z.string().regex(INTAKE_KID),
  publicJwk: intakePublicJwkSchema,
  createdAt: z.iso.datetime({ offset: true }),
  iv: b64(12),
  wrapped: z.string().regex(/^[A-Za-z0-9_-]{40,4000}$/),
});

/**
 * The union's intake keys as the workbook keeps them: the passphrase's salt and iteration count, the
 * kid new submissions are encrypted to, and every key ever made (old submissions stay readable).
 */
export const unitKeysSchema = z
  .strictObject({
    version: z.literal(UNIT_KEYS_VERSION),
    kdf: z.strictObject({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
      salt: b64(16),
    }),
    current: z.string().regex(INTAKE_KID),
    keys: z.array(storedKeySchema).min(1).max(100),
  })
  .refine((s) => s.keys.some((k) => k.kid === s.current), { path: ['current'] });

/** The stored intake keys (no private material in the clear). */
export type UnitKeys = z.output<typeof unitKeysSchema>;

/** A key pair made or rotated: the stored form to write back, and the public key to publish. */
export interface NewUnitKey {
  readonly stored: UnitKeys;
  readonly kid: string;
  readonly publicJwk: IntakePublicJwk;
  /** Every private key of `stored`, already unlocked: the passphrase is not stretched a second time. */
  readonly keyring: IntakeKeyring;
}

/** The keys unlocked in memory: every private key by kid, and the current public key. */
export interface UnlockedUnitKeys {
  readonly keyring: IntakeKeyring;
  readonly current: string;
  readonly publicJwk: IntakePublicJwk;
}

const subtle = () => globalThis.crypto.subtle;
const ECDH = { name: 'ECDH', namedCurve: INTAKE_CURVE } as const;
const bytesOf = (s: string) => new TextEncoder().encode(s);
// A copy: WebCrypto's types take only ArrayBuffer-backed views.
const raw = (s: string) => new Uint8Array(base64url.decode(s));

/** Refuses a short passphrase; normalised to NFC so the same characters typed by another IME match. */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  const p = passphrase.normalize('NFC');
  if ([...p].length < MIN_PASSPHRASE)
    throw new IntakeError(
      'short-passphrase',
      say(
        `口令至少 ${String(MIN_PASSPHRASE)} 个字符`,
        `the passphrase needs at least ${String(MIN_PASSPHRASE)} characters`,
      ),
    );
  return bytesOf(p);
}

/** The AES-GCM-256 key a passphrase gives under the store's salt and iteration count. */
async function wrappingKey(passphrase: string, kdf: UnitKeys['kdf']): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: raw(kdf.salt), iterations: kdf.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const newKdf = (): UnitKeys['kdf'] => ({
  name: 'PBKDF2',
  hash: 'SHA-256',
  iterations: PBKDF2_ITERATIONS,
  salt: base64url.encode(globalThis.crypto.getRandomValues(new Uint8Array(16))),
});

/** Wraps a private JWK; the kid is the additional data, so a wrapping cannot be moved to another key. */
async function wrap(privateJwk: JsonWebKey, kid: string, key: CryptoKey) {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: bytesOf(kid) },
    key,
    bytesOf(JSON.stringify(privateJwk)),
  );
  return { iv: base64url.encode(iv), wrapped: base64url.encode(new Uint8Array(sealed)) };
}

const wrongPassphrase = () =>
  new IntakeError(
    'wrong-passphrase',
    say('口令不对，收件密钥未解锁', 'wrong passphrase: the intake keys stay locked'),
  );

/** Unwraps one key's private JWK (still extractable JSON: only re-wrapping and import use it). */
async function unwrap(k: UnitKeys['keys'][number], key: CryptoKey): Promise<JsonWebKey> {
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: raw(k.iv), additionalData: bytesOf(k.kid) },
      key,
      raw(k.wrapped),
    );
  } catch {
    throw wrongPassphrase();
  }
  const jwk = JSON.parse(new TextDecoder().decode(plain)) as JsonWebKey;
  // The wrapped private key must be the stored public key's partner: the kid names the public key.
  if (jwk.x !== k.publicJwk.x || jwk.y !== k.publicJwk.y || typeof jwk.d !== 'string') throw badStore();
  return jwk;
}

const badStore = () =>
  new IntakeError(
    'bad-store',
    say('工作簿中保存的收件密钥已损坏', 'the intake keys stored in the workbook are damaged'),
  );

/** Checks a stored value is the versioned key store. */
export function parseUnitKeys(stored: unknown): UnitKeys {
  const r = unitKeysSchema.safeParse(stored);
  if (!r.success) throw badStore();
  return r.data;
}

/** Makes a key pair and returns its public JWK, kid and the private JWK. */
async function generate(): Promise<{ kid: string; publicJwk: IntakePublicJwk; privateJwk: JsonWebKey }> {
  const pair = await subtle().generateKey(ECDH, true, ['deriveBits']);
  const { kty, crv, x, y, d } = await subtle().exportKey('jwk', pair.privateKey);
  const publicJwk = intakePublicJwkSchema.parse({ kty, crv, x, y });
  return { kid: await keyFingerprint(publicJwk), publicJwk, privateJwk: { kty, crv, x, y, d } };
}

const storedKey = async (
  g: Awaited<ReturnType<typeof generate>>,
  key: CryptoKey,
  now: Date,
): Promise<UnitKeys['keys'][number]> => ({
  kid: g.kid,
  publicJwk: g.publicJwk,
  createdAt: now.toISOString(),
  ...(await wrap(g.privateJwk, g.kid, key)),
});

/** Creates the unit's first intake key pair, its private key wrapped under the passphrase. */
export async function createUnitKey(passphrase: string, now = new Date()): Promise<NewUnitKey> {
  const kdf = newKdf();
  const key = await wrappingKey(passphrase, kdf);
  const g = await generate();
  const stored: UnitKeys = {
    version: UNIT_KEYS_VERSION,
    kdf,
    current: g.kid,
    keys: [await storedKey(g, key, now)],
  };
  return {
    stored,
    kid: g.kid,
    publicJwk: g.publicJwk,
    keyring: new Map([[g.kid, await usable(g.privateJwk)]]),
  };
}

/** A private JWK as the non-extractable key the keyring holds. */
const usable = (jwk: JsonWebKey): Promise<CryptoKey> =>
  subtle().importKey('jwk', jwk, ECDH, false, ['deriveBits']);

/** Every key of a store, unwrapped with its wrapping key (a wrong passphrase fails here). */
async function unlockWith(s: UnitKeys, key: CryptoKey): Promise<Map<string, CryptoKey>> {
  const keyring = new Map<string, CryptoKey>();
  for (const k of s.keys) keyring.set(k.kid, await usable(await unwrap(k, key)));
  return keyring;
}

/** The current key's kid and public JWK (what the cloud publishes and the QR code fingerprints). */
export function currentPublicKey(stored: unknown): { kid: string; publicJwk: IntakePublicJwk } {
  const s = parseUnitKeys(stored);
  const k = s.keys.find((c) => c.kid === s.current) as UnitKeys['keys'][number];
  return { kid: k.kid, publicJwk: k.publicJwk };
}

/** Unwraps every key with the passphrase into non-extractable CryptoKeys by kid. */
export async function unlockUnitKeys(stored: unknown, passphrase: string): Promise<UnlockedUnitKeys> {
  const s = parseUnitKeys(stored);
  const keyring = await unlockWith(s, await wrappingKey(passphrase, s.kdf));
  const { kid, publicJwk } = currentPublicKey(s);
  return { keyring, current: kid, publicJwk };
}

/** Re-wraps every key under a new passphrase (a fresh salt, today's iteration count). */
export async function changePassphrase(
  stored: unknown,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<UnitKeys> {
  const s = parseUnitKeys(stored);
  passphraseBytes(newPassphrase);
  const oldKey = await wrappingKey(oldPassphrase, s.kdf);
  const kdf = { ...newKdf(), iterations: Math.max(PBKDF2_ITERATIONS, s.kdf.iterations) };
  const newKey = await wrappingKey(newPassphrase, kdf);
  const keys: UnitKeys['keys'] = [];
  for (const k of s.keys) keys.push({ ...k, ...(await wrap(await unwrap(k, oldKey), k.kid, newKey)) });
  return { ...s, kdf, keys };
}

/** Adds a new current key pair; the old keys stay, so submissions made to them stay readable. */
export async function rotateUnitKey(
  stored: unknown,
  passphrase: string,
  now = new Date(),
): Promise<NewUnitKey> {
  const s = parseUnitKeys(stored);
  const key = await wrappingKey(passphrase, s.kdf);
  // The passphrase must open the existing keys: a typo must not leave keys under two passphrases.
  const keyring = await unlockWith(s, key);
  const g = await generate();
  keyring.set(g.kid, await usable(g.privateJwk));
  return {
    stored: { ...s, current: g.kid, keys: [...s.keys, await storedKey(g, key, now)] },
    kid: g.kid,
    publicJwk: g.publicJwk,
    keyring,
  };
}

/** What every act that needs the union's intake key says before one was made. */
export const noIntakeKeys = (): IntakeError =>
  new IntakeError(
    'no-keys',
    say(
      '本工作簿还没有二维码收件密钥：请先在第二步创建',
      'this workbook has no intake key yet; create one in step 2',
    ),
  );
