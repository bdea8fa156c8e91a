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
  /** Categories on the form, and characters in each. */
  categories: 50,
  categoryChars: MAX_INTAKE_CATEGORY,
  /** A submission's compact JWE, in characters (ASCII: bytes). */
  jweChars: 48 * 1024,
  /** A submission request's body, in bytes. */
  submitBodyBytes: 64 * 1024,
  /** Submissions a pull answers per page. */
  pullPage: 100,
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

const b64url32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

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

/** What the phone page offers to choose from: the unit's workshops/departments and categories. */
export const intakeFormSchema = z.strictObject({
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
  receiptId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  receiptSecret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/** A submission's receipt. */
export type IntakeReceipt = z.output<typeof intakeReceiptSchema>;

/** A submission waiting for the pane: ciphertext only. */
export const intakeSubmissionSchema = z.object({
  receiptId: z.string(),
  kid: z.string(),
  jwe: z.string(),
  submittedAt: z.string(),
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

/** POST /api/units/{unitId}/intake/submissions/{receiptId}/taken: the 编号 the pane wrote it as. */
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
