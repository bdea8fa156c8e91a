// The secrets of pairing: one-time codes and the credentials they become. Both are high-entropy
// random values, so a single SHA-256 is the right stored form (a slow password hash guards
// low-entropy secrets; these are 60 and 256 bits); the plain values exist only in the answer that
// hands them out.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CREDENTIAL_PREFIX, PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH, UNIT_ID } from '../../../shared';

/** SHA-256 of a secret, hex: what storage keeps of codes and credentials. */
export const secretHash = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Whether a secret matches a stored hash, in constant time. */
export function matchesHash(secret: string, storedHash: string): boolean {
  const a = Buffer.from(secretHash(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new one-time code in canonical form (PAIRING_CODE_LENGTH characters of the code alphabet). */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++)
    code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** The parts of a pairing credential: the unit and id locate its row, the secret proves it. */
export interface CredentialParts {
  readonly unitId: string;
  readonly credentialId: string;
  readonly secret: string;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** A new credential for a unit: `xsp1.<unit, base64url>.<id>.<secret>`, 128-bit id and 256-bit secret. */
export function newCredential(unitId: string): CredentialParts & { readonly token: string } {
  const credentialId = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const unit = Buffer.from(unitId, 'utf8').toString('base64url');
  return { unitId, credentialId, secret, token: `${CREDENTIAL_PREFIX}${unit}.${credentialId}.${secret}` };
}

/** The parts of a presented credential, or null when it is not one (wrong shape, bad unit id). */
export function parseCredential(token: string): CredentialParts | null {
  if (!token.startsWith(CREDENTIAL_PREFIX) || token.length > 300) return null;
  const parts = token.slice(CREDENTIAL_PREFIX.length).split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return null;
  const [unit, credentialId, secret] = parts as [string, string, string];
  const unitId = Buffer.from(unit, 'base64url').toString('utf8');
  if (!UNIT_ID.test(unitId) || credentialId.length !== 22 || secret.length !== 43) return null;
  return { unitId, credentialId, secret };
}
