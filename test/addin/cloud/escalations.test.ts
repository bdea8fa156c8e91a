// Escalation level by level (issue 13; the handbook's 逐级报送: "本级解决不了的，可向上一级工会和企业行政
// 逐级报送，直至合理解决"): the pane hands the selected appeal up without identity, the parent's pane
// sees it at its next sync and replies, accepts it into its register or passes it further up, and
// replies reach the child's 进展情况跟踪表 as sync writes — against the real local functions host.
// Cells are written with Excel's range values and the table's rows.add
// (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationRefused } from '../../../addin/cloud/escalations';
import { openCloud, type CloudOperations } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { columnLetter } from '../../../addin/excel/columns';
import { createExcelOperations } from '../../../addin/excel/operations';
import { readRegisters } from '../../../addin/excel/read';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { memoryStore } from '../../../addin/sync/kv';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { attachUnit } from '../../functions/support';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import {
  appealRegister,
  DEFAULT_VALUE_LISTS,
  readRegister,
  TRACKING_DONE,
  TRACKING_IN_PROGRESS,
  trackingRegister,
  type InputRegisterKey,
  type RegisterDef,
} from '../../../shared';
import { loadRegisters, runOf } from '../excel/helpers';

const SECRET = 'escalation-pane-test-secret-0123456789';
let local: LocalFunctions;

beforeAll(async () => {
  local = await startLocalFunctions({ port: 0, env: { XIESHANG_DEV_SECRET: SECRET } });
});
afterAll(() => local.stop());

const attach = (child: string, parent: string): Promise<void> =>
  attachUnit({ url: local.url, devSecret: SECRET }, child, parent);

let seed = 40;
/** A unit's workbook (a demo company's registers) and its pane's cloud, signed in as `role`. */
async function unit(
  unitId: string,
  role = 'clerk',
  appeals = 8,
): Promise<{ wb: SimulatedWorkbook; cloud: CloudOperations; today: string; appeals: string[] }> {
  const g = generateWorkbook({ appeals, seed: seed++ });
  const wb = createSimulatedWorkbook();
  await setUpWorkbook(runOf(wb));
  await loadRegisters(wb, g.input);
  const cloud = await openCloud({
    run: runOf(wb),
    baseUrl: local.url,
    unitId,
    token: cachedToken(localDevToken(local.url, unitId, role)),
    store: memoryStore(),
  });
  const open = g.appeals.filter((a) => !a.escalatedOn).map((a) => String(a.id));
  return { wb, cloud, today: g.today, appeals: open };
}

async function rowsOf(wb: SimulatedWorkbook, register: RegisterDef): Promise<Record<string, unknown>[]> {
  const read = await runOf(wb)((context) => readRegisters(context, [register]));
  const r = read[register.key as InputRegisterKey];
  if (!r) throw new Error(`no ${register.key}`);
  return readRegister(register, r.raw, { lists: DEFAULT_VALUE_LISTS }).rows.map((row) => row.values);
}

const units = (prefix: string) => ({ work: `${prefix}-w`, company: `${prefix}-c`, group: `${prefix}-g` });

