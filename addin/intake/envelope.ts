// The intake envelope's crypto: jose over WebCrypto (globalThis.crypto.subtle), so the same code runs
// in the phone's browser, Excel's webview, the preview and Node 20. The schemas live in shared/intake.
import {
  base64url,
  calculateJwkThumbprint,
  CompactEncrypt,
  compactDecrypt,
  decodeProtectedHeader,
  importJWK,
} from 'jose';
import {
  INTAKE_ALG,
  INTAKE_ENC,
  intakePublicJwkSchema,
  ratingPayloadSchema,
  receiptStatusSchema,
  signInPayloadSchema,
  submissionPayloadSchema,
  STATUS_ALG,
  checkWire,
  joinSaid,
  say,
  type Bilingual,
  type IntakePublicJwk,
  type RatingPayload,
  type ReceiptStatus,
  type SignInPayload,
  type SubmissionPayload,
} from '../../shared';

/** Why an intake envelope could not be made or opened. */
export type IntakeReason =
  | 'bad-key'
  | 'wrong-kid'
  | 'unknown-kid'
  | 'unreadable'
  | 'invalid-payload'
  | 'short-passphrase'
  | 'wrong-passphrase'
  | 'bad-store'
  | 'no-keys';

/** An intake failure: `code` says which, `reason` is the message for the clerk or employee (as the Excel layer's errors). */
export class IntakeError extends Error {
  constructor(
    readonly code: IntakeReason,
    readonly reason: Bilingual,
  ) {
    super(`${reason.zh} / ${reason.en}`);
    this.name = 'IntakeError';
  }
}

/** The union's private keys in memory, by kid (the public key's fingerprint). */
export type IntakeKeyring = ReadonlyMap<string, CryptoKey>;

/** Checks a public JWK is a P-256 key with only the members its thumbprint covers. */
function publicKeyOf(jwk: unknown): IntakePublicJwk {
  const r = checkWire(intakePublicJwkSchema, jwk);
  if (!r.ok) throw new IntakeError('bad-key', say('工会公钥格式不对', 'the union public key is malformed'));
  return r.value;
}

/**
 * The key's fingerprint: its RFC 7638 JWK thumbprint (SHA-256, base64url). This is the kid every
 * envelope names and the QR code carries, so the phone page can refuse a key the server swapped.
 */
export async function keyFingerprint(publicJwk: IntakePublicJwk): Promise<string> {
  const { kty, crv, x, y } = publicKeyOf(publicJwk);
  return calculateJwkThumbprint({ kty, crv, x, y }, 'sha256');
}

/**
 * Encrypts a submission to the union's public key: a compact JWE (ECDH-ES, A256GCM) whose protected
 * header names the key. `kid` is the fingerprint the QR code carried: a key that does not match it
 * is refused before anything is encrypted.
 */
export async function encryptSubmission(
  payload: SubmissionPayload,
  publicJwk: IntakePublicJwk,
  kid: string,
): Promise<string> {
  return encryptToUnion('appeal', payload, publicJwk, kid);
}

/** What the union's key encrypts, by the pending item's kind. */
export interface UnionPayloads {
  readonly appeal: SubmissionPayload;
  readonly rating: RatingPayload;
  readonly signIn: SignInPayload;
}

const PAYLOAD_SCHEMAS = {
  appeal: submissionPayloadSchema,
  rating: ratingPayloadSchema,
  signIn: signInPayloadSchema,
} as const;

/**
 * Encrypts an appeal, a rating or a sign-in to the union's public key (ECDH-ES, A256GCM), after
 * checking it against its schema and the key against the fingerprint the QR code carried.
 */
export async function encryptToUnion<K extends keyof UnionPayloads>(
  kind: K,
  payload: UnionPayloads[K],
  publicJwk: IntakePublicJwk,
  kid: string,
): Promise<string> {
  const checked = checkWire(PAYLOAD_SCHEMAS[kind], payload);
  if (!checked.ok)
    throw new IntakeError('invalid-payload', joinSaid(checked.problems.map((p) => prefixed(p))));
  if ((await keyFingerprint(publicJwk)) !== kid)
    throw new IntakeError(
      'wrong-kid',
      say(
        '服务器给出的公钥与二维码上的指纹不符，未发送。请联系工会',
        'the key the server gave does not match the QR code’s fingerprint; nothing was sent. Please tell the union',
      ),
    );
  const key = await importJWK({ ...publicKeyOf(publicJwk) }, INTAKE_ALG);
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(checked.value)))
    .setProtectedHeader({ alg: INTAKE_ALG, enc: INTAKE_ENC, kid })
    .encrypt(key);
}

