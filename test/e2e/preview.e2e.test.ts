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
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF } from '../../addin/demo/pools';
import { demoWorkbook } from '../../addin/preview/demo';
import { attachUnit } from '../functions/support';
import { checkWorkbook, computeFigures, RATE_KEYS } from '../../shared';
import { startLocalFunctions, type LocalFunctions } from '../../functions/src/local/start';
import { chromiumAvailable, launchChromium } from './browser';
import { serveDirectory } from './serve';

const root = resolve(__dirname, '../..');
const shots = join(root, 'test-results', 'e2e');
const TODAY = '2026-11-20';
const demo = demoWorkbook(TODAY);
const DEV_SECRET = 'e2e-dev-secret-0123456789abcdef0123456789';

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
    const cloudDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
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
    const service = TableServiceClient.fromConnectionString(functions.connectionString, {
      allowInsecureConnection: true,
    });
    let stored = '';
    for await (const t of service.listTables()) {
      const table = TableClient.fromConnectionString(functions.connectionString, t.name as string, {
        allowInsecureConnection: true,
      });
      for await (const e of table.listEntities()) stored += JSON.stringify(e);
    }
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
});
