import type { HttpResponseInit } from '@azure/functions';
import type { z } from 'zod';
import {
  type ApiError,
  type Bilingual,
  checkWire,
  type FieldProblem,
  say,
  type WireCheck,
} from '../../../shared';

/** An error answered with a status and a bilingual message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly extra: {
      readonly path?: string;
      readonly limit?: number;
      readonly problems?: readonly FieldProblem[];
      readonly purged?: readonly { readonly register: string; readonly key: string }[];
    } = {},
  ) {
    super(text.en);
  }
}

/** The JSON response of an error. */
export function errorResponse(e: HttpError, headers: Record<string, string> = {}): HttpResponseInit {
  const body: ApiError = { error: { code: e.code, message: e.text, ...e.extra } };
  return { status: e.status, jsonBody: body, headers };
}

/** A 400 listing what is wrong with the body, the first problem's path in the message. */
export function invalidBody(problems: readonly FieldProblem[], code = 'invalid-body'): HttpError {
  const first = problems[0] as FieldProblem;
  return new HttpError(
    400,
    code,
    say(`${first.path}：${first.message.zh}`, `${first.path}: ${first.message.en}`),
    { path: first.path, problems: problems.slice(0, 50) },
  );
}

/** The 400 of a failed wire check: invalid-body, or identity-in-text when that is all that is wrong. */
export const wireError = (failed: Extract<WireCheck<unknown>, { ok: false }>): HttpError =>
  invalidBody(failed.problems, failed.code);

/** Checks a request body or query against its wire schema; the parsed value, or the 400 thrown. */
export function parseWire<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = checkWire(schema, input);
  if (!checked.ok) throw wireError(checked);
  return checked.value;
}

/** The standard messages of the API. */
export const MESSAGES = {
  unauthenticated: say('未登录或登录已失效，请重新登录', 'sign in again: no valid token was presented'),
  expired: say('登录已过期，请重新登录', 'the token has expired; sign in again'),
  revoked: say(
    '这台电脑的配对已被管理员撤销，请向本单位管理员索取新的配对码',
    "this computer's pairing was revoked by an administrator; ask your unit's administrator for a new pairing code",
  ),
  notConfigured: say(
    '服务未配置身份验证，拒绝所有请求',
    'authentication is not configured; every request is refused',
  ),
  forbidden: say('无权访问该单位的数据', 'you may not do this for this unit'),
  badUnit: say(
    '单位代码无效（字母、数字、-、_、.，最长 64 位）',
    'invalid unit id (letters, digits, - _ ., at most 64)',
  ),
  busy: say('服务繁忙，请稍后重试', 'the service is busy; retry shortly'),
  internal: say('服务器内部错误，请稍后重试', 'internal server error; retry later'),
  notFound: say('没有该单位', 'no such unit'),
} as const;
