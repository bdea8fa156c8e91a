import { columnLetter } from '../../../addin/excel/columns';
import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { LAYOUT_VERSION } from '../../../addin/excel/apply';
import {
  appealRegister,
  fieldsAtVersion,
  INPUT_REGISTERS,
  SCHEMA_VERSION,
  SETTING_ITEMS,
  VALUE_LISTS,
  type FieldDef,
} from '../../../shared';

import { paste, runOf as run } from './helpers';

describe('setting up a workbook', () => {
  it('creates every register as a table with the handbook headers, formats and validation', async () => {
    const wb = createSimulatedWorkbook();
    const report = await setUpWorkbook(run(wb));
    expect(report.changed).toBe(true);
    expect(wb.tableNames().sort()).toEqual(INPUT_REGISTERS.map((r) => r.table).sort());
    for (const r of INPUT_REGISTERS) {
      expect(wb.table(r.table)?.headers).toEqual(fieldsAtVersion(r, SCHEMA_VERSION).map((f) => f.header));
      expect(wb.frozenRows(r.sheet)).toBe(1);
    }
    const headers = wb.table('Appeals')?.headers ?? [];
    const col = (h: string) => columnLetter(headers.indexOf(h));
    expect(wb.getNumberFormats('职工诉求记录表', `${col('编号')}2`)).toEqual([['@']]);
    expect(wb.getNumberFormats('职工诉求记录表', `${col('电话')}2`)).toEqual([['@']]);
    expect(wb.getNumberFormats('职工诉求记录表', `${col('受理时间')}2`)).toEqual([['yyyy-mm-dd']]);
    const dv = wb.dataValidation('职工诉求记录表', `${col('受理方式')}2`);
    // Read through INDIRECT from the 值列表 column, never a defined name (office-js issue 740).
    expect((dv?.rule as { list?: { source?: string } }).list?.source).toBe(
      '=INDIRECT("ValueLists[[受理方式]]")',
    );
    expect(JSON.stringify(wb.dataValidation('职工诉求记录表', `${col('受理时间')}2`))).toMatch(
      /DATE\(2000,1,1\)/,
    );
    expect(wb.names()).toEqual({});
    expect(wb.conditionalFormats('职工诉求记录表').length).toBeGreaterThan(5);
    expect(wb.settings()['xieshang.schemaVersion']).toBe(SCHEMA_VERSION);
    expect(wb.settings()['xieshang.layoutVersion']).toBe(LAYOUT_VERSION);
    expect(wb.getValues('设置', `A2:A${SETTING_ITEMS.length + 1}`).map((r) => r[0])).toEqual(
      SETTING_ITEMS.map((s) => s.label),
    );
    expect(wb.getValues('值列表', 'A2:A5').map((r) => r[0])).toEqual([...VALUE_LISTS.intakeMethod.values]);
    expect(wb.stats.syncs).toBeLessThanOrEqual(4);
  });

  it('changes nothing when run again', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(run(wb));
    const before = JSON.stringify(wb.toJSON());
    const again = await setUpWorkbook(run(wb));
    expect(again.changed).toBe(false);
    expect(JSON.stringify(wb.toJSON())).toBe(before);
  });

  it('upgrades a version-1 workbook in place without losing a cell', async () => {
    // A version-1 workbook: no since-2 columns, an old marker, and a clerk's data row.
    const v1 = fieldsAtVersion(appealRegister, 1);
    const old = createSimulatedWorkbook();
    const row = v1.map((f) =>
      f.key === 'id'
        ? '2025-001'
        : f.key === 'content'
          ? '夜班补贴偏低'
          : f.key === 'receivedOn'
            ? 45721
            : '',
    );
    paste(old, '职工诉求记录表', 1, [v1.map((f) => f.header), row]);
    await old.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('职工诉求记录表');
      sheet.tables.add(`A1:${columnLetter(v1.length - 1)}2`, true).name = 'Appeals';
      context.workbook.settings.add('xieshang.schemaVersion', 1);
      await context.sync();
    });
    const report = await setUpWorkbook(run(old));
    expect(report.previousVersion).toBe(1);
    const added = report.registers.find((r) => r.table === 'Appeals')?.addedColumns ?? [];
    expect(added).toEqual(
      (appealRegister.fields as readonly FieldDef[]).filter((f) => (f.since ?? 1) > 1).map((f) => f.header),
    );
    expect(old.table('Appeals')?.headers).toEqual([...v1.map((f) => f.header), ...added]);
    expect(old.getValues('职工诉求记录表', `A2:${columnLetter(v1.length - 1)}2`)).toEqual([row]);
    expect(old.settings()['xieshang.schemaVersion']).toBe(SCHEMA_VERSION);
  });

  it('upgrades a version-2 workbook: 公示日期 (schema version 3, docs/domain.md anonymous appeals) is added, no cell lost', async () => {
    const v2 = fieldsAtVersion(appealRegister, 2);
    const old = createSimulatedWorkbook();
    const row = v2.map((f) =>
      f.key === 'id' ? '2026-001' : f.key === 'appellant' ? '匿名' : f.key === 'receivedOn' ? 46084 : '',
    );
    paste(old, '职工诉求记录表', 1, [v2.map((f) => f.header), row]);
    await old.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('职工诉求记录表');
      sheet.tables.add(`A1:${columnLetter(v2.length - 1)}2`, true).name = 'Appeals';
      context.workbook.settings.add('xieshang.schemaVersion', 2);
      await context.sync();
    });
    const report = await setUpWorkbook(run(old));
    expect(report.previousVersion).toBe(2);
    expect(report.registers.find((r) => r.table === 'Appeals')?.addedColumns).toEqual(['公示日期']);
    expect(old.table('Appeals')?.headers).toEqual([...v2.map((f) => f.header), '公示日期']);
    expect(old.getValues('职工诉求记录表', `A2:${columnLetter(v2.length - 1)}2`)).toEqual([row]);
    const col = columnLetter(v2.length);
    expect(old.getNumberFormats('职工诉求记录表', `${col}2`)).toEqual([['yyyy-mm-dd']]);
    expect(old.settings()['xieshang.schemaVersion']).toBe(SCHEMA_VERSION);
    expect((await setUpWorkbook(run(old))).changed).toBe(false);
  });

  it('adopts a sheet already laid out like the form, keeping its data and extra columns, never duplicating it', async () => {
    const wb = createSimulatedWorkbook();
    paste(wb, '一车间议题', 1, [
      ['一车间征集协商议题记录本'],
      ['序号', '姓名', '自定义备注', '内容', '时间', '提出人签字', '分厂（车间、班组）'],
      [1, '张三', '夜班', '食堂晚餐太早', 45721, '', '一车间'],
      [2, '李四', '', '更衣柜不够', 45722, '', '一车间'],
    ]);
    const report = await setUpWorkbook(run(wb));
    expect(report.registers.find((r) => r.table === 'Topics')).toMatchObject({
      sheet: '一车间议题',
      action: 'adoptRange',
    });
    expect(wb.sheetNames()).not.toContain('征集协商议题记录本');
    expect(wb.table('Topics')?.sheet).toBe('一车间议题');
    expect(wb.table('Topics')?.headers.slice(0, 7)).toEqual([
      '序号',
      '姓名',
      '自定义备注',
      '内容',
      '时间',
      '提出人签字',
      '分厂（车间、班组）',
    ]);
    expect(wb.getValues('一车间议题', 'A1:G4')).toEqual([
      ['一车间征集协商议题记录本', '', '', '', '', '', ''],
      ['序号', '姓名', '自定义备注', '内容', '时间', '提出人签字', '分厂（车间、班组）'],
      [1, '张三', '夜班', '食堂晚餐太早', 45721, '', '一车间'],
      [2, '李四', '', '更衣柜不够', 45722, '', '一车间'],
    ]);
    const again = await setUpWorkbook(run(wb));
    expect(again.changed).toBe(false);
    expect(wb.sheetNames()).not.toContain('征集协商议题记录本');
    expect(wb.tableNames().filter((t) => t.startsWith('Topics'))).toEqual(['Topics']);
  });

  it('completes an adopted 设置 sheet whose columns are in another order, keeping what the clerk wrote', async () => {
    const wb = createSimulatedWorkbook();
    paste(wb, '基本信息', 1, [
      ['说明', '值', '设置项'],
      ['印在通知上', '蒙山机械制造有限公司', '单位名称'],
    ]);
    await setUpWorkbook(run(wb));
    expect(wb.table('Settings')?.sheet).toBe('基本信息');
    const rows = wb.getValues('基本信息', `A2:C${SETTING_ITEMS.length + 1}`);
    expect(rows[0]).toEqual(['印在通知上', '蒙山机械制造有限公司', '单位名称']);
    expect(rows.map((r) => r[2]).sort()).toEqual(SETTING_ITEMS.map((i) => i.label).sort());
  });
});
