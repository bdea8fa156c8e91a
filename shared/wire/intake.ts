// The cloud's intake endpoints (issue 14): the union publishes a public key and its form's lists,
// phones post ciphertext without a token, the pane pulls it and confirms it is in the workbook.
// The cloud never decrypts: it checks only the envelope's shape and the key it names.
import { z } from 'zod';
import { say, type Bilingual } from '../text';
import { INTAKE_CURVE, INTAKE_KID, MAX_INTAKE_CATEGORY, MAX_INTAKE_WORKSHOP } from '../intake/envelope';
import { recordKeySchema, wireText } from './schema';

/** The limits of the intake endpoints, shared by the phone page, the pane and the cloud. */
export const INTAKE_LIMITS = {
  /** Workshops/departments on the form, and characters in each. */
  workshops: 200,
  workshopChars: MAX_INTAKE_WORKSHOP,
  /** The unit's name the phone page heads its form with, in characters. */
  unitNameChars: 100,
  /** Categories on the form, and characters in each. */
  categories: 50,
  categoryChars: MAX_INTAKE_CATEGORY,
  /** A submission's compact JWE, in characters (ASCII: bytes). */
  jweChars: 48 * 1024,
  /** A submission request's body, in bytes. */
  submitBodyBytes: 64 * 1024,
  /** Submissions a pull answers per page. */
  pullPage: 100,
  /** A receipt status's compact JWE (dir + A256GCM), in characters. */
  statusJweChars: 8 * 1024,
  /** Statuses one publish carries. */
  statusBatch: 100,
  /** A meeting's title on the sign-in page, in characters. */
  meetingTitleChars: 100,
} as const;

/**
 * How often one address and one unit may submit: per address 5 a minute and 30 a (UTC) day, per
 * unit 500 a day. A person files one appeal in a minute; a shared company NAT address gets 30.
 */
export const INTAKE_RATE_LIMITS = {
  addressPerMinute: 5,
  addressPerDay: 30,
  unitPerDay: 500,
} as const;

/**
 * How often one address may open a receipt link (status or rating lookups): 30 a minute, 300 a day.
 * A receipt secret has 256 bits, so this guards the table, not the secret.
 */
export const RECEIPT_RATE_LIMITS = {
  addressPerMinute: 30,
  addressPerDay: 300,
} as const;

/**
 * How often meeting sign-ins are taken: per address 60 a minute and 600 a day, per unit 2000 a day.
 * A meeting room's attendees often share one Wi-Fi address, so the appeal's 5 a minute would turn
 * most of them away; the sign-in page works on the meeting day only, which bounds the rest.
 */
export const SIGN_IN_RATE_LIMITS = {
  addressPerMinute: 60,
  addressPerDay: 600,
  unitPerDay: 2000,
} as const;

const b64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** A receipt id: 128 random bits, base64url. */
export const RECEIPT_ID = /^[A-Za-z0-9_-]{22}$/;
/** A receipt's secret: 256 random bits, base64url; the cloud keeps only its hash. */
export const RECEIPT_SECRET = /^[A-Za-z0-9_-]{43}$/;
/** A meeting's sign-in key: 128 random bits the pane makes, base64url; the QR code carries it. */
export const MEETING_KEY = /^[A-Za-z0-9_-]{22}$/;

const privateKeyRefused: Bilingual = say(
  '只能发布公钥：密钥中不得含有私钥成分 d',
  'publish the public key only: the key may not carry the private member d',
);

/**
 * The union's public key: an EC P-256 JWK with exactly kty, crv, x and y (the members its RFC 7638
 * thumbprint covers). A private key (`d`) is refused by name, so a pane that sends one learns why.
 */
export const intakePublicJwkSchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal(INTAKE_CURVE),
    x: b64url32,
    y: b64url32,
    d: z.unknown().optional(),
  })
  .strict()
  .superRefine((k, ctx) => {
    if (k.d !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: privateKeyRefused.en,
        params: { zh: privateKeyRefused.zh, en: privateKeyRefused.en },
        path: ['d'],
        input: undefined,
      });
  })
  .transform(({ kty, crv, x, y }) => ({ kty, crv, x, y }));

/** The union's public key as the wire carries it. */
export type IntakePublicJwk = z.output<typeof intakePublicJwkSchema>;

/**
 * What the phone page shows and offers: the unit's name (its 设置 单位名称, so an employee sees whose
 * union they are writing to), its workshops/departments and categories.
 */
export const intakeFormSchema = z.strictObject({
  unitName: wireText(INTAKE_LIMITS.unitNameChars, true).optional(),
  workshops: z.array(wireText(INTAKE_LIMITS.workshopChars, false).min(1)).max(INTAKE_LIMITS.workshops),
  categories: z.array(wireText(INTAKE_LIMITS.categoryChars, false).min(1)).max(INTAKE_LIMITS.categories),
});

/** The phone page's lists. */
export type IntakeForm = z.output<typeof intakeFormSchema>;

