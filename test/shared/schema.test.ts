import { describe, expect, it } from 'vitest';
import {
  checkWorkbook,
  addWorkingDays,
  ALL_REGISTERS,
  ANONYMOUS,
  appealRegister,
  calendarFromSettings,
  CANNOT_BE_DONE,
  classificationSheet,
  DEFAULT_CATEGORY_DEPARTMENTS,
  DEFAULT_SETTINGS,
  DEFAULT_VALUE_LISTS,
  DISSATISFIED,
  fieldsAtVersion,
  GENERATED_SHEETS,
  hasYearSchedule,
  headerKey,
  INPUT_REGISTERS,
  isWorkingDay,
  parseSettings,
  resolveValueLists,
  satisfactionLedgerSheet,
  SCHEMA_VERSION,
  SETTING_ITEMS,
  signInRegister,
  suggestDepartments,
  surveyRegister,
  TO_MEETING,
  topicRegister,
  trackingRegister,
  VALUE_LIST_KEYS,
  VALUE_LISTS,
  valueListRegister,
  workingDeadline,
  workLedgerSheet,
  type CalendarDayRecord,
  type FieldDef,
  type ReadRow,
  type RegisterDef,
  type SettingsRecord,
  type UnitSettings,
} from '../../shared';
import { workbookOf } from '../fixtures/workbook';

const registerRows = ALL_REGISTERS.map((r) => [r.key, r] as const);
const byKey = new Map(ALL_REGISTERS.map((r) => [r.key, r]));

// ---------------------------------------------------------------------------------------------

