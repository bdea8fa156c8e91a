import { z } from 'zod';
import {
  apiErrorSchema,
  type Bilingual,
  callerViewSchema,
  type CallerView,
  type IntakeKeyRequest,
  intakeKeyResponseSchema,
  type IntakeSubmissionList,
  intakeSubmissionListSchema,
  type IntakeTaken,
  intakeTakenResponseSchema,
  type MeetingSignInOpened,
  meetingSignInOpenedSchema,
  type MeetingSignInRequest,
  type ReceiptStatusResponse,
  receiptStatusResponseSchema,
  type ReceiptStatusUpdate,
  checkWire,
  type PairingCode,
  pairingCodeResponseSchema,
  type PairingCodeRequest,
  type PairingCredential,
  type PairingList,
  pairingListResponseSchema,
  pairingRedeemResponseSchema,
  pairingRevokeResponseSchema,
  type EscalationRequest,
  type EscalationView,
  escalationViewSchema,
  type RemindersResponse,
  remindersResponseSchema,
  say,
  type SummaryResponse,
  summaryResponseSchema,
  type SyncRequest,
  type SyncResponse,
  syncResponseSchema,
  type UnitsResponse,
  unitsResponseSchema,
} from '../../shared';

/** Gets a bearer token; `forceRefresh` after the API said the last one was not accepted. */
export type TokenProvider = (options?: { readonly forceRefresh?: boolean }) => Promise<string>;

/** A failed call, with what the pane shows and whether trying again later can help. */
export class ApiFailure extends Error {
  constructor(
    /** HTTP status, or 0 when the service could not be reached. */
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly path?: string,
    /** The whole error body as the service sent it (e.g. the `purged` list of a 409 record-purged). */
    readonly body?: unknown,
  ) {
    super(text.en);
  }

