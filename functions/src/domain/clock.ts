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
