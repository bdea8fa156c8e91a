// Attack class "the offline queue can jam for good" (issue 10): the server limits bytes, not UTF-16
// characters. A 30,000-character Chinese record and a >1 MB body must answer 413 with the contract's
// codes (record-too-large with the record's path; body-too-large with the limit), nothing of the
// refused request is written, and the good records alone go through on the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../shared';
import { appeal, body, startHost, type ErrorBody, type SecurityHost } from './harness';

let host: SecurityHost;
let clerk: string;
const UNIT = 'jam-u';
const MB = 1024 * 1024;

beforeAll(async () => {
  host = await startHost();
  clerk = await host.token('clerk', [UNIT]);
});
afterAll(() => host?.stop());

const han = (n: number): string => '职工食堂饭菜价格偏高'.repeat(Math.ceil(n / 10)).slice(0, n);
const bytes = (x: unknown): number => new TextEncoder().encode(JSON.stringify(x)).byteLength;

describe('a request the server cannot take', () => {
  it('a record of 20,000 Chinese characters (60 KB) within every limit is taken', async () => {
    const long = appeal('J-long', {
      content: han(4_000),
      unionOpinion: han(4_000),
      deptOpinion: han(4_000),
      impossibleReason: han(4_000),
      unit: han(4_000),
    });
    const r = await host.sync<SyncResponse>(UNIT, clerk, body([long]));
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.body.results[0]?.status).toBe('applied');
  });

  it('a 30,000-character Chinese field → 4xx naming that record; the others of the request are not written, and go through alone', async () => {
    const req = body([appeal('J-1'), appeal('J-big', { content: han(30_000) }), appeal('J-2')]);
    expect(bytes(req)).toBeLessThan(MB);
    const r = await host.sync<ErrorBody>(UNIT, clerk, req);
    expect([400, 413], r.text.slice(0, 300)).toContain(r.status);
    expect(['invalid-body', 'record-too-large', 'storage-limit']).toContain(r.body.error.code);
    expect(r.body.error.path).toMatch(/^records\[1\]/);
    const keys = (await host.pullAll(UNIT, clerk)).map((c) => c.key);
    expect(keys).not.toContain('J-1');
    expect(keys).not.toContain('J-big');
    // The client sets the one bad record aside; the rest then go through.
    const again = await host.sync<SyncResponse>(UNIT, clerk, body([appeal('J-1'), appeal('J-2')]));
    expect(again.status, again.text.slice(0, 300)).toBe(200);
    expect(again.body.results.map((x) => x.status)).toEqual(['applied', 'applied']);
  });

  it('a record over the 30,000-character record limit (every text field full of characters JSON escapes) → 413 record-too-large with records[i]', async () => {
    const esc = '"\\'.repeat(2_000); // 4,000 characters, 8,000 once escaped
    const big = appeal('J-esc', {
      content: esc,
      unionOpinion: esc,
      deptOpinion: esc,
      impossibleReason: esc,
      unit: esc,
    });
    const r = await host.sync<ErrorBody>(UNIT, clerk, body([appeal('J-3'), big]));
    expect(r.status, r.text.slice(0, 300)).toBe(413);
    expect(r.body.error.code).toBe('record-too-large');
    expect(r.body.error.path).toMatch(/^records\[1\]/);
    expect(typeof r.body.error.limit).toBe('number');
    expect((await host.pullAll(UNIT, clerk)).map((c) => c.key)).not.toContain('J-3');
  });

  it('a body over 1 MB in bytes (Chinese text, far fewer UTF-16 units than bytes) → 413 body-too-large with the byte limit, nothing written', async () => {
    const records = Array.from({ length: 100 }, (_, i) => appeal(`B-${i}`, { content: han(3_900) }));
    const req = body(records);
    expect(JSON.stringify(req).length).toBeLessThan(MB); // under the limit counted in UTF-16 units …
    expect(bytes(req)).toBeGreaterThan(MB); // … over it counted in bytes, as the server counts
    const r = await host.sync<ErrorBody>(UNIT, clerk, req);
    expect(r.status, r.text.slice(0, 300)).toBe(413);
    expect(r.body.error.code).toBe('body-too-large');
    expect(r.body.error.limit).toBe(MB);
    expect((await host.pullAll(UNIT, clerk)).some((c) => c.key.startsWith('B-'))).toBe(false);
    // Halved, as the client does on body-too-large, each half is taken.
    for (const half of [records.slice(0, 50), records.slice(50)]) {
      const ok = await host.sync<SyncResponse>(UNIT, clerk, body(half));
      expect(ok.status, ok.text.slice(0, 300)).toBe(200);
      expect(ok.body.results.every((x) => x.status === 'applied')).toBe(true);
    }
    expect((await host.pullAll(UNIT, clerk)).filter((c) => c.key.startsWith('B-'))).toHaveLength(100);
  });

  it('a body of 8 MB of bytes is refused 413 and the host keeps serving', async () => {
    const r = await host.sync<ErrorBody>(
      UNIT,
      clerk,
      JSON.stringify(body([appeal('H-1', { content: han(3_000_000) })])),
    );
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('body-too-large');
    expect((await host.sync(UNIT, clerk, body([]))).status).toBe(200);
  });

  it('one string value over Table Storage’s 32,767 UTF-16 units is refused before the SDK (never a 5xx)', async () => {
    // Latin text: 33,000 units is 33,000 bytes, far under 1 MB; the record limit or the storage guard answers.
    const r = await host.sync<ErrorBody>(UNIT, clerk, body([appeal('S-1', { content: 'a'.repeat(33_000) })]));
    expect([400, 413]).toContain(r.status);
    expect(['invalid-body', 'record-too-large', 'storage-limit']).toContain(r.body.error.code);
    expect(r.body.error.path).toMatch(/^records\[0\]/);
  });
});
