// @vitest-environment happy-dom
// The phone page and the union's key, against the real local functions host on Azurite (issue 14:
// "the page refuses a key whose fingerprint does not match the QR code's"): a receipt status that
// names the key's fingerprint pins the rating to it, and a retry after a lost answer files the same
// appeal again under the same reply key, so the pane can tell it from a second appeal. Its own table
// prefix and unit, so its posts do not share phone.test.tsx's rate-limit allowance.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptFromPhone,
  encryptStatus,
  encryptToUnion,
  newReplyKey,
  type IntakeKeyring,
} from '../../../addin/intake/envelope';
import { createUnitKey, unlockUnitKeys, type NewUnitKey } from '../../../addin/intake/keys';
import { PhonePage } from '../../../addin/phone/PhonePage';
import { createIntakeApi, type IntakeApi } from '../../../addin/sync';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { phoneLink, readPhoneLink, VALUE_LISTS, type IntakeReceipt } from '../../../shared';

const NOW = '2026-03-30T02:00:00.000Z';
const UNIT = 'pk1';
const PAGE = 'http://localhost:3000/phone.html';
const PASSPHRASE = '工会办公室的口令 2026';
const FORM = { workshops: ['一车间', '二车间'], categories: [] };
const nodeFetch = globalThis.fetch;

let local: LocalFunctions;
let pane: IntakeApi;
let made: NewUnitKey;
let keyring: IntakeKeyring;

afterEach(() => cleanup());

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, tablePrefix: 'phonekeys', now: () => new Date(NOW) });
  made = await createUnitKey(PASSPHRASE);
  keyring = (await unlockUnitKeys(made.stored, PASSPHRASE)).keyring;
  pane = createIntakeApi({
    baseUrl: local.url,
    getToken: cachedToken(localDevToken(local.url, UNIT, 'clerk', nodeFetch)),
    fetch: nodeFetch,
  });
  await pane.publishKey(UNIT, { publicJwk: made.publicJwk, kid: made.kid, form: FORM });
});
afterAll(() => local.stop());

const site = () => ({ pageUrl: PAGE, apiBase: `${local.url}/api` });
const intakePath = `/api/public/units/${UNIT}/intake`;

/** Node's fetch recording each request, whose GET of the unit's key answers `swapped` instead when given. */
function serverFetch(swapped?: NewUnitKey) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const f: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    sent.push({
      method,
      path: url.pathname,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    });
    const res = await nodeFetch(input, init);
    if (!swapped || method !== 'GET' || url.pathname !== intakePath) return res;
    // A server that hands out another key, consistent with itself (its own kid).
    const view = (await res.json()) as Record<string, unknown>;
    const body = { ...view, key: { publicJwk: swapped.publicJwk, kid: swapped.kid } };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { f, sent };
}

