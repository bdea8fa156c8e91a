// China has kept UTC+8 all year since 1991: no daylight saving, so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in China for an instant. */
export const chinaToday = (now: Date): string =>
  new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

const pad = (n: number): string => String(n).padStart(2, '0');

/** A YYYY-MM-DD date `months` later, clamped to the month's last day (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  // Day 0 of the next month is this month's last day (UTC: no time zone can shift it).
  const last = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  return `${year}-${pad(month0 + 1)}-${pad(Math.min(d, last))}`;
}