describe('handing an appeal up (issue 13)', () => {
  it('refuses a note with a phone number, naming the field in Chinese, before anything is sent', async () => {
    const u = units('hu1');
    const child = await unit(u.work);
    const id = child.appeals[0] as string;
    const refused = await child.cloud.escalations
      .previewHandUp(id, '请联系 13812345678', child.today)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EscalationRefused);
    expect((refused as EscalationRefused).field).toBe('note');
    expect((refused as EscalationRefused).reason.zh).toMatch(/上报说明.*手机号码/);
    await expect(child.cloud.escalations.handUp(id, '请联系 13812345678', child.today)).rejects.toThrow(
      EscalationRefused,
    );
    expect(child.cloud.status().lastSyncAt).toBeUndefined();
  });

  it('previews the appeal as the parent will see it: no name and no phone', async () => {
    const child = await unit(units('hu2').work);
    const id = child.appeals[0] as string;
    const preview = await child.cloud.escalations.previewHandUp(id, '车间无法解决', child.today);
    expect(preview.values.id).toBe(id);
    expect(preview.values.content).toBeTruthy();
    expect('phone' in preview.values).toBe(false);
    expect(['匿名', undefined]).toContain(preview.values.appellant);
  });

  it('sends it to the parent, fills 上报日期 and 上级单位, and the parent sees it at its next sync', async () => {
    const u = units('hu3');
    await attach(u.work, u.company);
    const child = await unit(u.work);
    const parent = await unit(u.company);
    const id = child.appeals[0] as string;
    const report = await child.cloud.escalations.handUp(id, '车间无法解决，请公司协调', child.today);
    expect(report).toMatchObject({ appealId: id, toUnit: u.company, filled: 2, kept: [] });
    const row = (await rowsOf(child.wb, appealRegister)).find((r) => r.id === id);
    expect(row).toMatchObject({ escalatedOn: child.today, escalatedTo: u.company });

    expect(parent.cloud.escalations.list()).toEqual([]);
    expect((await parent.cloud.syncNow(parent.today)).ok).toBe(true);
    const inbox = parent.cloud.escalations.list().filter((e) => e.direction === 'in');
    expect(inbox.map((e) => [e.fromUnit, e.appealId, e.status])).toEqual([[u.work, id, 'open']]);
    expect(inbox[0]?.note).toBe('车间无法解决，请公司协调');
    expect('phone' in (inbox[0]?.snapshot ?? {})).toBe(false);
  });

  it('never overwrites a 上级单位 the clerk typed', async () => {
    const u = units('hu4');
    await attach(u.work, u.company);
    const child = await unit(u.work);
    const id = child.appeals[0] as string;
    const read = await runOf(child.wb)((context) => readRegisters(context, [appealRegister]));
    const raw = read.appeals?.raw;
    const row = readRegister(appealRegister, raw!, { lists: DEFAULT_VALUE_LISTS }).rows.find(
      (r) => r.values.id === id,
    );
    // The register's columns are in schema order from column A.
    const col = appealRegister.fields.findIndex((f) => f.key === 'escalatedTo');
    child.wb.setValues(appealRegister.sheet, `${columnLetter(col)}${row?.row}`, [['公司工会']]);
    const report = await child.cloud.escalations.handUp(id, '', child.today);
    expect(report.filled).toBe(1);
    expect(report.kept.map((k) => [k.field, k.mine, k.theirs])).toEqual([
      ['escalatedTo', '公司工会', u.company],
    ]);
    const after = (await rowsOf(child.wb, appealRegister)).find((r) => r.id === id);
    expect(after).toMatchObject({ escalatedOn: child.today, escalatedTo: '公司工会' });
  });
});

