import type { Ritual, RitualWhen } from '../../../contracts/rituals.js';
import { formatDate } from '../../lib/format.js';

/** How each kind of "when" reads in the form and the list. */
export const whenWords: Record<RitualWhen, string> = {
  schedule: 'On a day, or every year, month or week',
  arrival: 'When we arrive somewhere on a trip',
  evening_before: 'The evening before we leave on a trip',
  first_night_home: 'Our first night home after a trip',
};

const repeatWords = {
  yearly: 'Every year',
  monthly: 'Every month',
  weekly: 'Every week',
  once: 'Once',
} as const;

/** "Every year from Tue 1 July 2026, at 19:00", or the trip event. */
export function whenLine(ritual: Ritual): string {
  if (ritual.when !== 'schedule' || !ritual.repeat || !ritual.date) return whenWords[ritual.when];
  const from = formatDate(ritual.date, { weekday: true });
  const at = ritual.time ? `, at ${ritual.time}` : '';
  return ritual.repeat === 'once' ? `On ${from}${at}` : `${repeatWords[ritual.repeat]}, from ${from}${at}`;
}

/** "Remind us", as the list says it; nothing when the ritual asked for no reminder. */
export function remindLine(ritual: Ritual): string | null {
  if (ritual.remind === 'hour_before') return 'We are reminded an hour before.';
  if (ritual.remind === 'at_time') return 'We are reminded when it comes round.';
  return null;
}