describe('a rating, when the status names the union’s key', () => {
  let receipt: IntakeReceipt;
  let replyKey = '';
  const link = () =>
    phoneLink(site(), {
      mode: 'receipt',
      unitId: UNIT,
      receiptId: receipt.receiptId,
      receiptSecret: receipt.receiptSecret,
      replyKey,
    });

  beforeAll(async () => {
    replyKey = newReplyKey();
    const jwe = await encryptToUnion(
      'appeal',
      { content: '更衣室柜子不够', workshop: '一车间', anonymous: true, submittedAt: NOW, replyKey },
      made.publicJwk,
      made.kid,
    );
    const res = await nodeFetch(`${local.url}${intakePath}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kid: made.kid, jwe, website: '' }),
    });
    receipt = (await res.json()) as IntakeReceipt;
    await pane.taken(UNIT, receipt.receiptId, 'WEB-0101');
    const status = await encryptStatus(
      {
        appealId: 'WEB-0101',
        stage: '已办结',
        result: '已加装柜子',
        finished: true,
        rateable: true,
        kid: made.kid,
        updatedAt: NOW,
      },
      replyKey,
    );
    await pane.publishStatuses(UNIT, [{ receiptId: receipt.receiptId, jwe: status, rateable: true }]);
  });

  const rate = async () => {
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('phone-rating-0'));
    await user.click(screen.getByTestId('phone-rate'));
  };

  it('refuses a server that swapped the key, in both languages, and posts nothing', async () => {
    const other = await createUnitKey(PASSPHRASE);
    const { f, sent } = serverFetch(other);
    render(<PhonePage href={link()} fetch={f} />);
    expect((await screen.findByTestId('phone-stage')).textContent).toBe('已办结');
    await rate();
    const error = await screen.findByTestId('phone-error');
    expect(error.textContent).toContain('服务器给出的公钥与工会在办理进展中写明的指纹不符，评价未发送');
    expect(error.textContent).toContain(
      'does not match the fingerprint the union put in this appeal’s status',
    );
    // The key was asked for, and nothing but the receipt lookup was posted.
    expect(sent.some((s) => s.method === 'GET' && s.path === intakePath)).toBe(true);
    expect(sent.filter((s) => s.path.endsWith('/rating'))).toEqual([]);
    expect((await pane.pending(UNIT)).submissions.some((s) => s.kind === 'rating')).toBe(false);
  });

  it('sends the rating to the key the status names, under that kid', async () => {
    const { f, sent } = serverFetch();
    render(<PhonePage href={link()} fetch={f} />);
    await rate();
    expect((await screen.findByTestId('phone-done')).textContent).toBe('评价已提交，等待工会接收');
    const post = sent.find((s) => s.path.endsWith('/rating'));
    expect(post?.body).toMatchObject({ kid: made.kid });
    const rating = (await pane.pending(UNIT)).submissions.find((s) => s.kind === 'rating');
    expect(await decryptFromPhone('rating', rating?.jwe as string, keyring)).toMatchObject({
      receiptId: receipt.receiptId,
      rating: VALUE_LISTS.satisfaction.values[0],
    });
  });
});

describe('a retry after the answer was lost', () => {
  it('files again under the same reply key, so the pane can tell it is the same appeal', async () => {
    // The first POST reaches the host and is stored; its answer never reaches the phone.
    let lose = 1;
    const f: typeof fetch = async (input, init) => {
      const res = await nodeFetch(input, init);
      if (init?.method === 'POST' && String(input).endsWith('/submissions') && lose-- > 0) {
        await res.text();
        throw new TypeError('network connection was lost');
      }
      return res;
    };
    const before = (await pane.pending(UNIT)).submissions.filter((s) => s.kind === 'appeal').length;
    render(<PhonePage href={phoneLink(site(), { mode: 'file', unitId: UNIT, kid: made.kid })} fetch={f} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('phone-content'), '夜班没有热水');
    await user.selectOptions(screen.getByTestId('phone-workshop'), '二车间');
    await user.click(screen.getByTestId('phone-anonymous'));
    await user.click(screen.getByTestId('phone-submit'));
    expect((await screen.findByTestId('phone-error')).textContent).toContain('无法连接工会的服务');
    await user.click(screen.getByTestId('phone-submit'));
    await screen.findByTestId('phone-done');

    const read = readPhoneLink(screen.getByTestId('phone-receipt-link').textContent ?? '');
    if (!read.ok || read.route.mode !== 'receipt') throw new Error('no receipt link');
    const appeals = (await pane.pending(UNIT)).submissions.filter((s) => s.kind === 'appeal');
    // Both arrived: two receipts, two ciphertexts, one filing.
    expect(appeals).toHaveLength(before + 2);
    const opened = await Promise.all(
      appeals.slice(-2).map((a) => decryptFromPhone('appeal', a.jwe, keyring)),
    );
    expect(opened.map((o) => o.content)).toEqual(['夜班没有热水', '夜班没有热水']);
    expect(opened[0]?.replyKey).toBeDefined();
    expect(opened[0]?.replyKey).toBe(opened[1]?.replyKey);
    expect(opened[1]?.replyKey).toBe(read.route.replyKey);
  });
});
