// The remembrance domain: days that matter, when they come round, when to remind, the awareness
// days we have sources for, the moments a trip adds, and the iCalendar feed. Pure: time always
// comes in as an argument, zones are always named. Policies are listed in README.md.

export {
  daySchema,
  leadSchema,
  weekdayRuleSchema,
  localDateSchema,
  clockTimeSchema,
  zoneSchema,
  isTimed,
  dayKinds,
  leads,
  dayRecurrences,
  recurrences,
  type Day,
  type DayKind,
  type Lead,
  type WeekdayRule,
} from './day.js';
export {
  LEAP_DAY_IN_COMMON_YEARS,
  occurrencesBetween,
  occurrenceDatesFrom,
  yearlyDate,
  monthlyDate,
  type Occurrence,
} from './occurrences.js';
export {
  describeUpcoming,
  relativeDay,
  dayIsPhrase,
  possessive,
  timeSince,
  inWords,
  type RelativeDay,
} from './describe.js';
export {
  nextDueInstant,
  rawDueInstant,
  TIMED_ON_DAY_LEAD_MINUTES,
  leadsForDay,
  onDayLeadMinutes,
  type NextDueInput,
  type NextDue,
} from './reminders.js';
export { afterQuietHours, type QuietHours } from './quiet-hours.js';
export { reminderKey, messageIdFor, fnv1a64 } from './reminder-keys.js';
export {
  awarenessDaysFor,
  awarenessEntries,
  awarenessEntrySchema,
  AWARENESS_FIRST_YEAR,
  type AwarenessEntry,
} from './awareness.js';
export {
  tripMoments,
  tripLegSchema,
  joinNames,
  PACK_EVENING_TIME,
  BEFORE_FLIGHT_MINUTES,
  BEFORE_OTHER_MINUTES,
  MOMENT_MINUTES,
  type TripLeg,
  type TripMoment,
  type TripMomentKind,
} from './trip-moments.js';
export {
  buildCalendarFeed,
  DEFAULT_ALARM_TIME,
  DEFAULT_TIMED_MINUTES,
  DISCREET_TITLE,
  VTIMEZONE_YEARS_AHEAD,
  type CalendarFeedInput,
} from './feed/calendar-feed.js';
export { buildVtimezone } from './feed/vtimezone.js';
export { localToInstant, instantToLocal, isValidZone } from './zoned-time.js';
