import { DateTime } from 'luxon';
import type { TributeWording } from '../../contracts/tributes.js';

// How a tribute says the dates, in the family's chosen wording, for the day it is for. Pure: the
// loved one's dates and that day in, one line out. Plain words: "died", never "lost" or "passed".

export interface LovedOneDates {
  name: string;
  dateOfBirth: string | null;
  /** The date they died (or, for a baby, the date of loss). */
  dateOfDeath: string | null;
}

/** "14 March 2026" from "2026-03-14". */
export function sayDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('d LLLL yyyy');
}

/** Whole years from one date to another (a birthday on 29 February counts from 1 March). */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const beforeAnniversary = tm < fm || (tm === fm && td < fd);
  return ty - fy - (beforeAnniversary ? 1 : 0);
}

const sameDayOfYear = (a: string, b: string) => a.slice(5) === b.slice(5);
const years = (n: number) => (n === 1 ? '1 year' : `${n} years`);

/** Their dates, "14 March 2019 – 2 April 2019", or the one the family gave. */
function datesOf(dates: LovedOneDates): string | null {
  const { dateOfBirth: born, dateOfDeath: died } = dates;
  if (born && died) return born === died ? sayDate(born) : `${sayDate(born)} – ${sayDate(died)}`;
  if (born) return `Born ${sayDate(born)}`;
  if (died) return `Died ${sayDate(died)}`;
  return null;
}

/**
 * The line under the name: "Would have been 6 today · 14 March 2026", "Died 6 years ago today ·
 * 2 April 2026", the dates, or nothing. A wording the dates cannot give (no date of birth for
 * "would have been") falls back to the dates the family did give.
 */
export function datesLine(wording: TributeWording, dates: LovedOneDates, forDate: string): string | null {
  const day = sayDate(forDate);
  if (wording === 'name_only') return null;
  if (wording === 'would_have_been' && dates.dateOfBirth && dates.dateOfBirth < forDate) {
    const age = wholeYears(dates.dateOfBirth, forDate);
    if (age >= 1) {
      const today = sameDayOfYear(dates.dateOfBirth, forDate) ? ' today' : '';
      return `Would have been ${age}${today} · ${day}`;
    }
  }
  if (wording === 'years_since' && dates.dateOfDeath && dates.dateOfDeath < forDate) {
    const since = wholeYears(dates.dateOfDeath, forDate);
    if (since >= 1) {
      return sameDayOfYear(dates.dateOfDeath, forDate)
        ? `Died ${years(since)} ago today · ${day}`
        : `${years(since)} since they died · ${day}`;
    }
  }
  return datesOf(dates);
}

/** The caption offered with the picture: the full words (never cut short), then who and when. */
export function suggestCaption(name: string, line: string | null, words: string | null): string {
  const remembering = `Remembering ${name}${line ? ` · ${line}` : ''}`;
  return words ? `${words}\n\n${remembering}` : remembering;
}
