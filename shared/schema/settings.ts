import { createCalendar, type WorkingCalendar } from '../calendar/calendar';
import { BUILT_IN_SCHEDULES, type YearSchedule } from '../calendar/schedules';
import { interpretText } from '../cells/normalize';
import type { ReadRow } from '../cells/rows';
import { say, type Bilingual } from '../text';
import type { CalendarDayRecord, CategoryDepartmentRecord, SettingsRecord } from './registers';
import {
  DEFAULT_VALUE_LISTS,
  VALUE_LISTS,
  VALUE_LIST_KEYS,
  type ValueListKey,
  type ValueLists,
} from './valueLists';

/** One single-valued setting on the 设置 sheet, as data. */
export interface SettingItem {
  readonly key: keyof UnitSettings;
  readonly label: string;
  readonly kind: 'text' | 'days' | 'months' | 'yesNo';
  readonly default: string;
  readonly note: string;
  /** Bounds of a number (days or months); outside them, or not whole, the value is an error. */
  readonly min?: number;
  readonly max?: number;
  /** The handbook's own limit: a larger value is allowed, with a warning. */
  readonly handbook?: number;
}

/** The unit's settings, typed. */
export interface UnitSettings {
  readonly unitName: string;
  readonly unitId: string;
  readonly parentUnit: string;
  readonly unionOffice: string;
  readonly unionChair: string;
  readonly adminHead: string;
  readonly retentionMonths: number;
  readonly countMakeUpDays: boolean;
  readonly reportWithinDays: number;
  readonly tellWithinDays: number;
  readonly surveyWithinDays: number;
  readonly dueSoonDays: number;
  readonly ledgerWithinDays: number;
}

/** The 设置 item's label for a setting's key: the sheet is read by label, the code says keys. */
export function settingLabel(key: keyof UnitSettings): string {
  const item = SETTING_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`no 设置 item for ${key}`);
  return item.label;
}

/** The 设置 sheet's items, in order, with the handbook's rules as defaults. */
export const SETTING_ITEMS: readonly SettingItem[] = [
  { key: 'unitName', label: '单位名称', kind: 'text', default: '', note: '印在通知、台账和表格上的公司全称' },
  { key: 'unitId', label: '单位代码', kind: 'text', default: '', note: '与云端同步时使用的单位标识' },
  { key: 'parentUnit', label: '上级单位', kind: 'text', default: '', note: '本级解决不了的诉求逐级上报至此' },
  {
    key: 'unionOffice',
    label: '工会办公室地址',
    kind: 'text',
    default: '',
    note: '印在实施意见上，职工可当面反映诉求',
  },
  { key: 'unionChair', label: '工会主席', kind: 'text', default: '', note: '领导小组办公室主任，会议主持人' },
  { key: 'adminHead', label: '企业行政负责人', kind: 'text', default: '', note: '领导小组组长' },
  {
    key: 'retentionMonths',
    label: '诉求保存期限（月）',
    kind: 'months',
    default: '36',
    note: '归档后超过此期限的记录从云端清除',
    min: 0,
    max: 600,
  },
  {
    key: 'countMakeUpDays',
    label: '调休上班计为工作日',
    kind: 'yesNo',
    default: '是',
    note: '国务院调休上班日是否计入工作日',
  },
  {
    key: 'reportWithinDays',
    label: '部门反馈期限（工作日）',
    kind: 'days',
    default: '3',
    note: '承办部门办结后反馈工会的期限',
    min: 1,
    max: 30,
    handbook: 3,
  },
  {
    key: 'tellWithinDays',
    label: '告知诉求人期限（工作日）',
    kind: 'days',
    default: '3',
    note: '工会收到反馈后告知诉求人的期限',
    min: 1,
    max: 30,
    handbook: 3,
  },
  {
    key: 'surveyWithinDays',
    label: '满意度测评期限（工作日）',
    kind: 'days',
    default: '5',
    note: '告知诉求人后完成满意度测评的期限',
    min: 1,
    max: 30,
  },
  {
    key: 'dueSoonDays',
    label: '临近期限提醒（工作日）',
    kind: 'days',
    default: '2',
    note: '距完成时限不足此天数时提醒',
    min: 0,
    max: 30,
  },
  {
    key: 'ledgerWithinDays',
    label: '季度台账整理期限（工作日）',
    kind: 'days',
    default: '5',
    note: '季度结束后整理工作台账的期限',
    min: 1,
    max: 30,
  },
];

/** Settings with every default applied (a fresh workbook). */
export const DEFAULT_SETTINGS: UnitSettings = parseSettings([]).settings;

/** A settings problem addressed by sheet row. */
export interface SettingsProblem {
  readonly row: number;
  readonly item: string;
  readonly severity: 'error' | 'warning';
  readonly message: ReturnType<typeof say>;
}

/**
 * What is wrong with a setting's text, if anything: a number outside the item's bounds or not
 * whole is an error (the default is used instead); a working-day limit longer than the handbook's
 * is a warning (it is used). Blank means the default.
 */
