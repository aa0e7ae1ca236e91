import { awarenessDaysFor, possessive, tripMoments } from '../../../domain/remembrance/index.js';
import { legModes } from '../../../contracts/trips.js';
import type { Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { TripView } from '../trips/index.js';
import type { DesiredDay } from './day-rows.js';

const none = { loved_one_id: null, trip_id: null };

/** The days a loved one's own dates bring: the anniversary of the loss, the due date, a birthday. */
function lovedOneDays(lovedOne: Row<'loved_ones'>, zone: string): DesiredDay[] {
  const days: DesiredDay[] = [];
  const link = { loved_one_id: lovedOne.id, trip_id: null };
  const add = (suffix: string, kind: DesiredDay['kind'], date: string | null, title: string) => {
    if (date)
      days.push({
        ...link,
        key: `loved-one:${lovedOne.id}:${suffix}`,
        kind,
        title,
        anchorDate: date,
        recurrence: 'yearly',
        zone,
      });
  };
  const name = lovedOne.name;
  add('loss', 'loss_anniversary', lovedOne.date_of_loss, `Remembering ${name}`);
  add('due', 'due_date', lovedOne.due_date, `${possessive(name)} due date`);
  add('birthday', 'birthday', lovedOne.date_of_birth, `${possessive(name)} birthday`);
  if (lovedOne.date_of_death !== lovedOne.date_of_loss)
    add('death', 'death_anniversary', lovedOne.date_of_death, `Remembering ${name}`);
  return days;
}

/**
 * Every day the family's own data implies: its loved ones' days, the awareness days of its country
 * (from the sourced research data), and the moments of its trips. Custom days are stored as the
 * family made them and are not part of this list.
 */
export function familyDays(input: {
  familyId: string;
  zone: string;
  country: string | null;
  lovedOnes: Row<'loved_ones'>[];
  trips: TripView[];
}): DesiredDay[] {
  const days: DesiredDay[] = input.lovedOnes.flatMap((l) => lovedOneDays(l, input.zone));
  if (input.country) {
    days.push(
      ...awarenessDaysFor(input.country, input.zone, { keyPrefix: `family:${input.familyId}` }).map((d) => ({
        ...d,
        ...none,
      })),
    );
  }
  for (const view of input.trips) {
    const moments = tripMoments({
      tripId: view.trip.id,
      tripName: view.trip.name,
      legs: view.legs.map(({ leg }, index) => ({
        id: leg.id,
        index,
        departureLocal: leg.departure_local,
        departureZone: leg.departure_zone,
        isReturn: leg.is_return === 1,
        mode: storedEnum(legModes, leg.mode, 'trip_legs.mode'),
        ...(leg.label !== null && { label: leg.label }),
      })),
      keepsakeNames: view.keepsakes.map((k) => k.keepsake_name),
    });
    for (const moment of moments) {
      const { moment: _kind, tripId: _trip, legId: _leg, ...day } = moment;
      days.push({ ...day, loved_one_id: null, trip_id: view.trip.id });
    }
  }
  return days;
}
