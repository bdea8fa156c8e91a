// @vitest-environment happy-dom
// The employee's phone page (issue 14, "The employee's side"), rendered with React Testing Library
// against the real local functions host on Azurite, with the union's real keys: filing an appeal
// leaves only ciphertext in the tables, a key not matching the QR code's fingerprint is refused
// before anything is posted, the receipt link follows the appeal and takes a rating, a meeting
// sign-in arrives encrypted, and the honeypot, a broken link, 410 and 429 read as they should.
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptFromPhone,
  encryptStatus,
  encryptToUnion,
  type IntakeKeyring,
} from '../../../addin/intake/envelope';
import { createUnitKey, unlockUnitKeys, type NewUnitKey } from '../../../addin/intake/keys';
import { PhonePage } from '../../../addin/phone/PhonePage';
import { receiptCode } from '../../../addin/phone/parts';
import { createIntakeApi, type IntakeApi } from '../../../addin/sync';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { openTables, TABLE_NAMES } from '../../../functions/src/storage/tables';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import {
  chineseDate,
  CONFIDENTIALITY_PROMISE,
  DISSATISFIED,
  INTAKE_RATE_LIMITS,
  phoneLink,
  readPhoneLink,
  VALUE_LISTS,
} from '../../../shared';

// The host's clock is fixed (10:00 in China on 2026-03-30): the meeting day and the rate-limit
// windows do not move while the tests run.
const NOW = '2026-03-30T02:00:00.000Z';
const TODAY = '2026-03-30';
const PREFIX = 'phonepage';
const PAGE = 'http://localhost:3000/phone.html';
const PASSPHRASE = '工会办公室的口令 2026';
const FORM = { workshops: ['一车间', '二车间', '机修班'], categories: ['生活保障类', '安全卫生类'] };
const nodeFetch = globalThis.fetch;

let local: LocalFunctions;
let pane: IntakeApi;
let made: NewUnitKey;
let keyring: IntakeKeyring;

afterEach(() => cleanup());

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, tablePrefix: PREFIX, now: () => new Date(NOW) });
  made = await createUnitKey(PASSPHRASE);
  keyring = (await unlockUnitKeys(made.stored, PASSPHRASE)).keyring;
  pane = createIntakeApi({
    baseUrl: local.url,
    getToken: cachedToken(localDevToken(local.url, 'ph1', 'clerk', nodeFetch)),
    fetch: nodeFetch,
  });
  await pane.publishKey('ph1', { publicJwk: made.publicJwk, kid: made.kid, form: FORM });
});
afterAll(() => local.stop());

const site = () => ({ pageUrl: PAGE, apiBase: `${local.url}/api` });
const fileLink = (kid = made.kid) => phoneLink(site(), { mode: 'file', unitId: 'ph1', kid });

/** Node's fetch, recording every request the page makes (method, path, parsed body). */
function recordingFetch() {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const f: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    });
    return nodeFetch(input, init);
  };
  return { f, sent };
}

/** Every entity of every table, as text. */
async function everyStoredText(): Promise<string> {
  const tables = openTables(local.connectionString, PREFIX);
  const out: string[] = [];
  for (const name of TABLE_NAMES)
    for await (const e of tables[name].listEntities()) out.push(JSON.stringify(e));
  return out.join('\n');
}

const pendingCount = async () => (await pane.pending('ph1')).submissions.length;

/** Fills the form as an employee does and submits it. */
async function fill(named: { name: string; phone: string } | null, content: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByTestId('phone-content'), content);
  await user.selectOptions(screen.getByTestId('phone-workshop'), '机修班');
  await user.selectOptions(screen.getByTestId('phone-category'), '安全卫生类');
  if (named) {
    await user.type(screen.getByTestId('phone-name'), named.name);
    await user.type(screen.getByTestId('phone-phone'), named.phone);
  } else await user.click(screen.getByTestId('phone-anonymous'));
  await user.click(screen.getByTestId('phone-submit'));
  return user;
}

let receiptLink = '';

