/**
 * npm run bench:intake: 50 phones file at once against the local functions host on 127.0.0.1, each
 * from its own loopback address (127.0.0.2 … 127.0.0.51, so the host's per-address limits see 50
 * phones, as they would behind a carrier), each as the phone page does it: read the union's key,
 * encrypt in JavaScript, post the ciphertext, then open its receipt link. Then the pane pulls and
 * confirms every submission, and 20 posts at once from one address meet the per-address limit.
 * Prints one JSON line: latencies, what was stored, lost, duplicated and refused with 429.
 * Bounded: 50 phones, one burst of 20, one pull loop of at most 10 pages.
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { encryptToUnion, newReplyKey } from '../addin/intake/envelope';
import { createUnitKey, currentPublicKey } from '../addin/intake/keys';
import {
  INTAKE_RATE_LIMITS,
  intakePublicResponseSchema,
  intakeReceiptSchema,
  intakeSubmissionListSchema,
  receiptViewSchema,
} from '../shared';
import { localDevToken } from '../addin/sync/token';
import { startLocalFunctions } from '../scripts/serve-functions';

const PHONES = 50;
const BURST = 20;
const MAX_PAGES = 10;

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** One HTTP call from a chosen loopback source address (the host rate-limits by the socket's address). */
function call(url: string, method: string, from: string, body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        localAddress: from,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    if (data) req.write(data);
    req.end();
  });
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

async function main(): Promise<void> {
  const local = await startLocalFunctions({ port: 0, tablePrefix: 'benchintake' });
  try {
    const api = `${local.url}/api`;
    const unitId = 'bench-intake';
    const token = await localDevToken(local.url, unitId, 'clerk')();
    const made = await createUnitKey('bench passphrase 2026');
    const { kid, publicJwk } = currentPublicKey(made.stored);
    const published = await call(
      `${api}/units/${unitId}/intake/key`,
      'PUT',
      '127.0.0.1',
      {
        publicJwk,
        kid,
        form: { workshops: ['一车间', '二车间'], categories: ['生活保障类'] },
      },
      token,
    );
    if (published.status !== 200) throw new Error(`publishing the key answered ${published.status}`);

    const phone = async (i: number) => {
      const from = `127.0.0.${i + 2}`;
      const started = performance.now();
      const view = intakePublicResponseSchema.parse(
        (await call(`${api}/public/units/${unitId}/intake`, 'GET', from)).body,
      );
      const content = `负载测试诉求 ${i}：车间噪音大`;
      const jwe = await encryptToUnion(
        'appeal',
        {
          content,
          workshop: view.form.workshops[i % 2] as string,
          anonymous: i % 2 === 0,
          ...(i % 2 === 0 ? {} : { name: `职工${i}`, phone: `139${String(i).padStart(8, '0')}` }),
          submittedAt: new Date().toISOString(),
          replyKey: newReplyKey(),
        },
        view.key.publicJwk,
        kid,
      );
      const posted = performance.now();
      const answer = await call(`${api}/public/units/${unitId}/intake/submissions`, 'POST', from, {
        kid,
        jwe,
        website: '',
      });
      const submitMs = performance.now() - posted;
      if (answer.status !== 201)
        return { i, status: answer.status, submitMs, totalMs: performance.now() - started, jwe };
      const receipt = intakeReceiptSchema.parse(answer.body);
      const look = await call(
        `${api}/public/units/${unitId}/intake/receipts/${receipt.receiptId}`,
        'POST',
        from,
        {
          receiptSecret: receipt.receiptSecret,
        },
      );
      receiptViewSchema.parse(look.body);
      return {
        i,
        status: 201,
        submitMs,
        totalMs: performance.now() - started,
        jwe,
        receipt: receipt.receiptId,
      };
    };
    const wall = performance.now();
    const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => phone(i)));
    const wallMs = performance.now() - wall;

    // The pane's pull: every page, then each confirmed as written.
    const stored: { receiptId: string; jwe: string }[] = [];
    let continuation: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const q = continuation ? `?continuation=${encodeURIComponent(continuation)}` : '';
      const list = intakeSubmissionListSchema.parse(
        (await call(`${api}/units/${unitId}/intake/submissions${q}`, 'GET', '127.0.0.1', undefined, token))
          .body,
      );
      stored.push(...list.submissions);
      continuation = list.continuation;
      if (!continuation) break;
    }
    const sent = new Set(phones.filter((p) => p.status === 201).map((p) => p.jwe));
    const storedJwes = stored.map((s) => s.jwe);
    const lost = [...sent].filter((j) => !storedJwes.includes(j)).length;
    const duplicated = storedJwes.length - new Set(storedJwes).size;
    const confirmStarted = performance.now();
    for (const [n, s] of stored.entries()) {
      const r = await call(
        `${api}/units/${unitId}/intake/submissions/${s.receiptId}/taken`,
        'POST',
        '127.0.0.1',
        { appealId: `2026-${String(n + 1).padStart(4, '0')}` },
        token,
      );
      if (r.status !== 200) throw new Error(`confirming ${s.receiptId} answered ${r.status}`);
    }
    const confirmMs = performance.now() - confirmStarted;

    // One address, 20 posts at once: the per-address minute limit answers 429 past its count.
    const one = '127.0.0.99';
    const view = intakePublicResponseSchema.parse(
      (await call(`${api}/public/units/${unitId}/intake`, 'GET', one)).body,
    );
    const burstJwes = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        encryptToUnion(
          'appeal',
          {
            content: `同一网络 ${i}`,
            workshop: '一车间',
            anonymous: true,
            submittedAt: new Date().toISOString(),
          },
          view.key.publicJwk,
          kid,
        ),
      ),
    );
    const burst = await Promise.all(
      burstJwes.map((jwe) =>
        call(`${api}/public/units/${unitId}/intake/submissions`, 'POST', one, { kid, jwe, website: '' }),
      ),
    );
    const statuses = (xs: { status: number }[]) =>
      xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.status]: (m[x.status] ?? 0) + 1 }), {});
    console.log(
      JSON.stringify({
        bench: 'intake-load',
        phones: PHONES,
        phoneStatuses: statuses(phones),
        stored: stored.length,
        lost,
        duplicated,
        wallMs: Math.round(wallMs),
        submitP50Ms: percentile(
          phones.map((p) => p.submitMs),
          50,
        ),
        submitP95Ms: percentile(
          phones.map((p) => p.submitMs),
          95,
        ),
        phoneP50Ms: percentile(
          phones.map((p) => p.totalMs),
          50,
        ),
        phoneP95Ms: percentile(
          phones.map((p) => p.totalMs),
          95,
        ),
        confirmMsEach: Math.round((confirmMs / Math.max(1, stored.length)) * 10) / 10,
        burstFromOneAddress: BURST,
        burstStatuses: statuses(burst),
        burstLimit: INTAKE_RATE_LIMITS.addressPerMinute,
      }),
    );
    if (
      lost ||
      duplicated ||
      burst.filter((b) => b.status === 201).length !== INTAKE_RATE_LIMITS.addressPerMinute
    )
      process.exitCode = 1;
  } finally {
    await local.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
