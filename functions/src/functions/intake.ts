import { createHash, randomBytes } from 'node:crypto';
import type { HttpResponseInit } from '@azure/functions';
import { calculateJwkThumbprint, decodeProtectedHeader } from 'jose';
import {
  INTAKE_ALG,
  INTAKE_ENC,
  INTAKE_LIMITS,
  INTAKE_RATE_LIMITS,
  RECEIPT_ID,
  RECEIPT_RATE_LIMITS,
  SIGN_IN_RATE_LIMITS,
  intakeKeyRequestSchema,
  intakeSubmissionRequestSchema,
  intakeTakenRequestSchema,
  say,
  type Bilingual,
  type IntakePublicView,
  type IntakeReceipt,
  type IntakeSubmissionList,
  type IntakeTaken,
} from '../../../shared';
import { secretHash } from '../auth/pairing';
import { readJson } from '../http/body';
import { clientAddress } from '../http/clientAddress';
import { httpFunction, publicFunction, type HttpEntry, registerHttp } from '../http/define';
import { errorResponse, HttpError, invalidBody, parseWire } from '../http/errors';
import type { Services } from '../services';
import type { Counter, CountOutcome, IntakeSetup } from '../storage';

const NO_KEY = say(
  '本单位尚未开通扫描二维码反映诉求，请直接联系工会',
  'this unit does not take appeals by QR code yet; contact the union directly',
);
const KID_MISMATCH = say(
  'kid 与公钥的指纹（RFC 7638 SHA-256）不符',
  "kid does not match the public key's RFC 7638 SHA-256 thumbprint",
);
/** A submission, rating or sign-in encrypted to a key the unit never published. */
export const UNKNOWN_KID = say(
  '提交所用的密钥不是本单位发布的密钥，请重新扫描工会张贴的二维码',
  "the submission is encrypted to a key this unit did not publish; scan the union's QR code again",
);
/** The answer to a filled honeypot: it says nothing a bot could learn from. */
const HONEYPOT = say('提交被拒绝', 'the submission was refused');
const RATE: Readonly<Record<string, Bilingual>> = {
  minute: say('提交过于频繁，请稍后再试', 'too many submissions from this network; try again shortly'),
  day: say(
    '今天从本网络提交的次数已达上限，请明天再试或直接联系工会',
    'this network has reached today’s limit of submissions; try tomorrow or contact the union directly',
  ),
  unit: say(
    '本单位今天收到的提交已达上限，请明天再试或直接联系工会',
    'this unit has received today’s limit of submissions; try tomorrow or contact the union directly',
  ),
  busy: say('服务繁忙，请稍后重试', 'the service is busy; retry shortly'),
};
const NOT_PENDING = say('没有该回执对应的待取提交', 'no submission with this receipt is waiting');
const TAKEN_OTHER = say(
  '该提交已以另一个编号登记',
  'this submission was already confirmed under another 编号',
);
const NOT_THIS_RECORD = say(
  '该评价或签到属于另一条记录（评价对应诉求编号，签到对应会议编号）',
  'this rating or sign-in belongs to another record (a rating to its appeal’s 编号, a sign-in to its 会议编号)',
);

/** Refuses a field of the body with a 400 naming it. */
export const badField = (path: string, message: Bilingual): HttpError => invalidBody([{ path, message }]);

/** The route's receipt id, or a 400 naming it. */
export const receiptIdOf = (params: Readonly<Record<string, string>>): string => {
  const receiptId = params['receiptId'] ?? '';
  if (!RECEIPT_ID.test(receiptId)) throw badField('receiptId', say('回执编号无效', 'invalid receipt id'));
  return receiptId;
};

/**
 * Checks a submission's envelope without decrypting it (the cloud cannot): compact JWE, five parts,
 * no encrypted key (ECDH-ES derives it), a 96-bit IV and 128-bit tag, and a protected header
 * saying ECDH-ES / A256GCM / the kid the body names.
 */