describe('the register list', () => {
  it('ALL_REGISTERS is INPUT_REGISTERS then GENERATED_SHEETS, with unique keys', () => {
    expect(ALL_REGISTERS).toEqual([...INPUT_REGISTERS, ...GENERATED_SHEETS]);
    const keys = ALL_REGISTERS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('input registers are registers or settings; generated sheets are generated', () => {
    for (const r of INPUT_REGISTERS) expect(['register', 'settings']).toContain(r.kind);
    for (const r of GENERATED_SHEETS) expect(r.kind).toBe('generated');
  });

  it('sheet names are unique (case-insensitively, as Excel compares them)', () => {
    const names = ALL_REGISTERS.map((r) => r.sheet.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('table names are unique (case-insensitively, as Excel compares them)', () => {
    const names = ALL_REGISTERS.map((r) => r.table.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(registerRows)('register %s', (_key, register) => {
  it('sheet name: 1–31 characters, none of [ ] : * ? / \\, not starting or ending with an apostrophe', () => {
    expect(register.sheet.length).toBeGreaterThan(0);
    expect(register.sheet.length).toBeLessThanOrEqual(31);
    expect(register.sheet).not.toMatch(/[[\]:*?/\\]/);
    expect(register.sheet).not.toMatch(/^'|'$/);
    expect(register.sheet.toLowerCase()).not.toBe('history');
  });

  it('table name: a valid Excel table name', () => {
    const t = register.table;
    // Starts with a letter or underscore; then letters, digits, periods, underscores; at most 255.
    expect(t).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    expect(t.length).toBeLessThanOrEqual(255);
    // Not C, c, R, r, and not a cell reference (A1 or R1C1 style).
    expect(['c', 'r']).not.toContain(t.toLowerCase());
    expect(t).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
    expect(t).not.toMatch(/^[Rr]\d*[Cc]\d*$/);
  });

  it('has fields; field keys are unique camelCase ASCII', () => {
    expect(register.fields.length).toBeGreaterThan(0);
    const keys = register.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('headers are unique, also once folded the way the sheet is matched, and with former headers', () => {
    const all = register.fields.flatMap((f) => [f.header, ...(f.formerHeaders ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    const folded = all.map(headerKey);
    expect(new Set(folded).size).toBe(folded.length);
    for (const f of register.fields) {
      expect(f.header.trim()).toBe(f.header);
      expect(f.header).not.toBe('');
    }
  });

  it('enum fields (and only they) name a value list that exists', () => {
    for (const f of register.fields) {
      if (f.type === 'enum') {
        expect(f.list, f.key).toBeDefined();
        expect(Object.keys(VALUE_LISTS)).toContain(f.list);
      } else {
        expect(f.list, f.key).toBeUndefined();
      }
    }
  });

  it('ref fields point at an existing register, at its key field, and that field is unique', () => {
    for (const f of register.fields) {
      if (f.type !== 'ref') {
        expect(f.ref, f.key).toBeUndefined();
        continue;
      }
      expect(f.ref, f.key).toBeDefined();
      const target = byKey.get(f.ref?.register ?? '');
      expect(target, `${register.key}.${f.key} → ${f.ref?.register}`).toBeDefined();
      expect(target?.idField).toBe(f.ref?.field);
      const targetField = target?.fields.find((x) => x.key === f.ref?.field);
      expect(targetField).toBeDefined();
      expect(targetField?.unique).toBe(true);
    }
  });

  it('idField, when set, is a unique field of the register', () => {
    if (register.idField === undefined) return;
    const f = register.fields.find((x) => x.key === register.idField);
    expect(f).toBeDefined();
    expect(f?.unique).toBe(true);
  });

  it('needs, notBefore and every condition name fields of the same register', () => {
    const fields = new Map(register.fields.map((f) => [f.key, f]));
    const conditionFields = (f: FieldDef): { field: string; is?: readonly string[] }[] => {
      const out: { field: string; is?: readonly string[] }[] = [];
      if (typeof f.required === 'object') out.push(f.required.when);
      if (f.forbidden) out.push(f.forbidden.when);
      return out;
    };
    for (const f of register.fields) {
      for (const n of f.needs ?? []) {
        expect(fields.has(n), `${f.key} needs ${n}`).toBe(true);
        expect(n).not.toBe(f.key);
      }
      for (const n of f.notBefore ?? []) {
        expect(fields.has(n), `${f.key} notBefore ${n}`).toBe(true);
        expect(f.type).toBe('date');
        expect(fields.get(n)?.type).toBe('date');
      }
      for (const c of conditionFields(f)) {
        const other = fields.get(c.field);
        expect(other, `${f.key} condition on ${c.field}`).toBeDefined();
        expect(c.field).not.toBe(f.key);
        // A condition on values names values the other field can hold.
        if (c.is && other?.type === 'enum' && other.list) {
          for (const v of c.is) expect(VALUE_LISTS[other.list].values as readonly string[]).toContain(v);
        }
      }
    }
  });

  it('number bounds are ordered; since is an integer from 1 up to SCHEMA_VERSION', () => {
    for (const f of register.fields) {
      if (f.min !== undefined && f.max !== undefined) expect(f.min).toBeLessThanOrEqual(f.max);
      const since = f.since ?? 1;
      expect(Number.isInteger(since)).toBe(true);
      expect(since).toBeGreaterThanOrEqual(1);
      expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(since);
    }
  });

  it('fieldsAtVersion: version 1 keeps exactly the fields without a later since, in order; the current version keeps all', () => {
    expect(fieldsAtVersion(register, 1)).toEqual(register.fields.filter((f) => (f.since ?? 1) === 1));
    expect(fieldsAtVersion(register, SCHEMA_VERSION)).toEqual([...register.fields]);
    for (const f of fieldsAtVersion(register, 1)) expect(f.since ?? 1).toBe(1);
  });
});

describe('identity and schema version', () => {
  it('identity fields are exactly the appellant name and phone of appeals, topics and the work ledger', () => {
    const identity = ALL_REGISTERS.flatMap((r) =>
      r.fields.filter((f) => f.identity !== undefined).map((f) => `${r.key}.${f.key}:${f.identity}`),
    ).sort();
    expect(identity).toEqual(
      [
        'appeals.appellant:name',
        'appeals.phone:phone',
        'topics.name:name',
        'topics.signature:name',
        'workLedger.appellant:name',
        'workLedger.phone:phone',
      ].sort(),
    );
  });

  it('SCHEMA_VERSION is an integer ≥ every since (and some field needs it)', () => {
    expect(Number.isInteger(SCHEMA_VERSION)).toBe(true);
    const sinces = ALL_REGISTERS.flatMap((r) => r.fields.map((f) => f.since ?? 1));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(Math.max(...sinces));
  });

  it('fieldsAtVersion(appeals, 1) omits the fields added in version 2', () => {
    const v1 = fieldsAtVersion(appealRegister, 1).map((f) => f.key);
    for (const k of ['topicKind', 'toldHow', 'escalatedOn', 'escalatedTo']) {
      expect((appealRegister.fields as readonly FieldDef[]).find((f) => f.key === k)?.since).toBe(2);
      expect(v1).not.toContain(k);
    }
    expect(v1).toContain('id');
    expect(v1).toContain('toldOn');
    expect(v1).toHaveLength(appealRegister.fields.length - 5);
    expect(fieldsAtVersion(surveyRegister, 1).map((f) => f.key)).not.toContain('respondent');
    expect(fieldsAtVersion(surveyRegister, 2).map((f) => f.key)).toContain('respondent');
  });

  it('fieldsAtVersion(appeals, 2) omits 公示日期, added in version 3 (docs/domain.md, anonymous appeals)', () => {
    expect(fieldsAtVersion(appealRegister, 2).map((f) => f.key)).not.toContain('publishedOn');
    expect(fieldsAtVersion(appealRegister, 3).map((f) => f.key)).toContain('publishedOn');
  });
});

// ---------------------------------------------------------------------------------------------

const headersOf = (r: RegisterDef): string[] => r.fields.map((f) => f.header);
/** Whether `sub` occurs in `all` in the same relative order. */
const inOrder = (all: readonly string[], sub: readonly string[]): boolean => {
  let i = 0;
  for (const h of all) if (h === sub[i]) i++;
  return i === sub.length;
};

describe('headers exactly as in docs/domain.md', () => {
  it('职工诉求工作台账: the 12 headers, in order', () => {
    expect(headersOf(workLedgerSheet)).toEqual([
      '编号',
      '受理时间',
      '受理类别',
      '诉求人',
      '诉求内容',
      '部门(单位)',
      '电话',
      '办理情况',
      '职工诉求满意度',
      '诉求监督人',
      '工会审阅反馈',
      '备注',
    ]);
  });

  it('职工诉求满意度整理台账: the 7 headers, in order', () => {
    expect(headersOf(satisfactionLedgerSheet)).toEqual([
      '诉求内容',
      '诉求满意度',
      '承办部门',
      '责任人',
      '不满意原因',
      '责任部门',
      '解决措施及时限',
    ]);
  });

  it('议题梳理汇总分类表: the 5 headers, in order', () => {
    expect(headersOf(classificationSheet)).toEqual(['类别', '内容', '责任部门', '责任人', '备注']);
  });

  const APPEAL = [
    '编号',
    '受理方式',
    '受理渠道',
    '受理时间',
    '受理类别',
    '诉求人',
    '单位',
    '电话',
    '诉求内容',
    '办理方式',
    '承办部门',
    '责任人',
    '完成时限',
    '办结日期',
    '无法办理说明',
    '部门反馈日期',
    '告知诉求人日期',
    '告知方式',
    '上报日期',
    '上级单位',
  ];

  it.each([
    ['职工诉求记录表', appealRegister, APPEAL],
    ['征集协商议题记录本', topicRegister, ['序号', '姓名', '内容', '时间', '提出人签字']],
    ['职工诉求工作进展情况跟踪表', trackingRegister, ['跟踪时间', '受理结果反馈']],
    [
      '职工诉求满意度调查表',
      surveyRegister,
      ['调查方式', '诉求满意度', '诉求督办人', '满意度调查时间', '工会审阅反馈'],
    ],
    ['会议签到表', signInRegister, ['本人签字', '联系方式']],
  ] as const)('%s carries every header docs/domain.md lists, in its order', (_title, register, expected) => {
    const headers = headersOf(register);
    for (const h of expected) expect(headers, h).toContain(h);
    expect(inOrder(headers, expected)).toBe(true);
  });

  it('the appeal register starts with the paper form: 编号 first, the nine form columns in order', () => {
    expect(appealRegister.fields[0]?.header).toBe('编号');
    expect(
      inOrder(headersOf(appealRegister), [
        '编号',
        '受理方式',
        '受理渠道',
        '受理时间',
        '受理类别',
        '诉求人',
        '单位',
        '电话',
        '诉求内容',
      ]),
    ).toBe(true);
  });

  it('the appeal register titles the form as the handbook does', () => {
    expect(appealRegister.title).toBe('职工诉求记录表');
    expect(appealRegister.sheet).toBe('职工诉求记录表');
  });
});

// ---------------------------------------------------------------------------------------------

describe('value lists', () => {
  it.each([
    ['intakeMethod', '受理方式', ['谈话', '电话', '转达', '网络']],
    [
      'channel',
      '受理渠道',
      ['信函', '电话', '企业OA', '微博', 'QQ群', '微信群', '当面', '意见箱', '热线', '其他'],
    ],
    ['satisfaction', '诉求满意度', ['非常满意', '满意', '基本满意', '不满意']],
    ['trackingStatus', '办理状态', ['已完成', '正在进行中', '不具备条件无法执行']],
    ['surveyMethod', '调查方式', ['电话回访', '网络或问卷调查', '现场答复']],
    ['topicKind', '议题类别', ['职工诉求类', '合理化建议类', '其他类']],
    ['handling', '办理方式', ['部门直接办理', '提交协商会议']],
    ['signInGroup', '签到分组', ['企业行政', '企业工会', '行政部门', '职工代表']],
  ] as const)('%s (%s) defaults to the handbook’s values', (key, name, values) => {
    expect(VALUE_LISTS[key].name).toBe(name);
    expect(VALUE_LISTS[key].values).toEqual(values);
    expect(DEFAULT_VALUE_LISTS[key]).toEqual(values);
  });

  it('the fixed words are the ones the lists hold', () => {
    expect(ANONYMOUS).toBe('匿名');
    expect(DISSATISFIED).toBe('不满意');
    expect(CANNOT_BE_DONE).toBe('不具备条件无法执行');
    expect(TO_MEETING).toBe('提交协商会议');
    expect(VALUE_LISTS.satisfaction.values).toContain(DISSATISFIED);
    expect(VALUE_LISTS.trackingStatus.values).toContain(CANNOT_BE_DONE);
    expect(VALUE_LISTS.handling.values).toContain(TO_MEETING);
  });

  it('lists the rules rely on are not extensible', () => {
    for (const k of ['satisfaction', 'trackingStatus', 'handling', 'calendarDayType'] as const)
      expect(VALUE_LISTS[k].extensible).toBe(false);
  });

  it.each(VALUE_LIST_KEYS.map((k) => [k] as const))(
    '%s: non-empty, unique, trimmed values; the 值列表 sheet has a column exactly when clerks may extend it',
    (k) => {
      const values: readonly string[] = VALUE_LISTS[k].values;
      expect(values.length).toBeGreaterThan(0);
      expect(new Set(values).size).toBe(values.length);
      for (const v of values) {
        expect(v.trim()).toBe(v);
        expect(v).not.toBe('');
      }
      const column = valueListRegister.fields.find((f) => f.key === k);
      expect(column?.header).toBe(VALUE_LISTS[k].extensible ? VALUE_LISTS[k].name : undefined);
    },
  );

  it('VALUE_LIST_KEYS lists every list once; list names are unique', () => {
    expect([...VALUE_LIST_KEYS].sort()).toEqual(Object.keys(VALUE_LISTS).sort());
    const names = VALUE_LIST_KEYS.map((k) => VALUE_LISTS[k].name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('resolveValueLists', () => {
  const row = (n: number, values: Record<string, string>): ReadRow => ({ row: n, values, hasError: false });

  it('with no rows, the defaults', () => {
    expect(resolveValueLists([])).toEqual(DEFAULT_VALUE_LISTS);
  });

  it('appends clerk-added values to extensible lists only, in order, without duplicates', () => {
    const lists = resolveValueLists([
      row(2, { intakeMethod: '谈话', channel: '职工之家', satisfaction: '还行', department: '党群工作部' }),
      row(3, { intakeMethod: '来访', channel: '职工之家', trackingStatus: '已撤回', handling: '转上级' }),
      row(4, { intakeMethod: '信访', channel: '电话', department: '党群工作部' }),
      row(5, { intakeMethod: '来访', yesNo: '也许' }),
    ]);
    expect(lists.intakeMethod).toEqual(['谈话', '电话', '转达', '网络', '来访', '信访']);
    expect(lists.channel).toEqual([...VALUE_LISTS.channel.values, '职工之家']);
    expect(lists.department).toEqual([...VALUE_LISTS.department.values, '党群工作部']);
    // Fixed lists stay as they are.
    expect(lists.satisfaction).toEqual(['非常满意', '满意', '基本满意', '不满意']);
    expect(lists.trackingStatus).toEqual(['已完成', '正在进行中', '不具备条件无法执行']);
    expect(lists.handling).toEqual(['部门直接办理', '提交协商会议']);
    expect(lists.yesNo).toEqual(['是', '否']);
    // Untouched lists are the defaults.
    expect(lists.surveyMethod).toEqual(VALUE_LISTS.surveyMethod.values);
  });

  it('does not change the defaults', () => {
    resolveValueLists([row(2, { intakeMethod: '来访' })]);
    expect(DEFAULT_VALUE_LISTS.intakeMethod).toEqual(['谈话', '电话', '转达', '网络']);
    expect(VALUE_LISTS.intakeMethod.values).toEqual(['谈话', '电话', '转达', '网络']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseSettings', () => {
  const setting = (row: number, item: string, value: string): ReadRow<SettingsRecord> => ({
    row,
    values: { item, value },
    hasError: false,
  });

  it('no rows: every default, no problems; DEFAULT_SETTINGS is the same', () => {
    const { settings, problems } = parseSettings([]);
    expect(problems).toEqual([]);
    const expected: UnitSettings = {
      unitName: '',
      unitId: '',
      parentUnit: '',
      unionOffice: '',
      unionChair: '',
      adminHead: '',
      retentionMonths: 36,
      countMakeUpDays: true,
      reportWithinDays: 3,
      tellWithinDays: 3,
      surveyWithinDays: 5,
      dueSoonDays: 2,
      ledgerWithinDays: 5,
    };
    expect(settings).toEqual(expected);
    expect(DEFAULT_SETTINGS).toEqual(expected);
  });

  it('the handbook’s 3 working days are the defaults for the report and the telling', () => {
    expect(SETTING_ITEMS.find((i) => i.key === 'reportWithinDays')?.default).toBe('3');
    expect(SETTING_ITEMS.find((i) => i.key === 'tellWithinDays')?.default).toBe('3');
    expect(SETTING_ITEMS.find((i) => i.key === 'countMakeUpDays')?.default).toBe('是');
  });

  it('setting labels and keys are unique', () => {
    expect(new Set(SETTING_ITEMS.map((i) => i.label)).size).toBe(SETTING_ITEMS.length);
    expect(new Set(SETTING_ITEMS.map((i) => i.key)).size).toBe(SETTING_ITEMS.length);
  });

  it.each([
    ['单位名称', ' 某某公司 ', 'unitName', '某某公司'],
    ['调休上班计为工作日', '否', 'countMakeUpDays', false],
    ['调休上班计为工作日', '是', 'countMakeUpDays', true],
    ['部门反馈期限（工作日）', '2', 'reportWithinDays', 2],
    ['部门反馈期限（工作日）', '1', 'reportWithinDays', 1],
    ['部门反馈期限（工作日）', '3', 'reportWithinDays', 3],
    ['满意度测评期限（工作日）', '30', 'surveyWithinDays', 30],
    ['临近期限提醒（工作日）', '0', 'dueSoonDays', 0],
    ['告知诉求人期限（工作日）', ' 2 ', 'tellWithinDays', 2],
    ['诉求保存期限（月）', '600', 'retentionMonths', 600],
    // Blank means the default.
    ['部门反馈期限（工作日）', '   ', 'reportWithinDays', 3],
  ] as const)('%s = %j → %s %j, no problem', (label, value, key, expected) => {
    const { settings, problems } = parseSettings([setting(4, label, value)]);
    expect(problems).toEqual([]);
    expect(settings[key]).toBe(expected);
  });

  it.each([
    ['调休上班计为工作日', '也许', 'countMakeUpDays', true],
    ['调休上班计为工作日', 'yes', 'countMakeUpDays', true],
    ['部门反馈期限（工作日）', 'abc', 'reportWithinDays', 3],
    ['部门反馈期限（工作日）', '-1', 'reportWithinDays', 3],
    ['部门反馈期限（工作日）', '2.5', 'reportWithinDays', 3],
    ['部门反馈期限（工作日）', '61', 'reportWithinDays', 3],
    // Absurd limits (docs/domain.md): not whole, under 1 working day, or over 30.
    ['部门反馈期限（工作日）', '0', 'reportWithinDays', 3],
    ['部门反馈期限（工作日）', '31', 'reportWithinDays', 3],
    ['告知诉求人期限（工作日）', '60', 'tellWithinDays', 3],
    ['满意度测评期限（工作日）', '0', 'surveyWithinDays', 5],
    ['满意度测评期限（工作日）', '三', 'surveyWithinDays', 5],
    ['诉求保存期限（月）', '601', 'retentionMonths', 36],
  ] as const)('%s = %j is reported at its row and falls back to %s %j', (label, value, key, fallback) => {
    const { settings, problems } = parseSettings([setting(7, label, value)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.row).toBe(7);
    expect(problems[0]?.severity).toBe('error');
    expect(problems[0]?.item).toBe(label);
    expect(problems[0]?.message.zh).not.toBe('');
    expect(problems[0]?.message.en).not.toBe('');
    expect(settings[key]).toBe(fallback);
  });

  it.each([
    ['部门反馈期限（工作日）', '5', 'reportWithinDays', 5],
    ['告知诉求人期限（工作日）', '4', 'tellWithinDays', 4],
  ] as const)(
    '%s = %j, longer than the handbook’s 3 working days, is used with a warning at its row',
    (label, value, key, used) => {
      const { settings, problems } = parseSettings([setting(9, label, value)]);
      expect(settings[key]).toBe(used);
      expect(problems.map((p) => [p.row, p.item, p.severity])).toEqual([[9, label, 'warning']]);
      expect(problems[0]?.message.zh).toContain(`为 ${value} 个工作日，长于工作手册规定的 3 个工作日`);
      expect(problems[0]?.message.en).toContain(`${value} working days, longer than the handbook's 3`);
    },
  );

  it('the check addresses a setting’s warning and error to its cell on 设置', () => {
    const input = workbookOf({
      settings: [
        { item: '部门反馈期限（工作日）', value: '5' },
        { item: '告知诉求人期限（工作日）', value: '2.5' },
      ],
    });
    const found = checkWorkbook(input, { today: '2026-03-31' }).problems.filter((p) => p.sheet === '设置');
    expect(found.map((p) => [p.row, p.column, p.header, p.severity, p.code, p.raw])).toEqual([
      [2, 'value', '值', 'warning', 'setting-above-handbook', '5'],
      [3, 'value', '值', 'error', 'bad-setting', '2.5'],
    ]);
  });

  it('unknown items are left alone; several bad values give several problems', () => {
    const { settings, problems } = parseSettings([
      setting(2, '不认识的设置', 'x'),
      setting(3, '部门反馈期限（工作日）', 'x'),
      setting(4, '告知诉求人期限（工作日）', '99'),
      setting(5, '单位名称', '某某公司'),
    ]);
    expect(problems.map((p) => p.row)).toEqual([3, 4]);
    expect(settings.unitName).toBe('某某公司');
    expect(settings.reportWithinDays).toBe(3);
    expect(settings.tellWithinDays).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('suggestDepartments', () => {
  it.each([
    [['工资福利类'], ['行政办公室', '财务部', '人力资源部']],
    [['生活保障类'], ['行政办公室', '后勤部']],
    [
      ['工资福利类', '生活保障类'],
      ['行政办公室', '财务部', '人力资源部', '后勤部'],
    ],
    [
      ['生活保障类', '工资福利类'],
      ['行政办公室', '财务部', '人力资源部', '后勤部'],
    ],
    [['安全卫生类'], []],
    [[], []],
  ] as const)('%j → %j', (categories, expected) => {
    expect(suggestDepartments(categories, DEFAULT_CATEGORY_DEPARTMENTS)).toEqual(expected);
  });

  it('follows a configured table, skipping incomplete rows', () => {
    const table = [
      { category: '安全卫生类', department: '安全环保部' },
      { category: '安全卫生类' },
      { department: '生产部' },
      { category: '安全卫生类', department: '生产部' },
      { category: '安全卫生类', department: '安全环保部' },
    ];
    expect(suggestDepartments(['安全卫生类'], table)).toEqual(['安全环保部', '生产部']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('calendarFromSettings', () => {
  const rows: CalendarDayRecord[] = [
    // A 2027 schedule typed on 日历调整 (made up for the test): 1/1 (Fri) off, Sat 1/9 worked.
    { date: '2027-01-01', type: '法定节假日', note: '元旦' },
    { date: '2027-02-08', type: '法定节假日' },
    { date: '2027-02-09', type: '法定节假日' },
    { date: '2027-01-09', type: '调休上班' },
    // The unit's own days.
    { date: '2025-03-05', type: '单位休息日', note: '厂庆' },
    { date: '2025-10-08', type: '单位工作日' },
    { date: '2025-03-08', type: '单位工作日' },
    // Incomplete rows are ignored.
    { date: '2025-03-06' },
    { type: '单位休息日' },
  ];

  it('statutory rows for 2027 make 2027 loaded, and are honoured', () => {
    const cal = calendarFromSettings(rows, { countMakeUpDays: true });
    expect(hasYearSchedule(2027, cal)).toBe(true);
    expect(hasYearSchedule(2025, cal)).toBe(true);
    expect(hasYearSchedule(2026, cal)).toBe(true);
    expect(isWorkingDay('2027-01-01', cal)).toBe(false);
    expect(isWorkingDay('2027-02-08', cal)).toBe(false);
    expect(isWorkingDay('2027-02-09', cal)).toBe(false);
    expect(isWorkingDay('2027-02-10', cal)).toBe(true);
    expect(isWorkingDay('2027-01-09', cal)).toBe(true);
    // Thu 2026-12-31 + 1: 1/1 off, weekend → Mon 1/4, with no warning.
    expect(workingDeadline('2026-12-31', 1, cal)).toMatchObject({ date: '2027-01-04' });
    expect(workingDeadline('2026-12-31', 1, cal).warning).toBeUndefined();
    // Fri 1/8 + 1: Sat 1/9 is worked.
    expect(addWorkingDays('2027-01-08', 1, cal)).toBe('2027-01-09');
  });

  it('单位休息日 / 单位工作日 override the statutory calendar', () => {
    const cal = calendarFromSettings(rows, { countMakeUpDays: true });
    expect(isWorkingDay('2025-03-05', cal)).toBe(false);
    expect(isWorkingDay('2025-10-08', cal)).toBe(true);
    expect(isWorkingDay('2025-03-08', cal)).toBe(true);
    // The incomplete row for 3/6 changed nothing.
    expect(isWorkingDay('2025-03-06', cal)).toBe(true);
    // The built-in schedules are still there.
    expect(isWorkingDay('2025-10-07', cal)).toBe(false);
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(isWorkingDay('2026-02-16', cal)).toBe(false);
    // From 9/30: 10/1–10/7 off, 10/8 is the unit's working day.
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-08');
  });

  it('countMakeUpDays: false turns the make-up days off, including the ones typed for 2027', () => {
    const cal = calendarFromSettings(rows, { countMakeUpDays: false });
    expect(isWorkingDay('2027-01-09', cal)).toBe(false);
    expect(isWorkingDay('2025-09-28', cal)).toBe(false);
    expect(isWorkingDay('2025-03-08', cal)).toBe(true);
  });

  it('a row for a built-in year adds to that year’s schedule without losing it', () => {
    const cal = calendarFromSettings([{ date: '2026-12-31', type: '法定节假日' }], { countMakeUpDays: true });
    expect(isWorkingDay('2026-12-31', cal)).toBe(false);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(hasYearSchedule(2027, cal)).toBe(false);
  });

  it('no rows: the built-in calendar', () => {
    const cal = calendarFromSettings([], DEFAULT_SETTINGS);
    expect(hasYearSchedule(2027, cal)).toBe(false);
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28');
    expect(workingDeadline('2026-12-30', 3, cal).warning?.en).toContain('2027');
  });
});

// docs/domain.md, step 1: the leading group has a 组长 (the enterprise head), an 办公室主任 (the
// union chair) and members including employee representatives.
describe('the leading-group roster (领导小组) is checked', () => {
  const full = [
    { role: '组长', name: '周海燕', position: '企业行政负责人' },
    { role: '副组长', name: '孙建国', position: '工会主席' },
    { role: '成员', name: '王磊', position: '人力资源部负责人' },
    { role: '成员', name: '刘晓静', position: '职工代表' },
    { role: '办公室主任', name: '孙建国', position: '工会主席' },
  ];
  const rosterProblems = (roster: Record<string, unknown>[]) =>
    checkWorkbook(workbookOf({ roster }), { today: '2026-03-31' }).problems.filter(
      (p) => p.sheet === '领导小组',
    );

  it('a roster with 组长, 办公室主任 and a 职工代表 raises nothing; an empty one is not judged', () => {
    expect(rosterProblems(full)).toEqual([]);
    expect(rosterProblems([])).toEqual([]);
  });

  it.each([
    ['组长', (r: (typeof full)[number]) => r.role !== '组长', 'roster-missing-role', '组长'],
    [
      '办公室主任',
      (r: (typeof full)[number]) => r.role !== '办公室主任',
      'roster-missing-role',
      '办公室主任',
    ],
    [
      '职工代表',
      (r: (typeof full)[number]) => r.position !== '职工代表',
      'roster-no-representative',
      '职工代表',
    ],
  ] as const)(
    'without a %s: a warning on the 小组职务 header cell, in both languages',
    (_, keep, code, word) => {
      const found = rosterProblems(full.filter(keep));
      expect(found.map((p) => [p.sheet, p.row, p.column, p.header, p.severity, p.code])).toEqual([
        ['领导小组', 1, 'role', '小组职务', 'warning', code],
      ]);
      expect(found[0]?.message.zh).toContain(word);
      expect(found[0]?.message.en).toContain(word);
    },
  );

  it('a second 组长 is named at its own row', () => {
    const found = rosterProblems([...full, { role: '组长', name: '赵强', position: '总经理' }]);
    expect(found.map((p) => [p.row, p.column, p.code])).toEqual([[7, 'role', 'roster-duplicate-role']]);
    expect(found[0]?.message.zh).toContain('第 2 行');
  });
});