describe('filing an appeal from the QR code', () => {
  it('encrypts on the phone, posts only ciphertext, and shows the receipt code and private link', async () => {
    const { f, sent } = recordingFetch();
    render(<PhonePage href={fileLink()} fetch={f} />);
    expect(await screen.findByText(`${CONFIDENTIALITY_PROMISE}。`)).toBeTruthy();
    const before = await pendingCount();
    await fill({ name: '扫码职工丙', phone: '13700001111' }, '机修班工具柜锁坏了三周没人修');

    const done = await screen.findByTestId('phone-done');
    const link = screen.getByTestId('phone-receipt-link').textContent ?? '';
    const read = readPhoneLink(link);
    if (!read.ok || read.route.mode !== 'receipt') throw new Error(`not a receipt link: ${link}`);
    expect(read.route.replyKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(done.textContent).toContain(receiptCode(read.route.receiptId));
    expect(receiptCode(read.route.receiptId)).toMatch(/^.{4} .{4}$/);
    receiptLink = link;
    const { receiptId, replyKey } = read.route;

    // One POST, carrying the kid, a compact JWE and the empty honeypot — nothing readable.
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe('/api/public/units/ph1/intake/submissions');
    expect(Object.keys(posts[0]?.body as object).sort()).toEqual(['jwe', 'kid', 'website']);
    expect(posts[0]?.body).toMatchObject({ kid: made.kid, website: '' });
    expect(JSON.stringify(posts[0]?.body)).not.toMatch(/扫码职工丙|13700001111|工具柜/);

    // The stored entity holds only ciphertext; the union's key opens exactly what was typed.
    const stored = await everyStoredText();
    for (const secret of ['扫码职工丙', '13700001111', '工具柜', replyKey as string])
      expect(stored).not.toContain(secret);
    const pending = (await pane.pending('ph1')).submissions;
    expect(pending).toHaveLength(before + 1);
    const mine = pending.find((p) => p.receiptId === receiptId);
    const opened = await decryptFromPhone('appeal', mine?.jwe as string, keyring);
    expect(opened).toMatchObject({
      content: '机修班工具柜锁坏了三周没人修',
      workshop: '机修班',
      category: '安全卫生类',
      anonymous: false,
      name: '扫码职工丙',
      phone: '13700001111',
      replyKey,
    });
  });

  it('refuses a server key that does not match the QR code’s fingerprint as the page opens: no form, nothing posted', async () => {
    const other = await createUnitKey(PASSPHRASE);
    const { f, sent } = recordingFetch();
    render(<PhonePage href={fileLink(other.kid)} fetch={f} />);
    const error = await screen.findByTestId('phone-error');
    expect(error.textContent).toContain('服务器给出的公钥与二维码上的指纹不符。为保护您的信息，此页不能填写');
    expect(error.textContent).toContain('does not match the QR code’s fingerprint');
    // Refused before the employee types anything: the form is not there to fill.
    expect(screen.queryByTestId('phone-content')).toBeNull();
    expect(screen.queryByTestId('phone-submit')).toBeNull();
    expect(sent.map((s) => s.method)).toEqual(['GET']);
  });

  it('carries a honeypot people never see or reach, sent empty', async () => {
    render(<PhonePage href={fileLink()} fetch={nodeFetch} />);
    await screen.findByTestId('phone-content');
    const trap = document.querySelector('input[name="website"]') as HTMLInputElement;
    expect(trap).toBeTruthy();
    expect(trap.value).toBe('');
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.hidden).toBe(false);
    const box = trap.closest('.honeypot') as HTMLElement;
    expect(box.getAttribute('aria-hidden')).toBe('true');
    // Off-screen by the page's stylesheet, not display:none (which some bots skip).
    const css = readFileSync('addin/phone/index.html', 'utf8');
    const rule = /\.honeypot\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/position:\s*absolute/);
    expect(rule).toMatch(/left:\s*-10000px/);
    expect(rule).not.toMatch(/display:\s*none|visibility:\s*hidden/);
  });

  it('says a broken link is broken, in both languages', async () => {
    const link = `${PAGE}?api=${encodeURIComponent(`${local.url}/api`)}#m=f&u=ph1`;
    render(<PhonePage href={link} fetch={nodeFetch} />);
    const read = readPhoneLink(link);
    if (read.ok) throw new Error('the link should be broken');
    const error = await screen.findByTestId('phone-error');
    expect(error.textContent).toContain(read.reason.zh);
    expect(error.textContent).toContain(read.reason.en);
  });
});

