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
    default:
      return { title: `${day.title} is ${when}`, body: [`${date}.`, day.note].filter(Boolean).join(' ') };
  }
}
