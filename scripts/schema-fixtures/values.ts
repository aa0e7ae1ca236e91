import { inviteRoles } from '../../src/contracts/family.js';
import { entryKinds } from '../../src/contracts/journal.js';
import { containerMaterials, keepsakeKinds, lovedOneKinds } from '../../src/contracts/loved-ones.js';
import { mediaKinds } from '../../src/contracts/media.js';
import { bookStates, paperSizes } from '../../src/contracts/memorial-book.js';
import { memoryItemKinds } from '../../src/contracts/memory-box.js';
import { roles } from '../../src/contracts/permissions.js';
import { dayKinds, dayRecurrences, leads } from '../../src/contracts/remembrance.js';
import { ritualOutcomes, ritualReminds, ritualWhens } from '../../src/contracts/rituals.js';
import { replyStatuses, supporterStatuses } from '../../src/contracts/supporters.js';
import { tributeBackgrounds, tributeWordings } from '../../src/contracts/tributes.js';
import {
  bags,
  checkKinds,
  checklistScopes,
  legModes,
  purposes,
  scatterPlaces,
} from '../../src/contracts/trip-vocabulary.js';

/**
 * The values the app stores in columns that hold one of a few words (as the contracts list them),
 * or text in a shape of its own. A fixture row takes the first, the edge row the last, the empty
 * row the second. Keys are `table.column`; rows.ts fails if one names a column that does not exist.
 */
export const knownValues: Record<string, readonly string[]> = {
  'memberships.role': roles,
  'invites.role': inviteRoles,
  'loved_ones.kind': lovedOneKinds,
  // A country code, as the `_country` columns hold (rows.ts), though its name does not say so.
  'loved_ones.nationality': ['PT', 'GB', 'NZ'],
  'keepsakes.kind': keepsakeKinds,
  'keepsakes.container': containerMaterials,
  'media.kind': mediaKinds,
  'memorial_books.paper': paperSizes,
  'memorial_books.state': bookStates,
  'memory_box_items.kind': memoryItemKinds,
  'journal_entries.kind': entryKinds,
  'remembrance_days.kind': dayKinds,
  'remembrance_days.recurrence': dayRecurrences,
  'reminder_preferences.day_kind': dayKinds,
  'reminder_preferences.leads': ['on_day', leads.join(',')],
  'reminder_preferences.remind_at': ['09:00', '23:59'],
  'reminder_preferences.quiet_start': ['21:00', '00:00'],
  'reminder_preferences.quiet_end': ['07:00', '23:59'],
  'reminders.lead': leads,
  'rituals.trigger': ritualWhens,
  'rituals.rrule': ['FREQ=YEARLY', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
  'rituals.dtstart_local': ['2026-09-01T19:00', '2024-02-29T23:59'],
  'rituals.remind': ritualReminds,
  'ritual_marks.outcome': ritualOutcomes,
  'supporters.status': supporterStatuses,
  'supporter_replies.status': replyStatuses,
  'tributes.background': tributeBackgrounds,
  'tributes.wording': tributeWordings,
  'trips.purpose': purposes,
  'trips.scatter_place': scatterPlaces,
  // A country code, as the `_country` columns hold (rows.ts), though its name does not say so.
  'trips.collect_in': ['SG', 'DE', 'NZ'],
  'trip_legs.mode': legModes,
  'trip_legs.bag': bags,
  'trip_legs.departure_local': ['2026-07-01T08:30', '2024-02-29T23:59'],
  'trip_legs.arrival_local': ['2026-07-01T11:45', '2024-03-01T00:15'],
  'leg_checks.kind': checkKinds,
  'checklist_items.scope': checklistScopes,
  'remembrance_days.start_time': ['19:00', '23:59'],
  'jobs.state': ['queued', 'running', 'done'],
  'jobs.payload': ['{}', '{"familyId":"Zoë 🕯️","note":"\\u0000 stays escaped"}'],
};

/** The value for a row of this kind, if the column is one of the above. */
export function knownValue(
  table: string,
  column: string,
  kind: 'everyday' | 'edge' | 'empty',
): string | undefined {
  const values = knownValues[`${table}.${column}`];
  if (!values) return undefined;
  return kind === 'everyday' ? values[0] : kind === 'edge' ? values.at(-1) : values[1 % values.length];
}
