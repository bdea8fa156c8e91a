import { describe, expect, it } from 'vitest';
import {
  appealRegister,
  CELL_TEXT_MAX,
  CellIssue,
  checkWorkbook,
  compileReader,
  DEFAULT_VALUE_LISTS,
  mapHeaders,
  readDate,
  readNumber,
  readPhone,
  readRegister,
  recordTemplate,
  rosterRegister,
  surveyRegister,
  topicRegister,
  trackingRegister,
  workLedgerSheet,
  type CellOutcome,
  type CellProblem,
  type FieldDef,
  type RawTable,
  type RegisterDef,
  type ValueLists,
} from '../../shared';
import { workbookOf } from '../fixtures/workbook';

// ---------------------------------------------------------------------------------------------
// Helpers

const lists = DEFAULT_VALUE_LISTS;

const fieldOf = (register: RegisterDef, key: string): FieldDef => {
  const f = register.fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${register.key}.${key}`);
  return f;
};

/** Deep-freezes a value so any mutation by the code under test throws (ES modules run in strict mode). */
const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
};

const issue = (out: CellOutcome): CellIssue => {
  expect(out).toBeInstanceOf(CellIssue);
  return out as CellIssue;
};

const expectIssue = (out: CellOutcome, code: string, severity: 'error' | 'warning' = 'error'): CellIssue => {
  const i = issue(out);
  expect(i.code).toBe(code);
  expect(i.severity).toBe(severity);
  expect(i.message.zh.trim()).not.toBe('');
  expect(i.message.en.trim()).not.toBe('');
  return i;
};

/** A data row laid out under `header`, from cells given by header text. */
const rowUnder = (header: readonly string[], cells: Readonly<Record<string, unknown>>): unknown[] => {
  for (const h of Object.keys(cells)) if (!header.includes(h)) throw new Error(`test bug: no column ${h}`);
  return header.map((h) => (h in cells ? cells[h] : ''));
};

/** Checks what every problem must carry, and that raw is exactly the cell as given. */
const expectWellFormed = (problems: readonly CellProblem[], register: RegisterDef, table: RawTable): void => {
  const headers = mapHeaders(register, table.header);
  const keys = new Set(register.fields.map((f) => f.key));
  for (const p of problems) {
    expect(p.sheet).toBe(register.sheet);
    expect(keys.has(p.column) || p.column === '').toBe(true);
    expect(p.message.zh.trim()).not.toBe('');
    expect(p.message.en.trim()).not.toBe('');
    expect(['error', 'warning']).toContain(p.severity);
    expect(typeof p.code).toBe('string');
    expect(p.code).not.toBe('');
    const col = headers.columnOf.get(p.column);
    if (p.code === 'missing-column') {
      expect(p.row).toBe(table.firstRow - 1);
      expect(p.header).toBe(fieldOf(register, p.column).header);
      continue;
    }
    const index = p.row - table.firstRow;
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(table.rows.length);
    expect(col).toBeDefined();
    // The header exactly as it stands on the sheet.
    expect(p.header).toBe(table.header[col as number]);
    // raw is the very value of the cell (same string / number / object, never normalized).
    expect(Object.is(p.raw, table.rows[index]?.[col as number])).toBe(true);
  }
};

const pairs = (problems: readonly CellProblem[]): string[] =>
  problems.map((p) => `${p.column}:${p.code}`).sort();

// ---------------------------------------------------------------------------------------------

describe('readDate', () => {
  it.each([
    // Excel serials: 45721 is 2025-03-05; the time of day is dropped.
    [45721, '2025-03-05'],
    [45721.5, '2025-03-05'],
    [45721.999, '2025-03-05'],
    [45658, '2025-01-01'],
    [46022, '2025-12-31'],
    [25569, '1970-01-01'],
    // Text as clerks type it.
    ['2025-03-05', '2025-03-05'],
    ['2025-3-5', '2025-03-05'],
    ['2025/03/05', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025.03.05', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['2025年03月05日', '2025-03-05'],
    ['2025年3月5号', '2025-03-05'],
    ['20250305', '2025-03-05'],
    ['2025-03-05 14:30', '2025-03-05'],
    ['2025/3/5 14:30:00', '2025-03-05'],
    // Full-width digits and punctuation.
    ['２０２５年３月５日', '2025-03-05'],
    ['２０２５－０３－０５', '2025-03-05'],
    ['２０２５／３／５', '2025-03-05'],
    // Stray spaces at either end: ASCII, ideographic (U+3000), no-break (U+00A0), tab.
    [' 2025-03-05 ', '2025-03-05'],
    ['\u30002025年3月5日\u3000', '2025-03-05'],
    ['\u00a02025-03-05\u00a0', '2025-03-05'],
    ['\t2025/3/5', '2025-03-05'],
    // Leap day in a leap year is real.
    ['2024-02-29', '2024-02-29'],
    ['2028年2月29日', '2028-02-29'],
  ] as const)('%j → %s', (raw, expected) => {
    expect(readDate(raw)).toBe(expected);
  });

  it.each([
    // Impossible dates.
    '2025-02-29',
    '2025-13-01',
    '2025-04-31',
    '2025-00-10',
    '2025-01-00',
    '2025年2月30日',
    '20251301',
    '２０２５－０２－２９',
    // Not dates at all.
    '下周一',
    '2025-03',
    '3/5/2025',
    '25-3-5',
    'abc',
    // Numbers that are no date serial.
    0,
    -5,
    Number.NaN,
    Infinity,
    3_000_000,
    // Booleans and other non-text.
    true,
    false,
    {},
  ] as const)('%j is a bad-date error', (raw) => {
    expectIssue(readDate(raw), 'bad-date');
  });

  it('an impossible date keeps the clerk text in the message', () => {
    const i = expectIssue(readDate('2025-02-29'), 'bad-date');
    expect(i.message.zh).toContain('2025-02-29');
    expect(i.message.en).toContain('2025-02-29');
  });
});

// ---------------------------------------------------------------------------------------------

describe('readPhone', () => {
  it.each([
    // A mobile stored as a number is fine: mobiles have no leading zero.
    [13812345678, '13812345678'],
    [19912345678, '19912345678'],
    // A mobile typed with spaces, dashes or +86 is the same number: its value is its 11 digits
    // (docs/domain.md; the cell keeps what the clerk typed).
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    // Landlines are kept as written (after interpreting full-width forms and trimming).
    ['0531-87654321', '0531-87654321'],
    ['010-12345678', '010-12345678'],
    ['053187654321', '053187654321'],
    ['(0531)87654321', '(0531)87654321'],
    ['（0531）87654321', '(0531)87654321'],
    ['0531 8765 4321', '0531 8765 4321'],
    ['0531-87654321转123', '0531-87654321转123'],
    ['0531-87654321 转 123', '0531-87654321 转 123'],
    ['0531-87654321 ext. 8', '0531-87654321 ext. 8'],
    ['0531-87654321#12', '0531-87654321#12'],
    ['１３８１２３４５６７８', '13812345678'],
    ['\u300013812345678\u3000', '13812345678'],
    // International form of a landline drops the trunk 0: +86 531 8765 4321 is 0531-87654321.
    ['+86 531 8765 4321', '+86 531 8765 4321'],
  ] as const)('%j → %s', (raw, expected) => {
    expect(readPhone(raw)).toBe(expected);
  });

  it.each([
    // Landlines stored as numbers lost their leading zero: 0531-87654321, 010-87654321, 020-87654321.
    5318765432, 1087654321, 2087654321, 53187654321,
  ])('%d (a landline stored as a number) is phone-lost-zero', (raw) => {
    const i = expectIssue(readPhone(raw), 'phone-lost-zero');
    expect(i.message.zh).toContain(String(raw));
    expect(i.message.en).toContain(String(raw));
    expect(i.value).toBeUndefined();
  });

  it.each([
    '12345',
    '1381234567',
    '138123456789',
    '12812345678',
    '87654321',
    '0531-123',
    '0531-87654321转',
    '0531-87654321转abc',
    '电话',
    '138-1234-567x',
    12345,
    87654321,
    13812345678.5,
    -13812345678,
    true,
  ] as const)('%j is a bad-phone error', (raw) => {
    expectIssue(readPhone(raw), 'bad-phone');
  });
});

// ---------------------------------------------------------------------------------------------

describe('readNumber', () => {
  it.each([
    [12, {}, 12],
    ['12', {}, 12],
    ['１２', {}, 12],
    [' 3 ', {}, 3],
    ['\u30007\u3000', {}, 7],
    ['3.5', {}, 3.5],
    ['-2', {}, -2],
    [1, { min: 1, max: 5 }, 1],
    [5, { min: 1, max: 5 }, 5],
    ['５', { min: 1, max: 5 }, 5],
    [0, { max: 0 }, 0],
  ] as const)('%j with %j → %d', (raw, bounds, expected) => {
    expect(readNumber(raw, bounds)).toBe(expected);
  });

  it.each([
    [0, { min: 1 }],
    ['0', { min: 1, max: 5 }],
    [6, { min: 1, max: 5 }],
    ['６', { min: 1, max: 5 }],
    [-1, { min: 0 }],
    [101, { max: 100 }],
  ] as const)('%j with %j is out-of-range', (raw, bounds) => {
    expectIssue(readNumber(raw, bounds), 'out-of-range');
  });

  it.each(['abc', '十二', '1,2', '', '  ', Number.NaN, Infinity, true, null])('%j is bad-number', (raw) => {
    expectIssue(readNumber(raw, {}), 'bad-number');
  });
});

// ---------------------------------------------------------------------------------------------

describe('compileReader', () => {
  const DATE = fieldOf(appealRegister, 'receivedOn');
  const PHONE = fieldOf(appealRegister, 'phone');
  const TEXT = fieldOf(appealRegister, 'content');
  const SEQ = fieldOf(topicRegister, 'seq');
  const INTAKE = fieldOf(appealRegister, 'intakeMethod');
  const CHANNEL = fieldOf(appealRegister, 'channel');
  const RATING = fieldOf(surveyRegister, 'rating');
  const APPELLANT = fieldOf(appealRegister, 'appellant');
  const ROSTER_NAME = fieldOf(rosterRegister, 'name');

  it.each([
    ['date', DATE],
    ['phone', PHONE],
    ['text', TEXT],
    ['number', SEQ],
    ['enum', INTAKE],
    ['person', APPELLANT],
  ] as const)('a blank %s cell reads as undefined', (_t, field) => {
    const read = compileReader(field, { lists });
    for (const raw of ['', '   ', '\u3000', null, undefined]) expect(read(raw)).toBeUndefined();
  });

  it.each([
    ['date', DATE],
    ['phone', PHONE],
    ['text', TEXT],
    ['number', SEQ],
    ['enum', INTAKE],
    ['person', APPELLANT],
  ] as const)('Excel error values in a %s cell are excel-error errors', (_t, field) => {
    const read = compileReader(field, { lists });
    for (const raw of ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!']) {
      const i = expectIssue(read(raw), 'excel-error');
      expect(i.message.en).toContain(raw);
    }
  });

  it.each([
    ['date', DATE, 'bad-date'],
    ['phone', PHONE, 'bad-phone'],
    ['text', TEXT, 'bad-text'],
    ['number', SEQ, 'bad-number'],
    ['enum', INTAKE, 'not-in-list'],
    ['person', APPELLANT, 'bad-text'],
  ] as const)('a boolean in a %s cell is a %s error', (_t, field, code) => {
    const read = compileReader(field, { lists });
    expectIssue(read(true), code);
    expectIssue(read(false), code);
  });

  it('date, phone and number cells read through the field types', () => {
    expect(compileReader(DATE, { lists })(45721)).toBe('2025-03-05');
    expect(compileReader(DATE, { lists })('２０２５年３月５日')).toBe('2025-03-05');
    expectIssue(compileReader(DATE, { lists })('2025-02-29'), 'bad-date');
    expect(compileReader(PHONE, { lists })(13812345678)).toBe('13812345678');
    expectIssue(compileReader(PHONE, { lists })(5318765432), 'phone-lost-zero');
    expect(compileReader(SEQ, { lists })('１２')).toBe(12);
    expectIssue(compileReader(SEQ, { lists })('0'), 'out-of-range');
    expect(compileReader(TEXT, { lists })('  加班费  ')).toBe('加班费');
    expect(compileReader(TEXT, { lists })(42)).toBe('42');
  });

  describe('enum values', () => {
    it.each([
      [INTAKE, '谈话', '谈话'],
      [INTAKE, '电话', '电话'],
      [INTAKE, '转达', '转达'],
      [INTAKE, '网络', '网络'],
      [INTAKE, ' 网络\u3000', '网络'],
      [CHANNEL, 'QQ群', 'QQ群'],
      // Full-width Latin letters are the same value.
      [CHANNEL, 'ＱＱ群', 'QQ群'],
      [CHANNEL, '企业ＯＡ', '企业OA'],
      [RATING, '不满意', '不满意'],
      [RATING, '\u00a0非常满意', '非常满意'],
    ] as const)('%#: %j → %s', (field, raw, expected) => {
      expect(compileReader(field, { lists })(raw)).toBe(expected);
    });

    it.each([
      [INTAKE, '来访'],
      [INTAKE, '谈 话'],
      [INTAKE, 3],
      [RATING, '一般'],
      [RATING, '满意！'],
      [CHANNEL, 'qq群'],
    ] as const)('%#: %j is not-in-list', (field, raw) => {
      const i = expectIssue(compileReader(field, { lists })(raw), 'not-in-list');
      expect(i.message.zh).toContain(String(raw));
    });

    it('a value the clerk added to the lists is accepted, only under those lists', () => {
      const added: ValueLists = {
        ...lists,
        intakeMethod: [...lists.intakeMethod, '来访'],
        channel: [...lists.channel, '职工之家'],
      };
      expect(compileReader(INTAKE, { lists: added })('来访')).toBe('来访');
      expect(compileReader(INTAKE, { lists: added })('\u3000来访 ')).toBe('来访');
      expect(compileReader(CHANNEL, { lists: added })('职工之家')).toBe('职工之家');
      expectIssue(compileReader(INTAKE, { lists })('来访'), 'not-in-list');
      // The default values are still there.
      expect(compileReader(INTAKE, { lists: added })('谈话')).toBe('谈话');
    });
  });

  describe('person fields and 匿名', () => {
    it.each([
      [APPELLANT, '匿名', '匿名'],
      [APPELLANT, ' 匿名\u3000', '匿名'],
      [APPELLANT, '张三', '张三'],
      [ROSTER_NAME, '李四', '李四'],
    ] as const)('%#: %j → %s', (field, raw, expected) => {
      expect(compileReader(field, { lists })(raw)).toBe(expected);
    });

    it.each([ROSTER_NAME, fieldOf(appealRegister, 'owner'), fieldOf(appealRegister, 'unionChair')])(
      '$header ($key) does not allow 匿名',
      (field) => {
        expect(field.allowAnonymous).not.toBe(true);
        expectIssue(compileReader(field, { lists })('匿名'), 'anonymous-not-allowed');
        expectIssue(compileReader(field, { lists })('\u3000匿名'), 'anonymous-not-allowed');
      },
    );

    it('a name over 20 characters is a warning that keeps the value', () => {
      const long = '张'.repeat(21);
      const i = expectIssue(compileReader(APPELLANT, { lists })(long), 'long-name', 'warning');
      expect(i.value).toBe(long);
      expect(compileReader(APPELLANT, { lists })('张'.repeat(20))).toBe('张'.repeat(20));
    });
  });

  describe('external text that Excel would run as a formula', () => {
    it.each(['=SUM(A1:A9)', '+1', '-1+2', '@A1', '=HYPERLINK("http://x","y")'])(
      '%j from outside: formula-like warning, value kept',
      (raw) => {
        const i = expectIssue(compileReader(TEXT, { lists, external: true })(raw), 'formula-like', 'warning');
        expect(i.value).toBe(raw);
        expect(i.message.zh).toContain(raw[0] as string);
        expect(i.message.en).toContain(raw[0] as string);
      },
    );

    it.each(['=SUM(A1:A9)', '+1', '-1+2', '@A1'])(
      '%j typed in the workbook (not external): no warning',
      (raw) => {
        expect(compileReader(TEXT, { lists })(raw)).toBe(raw);
        expect(compileReader(TEXT, { lists, external: false })(raw)).toBe(raw);
      },
    );

    it('a mobile from outside written as +86 … is written as its digits, which Excel cannot run', () => {
      expect(compileReader(PHONE, { lists, external: true })('+86 138 1234 5678')).toBe('13812345678');
    });

    it('a landline from outside written as +86 … is kept, with the warning', () => {
      const i = expectIssue(
        compileReader(PHONE, { lists, external: true })('+86 531 8765 4321'),
        'formula-like',
        'warning',
      );
      expect(i.value).toBe('+86 531 8765 4321');
    });

    it('external text that is plain is not flagged', () => {
      expect(compileReader(TEXT, { lists, external: true })('食堂饭菜价格偏高')).toBe('食堂饭菜价格偏高');
      expect(compileReader(TEXT, { lists, external: true })('a=b')).toBe('a=b');
    });

    it.each([
      ['content', ' =SUM(A1:A9)', TEXT],
      ['content', '\u3000=1+1', TEXT],
      ['content', '\u00a0@A1', TEXT],
      ['content', '＝SUM(A1:A9)', TEXT],
      ['content', '＋1', TEXT],
      ['id', '＝1', fieldOf(appealRegister, 'id')],
      ['id', ' -2025-001', fieldOf(appealRegister, 'id')],
      ['appealId', '＠2025-001', fieldOf(topicRegister, 'appealId')],
    ] as const)(
      '%s ← %j from outside: the value kept never starts with = + - @ unless it is flagged formula-like',
      (_key, raw, field) => {
        // Whatever is kept is what gets written back; if it starts with a formula sign once trimmed or
        // folded, Excel would run it, so it must come with the formula-like warning.
        const out = compileReader(field, { lists, external: true })(raw);
        if (out instanceof CellIssue) {
          expect(out.code).toBe('formula-like');
          expect(out.severity).toBe('warning');
          expect(out.value).toBeDefined();
        } else {
          expect(typeof out).toBe('string');
          expect(out as string).not.toMatch(/^[=+\-@]/);
        }
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// readRegister

const APPEAL_HEADERS: readonly string[] = appealRegister.fields.map((f): string => f.header);
/** The appeal headers in another order (reversed, then 编号 moved to the middle), with two extra columns. */
const SHUFFLED_APPEAL_HEADER: readonly string[] = (() => {
  const h: string[] = [...APPEAL_HEADERS].reverse().filter((x) => x !== '编号');
  h.splice(7, 0, '编号');
  h.splice(3, 0, '经办人（自用）');
  h.push('备注');
  return h;
})();

const VALID_APPEAL: Readonly<Record<string, unknown>> = {
  编号: '2025-001',
  受理方式: '谈话',
  受理时间: '2025-03-05',
  受理类别: '工资福利类',
  诉求人: '张三',
  电话: '13812345678',
  诉求内容: '加班费计算有误',
};

const LIFE: Readonly<Record<string, unknown>> = {
  办理方式: '部门直接办理',
  承办部门: '人力资源部',
  办结日期: '2025-03-10',
  部门反馈日期: '2025-03-12',
  告知诉求人日期: '2025-03-14',
  告知方式: '电话',
};

const readOne = (
  register: RegisterDef,
  header: readonly string[],
  cells: Readonly<Record<string, unknown>>,
  ctxLists: ValueLists = lists,
) => {
  const table: RawTable = deepFreeze({ header: [...header], rows: [rowUnder(header, cells)], firstRow: 5 });
  const out = readRegister(register, table, { lists: ctxLists });
  expectWellFormed(out.problems, register, table);
  return out;
};

describe('readRegister: the appeal register, row by row', () => {
  it.each([
    ['a valid row', {}, []],
    ['a valid anonymous row without phone', { 诉求人: '匿名', 电话: '' }, []],
    ['a full life in order', LIFE, []],
    [
      'a valid row with Excel serial and full-width dates',
      { 受理时间: 45721, ...LIFE, 办结日期: '２０２５年３月１０日' },
      [],
    ],
    ['content missing', { 诉求内容: '' }, ['content:required']],
    ['编号 and 受理时间 missing', { 编号: '', 受理时间: '   ' }, ['id:required', 'receivedOn:required']],
    ['appellant missing', { 诉求人: '\u3000' }, ['appellant:required']],
    // forbidden: an anonymous appellant has no phone.
    ['anonymous with a phone', { 诉求人: '匿名', 电话: '13812345678' }, ['phone:forbidden-when']],
    [
      'anonymous (padded) with a phone',
      { 诉求人: ' 匿名\u3000', 电话: '0531-87654321' },
      ['phone:forbidden-when'],
    ],
    // conditional required: toldOn filled needs toldHow; needs: toldOn without reportedOn.
    [
      'told without how and without a report',
      { 告知诉求人日期: '2025-03-14' },
      ['toldHow:required-when', 'toldOn:needs'],
    ],
    ['told without how', { ...LIFE, 告知方式: '' }, ['toldHow:required-when']],
    // needs: reportedOn without finishedOn; impossibleReason without finishedOn.
    [
      'reported without finishing',
      { 办理方式: '部门直接办理', 承办部门: '人力资源部', 部门反馈日期: '2025-03-12' },
      ['reportedOn:needs'],
    ],
    [
      'impossible without a finishing date',
      { 办理方式: '部门直接办理', 承办部门: '人力资源部', 无法办理说明: '超出企业权限' },
      ['impossibleReason:needs'],
    ],
    ['finished without a department', { 办结日期: '2025-03-10' }, ['finishedOn:needs']],
    ['handling without a department', { 办理方式: '提交协商会议' }, ['department:required-when']],
    ['union chair signed without an opinion', { 工会主席签字: '王五' }, ['unionChair:needs']],
    [
      'admin signer without approval',
      { 工会初步意见: '同意', 行政分管负责人签字: '赵六' },
      ['adminSigner:needs'],
    ],
    ['escalated without saying where', { 上报日期: '2025-03-20' }, ['escalatedTo:required-when']],
    // notBefore: date order.
    ['finished before received', { ...LIFE, 办结日期: '2025-03-01' }, ['finishedOn:date-order']],
    ['told before reported', { ...LIFE, 告知诉求人日期: '2025-03-11' }, ['toldOn:date-order']],
    [
      'reported before finished',
      { ...LIFE, 部门反馈日期: '2025-03-09', 告知诉求人日期: '2025-03-14' },
      ['reportedOn:date-order'],
    ],
    ['due before received', { 完成时限: '2025-03-04' }, ['dueOn:date-order']],
    [
      'escalated before received',
      { 上报日期: '2025-03-01', 上级单位: '集团工会' },
      ['escalatedOn:date-order'],
    ],
    // Same day is not before.
    ['finished the day it was received', { ...LIFE, 办结日期: '2025-03-05' }, []],
    // Cell reading problems.
    ['impossible date', { 受理时间: '2025-02-29' }, ['receivedOn:bad-date']],
    ['13th month', { 受理时间: '2025-13-01' }, ['receivedOn:bad-date']],
    [
      'Excel error',
      { 受理时间: '#N/A', 诉求内容: '#VALUE!' },
      ['content:excel-error', 'receivedOn:excel-error'],
    ],
    ['landline stored as a number', { 电话: 5318765432 }, ['phone:phone-lost-zero']],
    ['bad phone', { 电话: '12345' }, ['phone:bad-phone']],
    ['intake method not in list', { 受理方式: '来访' }, ['intakeMethod:not-in-list']],
    ['owner recorded as anonymous', { 责任人: '匿名' }, ['owner:anonymous-not-allowed']],
  ] as const)('%s', (_name, overrides, expected) => {
    const out = readOne(appealRegister, SHUFFLED_APPEAL_HEADER, { ...VALID_APPEAL, ...overrides });
    expect(pairs(out.problems)).toEqual([...expected].sort());
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]?.row).toBe(5);
    expect(out.rows[0]?.hasError).toBe(expected.length > 0);
    for (const p of out.problems) expect(p.row).toBe(5);
  });

  it('reads typed values, whatever the column order; invalid cells are absent', () => {
    const out = readOne(appealRegister, SHUFFLED_APPEAL_HEADER, {
      ...VALID_APPEAL,
      受理时间: 45721,
      电话: '（0531）87654321',
      受理渠道: 'ＱＱ群',
      完成时限: '2025年3月20号',
      办结日期: '2025-02-30',
    });
    expect(out.rows[0]?.values).toEqual({
      id: '2025-001',
      intakeMethod: '谈话',
      channel: 'QQ群',
      receivedOn: '2025-03-05',
      category: '工资福利类',
      appellant: '张三',
      phone: '(0531)87654321',
      content: '加班费计算有误',
      dueOn: '2025-03-20',
    });
    // The bad 办结日期 is reported (and it needs a department).
    expect(pairs(out.problems)).toEqual(['finishedOn:bad-date', 'finishedOn:needs']);
  });

  it('a value added to the lists is accepted under them', () => {
    const added: ValueLists = { ...lists, intakeMethod: [...lists.intakeMethod, '来访'] };
    const out = readOne(appealRegister, APPEAL_HEADERS, { ...VALID_APPEAL, 受理方式: '来访' }, added);
    expect(out.problems).toEqual([]);
    expect(out.rows[0]?.values['intakeMethod']).toBe('来访');
  });
});

describe('readRegister: survey, tracking, topics and roster rules', () => {
  const SURVEY_HEADERS = surveyRegister.fields.map((f) => f.header);
  const VALID_SURVEY = {
    诉求编号: '2025-001',
    调查对象: '诉求人',
    调查方式: '电话回访',
    诉求满意度: '满意',
    满意度调查时间: '2025-03-20',
  };
  const REMEDY = { 不满意原因: '仍未补发', 责任部门: '财务部', 解决措施: '本月补发', 整改时限: '2025-03-31' };

  it.each([
    ['a satisfied survey', {}, []],
    ['不满意 with reason, department, remedy and deadline', { 诉求满意度: '不满意', ...REMEDY }, []],
    [
      '不满意 without reason, department, remedy or deadline',
      { 诉求满意度: '不满意' },
      [
        'reason:required-when',
        'remedy:required-when',
        'remedyDepartment:required-when',
        'remedyDueOn:required-when',
      ],
    ],
    [
      '不满意 (padded) without a deadline',
      { 诉求满意度: ' 不满意 ', ...REMEDY, 整改时限: '' },
      ['remedyDueOn:required-when'],
    ],
    ['基本满意 needs no remedy', { 诉求满意度: '基本满意' }, []],
    ['a rating not in the list triggers no remedy rule', { 诉求满意度: '一般' }, ['rating:not-in-list']],
    [
      'remedy deadline before the survey',
      { 诉求满意度: '不满意', ...REMEDY, 整改时限: '2025-03-19' },
      ['remedyDueOn:date-order'],
    ],
    ['remedy done without a remedy', { 整改完成日期: '2025-03-25' }, ['remedyDoneOn:needs']],
    ['method missing', { 调查方式: '' }, ['method:required']],
    ['survey method not in list', { 调查方式: '上门' }, ['method:not-in-list']],
  ] as const)('survey: %s', (_name, overrides, expected) => {
    const out = readOne(surveyRegister, SURVEY_HEADERS, { ...VALID_SURVEY, ...overrides });
    expect(pairs(out.problems)).toEqual([...expected].sort());
  });

  const TRACKING_HEADERS = trackingRegister.fields.map((f) => f.header);
  it.each([
    ['in progress', { 办理状态: '正在进行中' }, []],
    ['done', { 办理状态: '已完成' }, []],
    ['cannot be done, with feedback', { 办理状态: '不具备条件无法执行', 受理结果反馈: '涉及上级政策' }, []],
    ['cannot be done, without feedback', { 办理状态: '不具备条件无法执行' }, ['feedback:required-when']],
    ['status not in list', { 办理状态: '已办结' }, ['status:not-in-list']],
    ['status missing', { 办理状态: '' }, ['status:required']],
  ] as const)('tracking: %s', (_name, overrides, expected) => {
    const out = readOne(trackingRegister, TRACKING_HEADERS, {
      诉求编号: '2025-001',
      跟踪时间: '2025-03-08',
      ...overrides,
    });
    expect(pairs(out.problems)).toEqual([...expected].sort());
  });

  const TOPIC_HEADERS = topicRegister.fields.map((f) => f.header);
  it.each([
    ['valid', {}, [], 1],
    ['anonymous proposer allowed', { 姓名: '匿名' }, [], 1],
    ['full-width sequence', { 序号: '１２' }, [], 12],
    ['sequence 0 is out of range', { 序号: 0 }, ['seq:out-of-range'], undefined],
    ['sequence not a number', { 序号: '一' }, ['seq:bad-number'], undefined],
  ] as const)('topics: %s', (_name, overrides, expected, seq) => {
    const out = readOne(topicRegister, TOPIC_HEADERS, {
      '分厂（车间、班组）': '一车间',
      序号: 1,
      姓名: '张三',
      内容: '更衣室太小',
      时间: '2025-03-01',
      ...overrides,
    });
    expect(pairs(out.problems)).toEqual([...expected].sort());
    expect(out.rows[0]?.values['seq']).toBe(seq);
  });

  it('roster: a leading-group member cannot be 匿名', () => {
    const out = readOne(
      rosterRegister,
      rosterRegister.fields.map((f) => f.header),
      { 小组职务: '成员', 姓名: '匿名', 单位职务: '人力资源部部长' },
    );
    expect(pairs(out.problems)).toEqual(['name:anonymous-not-allowed']);
  });
});

describe('record templates are kept between checks', () => {
  it('the same columns give the same template; records copy it, key for key', () => {
    const keys = appealRegister.fields.map((f) => f.key);
    const template = recordTemplate(keys);
    expect(recordTemplate([...keys])).toBe(template);
    expect(recordTemplate(keys.slice(1))).not.toBe(template);
    expect(Object.entries(template)).toEqual(keys.map((k) => [k, undefined]));
    const out = readRegister(
      appealRegister,
      { header: APPEAL_HEADERS, rows: [rowUnder(APPEAL_HEADERS, VALID_APPEAL)], firstRow: 2 },
      { lists },
    );
    expect(Object.keys(out.rows[0]?.values ?? {})).toEqual(keys);
  });

  it('keeps a bounded number: a workbook whose headers keep changing does not grow it for ever', () => {
    const first = recordTemplate(['only-here']);
    for (let i = 0; i < 64; i++) recordTemplate([`layout-${i}`]);
    expect(recordTemplate(['only-here'])).not.toBe(first);
  });
});

describe('readRegister: headers, rows and raw values', () => {
  it('headers in any order: extra columns are kept in headers.extra with their index', () => {
    const header = ['备注（自用）', ...[...APPEAL_HEADERS].reverse(), '经办人'];
    const out = readRegister(
      appealRegister,
      { header, rows: [rowUnder(header, VALID_APPEAL)], firstRow: 2 },
      { lists },
    );
    expect(out.headers.extra).toEqual([
      { index: 0, header: '备注（自用）' },
      { index: header.length - 1, header: '经办人' },
    ]);
    expect(out.headers.missing).toEqual([]);
    expect(out.headers.columnOf.get('id')).toBe(header.indexOf('编号'));
    expect(out.headers.columnOf.get('content')).toBe(header.indexOf('诉求内容'));
    expect(out.problems).toEqual([]);
    expect(out.rows[0]?.values['content']).toBe('加班费计算有误');
  });

  it.each([
    // Full-width and half-width parentheses match either way; headerOf keeps the sheet's text.
    [workLedgerSheet, '部门（单位）', 'unit'],
    [appealRegister, '职能部门意见(解决措施)', 'deptOpinion'],
    [topicRegister, '分厂(车间、班组)', 'workshop'],
    // Spaces inside or around a header do not matter.
    [appealRegister, ' 受理\u3000时间 ', 'receivedOn'],
  ] as const)('%#: header %j matches %s', (register, sheetHeader, key) => {
    const header = register.fields.map((f) => (f.key === key ? sheetHeader : f.header));
    const m = mapHeaders(register, header);
    expect(m.columnOf.get(key)).toBe(header.indexOf(sheetHeader));
    expect(m.headerOf.get(key)).toBe(sheetHeader);
    expect(m.missing).toEqual([]);
    expect(m.extra).toEqual([]);
  });

  it('a problem names the header as it stands on the sheet', () => {
    const header = topicRegister.fields.map((f) => (f.key === 'workshop' ? '分厂(车间、班组)' : f.header));
    const table: RawTable = {
      header,
      rows: [rowUnder(header, { 序号: 1, 姓名: '张三', 内容: '更衣室太小', 时间: '2025-03-01' })],
      firstRow: 3,
    };
    const out = readRegister(topicRegister, table, { lists });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({
      column: 'workshop',
      header: '分厂(车间、班组)',
      code: 'required',
      row: 3,
      raw: '',
    });
  });

  it('a header that appears twice: the first is used, the second is kept as extra and listed as duplicated', () => {
    const header = [...APPEAL_HEADERS, '诉求内容'];
    const m = mapHeaders(appealRegister, header);
    expect(m.columnOf.get('content')).toBe(APPEAL_HEADERS.indexOf('诉求内容'));
    expect(m.duplicated).toEqual(['诉求内容']);
    expect(m.extra).toEqual([{ index: header.length - 1, header: '诉求内容' }]);
  });

  it('a missing required column is reported once, at the header row; a missing optional column is not', () => {
    const header = surveyRegister.fields
      .filter((f) => f.key !== 'rating' && f.key !== 'unionReview')
      .map((f) => f.header);
    const base = {
      诉求编号: '2025-001',
      调查对象: '诉求人',
      调查方式: '电话回访',
      满意度调查时间: '2025-03-20',
    };
    const table: RawTable = deepFreeze({
      header,
      rows: [rowUnder(header, base), rowUnder(header, base), rowUnder(header, base)],
      firstRow: 4,
    });
    const out = readRegister(surveyRegister, table, { lists });
    expectWellFormed(out.problems, surveyRegister, table);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({
      sheet: '满意度调查表',
      row: 3,
      column: 'rating',
      header: '诉求满意度',
      severity: 'error',
      code: 'missing-column',
      raw: undefined,
    });
    expect(out.headers.missing.map((f) => f.key).sort()).toEqual(['rating', 'unionReview']);
    expect(out.rows).toHaveLength(3);
  });

  it('blank rows are skipped; row numbers stay sheet row numbers (firstRow + index)', () => {
    const header = [...APPEAL_HEADERS];
    const rows = [
      rowUnder(header, VALID_APPEAL),
      header.map(() => ''),
      [],
      header.map(() => null),
      header.map((_h, i) => (i % 2 ? '  ' : '\u3000')),
      rowUnder(header, { ...VALID_APPEAL, 编号: '2025-002', 诉求内容: '' }),
      header.map(() => undefined),
      rowUnder(header, { ...VALID_APPEAL, 编号: '2025-003' }),
    ];
    const table: RawTable = deepFreeze({ header, rows, firstRow: 10 });
    const out = readRegister(appealRegister, table, { lists });
    expectWellFormed(out.problems, appealRegister, table);
    expect(out.rows.map((r) => r.row)).toEqual([10, 15, 17]);
    expect(out.rows.map((r) => r.values['id'])).toEqual(['2025-001', '2025-002', '2025-003']);
    expect(out.rows.map((r) => r.hasError)).toEqual([false, true, false]);
    expect(out.problems.map((p) => [p.row, p.column, p.code])).toEqual([[15, 'content', 'required']]);
  });

  it('a row with only an extra column filled is blank for the register', () => {
    const header = [...APPEAL_HEADERS, '自用'];
    const rows = [[...header.slice(0, -1).map(() => ''), '备忘']];
    const out = readRegister(appealRegister, { header, rows, firstRow: 2 }, { lists });
    expect(out.rows).toEqual([]);
    expect(out.problems).toEqual([]);
  });

  it('every problem carries sheet, row, column, sheet header, both messages, raw as given, severity and code', () => {
    const header = [...SHUFFLED_APPEAL_HEADER];
    const rawCells = [
      { ...VALID_APPEAL, 受理时间: '２０２５－０２－２９', 电话: 5318765432 },
      { ...VALID_APPEAL, 编号: '', 受理方式: ' 来访 ', 诉求人: '匿名', 电话: '\u300013812345678' },
      { ...VALID_APPEAL, 受理时间: '#N/A', ...LIFE, 告知诉求人日期: '2025年3月11日' },
    ];
    const table: RawTable = deepFreeze({
      header,
      rows: rawCells.map((c) => rowUnder(header, c)),
      firstRow: 7,
    });
    const before = structuredClone(table);
    const out = readRegister(appealRegister, table, { lists });
    expect(table).toEqual(before);
    expectWellFormed(out.problems, appealRegister, table);
    expect(out.problems.map((p) => `${p.row}:${p.column}:${p.code}`).sort()).toEqual(
      [
        '7:receivedOn:bad-date',
        '7:phone:phone-lost-zero',
        '8:id:required',
        '8:intakeMethod:not-in-list',
        '8:phone:forbidden-when',
        '9:receivedOn:excel-error',
        '9:toldOn:date-order',
      ].sort(),
    );
    const byKey = new Map(out.problems.map((p) => [`${p.row}:${p.column}:${p.code}`, p]));
    // raw is exactly the cell: full-width text stays full-width, numbers stay numbers, spaces stay.
    expect(byKey.get('7:receivedOn:bad-date')?.raw).toBe('２０２５－０２－２９');
    expect(byKey.get('7:phone:phone-lost-zero')?.raw).toBe(5318765432);
    expect(byKey.get('8:intakeMethod:not-in-list')?.raw).toBe(' 来访 ');
    expect(byKey.get('8:phone:forbidden-when')?.raw).toBe('\u300013812345678');
    expect(byKey.get('8:id:required')?.raw).toBe('');
    expect(byKey.get('9:receivedOn:excel-error')?.raw).toBe('#N/A');
    expect(byKey.get('9:toldOn:date-order')?.raw).toBe('2025年3月11日');
    expect(byKey.get('9:toldOn:date-order')?.header).toBe('告知诉求人日期');
    for (const p of out.problems) {
      expect(p.sheet).toBe('职工诉求记录表');
      expect(p.severity).toBe('error');
    }
  });

  it('external text: formula-like cells give warnings, keep their values and leave the row without errors', () => {
    const header = [...APPEAL_HEADERS];
    const table: RawTable = deepFreeze({
      header,
      rows: [rowUnder(header, { ...VALID_APPEAL, 诉求内容: '=1+1', 单位: '@一车间' })],
      firstRow: 2,
    });
    const ext = readRegister(appealRegister, table, { lists, external: true });
    expectWellFormed(ext.problems, appealRegister, table);
    expect(pairs(ext.problems)).toEqual(['content:formula-like', 'unit:formula-like']);
    for (const p of ext.problems) expect(p.severity).toBe('warning');
    expect(ext.rows[0]?.values['content']).toBe('=1+1');
    expect(ext.rows[0]?.values['unit']).toBe('@一车间');
    expect(ext.rows[0]?.hasError).toBe(false);
    const local = readRegister(appealRegister, table, { lists });
    expect(local.problems).toEqual([]);
    expect(local.rows[0]?.values['content']).toBe('=1+1');
  });

  it('never mutates its input: deep-frozen arrays read fine and equal their clone afterwards', () => {
    const header = [...SHUFFLED_APPEAL_HEADER];
    const table = {
      header,
      rows: [
        rowUnder(header, {
          ...VALID_APPEAL,
          受理时间: ' ２０２５年３月５日 ',
          电话: '（0531）87654321',
          受理渠道: 'ＱＱ群',
        }),
        rowUnder(header, { ...VALID_APPEAL, 诉求人: '\u3000匿名', 电话: '13812345678', 受理时间: 45721.25 }),
        header.map(() => ''),
      ],
      firstRow: 2,
    };
    const clone = structuredClone(table);
    deepFreeze(table);
    expect(() => readRegister(appealRegister, table, { lists })).not.toThrow();
    expect(() => readRegister(appealRegister, table, { lists, external: true })).not.toThrow();
    expect(table).toEqual(clone);
  });
});

// Excel specifications and limits: a cell holds at most 32,767 characters
// (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
describe('text over the 32,767-character cell limit (docs/domain.md)', () => {
  const content = appealRegister.fields.find((f) => f.key === 'content') as FieldDef;

  it('is a cell-addressed error, never cut; 32,767 characters exactly is fine', () => {
    expect(compileReader(content, { lists })('诉'.repeat(CELL_TEXT_MAX))).toBe('诉'.repeat(CELL_TEXT_MAX));
    const i = expectIssue(compileReader(content, { lists })('诉'.repeat(CELL_TEXT_MAX + 1)), 'too-long');
    expect(i.value).toBeUndefined();
    expect(i.message.zh).toContain('32767');
    expect(i.message.en).toContain('32767');
    const row = {
      id: '2026-001',
      intakeMethod: '谈话',
      receivedOn: '2026-03-02',
      category: '生活保障类',
      appellant: '张伟',
      content: 'x'.repeat(40_000),
    };
    const found = checkWorkbook(workbookOf({ appeals: [row] }), { today: '2026-03-31' }).problems.filter(
      (p) => p.code === 'too-long',
    );
    expect(found.map((p) => [p.sheet, p.row, p.column, p.header, p.severity])).toEqual([
      ['职工诉求记录表', 2, 'content', '诉求内容', 'error'],
    ]);
    expect(found[0]?.message.zh).toContain('40000');
    expect(found[0]?.message.en).toContain('40000');
  });
});

describe('a mobile typed with spaces or dashes is the same number (docs/domain.md)', () => {
  it('reads as its digits while the cell keeps what the clerk typed', () => {
    const row = {
      id: '2026-001',
      intakeMethod: '电话',
      receivedOn: '2026-03-02',
      category: '生活保障类',
      appellant: '张伟',
      phone: '138 1234-5678',
      content: '夜班补贴偏低',
    };
    const input = workbookOf({ appeals: [row] });
    const before = JSON.stringify(input);
    const check = checkWorkbook(input, { today: '2026-03-31' });
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.cases[0]?.appeal.phone).toBe('13812345678');
    expect(JSON.stringify(input)).toBe(before);
  });
});
