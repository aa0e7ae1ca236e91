// Calendar dates as plain 'YYYY-MM-DD' strings, with arithmetic that never looks at a time zone.
// A remembrance day is a date on a calendar, not an instant: 15 October is 15 October in Sydney and
// in New York. Date.UTC is used only as a day counter, so the host's TZ can never leak in.

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a string is a date that exists, e.g. '2027-02-29' does not. */
export function isRealDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseDate(value: string): CivilDate {
  if (!isRealDate(value)) throw new Error(`Not a calendar date: ${value}`);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

export function formatDate(date: CivilDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Days since 1970-01-01, a counter for differences and weekday arithmetic. */
function dayNumber(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

function fromDayNumber(n: number): CivilDate {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(value: string, days: number): string {
  return formatDate(fromDayNumber(dayNumber(parseDate(value)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(parseDate(to)) - dayNumber(parseDate(from));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(value: string): number {
  return ((((dayNumber(parseDate(value)) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The nth given weekday of a month (nth 1–5), or the last one (nth -1). Returns null when the
 * month has no fifth such weekday.
 */
export function nthWeekdayOfMonth(year: number, month: number, nth: number, weekday: number): string | null {
  if (nth === -1) {
    const last = formatDate({ year, month, day: daysInMonth(year, month) });
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = formatDate({ year, month, day: 1 });
  const day = 1 + ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7;
  return day <= daysInMonth(year, month) ? formatDate({ year, month, day }) : null;
}

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