describe("the parent's inbox (issue 13)", () => {
  it('replies, and the reply comes back as one tracking entry on the child’s appeal, written once', async () => {
    const u = units('in1');
    await attach(u.work, u.company);
    const child = await unit(u.work);
    const parent = await unit(u.company);
    const id = child.appeals[0] as string;
    await child.cloud.escalations.handUp(id, '', child.today);
    await parent.cloud.syncNow(parent.today);
    const ref = { fromUnit: u.work, appealId: id };
    await expect(
      parent.cloud.escalations.reply(ref, '请拨 0531-88881234 联系', TRACKING_DONE),
    ).rejects.toMatchObject({
      field: 'text',
      reason: { zh: expect.stringMatching(/答复内容.*固定电话号码/) },
    });
    const replied = await parent.cloud.escalations.reply(ref, '已协调后勤部门更换', TRACKING_DONE);
    expect(replied.status).toBe('replied');
    expect(parent.cloud.escalations.list().find((e) => e.appealId === id)?.status).toBe('replied');

    const before = (await rowsOf(child.wb, trackingRegister)).length;
    const synced = await child.cloud.syncNow(child.today);
    expect(synced.replies).toMatchObject({ written: 1, refused: [] });
    const tracking = await rowsOf(child.wb, trackingRegister);
    expect(tracking).toHaveLength(before + 1);
    const entry = tracking.find((r) => r.appealId === id && r.status === TRACKING_DONE);
    expect(entry).toMatchObject({ feedback: `${u.company}：已协调后勤部门更换` });
    expect(entry?.trackedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Written once: the next syncs add nothing.
    expect((await child.cloud.syncNow(child.today)).replies?.written).toBe(0);
    expect(await rowsOf(child.wb, trackingRegister)).toHaveLength(before + 1);
  });

  it('a reply without a status is 正在进行中', async () => {
    const u = units('in2');
    await attach(u.work, u.company);
    const child = await unit(u.work);
    const parent = await unit(u.company);
    const id = child.appeals[0] as string;
    await child.cloud.escalations.handUp(id, '', child.today);
    await parent.cloud.syncNow(parent.today);
    await parent.cloud.escalations.reply({ fromUnit: u.work, appealId: id }, '正在研究');
    await child.cloud.syncNow(child.today);
    const entry = (await rowsOf(child.wb, trackingRegister)).find(
      (r) => r.appealId === id && r.status === TRACKING_IN_PROGRESS,
    );
    expect(entry?.feedback).toBe(`${u.company}：正在研究`);
  });

  it('accepts it into its own register under the next 编号, 转达, linked to the child’s unit and 编号', async () => {
    const u = units('in3');
    await attach(u.work, u.company);
    const child = await unit(u.work);
    const parent = await unit(u.company);
    const id = child.appeals[0] as string;
    const original = (await rowsOf(child.wb, appealRegister)).find((r) => r.id === id);
    await child.cloud.escalations.handUp(id, '请公司协调', child.today);
    await parent.cloud.syncNow(parent.today);
    const before = await rowsOf(parent.wb, appealRegister);
    const accepted = await parent.cloud.escalations.accept({ fromUnit: u.work, appealId: id }, parent.today);
    const year = parent.today.slice(0, 4);
    const max = Math.max(
      0,
      ...before
        .map((r) => String(r.id))
        .filter((x) => x.startsWith(`${year}-`))
        .map((x) => Number(x.slice(5))),
    );
    expect(accepted.acceptedAs).toBe(`${year}-${String(max + 1).padStart(3, '0')}`);
    expect(accepted.view).toMatchObject({ status: 'accepted', acceptedAs: accepted.acceptedAs });
    const after = await rowsOf(parent.wb, appealRegister);
    expect(after).toHaveLength(before.length + 1);
    const row = after.find((r) => r.id === accepted.acceptedAs);
    expect(row).toMatchObject({
      intakeMethod: '转达',
      receivedOn: parent.today,
      content: original?.content,
      category: original?.category,
      unit: u.work,
    });
    expect(row?.channel).toBeUndefined();
    expect(String(row?.unionOpinion)).toContain(`原编号 ${id}`);
    expect(String(row?.unionOpinion)).toContain(u.work);
    // A second click takes nothing twice.
    await parent.cloud.escalations.accept({ fromUnit: u.work, appealId: id }, parent.today);
    expect(await rowsOf(parent.wb, appealRegister)).toHaveLength(before.length + 1);
    // The child hears it was accepted.
    await child.cloud.syncNow(child.today);
    const out = child.cloud.escalations.list().find((e) => e.direction === 'out' && e.appealId === id);
    expect(out).toMatchObject({ status: 'accepted', acceptedAs: accepted.acceptedAs });
  });

  it('passes it one level up, and the group’s reply reaches the workshop’s tracking sheet', async () => {
    const u = units('in4');
    await attach(u.work, u.company);
    await attach(u.company, u.group);
    const work = await unit(u.work);
    const company = await unit(u.company);
    const group = await unit(u.group);
    const id = work.appeals[0] as string;
    await work.cloud.escalations.handUp(id, '', work.today);
    await company.cloud.syncNow(company.today);
    await expect(
      company.cloud.escalations.forward({ fromUnit: u.work, appealId: id }, '手机 13912345678'),
    ).rejects.toMatchObject({ field: 'note', reason: { zh: expect.stringMatching(/上报说明.*手机号码/) } });
    const forwarded = await company.cloud.escalations.forward(
      { fromUnit: u.work, appealId: id },
      '公司层面无法解决，报集团',
    );
    expect(forwarded.status).toBe('forwarded');
    await group.cloud.syncNow(group.today);
    const inbox = group.cloud.escalations.list().filter((e) => e.direction === 'in');
    expect(inbox).toHaveLength(1);
    const at = inbox[0];
    expect(at).toMatchObject({ fromUnit: u.company, origin: { unitId: u.work, appealId: id } });
    await group.cloud.escalations.reply(
      { fromUnit: u.company, appealId: at?.appealId ?? '' },
      '集团统一安排',
      TRACKING_IN_PROGRESS,
    );
    await work.cloud.syncNow(work.today);
    const entry = (await rowsOf(work.wb, trackingRegister)).find(
      (r) => r.appealId === id && String(r.feedback).includes('集团统一安排'),
    );
    expect(entry).toMatchObject({ status: TRACKING_IN_PROGRESS, feedback: `${u.group}：集团统一安排` });
  });
});

describe('accepting an appeal whose department this unit does not have (issue 13)', () => {
  it('takes the appeal with that cell empty and the department kept in words', async () => {
    const u = units('in5');
    await attach(u.work, u.company);
    const child = await unit(u.work);
    const parent = await unit(u.company);
    const id = child.appeals[0] as string;
    // The workshop added a department of its own to its 值列表 (the lists are the defaults plus
    // what a clerk adds), and filed the appeal under it; the company's lists do not have it.
    const own = '宿舍管理办';
    await createExcelOperations(runOf(child.wb)).saveValueLists({ department: [own] });
    const read = await runOf(child.wb)((context) => readRegisters(context, [appealRegister]));
    const row = readRegister(appealRegister, read.appeals!.raw, { lists: DEFAULT_VALUE_LISTS }).rows.find(
      (r) => r.values.id === id,
    );
    const col = appealRegister.fields.findIndex((f) => f.key === 'department');
    child.wb.setValues(appealRegister.sheet, `${columnLetter(col)}${row?.row}`, [[own]]);
    await child.cloud.escalations.handUp(id, '', child.today);
    await parent.cloud.syncNow(parent.today);
    const accepted = await parent.cloud.escalations.accept({ fromUnit: u.work, appealId: id }, parent.today);
    const taken = (await rowsOf(parent.wb, appealRegister)).find((r) => r.id === accepted.acceptedAs);
    expect(taken?.department).toBeUndefined();
    expect(taken?.content).toBe(row?.values.content);
    expect(String(taken?.unionOpinion)).toContain(`承办部门“${own}”不在本单位值列表中`);
  });
});

describe('the unit tree (issue 13)', () => {
  it('lists the units below for an administrator, and explains a parent out of scope in Chinese', async () => {
    const u = units('tr1');
    await attach(u.work, u.company);
    const admin = await unit(u.company, 'admin');
    // A unit the cloud knows: it has synced once.
    expect((await admin.cloud.syncNow(admin.today)).ok).toBe(true);
    const tree = await admin.cloud.escalations.units();
    expect(tree.units.map((n) => [n.unitId, n.parentId])).toEqual(
      expect.arrayContaining([[u.work, u.company]]),
    );
    // The pane's admin holds only its own unit: attaching under another unit needs both.
    const refused = await admin.cloud.escalations
      .setParent(u.company, 'tr1-elsewhere')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EscalationRefused);
    expect((refused as EscalationRefused).reason.zh).toMatch(/上级单位.*两个单位/);
  });
});
