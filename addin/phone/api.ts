// The phone page's HTTP client: the public intake endpoints, no token. Every answer is checked against
// the shared schemas; an error answer becomes the pane's ApiFailure through the pane's own parser, so
// the employee reads the server's bilingual message. Timeouts use an AbortController and setTimeout:
// AbortSignal.timeout is newer than some WeChat in-app browsers.
import { z } from 'zod';
import {
  checkWire,
  intakePublicResponseSchema,
  intakeReceiptSchema,
  meetingSignInViewSchema,
  receiptViewSchema,
  say,
  type IntakePublicView,
  type IntakeReceipt,
  type IntakeSubmissionRequest,
  type MeetingSignInView,
  type ReceiptRatingRequest,
  type ReceiptView,
} from '../../shared';
import { ApiFailure, failureFrom } from '../sync/api';

/** A failed phone call: the pane's ApiFailure, plus the wait a 429 asks for. */
export class PhoneFailure extends ApiFailure {
  constructor(
    base: ApiFailure,
    /** Seconds from the Retry-After header of a 429 (or 503), when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(base.status, base.code, base.text, base.path, base.body);
    this.name = 'PhoneFailure';
  }
}

/** The calls the phone page makes, all without sign-in. */
export interface PhoneApi {
  /** The unit's form and current public key. */
  intake(unitId: string): Promise<IntakePublicView>;
  /** Posts an encrypted appeal; the answer is the receipt, shown once. */
  submit(unitId: string, body: IntakeSubmissionRequest): Promise<IntakeReceipt>;
  /** Reads a receipt with its secret (in the body, never the URL). */
  receipt(unitId: string, receiptId: string, receiptSecret: string): Promise<ReceiptView>;
  /** Posts an encrypted rating of a finished appeal. */
  rate(unitId: string, receiptId: string, body: ReceiptRatingRequest): Promise<void>;
  /** What a meeting's sign-in page needs (410 outside the meeting day). */
  meeting(unitId: string, meetingKey: string): Promise<MeetingSignInView>;
  /** Posts an encrypted sign-in. */
  signIn(unitId: string, meetingKey: string, body: IntakeSubmissionRequest): Promise<void>;
}

/** Where the API is (the phone link's `api`, ending in /api) and how to reach it. */
export interface PhoneApiOptions {
  readonly apiBase: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

const offline = say(
  '无法连接工会的服务，请检查网络后再试；已填写的内容仍在页面上',
  'the union’s service cannot be reached; check the network and try again — what you typed is still here',
);

const invalid = say(
  '服务的回答不符合约定，请稍后再试',
  'the service’s answer does not match the contract; try again later',
);

/** The rating and sign-in answers are not read beyond their status. */
const anything = z.unknown();

/** The phone page's client over fetch. */
export function createPhoneApi(o: PhoneApiOptions): PhoneApi {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  const root = o.apiBase.replace(/\/$/, '');
  const unit = (id: string) => `public/units/${encodeURIComponent(id)}/intake`;

  async function request<T>(method: string, path: string, schema: z.ZodType, body?: unknown): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs ?? 30_000);
    let res: Response;
    let json: unknown;
    try {
      res = await doFetch(`${root}/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
        // The secrets travel in bodies; nothing here may be cached by the browser or a proxy.
        cache: 'no-store',
      });
      json = await res.json().catch(() => null);
    } catch {
      throw new PhoneFailure(new ApiFailure(0, 'offline', offline));
    } finally {
      clearTimeout(timer);
    }
    if (res.ok) {
      const checked = checkWire(schema, json);
      if (checked.ok) return checked.value as T;
      throw new PhoneFailure(new ApiFailure(502, 'invalid-response', invalid, checked.problems[0]?.path));
    }
    const wait = Number(res.headers.get('retry-after'));
    return Promise.reject(
      new PhoneFailure(failureFrom(res.status, json), Number.isFinite(wait) && wait > 0 ? wait : undefined),
    );
  }

  return {
    intake: (unitId) => request('GET', unit(unitId), intakePublicResponseSchema),
    submit: (unitId, body) => request('POST', `${unit(unitId)}/submissions`, intakeReceiptSchema, body),
    receipt: (unitId, receiptId, receiptSecret) =>
      request('POST', `${unit(unitId)}/receipts/${encodeURIComponent(receiptId)}`, receiptViewSchema, {
        receiptSecret,
      }),
    rate: async (unitId, receiptId, body) =>
      void (await request(
        'POST',
        `${unit(unitId)}/receipts/${encodeURIComponent(receiptId)}/rating`,
        anything,
        body,
      )),
    // The meeting key signs in: it goes in the body, never the URL (request logs keep URLs).
    meeting: (unitId, meetingKey) =>
      request('POST', `${unit(unitId)}/meetings/view`, meetingSignInViewSchema, { meetingKey }),
    signIn: async (unitId, meetingKey, body) =>
      void (await request('POST', `${unit(unitId)}/meetings/signins`, anything, { meetingKey, ...body })),
  };
}
