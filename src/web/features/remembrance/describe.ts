import type { Occurrence } from '../../../contracts/remembrance.js';
import { inWords } from '../../../domain/remembrance/describe.js';

// Words for the calendar, the way a kind friend would say them: "It will be two years", "Would
// have turned two" — never "Happy birthday!", never an exclamation mark.

const LOCALE = 'en-GB';

export { inWords };

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** "Friday 15 October" for "2027-10-15", the date itself, never shifted by a zone. */
export function dayWords(isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(utc(isoDate));
}

/** "October 2027" for the month an occurrence falls in. */
export function monthWords(isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utc(isoDate),
  );
}

/** "7 pm", "9:30 am", "midday", "midnight" for a clock time "HH:mm". */
export function timeWords(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (m === 0 && h === 12) return 'midday';
  if (m === 0 && h === 0) return 'midnight';
  const hour = h % 12 === 0 ? 12 : h % 12;
  const minutes = m === 0 ? '' : `:${String(m).padStart(2, '0')}`;
  return `${hour}${minutes} ${h < 12 ? 'am' : 'pm'}`;
}

/**
 * The line under a loved one's day that says how long it has been: "It will be two years", "Would
 * have turned two"; on the day itself "It is two years today". Nothing for other days.
 */
export function yearsLine(
  occurrence: Pick<Occurrence, 'kind' | 'years' | 'date'>,
  today: string,
): string | null {
  const { kind, years, date } = occurrence;
  if (!years || years < 1) return null;
  const count = `${inWords(years)} year${years === 1 ? '' : 's'}`;
  const isToday = date === today;
  switch (kind) {
    case 'birthday':
      return isToday ? `Would have turned ${inWords(years)} today` : `Would have turned ${inWords(years)}`;
    case 'loss_anniversary':
    case 'death_anniversary':
      return isToday ? `It is ${count} today` : `It will be ${count}`;
    case 'due_date':
      return isToday ? `It is ${count} since the due date` : `It will be ${count} since the due date`;
    default:
      return null;
  }
}

/** Occurrences in date order, grouped by month ("2027-10"), for headings. */
export function byMonth<T extends { date: string }>(list: readonly T[]): Array<{ month: string; days: T[] }> {
  const groups: Array<{ month: string; days: T[] }> = [];
  for (const item of list) {
    const month = item.date.slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.days.push(item);
    else groups.push({ month, days: [item] });
  }
  return groups;
}

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\])$/;

/**
 * The calendar address to show. The server builds it from its BASE_URL; when that is only its own
 * default (a loopback host, or port 0 when it picked a free port) and this page is open at another
 * address, the address this device is using is the one a calendar can reach, so the feed's path is
 * put on it instead.
 */
export function feedAddress(serverUrl: string, pageOrigin: string): string {
  try {
    const url = new URL(serverUrl);
    if (url.origin === pageOrigin) return serverUrl;
    if (!LOOPBACK.test(url.hostname) && url.port !== '0') return serverUrl;
    return new URL(url.pathname + url.search, pageOrigin).href;
  } catch {
    return serverUrl;
  }
}