/** PUT /api/units/{unitId}/intake/key: the unit's current key (its kid recomputed by the cloud) and form. */
export const intakeKeyRequestSchema = z.strictObject({
  publicJwk: intakePublicJwkSchema,
  kid: z.string().regex(INTAKE_KID),
  form: intakeFormSchema,
});

/** The body of publishing a key. */
export type IntakeKeyRequest = z.output<typeof intakeKeyRequestSchema>;

/** The answer to publishing: the current kid and every kid the cloud still accepts submissions to. */
export const intakeKeyResponseSchema = z.object({
  kid: z.string(),
  keptKids: z.array(z.string()),
  publishedAt: z.string(),
});

/** GET /api/public/units/{unitId}/intake (no token): what the phone page needs to encrypt and ask. */
export const intakePublicResponseSchema = z.object({
  unitName: z.string(),
  form: intakeFormSchema,
  key: z.object({ publicJwk: intakePublicJwkSchema, kid: z.string().regex(INTAKE_KID) }),
});

/** What the phone page reads. */
export type IntakePublicView = z.output<typeof intakePublicResponseSchema>;

/**
 * POST /api/public/units/{unitId}/intake/submissions (no token): the ciphertext, the kid it was
 * encrypted to, and `website`, a field people never see (a bot filling it is refused).
 */
export const intakeSubmissionRequestSchema = z.strictObject({
  kid: z.string().regex(INTAKE_KID),
  jwe: z.string().min(1).max(INTAKE_LIMITS.jweChars),
  website: z.string().max(200),
});

/** The body a phone posts. */
export type IntakeSubmissionRequest = z.output<typeof intakeSubmissionRequestSchema>;

/** The receipt, shown once: the employee's link is receiptId + receiptSecret; the cloud keeps the secret's hash. */
export const intakeReceiptSchema = z.object({
  receiptId: z.string().regex(RECEIPT_ID),
  receiptSecret: z.string().regex(RECEIPT_SECRET),
});

/** A submission's receipt. */
export type IntakeReceipt = z.output<typeof intakeReceiptSchema>;

/** What a pending item is: an appeal filed, a rating of one, or a meeting sign-in. */
export const INTAKE_KINDS = ['appeal', 'rating', 'signIn'] as const;

/** A pending item's kind. */
export type IntakeKind = (typeof INTAKE_KINDS)[number];

/**
 * An item waiting for the pane: ciphertext only. `receiptId` is the item's own id (for an appeal,
 * its receipt). A rating names the receipt it rates in `ratesReceiptId`, and the 编号 the cloud
 * linked to that receipt in `appealId`; a sign-in names the meeting's 会议编号 in `meetingId`. The
 * pane checks these against what it decrypts: a cloud that swaps them is caught.
 */
export const intakeSubmissionSchema = z.object({
  receiptId: z.string(),
  // Absent from a cloud that predates ratings and sign-ins: then every item is an appeal.
  kind: z.enum(INTAKE_KINDS).default('appeal'),
  kid: z.string(),
  jwe: z.string(),
  submittedAt: z.string(),
  ratesReceiptId: z.string().optional(),
  appealId: z.string().optional(),
  meetingId: z.string().optional(),
});

/** A pending submission. */
export type IntakeSubmission = z.output<typeof intakeSubmissionSchema>;

/** GET /api/units/{unitId}/intake/submissions[?continuation=]: a page of pending submissions. */
export const intakeSubmissionListSchema = z.object({
  submissions: z.array(intakeSubmissionSchema),
  continuation: z.string().optional(),
});

/** A page of pending submissions. */
export type IntakeSubmissionList = z.output<typeof intakeSubmissionListSchema>;

/**
 * POST /api/units/{unitId}/intake/submissions/{receiptId}/taken: the record the pane wrote it as —
 * for an appeal its new 编号 (required; the link receipt → 编号 stays), for a rating the appeal it
 * rated, for a sign-in the 会议编号. A rating or sign-in is then deleted.
 */
export const intakeTakenRequestSchema = z.strictObject({ appealId: recordKeySchema });

/** The answer to `taken`: the link kept (no identity); `already` when it had been confirmed before. */
export const intakeTakenResponseSchema = z.object({
  receiptId: z.string(),
  appealId: z.string(),
  takenAt: z.string(),
  already: z.boolean(),
});

/** The confirmation of a submission taken into the workbook. */
export type IntakeTaken = z.output<typeof intakeTakenResponseSchema>;

/** One receipt's status, encrypted by the pane to the phone's reply key (dir + A256GCM). */
export const receiptStatusUpdateSchema = z.strictObject({
  receiptId: z.string().regex(RECEIPT_ID),
  jwe: z.string().min(1).max(INTAKE_LIMITS.statusJweChars),
  /** Whether the phone may rate now: the cloud takes a rating only then (it cannot read the status). */
  rateable: z.boolean(),
});

/** A status update for one receipt. */
export type ReceiptStatusUpdate = z.output<typeof receiptStatusUpdateSchema>;

/** PUT /api/units/{unitId}/intake/receipts: statuses for receipts taken into the workbook. */
export const receiptStatusRequestSchema = z.strictObject({
  statuses: z.array(receiptStatusUpdateSchema).min(1).max(INTAKE_LIMITS.statusBatch),
});

