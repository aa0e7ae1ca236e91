// Plain calendar-date helpers on YYYY-MM-DD strings. The engine never reads the clock: anything that
// depends on "today" takes it as an argument, so results are the same on every machine and day.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The same calendar day `months` months earlier; when that day does not exist (31 March minus one
 * month) it falls back to the month's last day, so 12 months before 2028-02-29 is 2027-02-28.
 */
export function monthsBefore(day: string, months: number): string {
  const match = DATE.exec(day);
  if (!match || !isRealDate(day)) throw new Error(`"${day}" is not a date written YYYY-MM-DD.`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const dayOfMonth = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** A date as precise as a source gives it: YYYY, YYYY-MM or YYYY-MM-DD, each part real. */
export function isPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return true;
  return isRealDate(value);
}