const prefixed = (p: { readonly path: string; readonly message: Bilingual }): Bilingual =>
  say(`${p.path}：${p.message.zh}`, `${p.path}: ${p.message.en}`);

/**
 * Opens an envelope with the union's private key (one key, or the keyring by kid). A kid with no
 * key, a tampered envelope and a payload that fails the schema are IntakeErrors, never garbage.
 */
export async function decryptSubmission(
  jwe: string,
  privateKey: CryptoKey | IntakeKeyring,
): Promise<SubmissionPayload> {
  return decryptFromPhone('appeal', jwe, privateKey);
}

/** Opens an appeal, rating or sign-in envelope and checks it against that kind's schema. */
export async function decryptFromPhone<K extends keyof UnionPayloads>(
  kind: K,
  jwe: string,
  privateKey: CryptoKey | IntakeKeyring,
): Promise<UnionPayloads[K]> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(jwe).kid;
  } catch {
    throw unreadable();
  }
  const key = 'get' in privateKey ? (typeof kid === 'string' ? privateKey.get(kid) : undefined) : privateKey;
  if (!key)
    throw new IntakeError(
      'unknown-kid',
      say(
        `这份诉求是用本工作簿没有的密钥（${String(kid)}）加密的，无法打开`,
        `this submission was encrypted to a key this workbook does not hold (${String(kid)})`,
      ),
    );
  let text: string;
  try {
    const { plaintext } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: [INTAKE_ALG],
      contentEncryptionAlgorithms: [INTAKE_ENC],
    });
    text = new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    throw unreadable();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unreadable();
  }
  const r = checkWire(PAYLOAD_SCHEMAS[kind], json);
  if (!r.ok) throw new IntakeError('invalid-payload', joinSaid(r.problems.map((p) => prefixed(p))));
  return r.value as UnionPayloads[K];
}

/** A fresh reply key: 256 random bits, base64url, made on the phone for its receipt link. */
export function newReplyKey(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

const replySecret = (replyKey: string): Uint8Array => {
  const bytes = base64url.decode(replyKey);
  if (bytes.length !== 32)
    throw new IntakeError('bad-key', say('回执链接中的密钥不完整', 'the receipt link’s key is incomplete'));
  return bytes;
};

/** Encrypts an appeal's status to the phone's reply key (JWE dir + A256GCM): the cloud only relays it. */
export async function encryptStatus(status: ReceiptStatus, replyKey: string): Promise<string> {
  const checked = checkWire(receiptStatusSchema, status);
  if (!checked.ok)
    throw new IntakeError('invalid-payload', joinSaid(checked.problems.map((p) => prefixed(p))));
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(checked.value)))
    .setProtectedHeader({ alg: STATUS_ALG, enc: INTAKE_ENC })
    .encrypt(replySecret(replyKey));
}

/** Opens a status with the receipt link's reply key; a tampered or foreign status is an IntakeError. */
export async function decryptStatus(jwe: string, replyKey: string): Promise<ReceiptStatus> {
  let json: unknown;
  try {
    const { plaintext } = await compactDecrypt(jwe, replySecret(replyKey), {
      keyManagementAlgorithms: [STATUS_ALG],
      contentEncryptionAlgorithms: [INTAKE_ENC],
    });
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw unreadable();
  }
  const r = checkWire(receiptStatusSchema, json);
  if (!r.ok) throw new IntakeError('invalid-payload', joinSaid(r.problems.map((p) => prefixed(p))));
  return r.value;
}

const unreadable = () =>
  new IntakeError(
    'unreadable',
    say(
      '这份诉求无法解密：密文已损坏或被改动',
      'this submission cannot be decrypted: the ciphertext is damaged or was altered',
    ),
  );
