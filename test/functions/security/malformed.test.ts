// Attack class "nothing a client sends causes a 5xx" (issue 10): lone surrogates, over-long and
// multiply-escaped keys, keys with / \ # ?, U+2028/U+2029, baseRevision "*" or garbage, a `changed`
// list of 200,000 entries. Refused with 400 and the field's path, or taken and read back exactly;
// never a 5xx and never an overwrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../../shared';
import { appeal, body, startHost, type ErrorBody, type SecurityHost } from './harness';

let host: SecurityHost;
let clerk: string;
const UNIT = 'bad-u';
const MB = 1024 * 1024;

beforeAll(async () => {
  host = await startHost();
  clerk = await host.token('clerk', [UNIT]);
});
afterAll(() => host?.stop());

/** Sends raw JSON text (so lone surrogates go out as \ud800 escapes, as a buggy client would). */
const sendText = (text: string) => host.sync<ErrorBody>(UNIT, clerk, text);

const expect400 = (
  r: { status: number; text: string; body: ErrorBody },
  path: string | RegExp,
  codes = ['invalid-body'],
) => {
  expect(r.status, r.text.slice(0, 300)).toBe(400);
  expect(codes).toContain(r.body.error.code);
  if (typeof path === 'string') expect(r.body.error.path).toBe(path);
  else expect(r.body.error.path).toMatch(path);
};

/** Either refused with 400 naming `path`, or taken and pulled back exactly as sent. */
async function refusedOrExact(key: string, content = '内容') {
  const r = await host.sync<SyncResponse & ErrorBody>(UNIT, clerk, body([appeal(key, { content })]));
  expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
  if (r.status === 400) {
    expect(['invalid-body', 'storage-limit']).toContain(r.body.error.code);
    expect(r.body.error.path).toMatch(/^records\[0\]\.(key|values\.id)$/);
    return 'refused';
  }
  expect(r.status).toBe(200);
  expect(r.body.results[0]?.status).toBe('applied');
  const back = (await host.pullAll(UNIT, clerk)).filter((c) => c.key === key);
  expect(back).toHaveLength(1);
  expect(back[0]?.values).toMatchObject({ id: key, content });
  return 'taken';
}

describe('malformed text', () => {
  it('a lone surrogate in a value → 400 invalid-body at that value', async () => {
    const text = JSON.stringify(body([appeal('M-1', { content: 'X' })])).replace(
      '"content":"X"',
      '"content":"a\\ud800b"',
    );
    expect400(await sendText(text), 'records[0].values.content');
  });

  it('a lone low surrogate in a key → 400 invalid-body at the key', async () => {
    const tracking = {
      register: 'tracking',
      key: 'M-KEY',
      changeId: 'm-key',
      baseRevision: null,
      values: { appealId: 'A-1', trackedOn: '2026-03-05', status: '正在进行中' },
    };
    const text = JSON.stringify(body([tracking])).replace('"M-KEY"', '"M\\udc00K"');
    expect400(await sendText(text), 'records[0].key');
  });

  it('a lone surrogate in a field name (unknown field) → 400, never 5xx', async () => {
    const text = JSON.stringify(body([appeal('M-2', {})])).replace('"content"', '"\\ud83d"');
    const r = await sendText(text);
    expect(r.status, r.text.slice(0, 300)).toBe(400);
    expect(r.body.error.path).toMatch(/^records\[0\]/);
  });

  it('U+2028 and U+2029 in a value are taken and read back exactly', async () => {
    expect(await refusedOrExact('M-ls', '第一段\u2028第二段\u2029第三段')).toBe('taken');
  });

  it('U+2028 and U+2029 in a key are refused with 400 at the key or taken exactly, never 5xx', async () => {
    await refusedOrExact('M-\u2028-\u2029');
  });
});