function checkEnvelope(jwe: string, kid: string): void {
  const parts = jwe.split('.');
  const bad = (en: string, zh: string) =>
    badField('jwe', say(`密文格式不正确：${zh}`, `malformed JWE: ${en}`));
  if (parts.length !== 5) throw bad('a compact JWE has five parts', '应为五段');
  if (!parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) throw bad('not base64url', '不是 base64url');
  const [, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  if (encryptedKey !== '') throw bad('ECDH-ES carries no encrypted key', 'ECDH-ES 不含加密密钥段');
  if (iv.length !== 16 || tag.length !== 22 || ciphertext === '')
    throw bad('IV, ciphertext or tag of the wrong length', 'IV、密文或认证标签长度不对');
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwe) as Record<string, unknown>;
  } catch {
    throw bad('the protected header cannot be read', '受保护头无法解析');
  }
  if (header.alg !== INTAKE_ALG || header.enc !== INTAKE_ENC)
    throw bad(
      `alg must be ${INTAKE_ALG} and enc ${INTAKE_ENC}`,
      `alg 须为 ${INTAKE_ALG}，enc 须为 ${INTAKE_ENC}`,
    );
  if (header.kid !== kid) throw bad('the header names another kid', '头部的 kid 与请求不一致');
  if (header.zip !== undefined || header.crit !== undefined)
    throw bad('zip and crit are not accepted', '不接受 zip 或 crit');
}

// An address is kept only as a hash: the counters must not become a list of who submitted.
const addressHash = (address: string): string =>
  createHash('sha256').update(`xieshang-intake|${address}`).digest('hex');

/** An address's counters for a minute and a day, on rows of `prefix`'s own. */
const perAddress = (
  prefix: string,
  address: string,
  limits: { readonly addressPerMinute: number; readonly addressPerDay: number },
): Counter[] => {
  const subject = `${prefix}-${addressHash(address)}`;
  return [
    { subject, window: 'minute', limit: limits.addressPerMinute },
    { subject, window: 'day', limit: limits.addressPerDay },
  ];
};

/** The counters a receipt link's lookups and ratings are taken from: per address a minute and a day (their own rows). */
export const receiptCounters = (address: string): Counter[] => perAddress('l', address, RECEIPT_RATE_LIMITS);

/**
 * The per-address counters a meeting sign-in is taken from, before the meeting is read: their own
 * rows, so a meeting does not use up appeals.
 */
export const signInCounters = (address: string): Counter[] => perAddress('s', address, SIGN_IN_RATE_LIMITS);

/**
 * The unit's day of sign-ins, counted only once the meeting key has been found: a made-up key must
 * not use up the unit's allowance.
 */
export function signInUnitCounter(unitId: string): Counter {
  return { subject: `u-s-${unitId}`, window: 'day', limit: SIGN_IN_RATE_LIMITS.unitPerDay };
}

/**
 * The counters the public meeting view is taken from, before any read: the sign-in limits per
 * address (a meeting room shares one Wi-Fi address, which the receipt lookups' 30 a minute would
 * turn away), on rows of their own so that opening the page does not halve the room's sign-ins. No
 * unit counter: the view is counted before its key is checked, and a made-up key must cost the unit nothing.
 */
export const meetingViewCounters = (address: string): Counter[] =>
  perAddress('v', address, SIGN_IN_RATE_LIMITS);

/** The 429 for counters that refused: Retry-After, and why in both languages. */
export function rateLimited(
  counted: Exclude<CountOutcome, { ok: true }>,
  text: Readonly<Record<'minute' | 'day', Bilingual>> = RATE as Record<'minute' | 'day', Bilingual>,
): HttpResponseInit {
  const why =
    counted.reason === 'contended'
      ? RATE.busy
      : counted.counter.subject.startsWith('u-')
        ? RATE.unit
        : text[counted.counter.window];
  return errorResponse(new HttpError(429, 'rate-limited', why as Bilingual), {
    'Retry-After': String(counted.retryAfter),
  });
}