describe('the receipt link', () => {
  it('says not yet taken, then shows stage, deadline and result, and takes a 不满意 with its reason', async () => {
    expect(receiptLink).not.toBe('');
    const read = readPhoneLink(receiptLink);
    if (!read.ok || read.route.mode !== 'receipt') throw new Error('no receipt link');
    const { receiptId, replyKey } = read.route;

    render(<PhonePage href={receiptLink} fetch={nodeFetch} />);
    expect((await screen.findByTestId('phone-stage')).textContent).toBe('工会尚未接收');
    expect(screen.getByText(new RegExp(`^回执码 ${receiptCode(receiptId)} · 提交时间：2026年`))).toBeTruthy();
    cleanup();

    // The pane takes it in and publishes a finished status, encrypted to the link's reply key.
    expect((await pane.taken('ph1', receiptId, 'WEB-0001')).appealId).toBe('WEB-0001');
    const jwe = await encryptStatus(
      {
        appealId: 'WEB-0001',
        stage: '已办结',
        deadline: '2026-04-13',
        deadlineLabel: '满意度回访期限',
        result: '已更换工具柜锁',
        finished: true,
        rateable: true,
        updatedAt: NOW,
      },
      replyKey as string,
    );
    expect(await pane.publishStatuses('ph1', [{ receiptId, jwe, rateable: true }])).toMatchObject({
      updated: 1,
    });

    render(<PhonePage href={receiptLink} fetch={nodeFetch} />);
    expect((await screen.findByTestId('phone-stage')).textContent).toBe('已办结');
    expect(screen.getByTestId('phone-appeal-id').textContent).toBe('WEB-0001');
    expect(screen.getByTestId('phone-deadline').textContent).toBe(chineseDate('2026-04-13'));
    expect(screen.getByTestId('phone-deadline').textContent).toBe('2026年4月13日');
    expect(screen.getByTestId('phone-result').textContent).toBe('已更换工具柜锁');
    // No identity on the page.
    expect(document.body.textContent).not.toMatch(/扫码职工丙|13700001111/);

    const levels = VALUE_LISTS.satisfaction.values;
    for (const [i, level] of levels.entries())
      expect(screen.getByTestId(`phone-rating-${i}`).textContent).toBe(level);
    const user = userEvent.setup();
    await user.click(screen.getByTestId(`phone-rating-${levels.indexOf(DISSATISFIED)}`));
    await user.click(screen.getByTestId('phone-rate'));
    expect((await screen.findByTestId('phone-error')).textContent).toContain('请写明原因');
    await user.type(screen.getByTestId('phone-reason'), '锁换了但柜门还是关不上');
    await user.click(screen.getByTestId('phone-rate'));
    expect((await screen.findByTestId('phone-done')).textContent).toBe('评价已提交，等待工会接收');

    // The rating waits for the pane as ciphertext naming the receipt it rates.
    const rating = (await pane.pending('ph1')).submissions.find((s) => s.kind === 'rating');
    expect(rating?.ratesReceiptId).toBe(receiptId);
    expect(await everyStoredText()).not.toContain('柜门还是关不上');
    expect(await decryptFromPhone('rating', rating?.jwe as string, keyring)).toMatchObject({
      kind: 'rating',
      receiptId,
      rating: DISSATISFIED,
      reason: '锁换了但柜门还是关不上',
    });
  });
});

