// @vitest-environment happy-dom
// Issue 14: step 二's QR codes against the real local functions host on Azurite — the poster sheet
// 扫码反映诉求 with its picture (Worksheet.shapes.addImage, ExcelApi 1.9:
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.shapecollection), the PNG download that
// works in every Excel, and opening a meeting for QR sign-in (PUT …/intake/meetings, the key in the body); the key
// is kept in the workbook's settings (https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection).
import { columnLetter } from '../../../addin/excel/columns';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chinaDay, chineseDate, MEETING_KEY, readPhoneLink } from '../../../shared';
import { filledWorkbook } from '../documents/fixture';
import { renderPane, simulatedWorkbook } from './helpers';

const PASS = '工会主席口令二〇二六年';
const decode = (base64: string): string | undefined => {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
};

/** Downloads the pane offers (an <a download> clicked), caught before happy-dom would navigate to them. */
function catchDownloads(): { names: string[]; stop(): void } {
  const names: string[] = [];
  const listener = (e: Event) => {
    const a = e.target as HTMLAnchorElement | null;
    if (a?.tagName === 'A' && a.download && a.href.startsWith('blob:')) {
      names.push(a.download);
      e.preventDefault();
    }
  };
  document.addEventListener('click', listener, true);
  return { names, stop: () => document.removeEventListener('click', listener, true) };
}

describe('the phone page beside the pane', () => {
  it("is phone.html in the pane's folder, without the pane's query or hash", async () => {
    const { phonePageUrl } = await import('../../../addin/cloud/phone');
    expect(phonePageUrl('https://addin.example.cn/xieshang/taskpane.html?api=https%3A%2F%2Ffn#x')).toBe(
      'https://addin.example.cn/xieshang/phone.html',
    );
    expect(phonePageUrl('http://localhost:3000/preview.html?excelApi=8')).toBe(
      'http://localhost:3000/phone.html',
    );
  });
});

