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

/** "4.2 MB", "120 MB", "1,024 MB": room in megabytes of 1024 × 1024 bytes, as the server counts it (0.1 at least, unless none). */
export function sizeWords(bytes: number): string {
  if (bytes <= 0) return '0 MB';
  const mb = bytes / (1024 * 1024);
  const shown = mb < 10 ? Math.max(0.1, Math.round(mb * 10) / 10) : Math.round(mb);
  return `${shown.toLocaleString(LOCALE)} MB`;
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

/**
 * When something happened (or will), always with its day unless it is today, in this device's time:
 * "at 14:02" today, "yesterday at 22:31", "tomorrow at 18:00", "on Tue 3 Dec at 22:31" another day
 * ("on Tue 3 Dec 2025 at 22:31" another year). For "Done at", "Confirmed by Anna at", "Packed by
 * Mia at": a time with no day would let "Done at 22:31" three weeks ago read as last night.
 * `{ time: false }` gives the day alone: "today", "yesterday", "on Tue 3 Dec".
 * `now` and `timeZone` are parameters so tests do not depend on the machine.
 */
export function momentPhrase(
  iso: string,
  now: Date = new Date(),
  timeZone?: string,
  options: { time?: boolean } = {},
): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const zone = timeZone ? { timeZone } : {};
  const parts = (d: Date, format: Intl.DateTimeFormatOptions) =>
    Object.fromEntries(
      new Intl.DateTimeFormat(LOCALE, { ...format, ...zone }).formatToParts(d).map((p) => [p.type, p.value]),
    );
  const civil = (d: Date) => {
    const p = parts(d, { year: 'numeric', month: 'numeric', day: 'numeric' });
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  };
  const days = Math.round((civil(when) - civil(now)) / DAY_MS);
  const t = parts(when, { hour: '2-digit', minute: '2-digit', hour12: false });
  // Some engines say "24:05" for five past midnight with hour12: false.
  const time = `${t.hour === '24' ? '00' : t.hour}:${t.minute}`;
  let day: string;
  if (days === 0) day = 'today';
  else if (days === -1) day = 'yesterday';
  else if (days === 1) day = 'tomorrow';
  else {
    const sameYear = parts(when, { year: 'numeric' }).year === parts(now, { year: 'numeric' }).year;
    const d = parts(when, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(!sameYear && { year: 'numeric' }),
    });
    day = `on ${[d.weekday, d.day, d.month, d.year].filter(Boolean).join(' ')}`;
  }
  if (options.time === false) return day;
  return days === 0 ? `at ${time}` : `${day} at ${time}`;
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

/** A file's size for people: "2.4 MB" (never "0 MB"). */
export const formatMegabytes = (bytes: number): string =>
  `${Math.max(0.1, Math.round(bytes / 100_000) / 10)} MB`;