/**
 * Screens what a phone posts (a submission, a rating, a sign-in) before anything is read from
 * storage: a filled honeypot and a malformed envelope are refused at once.
 */
export function screenCiphertext(body: {
  readonly kid: string;
  readonly jwe: string;
  readonly website: string;
}): void {
  if (body.website !== '') throw badField('website', HONEYPOT);
  checkEnvelope(body.jwe, body.kid);
}

/**
 * The unit's published intake and the name its phones show: the one published with the key, else
 * the unit's name in the cloud's tree. 404 intake-not-open, saying `notOpen`, before any key.
 */
export async function publishedIntake(
  services: Services,
  unitId: string,
  notOpen: Bilingual,
): Promise<{ readonly setup: IntakeSetup; readonly unitName: string }> {
  const setup = await services.store.intake.get(unitId);
  if (!setup) throw new HttpError(404, 'intake-not-open', notOpen);
  return { setup, unitName: setup.form.unitName || (await services.store.units.get(unitId))?.name || '' };
}

/**
 * Admits a screened post: counts it against `counters` (Table Storage; none when the caller counted
 * already), then checks the unit published the key it names. Answers the 429 to send when a limit is
 * reached; throws otherwise.
 */
export async function admitCiphertext(
  services: Services,
  unitId: string,
  kid: string,
  counters: Counter[],
): Promise<HttpResponseInit | undefined> {
  if (counters.length > 0) {
    const counted = await services.store.rateLimits.count(counters);
    if (!counted.ok) return rateLimited(counted);
  }
  if (!(await services.store.intake.hasKey(unitId, kid))) throw badField('kid', UNKNOWN_KID);
  return undefined;
}

/** The counters a submission is taken from: per address a minute and a day, per unit a day. */
export const intakeCounters = (unitId: string, address: string): Counter[] => [
  ...perAddress('a', address, INTAKE_RATE_LIMITS),
  { subject: `u-${unitId}`, window: 'day', limit: INTAKE_RATE_LIMITS.unitPerDay },
];

/** PUT units/{unitId}/intake/key (clerk, chair, admin): publishes the unit's public key and form. */
export const intakeKeyFunction = httpFunction({
  name: 'intake-key',
  route: 'units/{unitId}/intake/key',
  methods: ['PUT'],
  access: 'sync',
  scope: 'unitId',
  async run({ request, services, caller, unitId }) {
    const body = parseWire(intakeKeyRequestSchema, await readJson(request, INTAKE_LIMITS.submitBodyBytes));
    const thumbprint = await calculateJwkThumbprint(body.publicJwk, 'sha256');
    if (thumbprint !== body.kid) throw badField('kid', KID_MISMATCH);
    const setup = await services.store.intake.publish(
      unitId,
      { kid: body.kid, publicJwk: body.publicJwk },
      body.form,
      {
        actor: caller,
        action: 'intake.key',
        detail: {
          kid: body.kid,
          workshops: body.form.workshops.length,
          categories: body.form.categories.length,
        },
      },
    );
    return {
      status: 200,
      jsonBody: { kid: setup.kid, keptKids: setup.keptKids, publishedAt: setup.publishedAt },
    };
  },
});

/** GET public/units/{unitId}/intake (no token): the unit's name, form and current public key. */
export const intakePublicFunction = publicFunction({
  name: 'intake-public',
  route: 'public/units/{unitId}/intake',
  methods: ['GET'],
  scope: 'unitId',
  async run({ services, unitId }) {
    const { setup, unitName } = await publishedIntake(services, unitId, NO_KEY);
    const view: IntakePublicView = {
      unitName,
      form: setup.form,
      key: { publicJwk: setup.publicJwk, kid: setup.kid },
    };
    // Short: a rotated key reaches phones within a minute; the QR code's kid guards against a stale one anyway.
    return { status: 200, jsonBody: view, headers: { 'Cache-Control': 'public, max-age=60' } };
  },
});