/** The answer: how many were stored; receipts the cloud does not hold (never taken, or purged). */
export const receiptStatusResponseSchema = z.object({
  updated: z.number().int(),
  unknown: z.array(z.string()),
});

/** What publishing statuses did. */
export type ReceiptStatusResponse = z.output<typeof receiptStatusResponseSchema>;

/**
 * POST /api/public/units/{unitId}/intake/receipts/{receiptId} (no token): the secret in the body,
 * never in a URL. A wrong secret answers as an unknown receipt (404).
 */
export const receiptLookupRequestSchema = z.strictObject({
  receiptSecret: z.string().regex(RECEIPT_SECRET),
});

/**
 * What the receipt link reads: when it was filed, whether the union has taken it in, its status
 * ciphertext (for the reply key), whether it may be rated, and whether a rating is waiting for the pane.
 */
export const receiptViewSchema = z.object({
  receiptId: z.string(),
  submittedAt: z.string(),
  taken: z.boolean(),
  status: z.string().optional(),
  rateable: z.boolean(),
  ratingPending: z.boolean(),
});

/** The receipt link's view. */
export type ReceiptView = z.output<typeof receiptViewSchema>;

/**
 * POST /api/public/units/{unitId}/intake/receipts/{receiptId}/rating (no token): the secret, and the
 * rating encrypted to the union's key like a submission. Refused (409) unless the status says rateable;
 * while one waits for the pane, another is refused (409 `rating-pending`).
 */
export const receiptRatingRequestSchema = z.strictObject({
  receiptSecret: z.string().regex(RECEIPT_SECRET),
  kid: z.string().regex(INTAKE_KID),
  jwe: z.string().min(1).max(INTAKE_LIMITS.jweChars),
  website: z.string().max(200),
});

/** The body of a rating. */
export type ReceiptRatingRequest = z.output<typeof receiptRatingRequestSchema>;

/**
 * A meeting's sign-in key on the wire: in a request body, never in a URL, because anyone holding it
 * can sign in on the meeting day and request logs (Application Insights) keep every URL.
 */
export const meetingKeySchema = z.string().regex(MEETING_KEY);

/** What a meeting opened for QR sign-in names (the body of an open, without its key). */
export const meetingSignInRequestSchema = z.strictObject({
  meetingId: recordKeySchema,
  title: wireText(INTAKE_LIMITS.meetingTitleChars, true).min(1),
  /** The meeting day (China time), YYYY-MM-DD: sign-ins are taken on this day only. */
  day: z.iso.date(),
});

/** A meeting opened for QR sign-in. */
export type MeetingSignInRequest = z.output<typeof meetingSignInRequestSchema>;

/**
 * PUT /api/units/{unitId}/intake/meetings: open QR sign-in for a meeting on its day, the key in the
 * body (the pane's call is authenticated, but its URL lands in the same logs as the phones').
 */
export const meetingOpenRequestSchema = z.strictObject({
  meetingKey: meetingKeySchema,
  ...meetingSignInRequestSchema.shape,
});

/** The body that opens a meeting for QR sign-in. */
export type MeetingOpenRequest = z.output<typeof meetingOpenRequestSchema>;

/** The answer to opening a meeting: what the cloud now holds under the key (a reopen replaces it). */
export const meetingSignInOpenedSchema = z.object({
  meetingKey: meetingKeySchema,
  meetingId: z.string(),
  title: z.string(),
  day: z.string(),
  openedAt: z.string(),
});

/** A meeting the cloud takes sign-ins for. */
export type MeetingSignInOpened = z.output<typeof meetingSignInOpenedSchema>;

/** POST /api/public/units/{unitId}/intake/meetings/view (no token): the key whose meeting to show. */
export const meetingViewRequestSchema = z.strictObject({ meetingKey: meetingKeySchema });

/** The body asking for a meeting's sign-in page. */
export type MeetingViewRequest = z.output<typeof meetingViewRequestSchema>;

/**
 * The answer to POST /api/public/units/{unitId}/intake/meetings/view: what the sign-in page needs.
 * Outside the meeting day the answer is 410 `meeting-not-today`, naming the day.
 */
export const meetingSignInViewSchema = z.object({
  unitName: z.string(),
  meetingId: z.string(),
  title: z.string(),
  day: z.string(),
  key: z.object({ publicJwk: intakePublicJwkSchema, kid: z.string().regex(INTAKE_KID) }),
});

/** The sign-in page's view. */
export type MeetingSignInView = z.output<typeof meetingSignInViewSchema>;

/**
 * POST /api/public/units/{unitId}/intake/meetings/signins (no token): the meeting's key and a sign-in's
 * ciphertext, checked as a submission is.
 */
export const meetingSignInSubmitSchema = z.strictObject({
  meetingKey: meetingKeySchema,
  ...intakeSubmissionRequestSchema.shape,
});

/** The body of a sign-in. */
export type MeetingSignInSubmit = z.output<typeof meetingSignInSubmitSchema>;