describe('keys', () => {
  it('a 2,000-character key → 400 at records[0].key (refused before the SDK)', async () => {
    const r = await host.sync<ErrorBody>(UNIT, clerk, body([appeal('k'.repeat(2_000))]));
    expect(r.status, r.text.slice(0, 300)).toBe(400);
    expect(['invalid-body', 'storage-limit']).toContain(r.body.error.code);
    expect(r.body.error.path).toBe('records[0].key');
  });

  it('a key of 200 Chinese characters (1,800 once escaped for the row key) is refused with 400 or taken exactly, never 5xx', async () => {
    await refusedOrExact('职'.repeat(200));
  });

  for (const key of [
    'a/b',
    'a\\b',
    'a#b',
    'a?b',
    '/',
    '..',
    '%',
    '%2F',
    '%252F',
    'a%2Fb',
    '%25%32%46',
    "a'b",
    'a|b',
    '~head',
    '\u00a0',
  ]) {
    it(`key ${JSON.stringify(key)} is refused with 400 at the key or taken and read back exactly`, async () => {
      await refusedOrExact(key);
    });
  }

  it('keys that escape to each other stay distinct records: a/b, a%2Fb, a%252Fb', async () => {
    const keys = ['x/y', 'x%2Fy', 'x%252Fy'];
    const r = await host.sync<SyncResponse & ErrorBody>(
      UNIT,
      clerk,
      body(keys.map((k, i) => appeal(k, { content: `第${i}条` }))),
    );
    // All three are valid keys (the cloud escapes / itself): they must be taken, not merely not 5xx.
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.body.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    const back = await host.pullAll(UNIT, clerk);
    keys.forEach((k, i) => expect(back.find((c) => c.key === k)?.values.content).toBe(`第${i}条`));
  });

  it('a control character in a key → 400 at the key', async () => {
    expect400(await host.sync<ErrorBody>(UNIT, clerk, body([appeal('a\u0001b')])), 'records[0].key', [
      'invalid-body',
      'storage-limit',
    ]);
  });
});

describe('baseRevision', () => {
  let revision = '';
  beforeAll(async () => {
    const r = await host.sync<SyncResponse>(UNIT, clerk, body([appeal('R-1', { content: '原文' })]));
    revision = r.body.results[0]?.revision ?? '';
  });

  const attempts: readonly (readonly [string, unknown])[] = [
    ['"*" (the ETag wildcard)', '*'],
    ['W/"*"', 'W/"*"'],
    ['garbage', 'garbage'],
    ['an empty string', ''],
    ['a number', 42],
    ['an object', { etag: '*' }],
    ['a 10,000-character string', 'W/"'.padEnd(10_000, 'x')],
  ];
  for (const [what, base] of attempts) {
    it(`${what} → 400 invalid-body at records[0].baseRevision, and nothing overwritten`, async () => {
      const r = await host.sync<ErrorBody>(
        UNIT,
        clerk,
        body([
          {
            ...appeal('R-1', { content: `被覆盖 ${what}` }),
            changeId: `r-${attempts.findIndex((a) => a[0] === what)}`,
            baseRevision: base,
          },
        ]),
      );
      expect400(r, 'records[0].baseRevision');
      const back = (await host.pullAll(UNIT, clerk)).find((c) => c.key === 'R-1');
      expect(back?.values.content).toBe('原文');
      expect(back?.revision).toBe(revision);
    });
  }

  it('the real revision still works afterwards', async () => {
    const r = await host.sync<SyncResponse>(
      UNIT,
      clerk,
      body([{ ...appeal('R-1', { content: '改正' }), changeId: 'r-ok', baseRevision: revision }]),
    );
    expect(r.status).toBe(200);
    expect(r.body.results[0]?.status).toBe('applied');
  });
});

describe('changed', () => {
  it('a `changed` list of 200,000 entries (an audit row over 1 MiB) → 400 at records[0].changed, nothing written', async () => {
    const req = body([{ ...appeal('C-1'), changed: Array.from({ length: 200_000 }, () => 'id') }]);
    expect(new TextEncoder().encode(JSON.stringify(req)).byteLength).toBeLessThan(MB);
    const r = await host.sync<ErrorBody>(UNIT, clerk, req);
    expect400(r, /^records\[0\]\.changed/);
    expect((await host.pullAll(UNIT, clerk)).some((c) => c.key === 'C-1')).toBe(false);
  });

  it('a `changed` list naming a field that is not in the register → 400 at records[0].changed', async () => {
    expect400(
      await host.sync<ErrorBody>(UNIT, clerk, body([{ ...appeal('C-2'), changed: ['appellant', 'nope'] }])),
      /^records\[0\]\.changed/,
    );
  });
});

describe('bodies', () => {
  for (const [what, text] of [
    ['not JSON', '{"schemaVersion":'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['invalid UTF-8', '\u00ff'],
    ['a deeply nested value', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
  ] as const) {
    it(`${what} → 400 with an error code, never 5xx`, async () => {
      const r =
        what === 'invalid UTF-8'
          ? await host.fetch(`/api/units/${UNIT}/sync`, {
              method: 'POST',
              headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
              body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
            })
          : await sendText(text);
      expect(r.status, r.text.slice(0, 300)).toBe(400);
      expect(typeof (r.body as ErrorBody).error.code).toBe('string');
    });
  }
});
