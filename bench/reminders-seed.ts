import { nextDueInstant, type Day } from '../src/domain/remembrance/index.js';

// The data set for `npm run bench:reminders`: 1,000,000 remembrance days with one reminder each,
// spread over every IANA zone this runtime knows (418 here), plus a Wave-of-Light burst of 100,000
// reminders due at one instant (real families cluster in a few zones; the burst is the worst case).

export interface ReminderData {
  families: number;
  days: Array<{
    id: string;
    family: number;
    title: string;
    anchor: string;
    startTime: string | null;
    zone: string;
  }>;
  reminders: Array<{ id: string; day: number; nextDue: number; occurrence: string }>;
  zones: number;
  burstAt: number;
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const uuidLike = (prefix: number, n: number) =>
  `00000000-0000-7000-${pad(prefix)}00-${n.toString(16).padStart(12, '0')}`;

export function reminderData(input: {
  total: number;
  burst: number;
  families: number;
  burstAt: number;
}): ReminderData {
  const next = random(42);
  const zones = Intl.supportedValuesOf('timeZone');
  const days: ReminderData['days'] = [];
  const reminders: ReminderData['reminders'] = [];
  for (let i = 0; i < input.total; i++) {
    const family = i % input.families;
    const inBurst = i < input.burst;
    const zone = inBurst ? 'Europe/London' : zones[Math.floor(next() * zones.length)]!;
    const year = 2010 + Math.floor(next() * 15);
    const month = 1 + Math.floor(next() * 12);
    const leap = year % 4 === 0; // 2010–2024 has no century years
    const dayOfMonth = 1 + Math.floor(next() * (month === 2 ? (leap ? 29 : 28) : 28)); // 29 Feb included
    const anchor = inBurst ? '2020-10-15' : `${year}-${pad(month)}-${pad(dayOfMonth)}`;
    const startTime = inBurst ? '19:00' : null;
    days.push({
      id: uuidLike(1, i),
      family,
      title: inBurst ? 'Wave of Light' : `Day ${i}`,
      anchor,
      startTime,
      zone,
    });
    if (inBurst) {
      reminders.push({ id: uuidLike(2, i), day: i, nextDue: input.burstAt, occurrence: '2027-10-15' });
      continue;
    }
    const day: Day = {
      key: `d${i}`,
      kind: 'custom',
      title: 'x',
      anchorDate: anchor,
      recurrence: 'yearly',
      zone,
    };
    const due = nextDueInstant({
      day,
      lead: 'on_day',
      remindAt:
        next() < 0.7 ? '09:00' : `${pad(7 + Math.floor(next() * 14))}:${pad(15 * Math.floor(next() * 4))}`,
      zone,
      after: input.burstAt,
    });
    reminders.push({ id: uuidLike(2, i), day: i, nextDue: due!.dueUtcMs, occurrence: due!.occurrenceDate });
  }
  return {
    families: input.families,
    days,
    reminders,
    zones: new Set(days.map((d) => d.zone)).size,
    burstAt: input.burstAt,
  };
}