/**
 * POST public/units/{unitId}/intake/submissions (no token): stores a phone's ciphertext and answers
 * a receipt whose secret the cloud keeps only as a SHA-256 hash. Checked in order of cost: body,
 * honeypot, envelope, rate limits (Table Storage counters), then the key it names.
 */
export const intakeSubmitFunction = publicFunction({
  name: 'intake-submit',
  route: 'public/units/{unitId}/intake/submissions',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const body = parseWire(
      intakeSubmissionRequestSchema,
      await readJson(request, INTAKE_LIMITS.submitBodyBytes),
    );
    screenCiphertext(body);
    const limited = await admitCiphertext(
      services,
      unitId,
      body.kid,
      intakeCounters(unitId, clientAddress(request)),
    );
    if (limited) return limited;
    const receipt: IntakeReceipt = {
      receiptId: randomBytes(16).toString('base64url'),
      receiptSecret: randomBytes(32).toString('base64url'),
    };
    await services.store.intake.add(unitId, {
      receiptId: receipt.receiptId,
      kid: body.kid,
      jwe: body.jwe,
      secretHash: secretHash(receipt.receiptSecret),
    });
    return { status: 201, jsonBody: receipt, headers: { 'Cache-Control': 'no-store' } };
  },
});

/**
 * GET units/{unitId}/intake/submissions[?continuation=] (clerk, chair, admin): ciphertext waiting —
 * appeals, ratings (with the receipt and 编号 they rate) and sign-ins (with their 会议编号).
 */
export const intakeListFunction = httpFunction({
  name: 'intake-list',
  route: 'units/{unitId}/intake/submissions',
  methods: ['GET'],
  access: 'sync',
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const after = request.query.get('continuation') ?? undefined;
    if (after !== undefined && !RECEIPT_ID.test(after))
      throw badField('continuation', say('续取标记无效', 'invalid continuation'));
    const page: IntakeSubmissionList = await services.store.intake.list(
      unitId,
      INTAKE_LIMITS.pullPage,
      after,
    );
    return { status: 200, jsonBody: page, headers: { 'Cache-Control': 'no-store' } };
  },
});

/**
 * POST units/{unitId}/intake/submissions/{receiptId}/taken (clerk, chair, admin): the pane wrote the
 * item as `appealId`. An appeal's ciphertext goes and the link receipt → 编号 stays; a rating (of
 * the appeal it names) or a sign-in (to the 会议编号 it names) is deleted. Idempotent.
 */
export const intakeTakenFunction = httpFunction({
  name: 'intake-taken',
  route: 'units/{unitId}/intake/submissions/{receiptId}/taken',
  methods: ['POST'],
  access: 'sync',
  scope: 'unitId',
  async run({ request, services, caller, unitId }) {
    const receiptId = receiptIdOf(request.params);
    const body = parseWire(intakeTakenRequestSchema, await readJson(request, 4096));
    const outcome = await services.store.intake.take(unitId, receiptId, body.appealId, {
      actor: caller,
      action: 'intake.taken',
      detail: { receiptId, appealId: body.appealId },
    });
    if (!outcome.ok) {
      if (outcome.reason === 'unknown')
        throw new HttpError(404, 'intake-not-pending', NOT_PENDING, { path: 'receiptId' });
      if (outcome.reason === 'mismatch')
        throw new HttpError(409, 'intake-not-this-record', NOT_THIS_RECORD, { path: 'appealId' });
      throw new HttpError(409, 'intake-taken-as-other', TAKEN_OTHER, { path: 'appealId' });
    }
    const answer: IntakeTaken = {
      receiptId,
      appealId: outcome.appealId,
      takenAt: outcome.takenAt,
      already: outcome.already,
    };
    return { status: 200, jsonBody: answer };
  },
});

/** The intake endpoints, in the order the function list names them. */
export const INTAKE_FUNCTIONS: readonly HttpEntry[] = [
  intakeKeyFunction,
  intakePublicFunction,
  intakeSubmitFunction,
  intakeListFunction,
  intakeTakenFunction,
];

registerHttp(...INTAKE_FUNCTIONS);