describe('meeting sign-in by QR', () => {
  const meetingKey = 'MtgKeyMtgKeyMtgKey0001';

  it('signs in on the meeting day, encrypted to the QR code’s key', async () => {
    await pane.openMeeting('ph1', meetingKey, {
      meetingId: 'HY-2026-01',
      title: '一季度协商会议',
      day: TODAY,
    });
    const link = phoneLink(site(), { mode: 'signIn', unitId: 'ph1', kid: made.kid, meetingKey });
    render(<PhonePage href={link} fetch={nodeFetch} />);
    const user = userEvent.setup();
    const group = VALUE_LISTS.signInGroup.values[0];
    await user.selectOptions(await screen.findByTestId('phone-signin-group'), group);
    await user.type(screen.getByTestId('phone-signin-position'), '机修班班长');
    await user.type(screen.getByTestId('phone-signin-name'), '签到职工丁');
    await user.click(screen.getByTestId('phone-signin-submit'));
    const done = await screen.findByTestId('phone-done');
    expect(done.textContent).toContain('签到成功');
    expect(done.textContent).toMatch(/签到时间：2026年\d+月\d+日 \d\d:\d\d/);

    const item = (await pane.pending('ph1')).submissions.find((s) => s.kind === 'signIn');
    expect(item?.meetingId).toBe('HY-2026-01');
    expect(await everyStoredText()).not.toContain('签到职工丁');
    expect(await decryptFromPhone('signIn', item?.jwe as string, keyring)).toMatchObject({
      meetingId: 'HY-2026-01',
      group,
      position: '机修班班长',
      name: '签到职工丁',
    });
  });

  it('refuses a key that does not match the sign-in QR code’s fingerprint as the page opens: no form, nothing posted', async () => {
    const other = await createUnitKey(PASSPHRASE);
    const { f, sent } = recordingFetch();
    const link = phoneLink(site(), { mode: 'signIn', unitId: 'ph1', kid: other.kid, meetingKey });
    render(<PhonePage href={link} fetch={f} />);
    const error = await screen.findByTestId('phone-error');
    expect(error.textContent).toContain('与二维码上的指纹不符。为保护您的信息，此页不能填写');
    expect(error.textContent).toContain('does not match the QR code’s fingerprint');
    expect(screen.queryByTestId('phone-signin-name')).toBeNull();
    expect(screen.queryByTestId('phone-signin-submit')).toBeNull();
    // Only the view was asked for (the key in its body, not its path); no sign-in was posted.
    expect(sent).toEqual([
      { method: 'POST', path: '/api/public/units/ph1/intake/meetings/view', body: { meetingKey } },
    ]);
  });

  it('shows the server’s words outside the meeting day (410)', async () => {
    const key = 'MtgKeyMtgKeyMtgKey0002';
    await pane.openMeeting('ph1', key, {
      meetingId: 'HY-2026-02',
      title: '二季度协商会议',
      day: '2026-04-02',
    });
    render(
      <PhonePage
        href={phoneLink(site(), { mode: 'signIn', unitId: 'ph1', kid: made.kid, meetingKey: key })}
        fetch={nodeFetch}
      />,
    );
    const error = await screen.findByTestId('phone-error');
    const res = await nodeFetch(`${local.url}/api/public/units/ph1/intake/meetings/view`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingKey: key }),
    });
    expect(res.status).toBe(410);
    const body = (await res.json()) as { error: { message: { zh: string; en: string } } };
    expect(error.textContent).toContain(body.error.message.zh);
    expect(error.textContent).toContain(body.error.message.en);
    expect(screen.queryByTestId('phone-signin-submit')).toBeNull();
  });
});

describe('too many submissions from one address', () => {
  it('shows the server’s 429 with the wait in minutes, and keeps the form filled', async () => {
    // Use up this minute's allowance for the loopback address with real envelopes.
    const view = await (await nodeFetch(`${local.url}/api/public/units/ph1/intake`)).json();
    for (let i = 0; i < INTAKE_RATE_LIMITS.addressPerMinute; i++) {
      const jwe = await encryptToUnion(
        'appeal',
        { content: `占满额度 ${i}`, workshop: '一车间', anonymous: true, submittedAt: NOW },
        (view as { key: { publicJwk: NewUnitKey['publicJwk'] } }).key.publicJwk,
        made.kid,
      );
      const res = await nodeFetch(`${local.url}/api/public/units/ph1/intake/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kid: made.kid, jwe, website: '' }),
      });
      if (res.status === 429) break;
    }
    render(<PhonePage href={fileLink()} fetch={nodeFetch} />);
    await fill(null, '班车太挤');
    const error = await screen.findByTestId('phone-error');
    expect(error.textContent).toMatch(/请 1 分钟后再试/);
    expect(error.textContent).toMatch(/Try again in 1 min/);
    expect((screen.getByTestId('phone-content') as HTMLTextAreaElement).value).toBe('班车太挤');
    expect(screen.queryByTestId('phone-done')).toBeNull();
    await waitFor(() =>
      expect((screen.getByTestId('phone-submit') as HTMLButtonElement).disabled).toBe(false),
    );
  });
});
