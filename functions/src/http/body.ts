import type { HttpRequest } from '@azure/functions';
import { MAX_BODY_BYTES, say } from '../../../shared';
import { HttpError } from './errors';

/** The largest request body the API reads (the wire contract's limit, shared with the add-in). */
export { MAX_BODY_BYTES };

// The sync's 1 MB is the one limit a clerk can act on by sending less at once; every other
// endpoint's body is a form, and its own limit is named.
const tooLarge = (limit: number) =>
  new HttpError(
    413,
    'body-too-large',
    limit === MAX_BODY_BYTES
      ? say(
          `请求体超过上限 ${limit} 字节（1 MB），请分批同步`,
          `the request body exceeds the limit of ${limit} bytes (1 MB); sync in smaller batches`,
        )
      : say(
          `提交内容超过上限 ${limit} 字节，请缩短后重新提交`,
          `the request body exceeds ${limit} bytes; shorten it and send it again`,
        ),
    { limit },
  );

/** Reads a JSON body: 413 above the size limit (naming it), 400 when it is not UTF-8 JSON. */
export async function readJson(request: HttpRequest, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLarge(limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid-json', say('请求体不是 UTF-8 文本', 'the body is not UTF-8 text'), {
      path: '$',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : '';
    throw new HttpError(
      400,
      'invalid-json',
      say(`请求体不是有效的 JSON：${why}`, `the body is not valid JSON: ${why}`),
      {
        path: '$',
      },
    );
  }
}
