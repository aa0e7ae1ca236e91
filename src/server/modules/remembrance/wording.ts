import {
  describeUpcoming,
  inWords,
  possessive,
  timeSince,
  type Day,
} from '../../../domain/remembrance/index.js';

// The words of a reminder, in the app and by e-mail: the way a kind friend would say it.
// "Jack's day is next Tuesday", "Would have turned two", never "Happy birthday!".

// One formatter for all: making an Intl.DateTimeFormat costs more than a whole reminder otherwise.
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const longDate = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));

export interface ReminderWords {
  title: string;
  body: string;
}

export function reminderWords(input: {
  day: Day;
  lovedOneName: string | null;
  occurrenceDate: string;
  today: string;
}): ReminderWords {
  const { day, lovedOneName: name, occurrenceDate, today } = input;
  const when = describeUpcoming(occurrenceDate, today);
  const at = day.startTime ? ` at ${day.startTime}` : '';
  const date = `${longDate(occurrenceDate)}${at}`;
  const years = timeSince(day.anchorDate, occurrenceDate).years;

  switch (day.kind) {
    case 'loss_anniversary':
    case 'death_anniversary':
      return {
        title: name ? `${possessive(name)} day is ${when}` : `${day.title} is ${when}`,
        body: years > 0 ? `${date}. It will be ${inWords(years)} year${years === 1 ? '' : 's'}.` : `${date}.`,
      };
    case 'birthday':
      return {
        title: `${day.title} is ${when}`,
        body: years > 0 ? `${date}. Would have turned ${inWords(years)}.` : `${date}.`,
      };
    case 'trip_moment':
      return { title: day.title, body: [date, day.note].filter(Boolean).join('. ') + '.' };
    case 'ritual':
      return ritualWords(day, date, occurrenceDate === today);
    default:
      return { title: `${day.title} is ${when}`, body: [`${date}.`, day.note].filter(Boolean).join(' ') };
  }
}

/**
 * A ritual's reminder, which the family asked for: what it is and what to do, said once. Never how
 * often it was missed, never "don't forget"; "not today" is always on its card.
 */
function ritualWords(day: Day, date: string, today: boolean): ReminderWords {
  const whatToDo = day.note ? sentence(day.note) : '';
  if (!day.remindMinutesBefore)
    return { title: `It’s time for ${day.title}`, body: whatToDo || (today ? '' : `${date}.`) };
  const at = today ? `at ${day.startTime}` : `on ${date}`;
  return {
    title: `${day.title} is in ${day.remindMinutesBefore === 60 ? 'an hour' : `${day.remindMinutesBefore} minutes`}`,
    body: [`It comes round ${at}.`, whatToDo].filter(Boolean).join(' '),
  };
}

/** What to do as a sentence: a capital to begin, a full stop to end. */
const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
};
