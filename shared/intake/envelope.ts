// What an employee files from the phone, and the envelope it travels in: the submission is encrypted
// in the browser to the union's public key (a compact JWE), so the cloud only ever holds ciphertext.
// The crypto itself lives in addin/intake/ (jose over WebCrypto): shared/ stays free of host APIs.
// The cloud's bodies (the published key, the posted ciphertext) are in ../wire/intake.ts.
import { z } from 'zod';
import { type Bilingual, say } from '../text';
import { UNIT_ID, wireText } from '../wire/schema';

/** The JWE key management algorithm: ephemeral-static ECDH, the content key derived directly. */
export const INTAKE_ALG = 'ECDH-ES';
/** The JWE content encryption: AES-256-GCM. */
export const INTAKE_ENC = 'A256GCM';
/** The union's key curve. */
export const INTAKE_CURVE = 'P-256';

/** An employee's appeal text: at most this many characters. */
export const MAX_INTAKE_CONTENT = 4000;
/** A workshop or department name: at most this many characters. */
export const MAX_INTAKE_WORKSHOP = 60;
/** A category: at most this many characters. */
export const MAX_INTAKE_CATEGORY = 60;
/** A name: at most this many characters. */
export const MAX_INTAKE_NAME = 50;

/** A key id: the RFC 7638 SHA-256 thumbprint of the public key, base64url (43 characters). */
export const INTAKE_KID = /^[A-Za-z0-9_-]{43}$/;

// A phone number as people type it: digits with optional +, spaces, hyphens and parentheses.
const PHONE = /^\+?[0-9][0-9 ()-]{4,23}$/;

type Ctx = z.core.$RefinementCtx;

/** Adds a bilingual problem the way shared/wire reports them (params.zh / params.en). */
function flag(ctx: Ctx, message: Bilingual, path: PropertyKey[]): void {
  ctx.addIssue({
    code: 'custom',
    message: message.en,
    params: { zh: message.zh, en: message.en },
    path,
    input: undefined,
  });
}

const text = (max: number) =>
  // Identity in the content is not refused here: the payload is end-to-end encrypted, and a
  // submission refused at decryption would be lost; the pane applies the register's checks on import.
  wireText(max, false).refine((s) => s.trim() !== '', {
    params: { zh: '不能为空', en: 'may not be empty' },
  });

/**
 * What an employee files: the appeal, the workshop, an optional category, and either a name and a
 * phone number or 匿名 (anonymous, and then neither). Checked by the phone page before encrypting and
 * by the pane after decrypting.
 */
export const submissionPayloadSchema = z
  .strictObject({
    content: text(MAX_INTAKE_CONTENT),
    workshop: text(MAX_INTAKE_WORKSHOP),
    category: text(MAX_INTAKE_CATEGORY).optional(),
    anonymous: z.boolean(),
    name: text(MAX_INTAKE_NAME).optional(),
    phone: z.string().max(24).regex(PHONE).optional(),
    submittedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((p, ctx) => {
    for (const field of ['name', 'phone'] as const) {
      if (p.anonymous && p[field] !== undefined)
        flag(ctx, say('匿名反映时不填写姓名和电话', 'an anonymous submission carries no name or phone'), [
          field,
        ]);
      if (!p.anonymous && p[field] === undefined)
        flag(
          ctx,
          field === 'name'
            ? say('请填写姓名，或选择匿名', 'a name is required unless anonymous')
            : say('请填写联系电话，或选择匿名', 'a phone number is required unless anonymous'),
          [field],
        );
    }
  });

/** A submission as the employee filed it, before encryption and after decryption. */
export type SubmissionPayload = z.output<typeof submissionPayloadSchema>;

/** What a QR code carries: the unit and the fingerprint of the key the page must encrypt to. */
export const intakeQrSchema = z.strictObject({
  unitId: z.string().regex(UNIT_ID),
  kid: z.string().regex(INTAKE_KID),
});

/** The unit id and key fingerprint a QR code carries. */
export type IntakeQr = z.output<typeof intakeQrSchema>;
