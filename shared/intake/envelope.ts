// What an employee files from the phone, and the envelope it travels in: the submission is encrypted
// in the browser to the union's public key (a compact JWE), so the cloud only ever holds ciphertext.
// The crypto itself lives in addin/intake/ (jose over WebCrypto): shared/ stays free of host APIs.
// The cloud's bodies (the published key, the posted ciphertext) are in ../wire/intake.ts.
import { z } from 'zod';
import { type Bilingual, say } from '../text';
import { VALUE_LISTS, DISSATISFIED } from '../schema/valueLists';
import { recordKeySchema, UNIT_ID, wireText } from '../wire/schema';

/**
 * The 实施意见's promise to appellants, word for word: the notice prints it and the phone page shows
 * it above the form, so the two never drift apart.
 */
export const CONFIDENTIALITY_PROMISE = '反映诉求可实名也可匿名，工会将做好诉求人的保密工作';

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

/** A 不满意 rating's reason: at most this many characters. */
export const MAX_RATING_REASON = 1000;
/** A sign-in's 职务或部门: at most this many characters. */
export const MAX_SIGN_IN_POSITION = 60;
/** A receipt status's result text: at most this many characters. */
export const MAX_STATUS_RESULT = 2000;

/**
 * A reply key: 256 random bits (base64url, 43 characters) the phone makes and sends inside the
 * encrypted submission. The pane encrypts the appeal's status to it (JWE dir + A256GCM); the phone
 * keeps it in the receipt link's fragment, which browsers never send, so the cloud cannot read it.
 */
export const REPLY_KEY = /^[A-Za-z0-9_-]{43}$/;
/** The JWE algorithm of a receipt status: the reply key used directly. */
export const STATUS_ALG = 'dir';

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
    /** The phone's reply key for the receipt link's status (absent: the link shows only that it arrived). */
    replyKey: z.string().regex(REPLY_KEY).optional(),
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

const satisfaction = z.enum(VALUE_LISTS.satisfaction.values);
const signInGroup = z.enum(VALUE_LISTS.signInGroup.values);

/**
 * An employee's rating of a finished appeal, from the receipt link: one of the four levels, and for
 * 不满意 the reason (required). Encrypted to the union's key like a submission: the reason is free
 * text and may name people.
 */
export const ratingPayloadSchema = z
  .strictObject({
    kind: z.literal('rating'),
    receiptId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    rating: satisfaction,
    reason: text(MAX_RATING_REASON).optional(),
    ratedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((p, ctx) => {
    if (p.rating === DISSATISFIED && p.reason === undefined)
      flag(ctx, say('选择“不满意”时请写明原因', 'a 不满意 rating needs its reason'), ['reason']);
  });

/** A rating as the employee gave it. */
export type RatingPayload = z.output<typeof ratingPayloadSchema>;

/**
 * A meeting sign-in from a phone: the meeting's 会议编号 (from the QR code's meeting), the attendee's
 * group, 职务或部门 and name, and optionally a phone number. Encrypted to the union's key (names).
 */
export const signInPayloadSchema = z.strictObject({
  kind: z.literal('signIn'),
  meetingId: recordKeySchema,
  group: signInGroup,
  position: text(MAX_SIGN_IN_POSITION),
  name: text(MAX_INTAKE_NAME),
  contact: z.string().max(24).regex(PHONE).optional(),
  signedAt: z.iso.datetime({ offset: true }),
});

/** A sign-in as the attendee gave it. */
export type SignInPayload = z.output<typeof signInPayloadSchema>;

/**
 * What the receipt link shows, encrypted by the pane to the phone's reply key: the 编号, the stage
 * in words, the next deadline, the result once there is one, and whether it may be rated now. No
 * identity: the pane never puts the appellant in it.
 */
export const receiptStatusSchema = z.strictObject({
  appealId: recordKeySchema,
  /** The appeal's stage in Chinese (shared/appeal/lifecycle's words). */
  stage: z.string().min(1).max(40),
  /** The next deadline the union works to, YYYY-MM-DD, and what it is for. */
  deadline: z.iso.date().optional(),
  deadlineLabel: z.string().max(40).optional(),
  /** The handling result as told (办理结果), once there is one. */
  result: z.string().max(MAX_STATUS_RESULT).optional(),
  finished: z.boolean(),
  /** Finished and not yet rated by the appellant (or reopened and finished again). */
  rateable: z.boolean(),
  /**
   * The fingerprint of the union's current key: the phone encrypts its rating only to a key with
   * this fingerprint. The status is encrypted to the reply key, so a server cannot change it.
   */
  kid: z.string().regex(INTAKE_KID).optional(),
  updatedAt: z.iso.datetime({ offset: true }),
});

/** The status the receipt link decrypts. */
export type ReceiptStatus = z.output<typeof receiptStatusSchema>;
