/**
 * Civil dates as whole day numbers (days since 1970-01-01, proleptic Gregorian, no time zone).
 * Every date in the domain is a calendar day, so working in integers keeps deadline arithmetic
 * exact and fast, and no time zone can shift a day.
 */

/** A calendar day as a day number (days since 1970-01-01). */
export type DayNumber = number;

/** Day number of a civil date; month and day are 1-based. Assumes a valid date. */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function ymdFromDay(n: DayNumber): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether year-month-day names a real calendar day. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO form (YYYY-MM-DD) of a day number. */
export function isoFromDay(n: DayNumber): string {
  const { year, month, day } = ymdFromDay(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a strict YYYY-MM-DD string, or null when it is not one or not a real date. */
export function dayFromIso(iso: string): DayNumber | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isRealDate(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** Like dayFromIso, but throws a bilingual error for API callers that passed a malformed date. */
export function requireDay(iso: string, what = 'date'): DayNumber {
  const n = typeof iso === 'string' ? dayFromIso(iso) : null;
  if (n === null) {
    throw new RangeError(
      `日期格式应为 YYYY-MM-DD / ${what} must be a real date as YYYY-MM-DD, got ${JSON.stringify(iso)}`,
    );
  }
  return n;
}

/** Day of week: 0 Sunday … 6 Saturday. */
export const weekday = (n: DayNumber): number => (((n + 4) % 7) + 7) % 7;

/** Calendar year of a day number. */
export const yearOfDay = (n: DayNumber): number => ymdFromDay(n).year;

/** Excel's serial number for day 1970-01-01 (serials count from 1899-12-30 after Excel's 1900 leap bug). */
export const EXCEL_EPOCH_OFFSET = 25569;

/** Day number of an Excel date serial (the time of day, if any, is dropped). */
export const dayFromExcelSerial = (serial: number): DayNumber => Math.floor(serial) - EXCEL_EPOCH_OFFSET;

/** Excel date serial of a day number. */
export const excelSerialFromDay = (n: DayNumber): number => n + EXCEL_EPOCH_OFFSET;

/**
 * A YYYY-MM-DD date as a Chinese sentence or title prints it: 2026年3月30日, no leading zeros
 * ('' for anything that is not such a date). Every printed date goes through this one function.
 */
export function chineseDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

// China has kept UTC+8 all year since 1991: no daylight saving, so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The date (YYYY-MM-DD) in China of an ISO instant, or of a Date: the day a clerk there saw it
 * happen. The pane, the cloud and the figures all judge days by it.
 */
export function chinaDay(at: string | Date): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) return typeof at === 'string' ? at.slice(0, 10) : '';
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The time of day (HH:MM) in China of an ISO instant; '' when it is not one. */
export function chinaTime(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? '' : new Date(t + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}
