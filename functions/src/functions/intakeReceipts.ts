// A receipt after filing (issue 14): the pane publishes each taken appeal's status encrypted to the
// phone's reply key; the phone's private link reads it with the receipt secret and, once the status
// says so, rates the appeal with a rating encrypted to the union's key. The cloud reads neither.
import { randomBytes } from 'node:crypto';
import {
  INTAKE_LIMITS,
  receiptLookupRequestSchema,
  receiptRatingRequestSchema,
  receiptStatusRequestSchema,
  say,
  type ReceiptStatusResponse,
  type ReceiptView,
} from '../../../shared';
import { matchesHash, secretHash } from '../auth/pairing';
import { clientAddress } from '../http/clientAddress';
import { httpFunction, publicFunction, registerHttp, type HttpEntry } from '../http/define';
import { readJson } from '../http/body';
import { HttpError, parseWire } from '../http/errors';
import { badField, rateLimited, receiptCounters, receiptIdOf, screenCiphertext, UNKNOWN_KID } from './intake';

// One answer for a receipt never issued, purged, or asked with the wrong secret: the link learns nothing.
const NO_RECEIPT = say(
  '找不到该回执，请检查链接是否完整；如已超过保存期限，请直接联系工会',
  'no such receipt: check that the link is complete; if it is past its retention, contact the union directly',
);
const NOT_RATEABLE = say(
  '该诉求目前还不能评价：办结后工会会开放评价',
  'this appeal cannot be rated yet: the union opens rating once it is finished',
);
const RATING_PENDING = say(
  '评价已提交，等待工会接收；如需修改请联系工会',
  'a rating of this appeal is waiting for the union to take it in; to change it, contact the union',
);
const RATE = {
  minute: say(
    '查询或评价回执过于频繁，请稍后再试',
    'too many receipt lookups and ratings from this network; try again shortly',
  ),
  day: say(
    '今天从本网络查询或评价回执的次数已达上限，请明天再试',
    'this network has reached today’s limit of receipt lookups and ratings; try tomorrow',
  ),
};

/** The hash compared when there is no receipt, so an unknown receipt costs what a wrong secret does. */
const ABSENT_HASH = secretHash(randomBytes(32).toString('base64url'));

/** Whether `secret` hashes to `stored` (pairing's constant-time compare); no receipt costs the same compare. */
const secretMatches = (stored: string, secret: string): boolean =>
  matchesHash(secret, stored || ABSENT_HASH) && stored !== '';

const noReceipt = (): HttpError => new HttpError(404, 'receipt-unknown', NO_RECEIPT);

/**
 * PUT units/{unitId}/intake/receipts (clerk, chair, admin): the statuses of receipts taken into the
 * workbook, each stored on its receipt link (ciphertext the cloud cannot read, and `rateable`).
 */
export const intakeStatusesFunction = httpFunction({
  name: 'intake-statuses',
  route: 'units/{unitId}/intake/receipts',
  methods: ['PUT'],
  access: 'sync',
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const body = parseWire(
      receiptStatusRequestSchema,
      // 100 statuses of 8 KiB and their ids: well under 1 MiB.
      await readJson(request, INTAKE_LIMITS.statusBatch * (INTAKE_LIMITS.statusJweChars + 128) + 1024),
    );
    const answer: ReceiptStatusResponse = await services.store.intake.publishStatuses(unitId, body.statuses);
    return { status: 200, jsonBody: answer };
  },
});

/**
 * POST public/units/{unitId}/intake/receipts/{receiptId} (no token): what the receipt link shows.
 * The secret travels in the body (a URL is logged); an unknown receipt and a wrong secret answer
 * the same 404. Counted per address before any read.
 */
export const receiptLookupFunction = publicFunction({
  name: 'intake-receipt',
  route: 'public/units/{unitId}/intake/receipts/{receiptId}',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const receiptId = receiptIdOf(request.params);
    const body = parseWire(receiptLookupRequestSchema, await readJson(request, 4096));
    const counted = await services.store.rateLimits.count(receiptCounters(clientAddress(request)));
    if (!counted.ok) return rateLimited(counted, RATE);
    const receipt = await services.store.intake.receipt(unitId, receiptId);
    if (!secretMatches(receipt?.secretHash ?? '', body.receiptSecret) || !receipt) throw noReceipt();
    const view: ReceiptView = receipt.taken
      ? {
          receiptId,
          submittedAt: receipt.submittedAt,
          taken: true,
          ...(receipt.status ? { status: receipt.status } : {}),
          rateable: receipt.rateable,
          ratingPending: receipt.ratingPending,
        }
      : { receiptId, submittedAt: receipt.submittedAt, taken: false, rateable: false, ratingPending: false };
    return { status: 200, jsonBody: view, headers: { 'Cache-Control': 'no-store' } };
  },
});

/**
 * POST public/units/{unitId}/intake/receipts/{receiptId}/rating (no token): the phone's rating,
 * encrypted to the union's key, checked as a submission is (honeypot, envelope, kid) and by the
 * receipt secret; taken only while the last status said rateable (409 otherwise). Counted per
 * address with the receipt lookups, before any read, and against no unit counter: a rating needs a
 * receipt's secret and each receipt holds one waiting, so the unit's receipts bound them, and the
 * unit's day of appeals is not spent on them. It waits for the pane as a pending item of kind
 * 'rating'; while it waits another is refused (409 rating-pending).
 */
export const receiptRatingFunction = publicFunction({
  name: 'intake-rating',
  route: 'public/units/{unitId}/intake/receipts/{receiptId}/rating',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const receiptId = receiptIdOf(request.params);
    const body = parseWire(
      receiptRatingRequestSchema,
      await readJson(request, INTAKE_LIMITS.submitBodyBytes),
    );
    screenCiphertext(body);
    const counted = await services.store.rateLimits.count(receiptCounters(clientAddress(request)));
    if (!counted.ok) return rateLimited(counted, RATE);
    const ratingId = randomBytes(16).toString('base64url');
    const outcome = await services.store.intake.rate(
      unitId,
      receiptId,
      (stored) => secretMatches(stored, body.receiptSecret),
      { receiptId: ratingId, kid: body.kid, jwe: body.jwe },
    );
    if (!outcome.ok) {
      if (outcome.reason === 'unknown') throw noReceipt();
      if (outcome.reason === 'not-rateable') throw new HttpError(409, 'not-rateable', NOT_RATEABLE);
      if (outcome.reason === 'pending') throw new HttpError(409, 'rating-pending', RATING_PENDING);
      if (outcome.reason === 'unknown-kid') throw badField('kid', UNKNOWN_KID);
      // The link changed under eight attempts in a row: a client's race is never a server fault.
      return rateLimited({ ok: false, reason: 'contended', retryAfter: 1 });
    }
    return {
      status: 201,
      jsonBody: { receiptId, ratingPending: true },
      headers: { 'Cache-Control': 'no-store' },
    };
  },
});

/** The receipt endpoints, in the order the function list names them. */
export const INTAKE_RECEIPT_FUNCTIONS: readonly HttpEntry[] = [
  intakeStatusesFunction,
  receiptLookupFunction,
  receiptRatingFunction,
];

registerHttp(...INTAKE_RECEIPT_FUNCTIONS);
