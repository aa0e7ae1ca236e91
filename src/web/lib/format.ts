// Dates and times in plain words, with Intl only (no date library in the bundle).

const LOCALE = 'en-GB';

/** "14 June 2025" for a local date "2025-06-14"; the date itself, never shifted by a zone. */
export function formatDate(isoDate: string, options: { weekday?: boolean } = {}): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(options.weekday && { weekday: 'short' }),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "1–8 July 2026", "30 June – 2 July 2026", or one date when only one is known. */
export function formatDateRange(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn && startsOn !== endsOn) {
    const start = new Date(`${startsOn}T00:00:00Z`);
    const end = new Date(`${endsOn}T00:00:00Z`);
    return new Intl.DateTimeFormat(LOCALE, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).formatRange(start, end);
  }
  const one = startsOn ?? endsOn;
  return one ? formatDate(one) : null;
}

/**
 * A departure as the clock on the wall where it leaves: "Wed 1 July 2026, 09:30".
 * `local` is "YYYY-MM-DDTHH:mm" as entered; it is shown as written, with no zone arithmetic.
 */
export function formatLocalDateTime(local: string): string {
  const [date, time] = local.split('T');
  if (!date || !time) return local;
  return `${formatDate(date, { weekday: true })}, ${time}`;
}

/**
 * When something was recorded, in this device's time: "14:02" today, "3 July, 14:02" otherwise.
 * `now` and `timeZone` are parameters so tests do not depend on the machine.
 */
export function formatMoment(iso: string, now: Date = new Date(), timeZone?: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const zone = timeZone ? { timeZone } : {};
  const day = (d: Date) =>
    new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: '2-digit', day: '2-digit', ...zone }).format(d);
  const time = new Intl.DateTimeFormat(LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...zone,
  }).format(when);
  if (day(when) === day(now)) return time;
  const date = new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'long',
    ...(when.getFullYear() !== now.getFullYear() && { year: 'numeric' }),
    ...zone,
  }).format(when);
  return `${date}, ${time}`;
}

const DAY_MS = 86_400_000;

/** "today", "tomorrow", "in 5 days", "in 3 weeks" — for a departure still ahead. */
export function untilWords(targetIso: string, now: Date = new Date()): string | null {
  const ms = new Date(targetIso).getTime() - now.getTime();
  if (Number.isNaN(ms) || ms < 0) return null;
  const hours = ms / 3_600_000;
  if (hours < 12) return 'in a few hours';
  const days = Math.round(ms / DAY_MS);
  if (days <= 1) return 'tomorrow';
  if (days < 14) return `in ${days} days`;
  const weeks = Math.round(days / 7);
  if (weeks < 9) return `in ${weeks} weeks`;
  return `in ${Math.round(days / 30)} months`;
}

/** "Anna", "Anna and Mia", "Anna, Mia and Sam". */
export function listWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "1 of 3 packed" — counts, never percentages or scores. */
export const packedWords = (done: number, total: number): string =>
  total === 0 ? 'Nothing on the list yet' : `${done} of ${total} packed`;

/** A date N days from `now`, as YYYY-MM-DD in the device's calendar. */
export function todayPlus(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "at 14:02" today, "on 3 July at 14:02" another day: for "Confirmed by Anna at 14:02". */
export function momentPhrase(iso: string, now: Date = new Date(), timeZone?: string): string {
  const words = formatMoment(iso, now, timeZone);
  const [date, time] = words.includes(', ') ? words.split(', ') : [null, words];
  return date ? `on ${date} at ${time}` : `at ${time}`;
}

/** A UTC instant as this device's clock shows it: "Wed 1 July, 09:30". */
export function formatInstant(iso: string, timeZone?: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(timeZone && { timeZone }),
  }).format(when);
}

/** "gov.uk" for a source's address: where something was read, short enough to scan. */
export function sourceName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'the source';
  }
}
