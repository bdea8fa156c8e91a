import type { HttpRequest } from '@azure/functions';
import {
  formatPairingCode,
  normalizePairingCode,
  pairingCodeRequestSchema,
  pairingRedeemRequestSchema,
  PAIRING_MINUTES,
  say,
  type PairingCode,
  type PairingCredential,
  type WireRole,
} from '../../../shared';
import { matchesHash, newCredential, newPairingCode, secretHash } from '../auth/pairing';
import { clientAddress } from '../http/clientAddress';
import { readJson } from '../http/body';
import { httpFunction, publicFunction, type HttpEntry, registerHttp } from '../http/define';
import { errorResponse, HttpError, invalidBody, parseWire } from '../http/errors';
import type { Services } from '../services';

/** The header the deployer's command sends the bootstrap secret in (never a query: URLs get logged). */
export const BOOTSTRAP_HEADER = 'x-xieshang-bootstrap';

const CODE_FORMAT = say(
  '配对码应为 12 位字母和数字（如 ABCD-EFGH-JKMN），请核对后重新输入',
  'a pairing code has 12 letters and digits (like ABCD-EFGH-JKMN); check it and type it again',
);

const REFUSED = {
  unknown: [
    403,
    'pairing-code-unknown',
    say(
      '配对码不正确或不属于本单位：请核对单位代码和配对码，或向管理员索取新的配对码',
      "the pairing code is wrong or not this unit's: check the unit id and the code, or ask your administrator for a new one",
    ),
  ],
  expired: [
    403,
    'pairing-code-expired',
    say(
      '配对码已过期：请向管理员索取新的配对码',
      'the pairing code has expired; ask your administrator for a new one',
    ),
  ],
  used: [
    409,
    'pairing-code-used',
    say(
      '该配对码已经用过（每个配对码只能用一次）：请向管理员索取新的配对码',
      'the pairing code has been used (each code works once); ask your administrator for a new one',
    ),
  ],
} as const;

/**
 * Guesses at a code or the bootstrap secret, per address and unit: 10 a minute and 50 a day. A code
 * has 60 bits and lives a day at most, so this is not what keeps it safe; it keeps a script from
 * hammering the table (the intake endpoints' counters, functions/src/storage/rateLimits.ts).
 */
export const PAIRING_ATTEMPTS = { perMinute: 10, perDay: 50 } as const;

const TOO_MANY = say(
  '尝试次数过多，请稍后再试；如配对码有误，请向管理员索取新的配对码',
  'too many attempts; try again later, and ask your administrator for a new code if this one is wrong',
);

/** Counts an attempt for this address and unit; the 429 to answer when over the limit, else null. */
async function refusedAttempt(
  services: Services,
  request: HttpRequest,
  unitId: string,
  what: 'redeem' | 'bootstrap',
) {
  const subject = `p-${what}-${unitId}-${secretHash(clientAddress(request))}`;
  const counted = await services.store.rateLimits.count([
    { subject, window: 'minute', limit: PAIRING_ATTEMPTS.perMinute },
    { subject, window: 'day', limit: PAIRING_ATTEMPTS.perDay },
  ]);
  return counted.ok
    ? null
    : errorResponse(new HttpError(429, 'rate-limited', TOO_MANY), {
        'Retry-After': String(counted.retryAfter),
      });
}

const BOOTSTRAP_OFF = say(
  '未启用首个管理员配对：部署者须在函数应用设置中配置 XIESHANG_PAIRING_BOOTSTRAP_SECRET（至少 32 个字符）',
  'first-administrator pairing is off: the deployer must set XIESHANG_PAIRING_BOOTSTRAP_SECRET (32 characters or more) in the app settings',
);
const BOOTSTRAP_WRONG = say('部署密钥不正确', 'the bootstrap secret is wrong');

/** Makes a code, stores its hash with an audit entry, and answers the code itself (shown once). */
async function issueCode(
  services: Services,
  unitId: string,
  role: WireRole,
  minutes: number,
  by: { readonly id: string; readonly roles: readonly string[] },
): Promise<PairingCode> {
  const code = newPairingCode();
  const expiresAt = new Date(services.now().getTime() + minutes * 60_000);
  await services.store.pairing.createCode(
    unitId,
    { codeHash: secretHash(code), role, expiresAt, createdBy: by.id },
    { actor: by, action: 'pairing.code', detail: { role, expiresAt: expiresAt.toISOString() } },
  );
  return { code: formatPairingCode(code), role, unitId, expiresAt: expiresAt.toISOString() };
}

