import { DateTime } from 'luxon';
import { daysInMonth, isoWeekday } from '../civil-date.js';
import { offsetMinutesAt } from '../zoned-time.js';
import { transitionsBetween, wallParts, type Transition } from './tz-transitions.js';

// A VTIMEZONE (RFC 5545 §3.6.5) written from the runtime's tzdata, so a timed event's TZID always
// comes with its rules and is never read as floating time. We do not use @touch4it/ical-timezones:
// it reads files with node:fs (this folder also runs in the browser) and its data is tzdata 2018g,
// which still has daylight saving in Mexico (abolished in 2022).
//
// Transitions that repeat every year on the same kind of day (second Sunday of March at 02:00)
// become one RRULE; the run that is still going at the end of the window is left open-ended so
// calendars extend it beyond. Anything irregular is written out one transition at a time.

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

interface Run {
  type: 'STANDARD' | 'DAYLIGHT';
  members: Transition[];
  /** Day rules that every member so far satisfies: 'n' (nth weekday), 'L' (last), or a first month day. */
  forms: Set<string>;
  month: number;
  weekday: number;
  lastYear: number;
}

export function buildVtimezone(zone: string, fromYear: number, toYear: number): string {
  // Two days early, so 1 January's local times are covered in every zone (Kiritimati is UTC+14).
  const startMs = Date.UTC(fromYear - 1, 11, 30);
  const initialOffset = offsetMinutesAt(startMs, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  // What holds at the start of the window, before the first change in it.
  lines.push(
    ...observance(
      isDst(startMs, zone) ? 'DAYLIGHT' : 'STANDARD',
      wallStamp(startMs, initialOffset),
      initialOffset,
      initialOffset,
    ),
  );
  for (const run of findRuns(zone, transitionsBetween(zone, startMs, Date.UTC(toYear + 1, 0, 1)))) {
    const first = run.members[0];
    const last = run.members[run.members.length - 1];
    if (!first || !last) continue;
    let rrule: string | undefined;
    if (run.members.length > 1) {
      const until = run.lastYear === toYear ? '' : `;UNTIL=${wallStamp(last.atMs, 0)}Z`;
      rrule = `RRULE:FREQ=YEARLY;BYMONTH=${run.month};${dayRule(run)}${until}`;
    }
    lines.push(...observance(run.type, wallStamp(first.atMs, first.from), first.from, first.to, rrule));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

function findRuns(zone: string, transitions: Transition[]): Run[] {
  const open = new Map<string, Run>();
  const done: Run[] = [];
  for (const t of transitions) {
    const local = wallParts(t.atMs, t.from);
    const type = isDst(t.atMs, zone) ? 'DAYLIGHT' : 'STANDARD';
    const weekday = isoWeekday(`${local.year}-${pad(local.month)}-${pad(local.day)}`);
    const key = [type, t.from, t.to, local.month, weekday, local.hour, local.minute, local.second].join('|');
    const forms = dayForms(local.year, local.month, local.day);
    const run = open.get(key);
    const common = run ? new Set([...run.forms].filter((f) => forms.has(f))) : new Set<string>();
    if (run && run.lastYear === local.year - 1 && common.size > 0) {
      run.members.push(t);
      run.forms = common;
      run.lastYear = local.year;
      continue;
    }
    if (run) done.push(run);
    open.set(key, { type, members: [t], forms, month: local.month, weekday, lastYear: local.year });
  }
  return [...done, ...open.values()].sort((a, b) => (a.members[0]?.atMs ?? 0) - (b.members[0]?.atMs ?? 0));
}

/** The ways to say which day of the month this is, as a weekday rule. */
function dayForms(year: number, month: number, day: number): Set<string> {
  const forms = new Set<string>();
  const length = daysInMonth(year, month);
  if (day <= 28) forms.add(`n${Math.ceil(day / 7)}`);
  if (day > length - 7) forms.add('L');
  // "The first <weekday> on or after the Nth", for rules such as Israel's Friday before last Sunday.
  // February's limit is 28 so the seven listed days exist in leap and common years alike.
  const limit = month === 2 ? 28 : length;
  for (let first = Math.max(1, day - 6); first <= day; first++)
    if (first + 6 <= limit) forms.add(`d${first}`);
  return forms;
}

function dayRule(run: Run): string {
  const weekday = WEEKDAYS[run.weekday - 1] ?? 'SU';
  const forms = [...run.forms];
  const nth = forms.find((f) => f.startsWith('n'));
  if (nth) return `BYDAY=${nth.slice(1)}${weekday}`;
  if (run.forms.has('L')) return `BYDAY=-1${weekday}`;
  const first = Math.min(...forms.filter((f) => f.startsWith('d')).map((f) => Number(f.slice(1))));
  return `BYDAY=${weekday};BYMONTHDAY=${Array.from({ length: 7 }, (_, i) => first + i).join(',')}`;
}

function observance(type: string, dtstart: string, from: number, to: number, rrule?: string): string[] {
  const lines = [
    `BEGIN:${type}`,
    `DTSTART:${dtstart}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
  ];
  if (rrule) lines.push(rrule);
  lines.push(`END:${type}`);
  return lines;
}

function isDst(ms: number, zone: string): boolean {
  return DateTime.fromMillis(ms, { zone }).isInDST;
}

function wallStamp(ms: number, offsetMinutes: number): string {
  const p = wallParts(ms, offsetMinutes);
  return `${String(p.year).padStart(4, '0')}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** +HHMM, or +HHMMSS for the odd historical offset with seconds. */
function formatOffset(minutes: number): string {
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const [h, m, s] = [
    Math.floor(totalSeconds / 3600),
    Math.floor((totalSeconds % 3600) / 60),
    totalSeconds % 60,
  ];
  return `${minutes < 0 ? '-' : '+'}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
