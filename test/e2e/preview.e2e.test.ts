/**
 * The preview tried as a new user would, in Debian's Chromium: the real task pane and Excel layer
 * over the simulated workbook. Each step leaves a screenshot in test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// The cloud's tables are read past the storage module on purpose: as anyone holding the storage key would.
// eslint-disable-next-line no-restricted-imports
import { TableClient, TableServiceClient } from '@azure/data-tables';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF } from '../../addin/demo/pools';
import { columnLetter } from '../../addin/excel/columns';
import { demoWorkbook } from '../../addin/preview/demo';
import { attachUnit } from '../functions/support';
import { checkWorkbook, computeFigures, RATE_KEYS, readPhoneLink } from '../../shared';
import { startLocalFunctions, type LocalFunctions } from '../../functions/src/local/start';
import { chromiumAvailable, launchChromium } from './browser';
import { serveDirectory } from './serve';

const root = resolve(__dirname, '../..');
const shots = join(root, 'test-results', 'e2e');
const TODAY = '2026-11-20';
const demo = demoWorkbook(TODAY);
const DEV_SECRET = 'e2e-dev-secret-0123456789abcdef0123456789';
const CLOCK_SHIFT = Date.now() - Date.parse(`${TODAY}T02:00:00Z`);

describe.skipIf(!chromiumAvailable())('the preview, as a clerk uses it', () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let functions: LocalFunctions;
  let step = 0;
  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-${name}.png`) });
  };
  const pane = () => page.locator('aside[aria-label="任务窗格"]');
  const goStep = async (tab: string): Promise<void> => {
    await pane().getByRole('tab', { name: tab, exact: true }).first().click();
  };
  const cell = (address: string) => page.locator(`td[data-address="${address}"]`);
  const typeInto = async (address: string, text: string): Promise<void> => {
    await cell(address).click();
    await expect.poll(() => page.getByLabel('单元格地址').textContent()).toBe(address);
    await page.getByLabel('编辑栏').fill(text);
    await page.getByLabel('编辑栏').press('Enter');
  };
  const visible = (locator: Locator, timeout = 15_000): Promise<void> =>
    locator.first().waitFor({ state: 'visible', timeout });
  const sheetTab = (name: string) => page.locator(`[role="tab"][data-sheet="${name}"]`);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    execFileSync(
      join(root, 'node_modules/.bin/webpack'),
      ['--mode', 'development', '--env', 'target=preview', '--env', 'out=dist/e2e'],
      { cwd: root, stdio: 'pipe', timeout: 300_000 },
    );
    server = await serveDirectory(join(root, 'dist/e2e'));
    // The real functions on Azurite, on a free loopback port, letting the preview's origin call them.
    functions = await startLocalFunctions({
      port: 0,
      env: { XIESHANG_CORS_ORIGINS: server.url, XIESHANG_DEV_SECRET: DEV_SECRET },
      // The cloud's clock runs from TODAY 10:00 in China, as the preview's day is TODAY: what phones
      // send is received (受理时间) on the cloud's day, and a meeting's sign-in works on its day.
      now: () => new Date(Date.now() - CLOCK_SHIFT),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(`${server.url}/preview.html?today=${TODAY}&api=${encodeURIComponent(functions.url)}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await functions?.stop();
  });

  it('opens the demo workbook beside the task pane', async () => {
    await expect.poll(() => cell('A2').textContent()).toBe(demo.appeals[0]?.id);
    await expect.poll(() => sheetTab('职工诉求记录表').count()).toBe(1);
    await shot('opened');
  });

  it('sets up the workbook (already current: nothing changes)', async () => {
    await goStep('设置');
    await pane().getByRole('button', { name: '建立 / 更新工作簿' }).click();
    await visible(pane().getByText('工作簿已是最新结构，无需改动'));
    await shot('set-up');
  });

  it('registers an appeal through the form, which validates as one types', async () => {
    await goStep('三');
    const form = pane();
    await form.locator('select[name="intakeMethod"]').selectOption('谈话');
    await form.locator('select[name="category"]').selectOption('生活保障类');
    await form.locator('input[name="appellant"]').fill('匿名');
    await form.locator('input[name="phone"]').fill('13800001111');
    await form.locator('input[name="phone"]').blur();
    await visible(form.getByText(/“诉求人”为“匿名”时，“电话”应为空/));
    await shot('form-error');
    await form.locator('input[name="phone"]').fill('');
    await form.locator('textarea[name="content"]').fill('夜班结束后食堂已关门，希望延长供餐时间');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await visible(form.getByText(/已写入“职工诉求记录表”第 58 行/));
    await expect.poll(() => cell('J58').textContent()).toContain('夜班结束后食堂已关门');
    await shot('registered');
  });

  it('catches a wrong date typed into the grid, and lets it be fixed', async () => {
    await sheetTab('职工诉求记录表').click();
    await typeInto('D3', '2026-13-01');
    await goStep('检查');
    await pane().getByRole('button', { name: '检查工作簿' }).click();
    const problem = pane()
      .getByRole('button', { name: /职工诉求记录表.*D3/ })
      .first();
    await visible(problem);
    await visible(pane().getByText(/“2026-13-01”不是/));
    await shot('check-caught');
    await problem.click();
    await expect.poll(() => page.getByLabel('单元格地址').textContent()).toBe('D3');
    await typeInto('D3', '2026-07-06');
    await pane().getByRole('button', { name: '检查工作簿' }).click();
    await expect
      .poll(() =>
        pane()
          .getByRole('button', { name: /职工诉求记录表.*D3/ })
          .count(),
      )
      .toBe(0);
    await shot('check-fixed');
  });

  it('plans a meeting from chosen topics, with departments suggested', async () => {
    await goStep('四');
    await pane().getByRole('checkbox').first().check();
    await expect.poll(() => pane().getByRole('option').count()).toBeGreaterThan(0); // suggested departments
    await pane().locator('input[name="date"]').fill('2026-11-27');
    await pane().locator('input[name="place"]').fill('工会会议室');
    await pane().getByRole('button', { name: '登记会议及议题' }).click();
    await visible(pane().getByText(/已登记会议“.+”及 1 项议题/));
    await shot('meeting');
  });

  it('records tracking and a 不满意 survey, and the appeal reopens for remedy', async () => {
    await sheetTab('职工诉求记录表').click();
    await cell('A12').click(); // 2026-011: the appellant has been told; the survey is due
    await pane().getByRole('button', { name: '读取选中行' }).click();
    await goStep('六');
    await pane().locator('select[name="status"]').selectOption('已完成');
    await pane().getByRole('button', { name: '登记', exact: true }).first().click();
    await visible(pane().getByText(/已写入“进展情况跟踪表”第 \d+ 行/));
    await goStep('七');
    await pane().locator('select[name="method"]').selectOption('电话回访');
    await pane().locator('select[name="rating"]').selectOption('不满意');
    await pane().locator('[name="reason"]').fill('供餐时间仍未延长');
    await pane().locator('select[name="remedyDepartment"]').selectOption('后勤部');
    await pane().locator('[name="remedy"]').fill('增设夜班餐点');
    await pane().locator('input[name="remedyDueOn"]').fill('2026-12-10');
    await pane().getByRole('button', { name: '登记', exact: true }).click();
    await visible(pane().getByText(/已写入“满意度调查表”第 \d+ 行/));
    await pane().getByRole('button', { name: '读取选中行' }).click();
    await visible(pane().getByText('不满意整改中'));
    await shot('reopened');
  });

  it('builds the quarterly ledger', async () => {
    await goStep('八');
    await pane().getByRole('button', { name: '生成台账与汇总' }).click();
    await visible(pane().getByText(/已生成 \d+ 张工作表/), 30_000);
    await sheetTab('台账2026Q3').click();
    await expect.poll(() => cell('A1').textContent()).toContain('工作台账（2026年第三季度）');
    await shot('ledger');
  });

  it('syncs with the functions, and a reminder comes back from them', async () => {
    await goStep('检查');
    await pane().getByRole('button', { name: '立即同步' }).click();
    await visible(pane().getByText(/已同步：上传 \d+ 条/), 60_000);
    await pane().getByRole('button', { name: '刷新提醒' }).click();
    const reminders = pane().getByRole('list', { name: '云端提醒' });
    await visible(reminders.getByText(/诉求 2026-\d{3}（.+）：.+(已逾期|即将到期)/), 30_000);
    const text = (await reminders.textContent()) ?? '';
    for (const a of demo.appeals)
      if (a.appellant && a.appellant !== '匿名') expect(text).not.toContain(a.appellant);
    await shot('synced-reminders');
  });

  it('pairs a computer with a one-time code from the administrator, syncs, and asks again once it is revoked', async () => {
    // The administrator and the clerk in their own browser contexts: nothing shared but the functions.
    const open = async (query: string): Promise<Page> => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const p = await context.newPage();
      await p.goto(
        `${server.url}/preview.html?today=${TODAY}&api=${encodeURIComponent(functions.url)}${query}`,
      );
      await p.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      await p
        .locator('aside[aria-label="任务窗格"]')
        .getByRole('tab', { name: '检查', exact: true })
        .first()
        .click();
      return p;
    };
    const admin = await open('&role=admin');
    const adminPane = admin.locator('aside[aria-label="任务窗格"]');
    const pairing = adminPane.getByRole('region', { name: '配对管理' });
    await visible(pairing);
    await pairing.getByLabel('角色').selectOption({ label: '工会干事' });
    await pairing.getByRole('button', { name: '生成配对码' }).click();
    const code = ((await pairing.getByTestId('pairing-code').textContent({ timeout: 30_000 })) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await admin.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-pairing-code.png`) });

    const clerk = await open('&signin=pairing');
    const clerkPane = clerk.locator('aside[aria-label="任务窗格"]');
    const form = clerkPane.getByRole('form', { name: '用配对码登录' });
    await visible(form.getByText('请输入本单位管理员给的一次性配对码'));
    // Nothing syncs before pairing: the sync button is not offered.
    expect(await clerkPane.getByRole('button', { name: '立即同步' }).count()).toBe(0);
    await form.getByLabel('配对码').fill(code.toLowerCase());
    await form.getByLabel('本机名称（可选）').fill('二车间电脑');
    await form.getByRole('button', { name: '配对' }).click();
    await visible(clerkPane.getByText('本电脑已配对登录，角色：工会干事（二车间电脑）'));
    await clerkPane.getByRole('button', { name: '立即同步' }).click();
    await visible(clerkPane.getByText(/已同步：上传 \d+ 条/), 60_000);
    await clerk.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-paired-and-synced.png`) });

    // A second use of the same code is refused, in Chinese, and nothing is stored.
    const again = await open('&signin=pairing');
    const againForm = again
      .locator('aside[aria-label="任务窗格"]')
      .getByRole('form', { name: '用配对码登录' });
    await againForm.getByLabel('配对码').fill(code);
    await againForm.getByRole('button', { name: '配对' }).click();
    await visible(againForm.getByText('该配对码已经用过（每个配对码只能用一次）'));

    await pairing.getByRole('button', { name: '生成配对码' }).click(); // refreshes the list as well
    const device = pairing
      .getByRole('list', { name: '已配对的电脑' })
      .getByRole('listitem')
      .filter({ hasText: '二车间电脑' });
    await visible(device);
    await device.getByRole('button', { name: '撤销' }).click();
    await visible(device.getByText(/已于 .+ 撤销/));

    await clerkPane.getByRole('button', { name: '立即同步' }).click();
    await visible(clerkPane.getByText('云端已不再接受本电脑的配对（已被管理员撤销）'), 30_000);
    await visible(clerkPane.getByRole('form', { name: '用配对码登录' }).getByLabel('配对码'));
    expect(
      await clerk.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('pairing'))),
    ).toEqual([]);
    await clerk.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-pairing-revoked.png`) });
    for (const p of [admin, clerk, again]) await p.context().close();
  });

  /** Every entity in every table of the cloud's storage, as text: what anyone with the storage key reads. */
  const storedText = async (): Promise<string> => {
    const service = TableServiceClient.fromConnectionString(functions.connectionString, {
      allowInsecureConnection: true,
    });
    let stored = '';
    for await (const t of service.listTables()) {
      const table = TableClient.fromConnectionString(functions.connectionString, t.name as string, {
        allowInsecureConnection: true,
      });
      for await (const e of table.listEntities()) stored += `${JSON.stringify(e)}\n`;
    }
    return stored;
  };

  it('hands an appeal up from a workshop through its company to the group, whose reply reaches the workshop, and builds 集团汇总', async () => {
    // The tree: 一车间 (ws1) under the company (co1) under the group (grp1); attaching needs an
    // administrator of both units, which the preview's one-unit development token is not.
    const names: Record<string, string> = { ws1: '一车间工会', co1: '机械公司工会', grp1: '集团工会' };
    for (const [unit, parent] of [
      ['grp1', ''],
      ['co1', 'grp1'],
      ['ws1', 'co1'],
    ] as const)
      await attachUnit({ url: functions.url, devSecret: DEV_SECRET }, unit, parent, {
        name: names[unit] as string,
        origin: server.url,
      });
    // Each unit in its own browser context, signed in as its clerk; each syncs once.
    const open = async (unit: string): Promise<{ page: Page; pane: Locator }> => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const p = await context.newPage();
      await p.goto(
        `${server.url}/preview.html?today=${TODAY}&api=${encodeURIComponent(functions.url)}&unit=${unit}`,
      );
      await p.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      return { page: p, pane: p.locator('aside[aria-label="任务窗格"]') };
    };
    const tab = (u: { pane: Locator }, name: string) =>
      u.pane.getByRole('tab', { name, exact: true }).first().click();
    const sync = async (u: { pane: Locator }): Promise<void> => {
      await tab(u, '检查');
      await u.pane.getByRole('button', { name: '立即同步' }).click();
      await visible(u.pane.getByText(/已同步：上传 \d+ 条/), 60_000);
    };
    const ws = await open('ws1');
    const co = await open('co1');
    const grp = await open('grp1');
    for (const u of [ws, co, grp]) await sync(u);

    // The workshop hands up an appeal with a named appellant and a phone.
    // A name no staff member shares (staff names, such as 责任人, do travel to the cloud).
    const index = demo.appeals.findIndex(
      (a) => !a.escalatedOn && a.phone && a.appellant !== '匿名' && !STAFF.includes(a.appellant as string),
    );
    const appeal = demo.appeals[index] as (typeof demo.appeals)[number];
    await ws.page.locator(`td[data-address="A${index + 2}"]`).click();
    await tab(ws, '六');
    const handUp = ws.pane.getByRole('region', { name: '上报上级单位（逐级报送）' });
    await visible(handUp.getByText(`要上报的诉求：${appeal.id}`));
    await handUp.getByLabel(/^上报说明/).fill('车间协调不了，请公司研究');
    await handUp.getByRole('button', { name: '预览上报内容' }).click();
    const preview = handUp.getByRole('region', { name: /^将上报的内容/ });
    await visible(preview.getByText(`编号：${appeal.id}`));
    expect(await preview.textContent()).not.toContain(appeal.appellant as string);
    await handUp.getByRole('button', { name: '确认上报' }).click();
    await visible(handUp.getByText('已上报至 co1，本行已填写 2 项（上报日期、上级单位）。'), 30_000);

    // The company sees it at its next sync and passes it up.
    await sync(co);
    const atCompany = co.pane.getByRole('region', { name: `ws1 · 编号 ${appeal.id}` });
    await visible(atCompany.getByText(/^状态：等待答复 · 已等待 \d+ 个工作日$/), 30_000);
    expect(await co.pane.getByRole('region', { name: '下级上报的诉求' }).textContent()).not.toContain(
      appeal.appellant as string,
    );
    await atCompany.getByRole('button', { name: '转报上一级' }).click();
    await atCompany.getByLabel(/^转报说明/).fill('涉及集团政策');
    await atCompany.getByRole('button', { name: '确认转报' }).click();
    await visible(atCompany.getByText('已转报至 grp1。'), 30_000);

    // The group replies.
    await sync(grp);
    const atGroup = grp.pane.getByRole('region', { name: `co1 · 编号 ws1/${appeal.id}` });
    await visible(atGroup, 30_000);
    await atGroup.getByRole('button', { name: '答复' }).click();
    await atGroup.getByLabel(/^办理状态/).selectOption('正在进行中');
    await atGroup.getByLabel(/^答复内容/).fill('集团人力资源部牵头研究，月底前答复');
    await atGroup.getByRole('button', { name: '发送答复' }).click();
    await visible(atGroup.getByText(/^答复已发送/), 30_000);
    await grp.page.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-group-inbox.png`) });

    // The reply reaches the workshop's tracking sheet at its next sync.
    await sync(ws);
    await visible(ws.pane.getByText('上级答复已写入进展情况跟踪表 1 条'), 30_000);
    await ws.page.locator('[role="tab"][data-sheet="进展情况跟踪表"]').click();
    await visible(ws.page.locator('td').filter({ hasText: 'grp1：集团人力资源部牵头研究，月底前答复' }));

    // The group builds 集团汇总 for the demo's quarter: each unit's row is that unit's own figures.
    await tab(grp, '八');
    await grp.pane.getByLabel(/^季度/).selectOption({ label: '三季度' });
    await grp.pane.getByRole('button', { name: '生成集团汇总' }).click();
    await visible(grp.pane.getByText(/已生成“集团汇总2026Q3”，共 3 个单位/), 60_000);
    await grp.page.locator('[role="tab"][data-sheet="集团汇总2026Q3"]').click();
    await grp.page.screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-group-summary.png`) });
    const cloudDay = TODAY;
    const own = checkWorkbook(demo.input, { today: cloudDay });
    const expected = computeFigures(
      own.cases,
      { year: 2026, quarter: 3 },
      {
        asOf: cloudDay,
        calendar: own.calendar,
        rules: own.settings,
      },
    );
    const row = async (name: string): Promise<string[]> => {
      const cells = grp.page
        .locator('tr')
        .filter({ has: grp.page.locator('td', { hasText: new RegExp(`^\\s*${name}$`) }) });
      return (await cells.first().locator('td').allTextContents()).map((t) => t.trim());
    };
    for (const unit of Object.keys(names)) {
      const cells = await row(names[unit] as string);
      const at = cells.findIndex((t) => t === names[unit]);
      // 单位, 同步情况, 受理数, then each rate's 分子 and 分母 (and the rate).
      expect(cells[at + 2], unit).toBe(String(expected.received));
      RATE_KEYS.forEach((k, i) => {
        expect(cells[at + 3 + i * 3], `${unit} ${k}`).toBe(String(expected.rates[k].numerator));
        expect(cells[at + 4 + i * 3], `${unit} ${k}`).toBe(String(expected.rates[k].denominator));
      });
    }

    // No appellant's phone anywhere in the cloud, and not the handed-up appellant's name either.
    const stored = await storedText();
    expect(stored.length).toBeGreaterThan(10_000);
    for (const a of demo.appeals) if (a.phone) expect(stored).not.toContain(a.phone);
    expect(stored).not.toContain(appeal.appellant as string);
    expect(stored).toContain('集团人力资源部牵头研究');
    for (const u of [ws, co, grp]) await u.page.context().close();
  }, 240_000);

  it('makes the management copy, with no appellant name or phone in it', async () => {
    await goStep('八');
    const download = page.waitForEvent('download');
    await pane().getByRole('button', { name: '生成管理层副本' }).click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(file)).buffer);
    const text: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => text.push(String(c.text)))));
    const all = text.join('\n');
    expect(book.worksheets.map((s) => s.name)).toContain('台账2026Q3');
    for (const a of demo.appeals) {
      if (a.appellant && a.appellant !== '匿名') expect(all).not.toContain(a.appellant);
      if (a.phone) expect(all).not.toContain(a.phone);
    }
    expect(all).toContain('匿名');
    await shot('management-copy');
  });

  // The phone page as an employee meets it: 360 px wide, touch, WeChat's in-app browser.
  const WECHAT =
    'Mozilla/5.0 (Linux; Android 13; Phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47';
  const phoneContexts: BrowserContext[] = [];
  const phone = async (clock?: Date): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: WECHAT,
    });
    phoneContexts.push(context);
    // The preview's day is TODAY; the phone's clock says so too (timers keep running).
    if (clock) await context.clock.setFixedTime(clock);
    return context.newPage();
  };
  const phoneShot = async (p: Page, name: string): Promise<void> => {
    await p.screenshot({
      path: join(shots, `${String(++step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
  /** What a phone's camera reads from a QR picture: its PNG decoded by jsQR. */
  const scan = async (img: Locator): Promise<string> => {
    const src = (await img.first().getAttribute('src')) ?? '';
    const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (!found) throw new Error('no QR code in the picture');
    return found.data;
  };
  /** The header cells of the sheet on show: a register's table starts at A1 with its headers. */
  const headerCells = async (): Promise<string[]> =>
    (await page.locator('tbody tr').first().locator('td').allTextContents()).map((t) => t.trim());
  /** The cells of the register row holding `text`, by header. */
  const registerRow = async (sheet: string, text: string): Promise<Record<string, string>> => {
    await sheetTab(sheet).click();
    const header = await headerCells();
    const row = page.locator('tbody tr').filter({ has: page.locator('td', { hasText: text }) });
    await visible(row);
    const cells = (await row.first().locator('td').allTextContents()).map((t) => t.trim());
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']).filter(([h]) => h));
  };
  const syncPane = async (): Promise<void> => {
    await goStep('检查');
    await pane().getByRole('button', { name: '立即同步' }).click();
    await visible(pane().getByText(/已同步：上传 \d+ 条/), 60_000);
  };

  it('lets employees file from a phone by the poster’s QR code, follows and rates the appeal, and signs in to a meeting by QR', async () => {
    // The clerk: a key for the unit, published, and the poster built from it.
    await goStep('二');
    const passphrase = '工会办公室 2026 口令';
    await pane().getByLabel('口令（至少 10 个字符）').fill(passphrase);
    await pane().getByLabel('再输入一次口令').fill(passphrase);
    await pane().getByRole('button', { name: '创建二维码收件密钥' }).click();
    await visible(pane().getByText('已创建收件密钥并解锁'), 30_000);
    await pane().getByRole('button', { name: '发布公钥到云端' }).click();
    await visible(pane().getByText(/已发布公钥：手机表单可选 \d+ 个车间/), 30_000);
    await pane().getByTestId('intake-poster').click();
    await visible(pane().getByText(/已生成海报工作表“打印-扫码反映诉求”/), 30_000);
    await sheetTab('打印-扫码反映诉求').click();
    const picture = page.locator('img[data-picture]');
    await visible(picture);
    const link = await scan(picture);
    const read = readPhoneLink(link);
    expect(read.ok && read.route.mode).toBe('file');
    // The poster prints the same link under the code, and in the preview it opens.
    expect(await page.locator(`td a[href="${link}"]`).count()).toBe(1);
    await pane().screenshot({ path: join(shots, `${String(++step).padStart(2, '0')}-qr-pane.png`) });

    // Two employees scan it: one named, one anonymous. Their phones think it is TODAY, 10:00 in China.
    const morning = new Date(`${TODAY}T02:00:00Z`);
    const named = await phone(morning);
    await named.goto(link);
    await visible(named.getByText('反映诉求可实名也可匿名，工会将做好诉求人的保密工作'));
    const secret = {
      name: '扫码职工周八',
      phone: '13966667777',
      content: '二号楼宿舍热水器坏了一周无人修理',
    };
    await named.getByTestId('phone-content').fill(secret.content);
    await named.getByTestId('phone-workshop').selectOption({ index: 1 });
    await named.getByTestId('phone-name').fill(secret.name);
    await named.getByTestId('phone-phone').fill(secret.phone);
    await phoneShot(named, 'phone-form');
    await named.getByTestId('phone-submit').click();
    await visible(named.getByTestId('phone-done'), 30_000);
    const receiptLink = (await named.getByTestId('phone-receipt-link').getAttribute('href')) ?? '';
    expect(readPhoneLink(receiptLink).ok).toBe(true);
    await phoneShot(named, 'phone-receipt');

    const anonymous = await phone(morning);
    await anonymous.goto(link);
    const quiet = '食堂晚班窗口只开一个，排队超过二十分钟';
    await anonymous.getByTestId('phone-content').fill(quiet);
    await anonymous.getByTestId('phone-workshop').selectOption({ index: 1 });
    await anonymous.getByTestId('phone-anonymous').check();
    await anonymous.getByTestId('phone-submit').click();
    await visible(anonymous.getByTestId('phone-done'), 30_000);

    // The cloud holds neither name, phone nor text in any readable form.
    const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
    const b64url = (t: string) => Buffer.from(t, 'utf8').toString('base64url');
    const stored = await storedText();
    for (const t of [secret.name, secret.phone, secret.content, quiet])
      for (const form of [t, b64(t), b64url(t), JSON.stringify(t).slice(1, -1)])
        expect(stored).not.toContain(form);
    expect(stored).toMatch(/"jwe0":"ey/); // the ciphertext is there

    // The clerk syncs (keys unlocked): both appeals land in 职工诉求记录表.
    await syncPane();
    await visible(pane().getByText(/已写入 2 条诉求/), 30_000);
    const row = await registerRow('职工诉求记录表', secret.content);
    expect(row).toMatchObject({
      受理方式: '网络',
      受理渠道: '二维码',
      受理时间: TODAY,
      诉求人: secret.name,
      电话: secret.phone,
    });
    expect(await registerRow('职工诉求记录表', quiet)).toMatchObject({
      诉求人: '匿名',
      受理渠道: '二维码',
      电话: '',
    });

    // The named appeal, handled to the end in the grid: department, result, finished, reported, told.
    await sheetTab('职工诉求记录表').click();
    const header = await headerCells();
    const target = page.locator('tbody tr').filter({ has: page.locator('td', { hasText: secret.content }) });
    const rowNumber = (await target.first().locator('th').textContent())?.trim() ?? '';
    const at = (h: string) => `${columnLetter(header.indexOf(h))}${rowNumber}`;
    for (const [h, v] of [
      ['承办部门', '后勤部'],
      ['职能部门意见（解决措施）', '已更换热水器并建立报修台账'],
      ['办结日期', TODAY],
      ['部门反馈日期', TODAY],
      ['告知诉求人日期', TODAY],
      ['告知方式', '电话'],
    ] as const)
      await typeInto(at(h), v);
    await syncPane();

    // The employee's link shows it told, with the result, and asks for a rating: 不满意, with a reason.
    const follow = await phone(morning);
    await follow.goto(receiptLink);
    await visible(follow.getByTestId('phone-result'), 30_000);
    expect(await follow.getByTestId('phone-result').textContent()).toContain('已更换热水器并建立报修台账');
    expect(await follow.locator('body').textContent()).not.toContain(secret.name);
    await follow.getByTestId('phone-rating-3').click();
    await follow.getByTestId('phone-reason').fill('热水器换了但水温仍然不够');
    await phoneShot(follow, 'phone-rating');
    await follow.getByTestId('phone-rate').click();
    await visible(follow.getByTestId('phone-done'), 30_000);

    // The clerk's next sync writes the survey row, and the appeal is back in 整改.
    await syncPane();
    await visible(pane().getByText(/满意度调查表新增 1 条职工评价/), 30_000);
    const survey = await registerRow('满意度调查表', '热水器换了但水温仍然不够');
    expect(survey).toMatchObject({ 调查对象: '诉求人', 调查方式: '网络或问卷调查', 诉求满意度: '不满意' });
    await sheetTab('职工诉求记录表').click();
    await cell(at('诉求内容')).click();
    await goStep('七');
    await pane().getByRole('button', { name: '读取选中行' }).click();
    await visible(pane().getByText('不满意整改中'));
    await follow.reload();
    await expect
      .poll(() => follow.getByTestId('phone-stage').first().textContent(), { timeout: 30_000 })
      .toBe('不满意整改中');

    // A meeting on the cloud's day opens for QR sign-in; an attendee signs in from the phone.
    const cloudDay = TODAY;
    await goStep('四');
    await pane().getByRole('checkbox').first().check();
    await pane().locator('input[name="date"]').fill(cloudDay);
    await pane().locator('input[name="place"]').fill('工会会议室');
    await pane().getByRole('button', { name: '登记会议及议题' }).click();
    await visible(pane().getByText(/已登记会议“.+”及 1 项议题/));
    await goStep('二');
    const meetings = pane().getByTestId('intake-sign-in-meeting');
    const option = meetings.locator('option', {
      hasText: `${Number(cloudDay.slice(5, 7))}月${Number(cloudDay.slice(8))}日`,
    });
    await meetings.selectOption((await option.first().getAttribute('value')) ?? '');
    await pane().getByTestId('intake-open-sign-in').click();
    const signInCode = pane().getByTestId('intake-sign-in-download-image');
    await visible(signInCode, 30_000);
    const signInLink = await scan(signInCode);
    const attendee = await phone();
    await attendee.goto(signInLink);
    await attendee.getByTestId('phone-signin-group').selectOption('职工代表');
    await attendee.getByTestId('phone-signin-position').fill('二车间');
    await attendee.getByTestId('phone-signin-name').fill('签到代表吴九');
    await phoneShot(attendee, 'phone-sign-in');
    await attendee.getByTestId('phone-signin-submit').click();
    await visible(attendee.getByTestId('phone-done'), 30_000);
    await syncPane();
    await visible(pane().getByText(/会议签到表新增 1 条扫码签到/), 30_000);
    expect(await registerRow('会议签到表', '签到代表吴九')).toMatchObject({
      会议参加人员: '职工代表',
      职务或部门: '二车间',
      本人签字: expect.stringMatching(/^扫码签到 \d\d:\d\d$/),
    });
    expect(await storedText()).not.toContain('签到代表吴九');
    await shot('qr-sign-in');
  }, 240_000);

  it('refuses a server key that does not match the QR code’s fingerprint, and sends nothing', async () => {
    const before = (await storedText()).match(/"jwe0"/g)?.length ?? 0;
    await goStep('二');
    await pane().getByTestId('intake-poster').click();
    await visible(pane().getByText(/已生成海报工作表/), 30_000);
    await sheetTab('打印-扫码反映诉求').click();
    const link = await scan(page.locator('img[data-picture]'));
    // A tampered poster (or a server that swapped keys): the link names another fingerprint.
    const forged = link.replace(/k=[A-Za-z0-9_-]{43}/, `k=${'A'.repeat(43)}`);
    expect(forged).not.toBe(link);
    const p = await phone(new Date(`${TODAY}T02:00:00Z`));
    await p.goto(forged);
    // Refused as the page opens, before the employee types a word: no form to fill, nothing sent.
    await visible(p.getByTestId('phone-error'), 30_000);
    expect(await p.getByTestId('phone-error').textContent()).toContain('指纹不符');
    expect(await p.getByTestId('phone-content').count()).toBe(0);
    expect((await storedText()).match(/"jwe0"/g)?.length ?? 0).toBe(before);
    for (const c of phoneContexts) await c.close();
  }, 120_000);
});