/** POST units/{unitId}/pairing/codes (administrators): a one-time code for a role in this unit. */
export const pairingCodesFunction = httpFunction({
  name: 'pairing-codes',
  route: 'units/{unitId}/pairing/codes',
  methods: ['POST'],
  access: 'configure',
  scope: 'unitId',
  async run({ request, services, caller, unitId }) {
    const body = parseWire(pairingCodeRequestSchema, await readJson(request));
    const made = await issueCode(
      services,
      unitId,
      body.role,
      body.minutes ?? PAIRING_MINUTES.default,
      caller,
    );
    return { status: 201, jsonBody: made, headers: { 'Cache-Control': 'no-store' } };
  },
});

/**
 * POST units/{unitId}/pairing/redeem (no token: the code is the proof): uses the code once and
 * answers a credential for its role and unit; the server keeps only the credential's hash.
 */
export const pairingRedeemFunction = publicFunction({
  name: 'pairing-redeem',
  route: 'units/{unitId}/pairing/redeem',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const limited = await refusedAttempt(services, request, unitId, 'redeem');
    if (limited) return limited;
    const body = parseWire(pairingRedeemRequestSchema, await readJson(request));
    const code = normalizePairingCode(body.code);
    if (!code) throw invalidBody([{ path: 'code', message: CODE_FORMAT }]);
    const credential = newCredential(unitId);
    const outcome = await services.store.pairing.redeem(unitId, secretHash(code), {
      credentialId: credential.credentialId,
      secretHash: secretHash(credential.secret),
      device: body.device ?? '',
    });
    if (!outcome.ok) {
      const [status, errorCode, text] = REFUSED[outcome.reason];
      throw new HttpError(status, errorCode, text, { path: 'code' });
    }
    const answer: PairingCredential = {
      credential: credential.token,
      credentialId: credential.credentialId,
      role: outcome.role,
      unitId,
    };
    return { status: 201, jsonBody: answer, headers: { 'Cache-Control': 'no-store' } };
  },
});

/**
 * POST units/{unitId}/pairing/bootstrap (no token; the deployer's secret in the X-Xieshang-Bootstrap
 * header): the first administrator's code. Without a configured secret it is refused, never defaulted.
 */
export const pairingBootstrapFunction = publicFunction({
  name: 'pairing-bootstrap',
  route: 'units/{unitId}/pairing/bootstrap',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const configured = services.bootstrapSecret;
    if (!configured) throw new HttpError(403, 'bootstrap-disabled', BOOTSTRAP_OFF);
    const limited = await refusedAttempt(services, request, unitId, 'bootstrap');
    if (limited) return limited;
    const presented = request.headers.get(BOOTSTRAP_HEADER) ?? '';
    if (!matchesHash(presented, secretHash(configured)))
      throw new HttpError(403, 'bootstrap-refused', BOOTSTRAP_WRONG);
    const made = await issueCode(services, unitId, 'admin', PAIRING_MINUTES.default, {
      id: 'bootstrap',
      roles: ['admin'],
    });
    return { status: 201, jsonBody: made, headers: { 'Cache-Control': 'no-store' } };
  },
});

/** GET units/{unitId}/pairing/credentials (administrators): paired computers and codes outstanding. */
export const pairingListFunction = httpFunction({
  name: 'pairing-list',
  route: 'units/{unitId}/pairing/credentials',
  methods: ['GET'],
  access: 'configure',
  scope: 'unitId',
  async run({ services, unitId }) {
    return { status: 200, jsonBody: await services.store.pairing.list(unitId) };
  },
});

const CREDENTIAL_ID = /^[A-Za-z0-9_-]{22}$/;

/** DELETE units/{unitId}/pairing/credentials/{credentialId} (administrators): the credential stops working at once. */
export const pairingRevokeFunction = httpFunction({
  name: 'pairing-revoke',
  route: 'units/{unitId}/pairing/credentials/{credentialId}',
  methods: ['DELETE'],
  access: 'configure',
  scope: 'unitId',
  async run({ request, services, caller, unitId }) {
    const credentialId = request.params['credentialId'] ?? '';
    if (!CREDENTIAL_ID.test(credentialId))
      throw invalidBody([
        { path: 'credentialId', message: say('配对凭据编号无效', 'invalid pairing credential id') },
      ]);
    const revoked = await services.store.pairing.revoke(unitId, credentialId, {
      actor: caller,
      action: 'pairing.revoke',
      detail: { credentialId },
    });
    if (!revoked)
      throw new HttpError(
        404,
        'credential-not-found',
        say('本单位没有该配对', 'this unit has no such pairing'),
        {
          path: 'credentialId',
        },
      );
    return { status: 200, jsonBody: revoked };
  },
});

/** The pairing endpoints, in the order the function list names them. */
export const PAIRING_FUNCTIONS: readonly HttpEntry[] = [
  pairingCodesFunction,
  pairingRedeemFunction,
  pairingBootstrapFunction,
  pairingListFunction,
  pairingRevokeFunction,
];

registerHttp(...PAIRING_FUNCTIONS);