  /** Offline, timed out, throttled or a server fault: the same request may succeed later. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** The cloud API as the add-in uses it. */
export interface SyncApi {
  sync(unitId: string, body: SyncRequest): Promise<SyncResponse>;
  reminders(unitId: string): Promise<RemindersResponse>;
  escalate(unitId: string, body: EscalationRequest): Promise<EscalationView>;
  summary(orgId: string, year: number, quarter?: number): Promise<SummaryResponse>;
}

/** Where the API is and how to authenticate. */
export interface ApiOptions {
  /** e.g. http://127.0.0.1:7071 locally, https://<app>.azurewebsites.net in Azure. */
  readonly baseUrl: string;
  readonly getToken: TokenProvider;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Hears a 401 that a fresh token did not cure (e.g. a revoked pairing), before it is thrown. */
  readonly onUnauthorized?: (failure: ApiFailure) => void;
}

/** The calls about who the pane is and, for administrators, the unit's pairings. */
export interface AccountApi {
  me(unitId: string): Promise<CallerView>;
  createPairingCode(unitId: string, body: PairingCodeRequest): Promise<PairingCode>;
  listPairing(unitId: string): Promise<PairingList>;
  revokePairing(unitId: string, credentialId: string): Promise<{ credentialId: string; revokedAt: string }>;
}

/**
 * The functions' API root every request goes under: `<baseUrl>/api` (what phone links name, so the
 * phone page calls the same host the pane does).
 */
export const apiRoot = (baseUrl: string): string => `${baseUrl.replace(/\/$/, '')}/api`;

const offline = say(
  '无法连接云端服务，已保存在本机，稍后自动重试',
  'the cloud cannot be reached; changes are kept here and retried',
);

/**
 * A 2xx whose body does not match the contract (another version of the functions, a proxy's page):
 * answered as 502, a fault outside the add-in, so changes stay queued and are retried later.
 */
function invalidResponse(first: { path: string; message: Bilingual } | undefined): ApiFailure {
  const path = first?.path ?? '$';
  const why = first?.message ?? say('格式不对', 'wrong shape');
  return new ApiFailure(
    502,
    'invalid-response',
    say(
      `云端的回答不符合约定（${path}：${why.zh}），已保留本机的更改，稍后重试`,
      `the cloud's answer does not match the contract (${path}: ${why.en}); changes are kept here and retried`,
    ),
    path,
  );
}

/**
 * The failure an error answer means: the service's bilingual message, code and field from its error
 * body, or the bare status when the body is not one (a proxy's page). The pane and the phone page share it.
 */
export function failureFrom(status: number, json: unknown): ApiFailure {
  const parsed = apiErrorSchema.safeParse(json);
  const err = parsed.success ? parsed.data.error : undefined;
  return new ApiFailure(
    status,
    err?.code ?? 'http',
    err?.message ?? say(`服务返回 ${status}`, `the service answered ${status}`),
    err?.path,
    json,
  );
}

type Requester = <T>(
  method: string,
  path: string,
  schema: z.ZodType,
  body?: unknown,
  signedIn?: boolean,
) => Promise<T>;

/** JSON over fetch: bearer token (refreshed once on 401) unless `signedIn` is false, failures as ApiFailure. */
function createRequester(o: Omit<ApiOptions, 'getToken'> & { readonly getToken?: TokenProvider }): Requester {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  return async function request<T>(
    method: string,
    path: string,
    schema: z.ZodType,
    body?: unknown,
    signedIn = true,
  ): Promise<T> {
    for (let refresh = 0; ; refresh++) {
      const token =
        signedIn && o.getToken ? await o.getToken(refresh ? { forceRefresh: true } : undefined) : null;
      let res: Response;
      try {
        res = await doFetch(`${apiRoot(o.baseUrl)}/${path}`, {
          method,
          headers: {
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(o.timeoutMs ?? 60_000),
        });
      } catch {
        throw new ApiFailure(0, 'offline', offline);
      }
      if (res.status === 401 && refresh === 0 && token !== null) continue;
      const json = (await res.json().catch(() => null)) as unknown;
      if (res.ok) {
        // The answer is checked against the contract here, so a wrong one is one clear error,
        // not a crash somewhere deeper in the client. What the service sent is what comes back.
        const checked = checkWire(schema, json);
        if (checked.ok) return json as T;
        throw invalidResponse(checked.problems[0]);
      }
      const failure = failureFrom(res.status, json);
      if (res.status === 401 && token !== null) o.onUnauthorized?.(failure);
      throw failure;
    }
  };
}

const unit = (id: string) => `units/${encodeURIComponent(id)}`;

/** An API client over fetch: bearer token (refreshed once on 401), JSON in and out, failures as ApiFailure. */
export function createSyncApi(o: ApiOptions): SyncApi {
  const request = createRequester(o);
  return {
    sync: (unitId, body) => request('POST', `${unit(unitId)}/sync`, syncResponseSchema, body),
    reminders: (unitId) => request('GET', `${unit(unitId)}/reminders`, remindersResponseSchema),
    escalate: (unitId, body) => request('POST', `${unit(unitId)}/escalations`, escalationViewSchema, body),
    summary: (orgId, year, quarter) =>
      request(
        'GET',
        `orgs/${encodeURIComponent(orgId)}/summary?year=${year}${quarter ? `&quarter=${quarter}` : ''}`,
        summaryResponseSchema,
      ),
  };
}

/** The account calls over fetch, signed in as `createSyncApi` is. */
export function createAccountApi(o: ApiOptions): AccountApi {
  const request = createRequester(o);
  return {
    me: (unitId) => request('GET', `${unit(unitId)}/me`, callerViewSchema),
    createPairingCode: (unitId, body) =>
      request('POST', `${unit(unitId)}/pairing/codes`, pairingCodeResponseSchema, body),
    listPairing: (unitId) => request('GET', `${unit(unitId)}/pairing/credentials`, pairingListResponseSchema),
    revokePairing: (unitId, credentialId) =>
      request(
        'DELETE',
        `${unit(unitId)}/pairing/credentials/${encodeURIComponent(credentialId)}`,
        pairingRevokeResponseSchema,
      ),
  };
}

/** Which escalation handed up to this unit an action is about. */
export interface IncomingRef {
  readonly fromUnit: string;
  readonly appealId: string;
}

/** The calls a parent unit makes on what was handed up to it, and the unit tree for administrators. */
export interface EscalationApi {
  reply(unitId: string, ref: IncomingRef, text: string): Promise<EscalationView>;
  accept(unitId: string, ref: IncomingRef, acceptedAs: string, note?: string): Promise<EscalationView>;
  forward(unitId: string, ref: IncomingRef, note?: string): Promise<EscalationView>;
  units(orgId: string): Promise<UnitsResponse>;
  /** Puts `unitId` under `parentId` ('' detaches it); the answer's body is the unit's profile. */
  setParent(unitId: string, parentId: string): Promise<void>;
}

/** The escalation and unit-tree calls over fetch, signed in as `createSyncApi` is. */
export function createEscalationApi(o: ApiOptions): EscalationApi {
  const request = createRequester(o);
  const post = (unitId: string, body: unknown) =>
    request<EscalationView>('POST', `${unit(unitId)}/escalations`, escalationViewSchema, body);
  return {
    reply: (unitId, ref, text) => post(unitId, { reply: { ...ref, text } }),
    accept: (unitId, ref, acceptedAs, note) =>
      post(unitId, { accept: { ...ref, acceptedAs, ...(note ? { note } : {}) } }),
    forward: (unitId, ref, note) => post(unitId, { forward: { ...ref, ...(note ? { note } : {}) } }),
    units: (orgId) => request('GET', `orgs/${encodeURIComponent(orgId)}/units`, unitsResponseSchema),
    setParent: async (unitId, parentId) =>
      void (await request('PUT', `${unit(unitId)}/config`, z.object({}), { parentId })),
  };
}

/** Redeems a pairing code (no token: the code is the proof); the credential is in the answer, once. */
export function redeemPairingCode(
  o: Pick<ApiOptions, 'baseUrl' | 'fetch' | 'timeoutMs'>,
  unitId: string,
  body: { readonly code: string; readonly device?: string },
): Promise<PairingCredential> {
  return createRequester(o)(
    'POST',
    `${unit(unitId)}/pairing/redeem`,
    pairingRedeemResponseSchema,
    body,
    false,
  );
}

/**
 * The pane's side of phone intake: publish the unit's public key, pull ciphertext (appeals, ratings,
 * sign-ins), confirm it is written, publish receipts' encrypted statuses and open meetings for sign-in.
 */
export interface IntakeApi {
  publishKey(unitId: string, body: IntakeKeyRequest): Promise<unknown>;
  pending(unitId: string, continuation?: string): Promise<IntakeSubmissionList>;
  /** `appealId`: an appeal's new 编号, the appeal a rating rated, or a sign-in's 会议编号. */
  taken(unitId: string, receiptId: string, appealId: string): Promise<IntakeTaken>;
  /** At most INTAKE_LIMITS.statusBatch statuses a call; receipts the cloud does not hold come back in `unknown`. */
  publishStatuses(unitId: string, statuses: readonly ReceiptStatusUpdate[]): Promise<ReceiptStatusResponse>;
  /** Opens (or reopens) QR sign-in for a meeting under the key its QR code carries. */
  openMeeting(unitId: string, meetingKey: string, body: MeetingSignInRequest): Promise<MeetingSignInOpened>;
}

/** The intake calls over fetch, signed in as `createSyncApi` is. */
export function createIntakeApi(o: ApiOptions): IntakeApi {
  const request = createRequester(o);
  return {
    publishKey: (unitId, body) => request('PUT', `${unit(unitId)}/intake/key`, intakeKeyResponseSchema, body),
    pending: (unitId, continuation) =>
      request(
        'GET',
        `${unit(unitId)}/intake/submissions${continuation ? `?continuation=${encodeURIComponent(continuation)}` : ''}`,
        intakeSubmissionListSchema,
      ),
    taken: (unitId, receiptId, appealId) =>
      request(
        'POST',
        `${unit(unitId)}/intake/submissions/${encodeURIComponent(receiptId)}/taken`,
        intakeTakenResponseSchema,
        { appealId },
      ),
    publishStatuses: (unitId, statuses) =>
      request('PUT', `${unit(unitId)}/intake/receipts`, receiptStatusResponseSchema, { statuses }),
    // The meeting key is a secret: in the body, never the URL (request logs keep URLs).
    openMeeting: (unitId, meetingKey, body) =>
      request('PUT', `${unit(unitId)}/intake/meetings`, meetingSignInOpenedSchema, { meetingKey, ...body }),
  };
}