export function judgeSetting(
  item: SettingItem,
  text: string,
): { readonly severity: 'error' | 'warning'; readonly message: Bilingual } | null {
  const v = text.trim() || item.default;
  if (item.kind === 'text') return null;
  if (item.kind === 'yesNo')
    return v === '是' || v === '否'
      ? null
      : { severity: 'error', message: say(`“${item.label}”应填“是”或“否”`, `${item.key} must be 是 or 否`) };
  const n = Number(v);
  const min = item.min ?? 0;
  const max = item.max ?? 600;
  if (!Number.isInteger(n) || n < min || n > max)
    return {
      severity: 'error',
      message: say(
        `“${item.label}”应为 ${min}–${max} 的整数`,
        `${item.key} must be a whole number ${min}–${max}`,
      ),
    };
  if (item.handbook !== undefined && n > item.handbook)
    return {
      severity: 'warning',
      message: say(
        `“${item.label}”为 ${n} 个工作日，长于工作手册规定的 ${item.handbook} 个工作日`,
        `${item.key} is ${n} working days, longer than the handbook's ${item.handbook}`,
      ),
    };
  return null;
}

/** Reads the 设置 rows into typed settings; unknown items are left alone, bad values reported. */
export function parseSettings(rows: readonly ReadRow<SettingsRecord>[]): {
  settings: UnitSettings;
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  const out: Record<string, string | number | boolean> = {};
  // The 设置项 column is a key column, read with full-width forms folded (（工作日） as (工作日)):
  // labels are matched the same way, or a unit's own limits would silently be the defaults.
  const byLabel = new Map(rows.map((r) => [interpretText(String(r.values.item ?? '')), r]));
  for (const item of SETTING_ITEMS) {
    const row = byLabel.get(interpretText(item.label));
    const text = (row?.values.value ?? '').trim() || item.default;
    const judged = judgeSetting(item, text);
    if (judged) problems.push({ row: row?.row ?? 0, item: item.label, ...judged });
    const bad = judged?.severity === 'error';
    if (item.kind === 'text') out[item.key] = text;
    else if (item.kind === 'yesNo') out[item.key] = text !== '否';
    else out[item.key] = Number(bad ? item.default : text);
  }
  return { settings: out as unknown as UnitSettings, problems };
}

/** The lists in force: each default list plus the values the clerk added on 值列表, in order, without repeats. */
export function resolveValueLists(rows: readonly ReadRow[]): ValueLists {
  const out = {} as Record<ValueListKey, string[]>;
  for (const k of VALUE_LIST_KEYS) {
    const seen = new Set<string>(DEFAULT_VALUE_LISTS[k]);
    const list = [...DEFAULT_VALUE_LISTS[k]];
    if (VALUE_LISTS[k].extensible) {
      for (const r of rows) {
        const v = r.values[k];
        if (typeof v === 'string' && v && !seen.has(v)) {
          seen.add(v);
          list.push(v);
        }
      }
    }
    out[k] = list;
  }
  return out;
}

/** Category → departments table for suggesting meeting participants; the handbook's examples by default. */
export const DEFAULT_CATEGORY_DEPARTMENTS: readonly CategoryDepartmentRecord[] = [
  { category: '工资福利类', department: '行政办公室' },
  { category: '工资福利类', department: '财务部' },
  { category: '工资福利类', department: '人力资源部' },
  { category: '生活保障类', department: '行政办公室' },
  { category: '生活保障类', department: '后勤部' },
];

/** The departments to invite for the given topic categories, in table order, without repeats. */
export function suggestDepartments(
  categories: readonly string[],
  table: readonly CategoryDepartmentRecord[],
): string[] {
  const wanted = new Set(categories);
  const out: string[] = [];
  for (const r of table)
    if (r.category && r.department && wanted.has(r.category) && !out.includes(r.department))
      out.push(r.department);
  return out;
}

/**
 * Builds the unit's working calendar from the 日历调整 rows: statutory rows (法定节假日/调休上班)
 * for a year not built in make that year's schedule; 单位休息日/单位工作日 are the unit's overrides.
 */
export function calendarFromSettings(
  rows: readonly CalendarDayRecord[],
  settings: Pick<UnitSettings, 'countMakeUpDays'>,
): WorkingCalendar {
  const years = new Map<number, { off: string[]; work: string[] }>();
  const unitRestDays: string[] = [];
  const unitWorkDays: string[] = [];
  for (const r of rows) {
    if (!r.date || !r.type) continue;
    if (r.type === '单位休息日') unitRestDays.push(r.date);
    else if (r.type === '单位工作日') unitWorkDays.push(r.date);
    else {
      const y = Number(r.date.slice(0, 4));
      const entry = years.get(y) ?? { off: [], work: [] };
      (r.type === '法定节假日' ? entry.off : entry.work).push(r.date);
      years.set(y, entry);
    }
  }
  // Rows for a built-in year add to its schedule; rows for a new year make that year's schedule.
  const extraSchedules: YearSchedule[] = [...years].map(([year, e]) => {
    const built = BUILT_IN_SCHEDULES.find((s) => s.year === year);
    return {
      year,
      holidays: [...(built?.holidays ?? []), ...e.off.map((d) => [d, d] as const)],
      makeUpWorkdays: [...(built?.makeUpWorkdays ?? []), ...e.work],
      source: built ? `${built.source}；日历调整工作表` : '日历调整工作表',
    };
  });
  return createCalendar({
    extraSchedules,
    unitRestDays,
    unitWorkDays,
    countMakeUpDays: settings.countMakeUpDays,
  });
}