describe('step 二: QR poster, PNG and meeting sign-in', () => {
  it('builds the poster with its picture, offers the PNG, and opens a meeting for sign-in on the local host', async () => {
    const { startLocalFunctions } = await import('../../../scripts/serve-functions');
    const { openCloud } = await import('../../../addin/cloud/operations');
    const { phoneSiteOf } = await import('../../../addin/cloud/phone');
    const { MEETING_KEYS_SETTING } = await import('../../../addin/excel/meetingKeys');
    const { memoryStore } = await import('../../../addin/sync/kv');
    const { cachedToken, localDevToken } = await import('../../../addin/sync/token');
    const { runOf } = await import('../excel/helpers');
    const nodeFetch = globalThis.fetch;
    const today = chinaDay(new Date());
    // The last meeting of the filled workbook is today: QR sign-in works on the meeting day only.
    const w = filledWorkbook(5, (r) => ({
      ...r,
      meetings: r.meetings.map((m, i) => (i === r.meetings.length - 1 ? { ...m, date: today } : m)),
    }));
    const meetingId = w.g.meetings.at(-1)?.id ?? '';
    const local = await startLocalFunctions({ port: 0, tablePrefix: 'phoneqr' });
    const downloads = catchDownloads();
    try {
      const { wb, operations } = await simulatedWorkbook({ input: w.input });
      const unitId = 'qr-ui';
      const site = phoneSiteOf('http://127.0.0.1:3000/phone.html', local.url);
      expect(site.apiBase).toBe(`${local.url}/api`);
      const cloud = await openCloud({
        run: runOf(wb),
        baseUrl: local.url,
        unitId,
        token: cachedToken(localDevToken(local.url, unitId, 'clerk', nodeFetch)),
        store: memoryStore(),
        phoneSite: site,
      });
      await operations.intake?.create(PASS);
      const kid = (await operations.intake?.status())?.kid;
      await renderPane({ ...operations, cloud }, { initialStep: 'publicity', today });
      const user = userEvent.setup();
      const qr = await screen.findByRole('region', { name: '扫码反映诉求二维码' });
      // The key the codes name is published first, as the clerk does in the same section.
      await user.click(screen.getByRole('button', { name: '发布公钥到云端' }));
      expect(await screen.findByText(/^已发布公钥/)).toBeTruthy();

      // The poster: a sheet with the code as a picture that reads back as the unit's link.
      await user.click(within(qr).getByTestId('intake-poster'));
      expect(
        await within(qr).findByText('已生成海报工作表“打印-扫码反映诉求”，可直接打印（A4 纵向一页）'),
      ).toBeTruthy();
      const [picture] = wb.pictures('打印-扫码反映诉求');
      const link = decode(picture?.base64 ?? '');
      const read = readPhoneLink(link ?? '');
      expect(read).toEqual({ ok: true, apiBase: `${local.url}/api`, route: { mode: 'file', unitId, kid } });
      expect(link?.startsWith('http://127.0.0.1:3000/phone.html?api=')).toBe(true);

      // The 实施意见 from step 二's documents carries the same code, with 扫码反映诉求 under it.
      const docs = screen.getByRole('region', { name: '打印文书' });
      await user.click(within(docs).getByRole('button', { name: '生成文书' }));
      const printed = await within(docs).findByText(/^已生成工作表“(打印-实施意见)”/);
      const notice = /“(.+)”/.exec(printed.textContent ?? '')?.[1] ?? '';
      expect(wb.pictures(notice).map((p) => decode(p.base64))).toEqual([link]);
      expect(JSON.stringify(wb.getValues(notice, 'A1:F80'))).toContain('"扫码反映诉求"');

      // The PNG: downloaded, and shown with a link to save it where downloads are blocked.
      await user.click(within(qr).getByTestId('intake-qr-png'));
      const save = await within(qr).findByTestId('intake-qr-download');
      expect(downloads.names).toEqual(['扫码反映诉求二维码.png']);
      expect(save.getAttribute('download')).toBe('扫码反映诉求二维码.png');
      expect(decode((save.getAttribute('href') ?? '').replace('data:image/png;base64,', ''))).toBe(link);

      // Meeting sign-in: the key is made, kept by 会议编号, and the cloud answers for it today.
      await user.selectOptions(within(qr).getByTestId('intake-sign-in-meeting'), meetingId);
      await user.click(within(qr).getByTestId('intake-open-sign-in'));
      expect(
        await within(qr).findByText(`已开启：会议“${meetingId}”于 ${chineseDate(today)} 当天可扫码签到`),
      ).toBeTruthy();
      const kept = JSON.parse(String(wb.settings()[MEETING_KEYS_SETTING])) as Record<
        string,
        { key: string; day: string }
      >;
      const meetingKey = kept[meetingId]?.key ?? '';
      expect(meetingKey).toMatch(MEETING_KEY);
      expect(kept[meetingId]?.day).toBe(today);
      const view = await nodeFetch(`${local.url}/api/public/units/${unitId}/intake/meetings/view`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ meetingKey }),
      });
      expect(view.status).toBe(200);
      expect(await view.json()).toMatchObject({ meetingId, day: today, key: { kid } });
      const signIn = within(qr).getByTestId('intake-sign-in-download');
      const signInLink = decode((signIn.getAttribute('href') ?? '').replace('data:image/png;base64,', ''));
      expect(readPhoneLink(signInLink ?? '')).toMatchObject({
        ok: true,
        route: { mode: 'signIn', unitId, kid, meetingKey },
      });

      // The sign-in sheet, printed twice, carries the same code once; the key outlives the rebuild,
      // and reopening keeps it (codes already printed stay good).
      const documents = operations.documents;
      if (!documents || !cloud.phone) throw new Error('no documents');
      for (let i = 0; i < 2; i++) {
        const request = { kind: 'signInSheet' as const, issuedOn: today, meetingId };
        const qrLink = await cloud.phone.documentLink(request);
        const outcome = await documents.generate({ ...request, ...(qrLink ? { qrLink } : {}) }, {}, () => {});
        expect(outcome.status).toBe('printed');
      }
      const sheet = wb.sheetNames().find((n) => n.startsWith('打印-签到表')) ?? '';
      expect(wb.pictures(sheet).map((s) => decode(s.base64))).toEqual([signInLink]);
      await cloud.phone.openSignIn(meetingId, today);
      const again = JSON.parse(String(wb.settings()[MEETING_KEYS_SETTING])) as typeof kept;
      expect(again[meetingId]?.key).toBe(meetingKey);

      // The meeting moves to another day: the printed code would not work on it, so no document is
      // printed with it until sign-in is opened again.
      const grid = wb.getValues('协商会议', 'A1:Z60');
      const col = (h: string) => (grid[0] ?? []).findIndex((c) => c === h);
      const row = grid.findIndex((r) => r[col('会议编号')] === meetingId);
      const moved = `${columnLetter(col('会议日期'))}${row + 1}`;
      wb.setValues('协商会议', moved, [['2099-01-05']]);
      await expect(cloud.phone.documentLink({ kind: 'signInSheet', meetingId })).rejects.toThrow(
        /重新“开启扫码签到”/,
      );
    } finally {
      downloads.stop();
      await local.stop();
    }
  }, 60_000);

  it('says to create the intake key first, and offers no QR without a cloud connection', async () => {
    const { openCloud } = await import('../../../addin/cloud/operations');
    const { phoneSiteOf } = await import('../../../addin/cloud/phone');
    const { memoryStore } = await import('../../../addin/sync/kv');
    const { runOf } = await import('../excel/helpers');
    const { wb, operations } = await simulatedWorkbook();
    const cloud = await openCloud({
      run: runOf(wb),
      baseUrl: 'http://127.0.0.1:9',
      unitId: 'qr-none',
      token: async () => 'unused',
      store: memoryStore(),
      phoneSite: phoneSiteOf('http://127.0.0.1:3000/phone.html', 'http://127.0.0.1:9'),
    });
    const view = await renderPane({ ...operations, cloud }, { initialStep: 'publicity' });
    const user = userEvent.setup();
    const qr = await screen.findByRole('region', { name: '扫码反映诉求二维码' });
    await user.click(within(qr).getByTestId('intake-qr-png'));
    expect(await within(qr).findByText('本工作簿还没有收件密钥：请先在上方创建二维码收件密钥')).toBeTruthy();
    view.unmount();
    await renderPane(operations, { initialStep: 'publicity' });
    await waitFor(() => expect(screen.queryByTestId('intake-poster')).toBeNull());
  });
});
