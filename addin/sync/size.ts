// The functions limit a request in bytes of UTF-8 (functions/src/http/body.ts), not in the UTF-16
// units JavaScript counts: one Chinese character is one unit but three bytes on the wire.

import { MAX_BODY_BYTES } from '../../shared';

/** The request body limit the functions enforce: 1 MiB of UTF-8, from the wire contract. */
export { MAX_BODY_BYTES };

/**
 * What the client lets one sync request take: below both 1,000,000 and 1,048,576 bytes, so a
 * proxy's or a later server's idea of "1 MB" still admits it.
 */
export const REQUEST_BUDGET_BYTES = 900_000;

const encoder = new TextEncoder();

/** The length of `text` in UTF-8 bytes, as it travels in a request body. */
export const utf8Bytes = (text: string): number => encoder.encode(text).byteLength;

/** The UTF-8 size of a value as JSON. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value));
