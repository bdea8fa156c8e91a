/** Days from 1970-01-01 to a civil date (Hinnant's algorithm: plain arithmetic, fast in bulk writes). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/** The serial number Excel stores for a calendar date and time of day (no time zone involved). */
export function toSerial(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): number {
  const days = daysFromCivil(year, month, day) + UNIX_EPOCH_SERIAL;
  // Excel keeps Lotus 1-2-3's phantom 1900-02-29 (serial 60), so earlier dates sit one lower.
  const lotus = days < 61 ? days - 1 : days;
  return lotus + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** Whether year/month/day name a real date Excel can hold (1900-01-01 to 9999-12-31). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= length;
}
