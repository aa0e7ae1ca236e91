import { awarenessDaysFor, possessive, tripMoments } from '../../../domain/remembrance/index.js';
import type { LovedOne } from '../loved-ones/index.js';
import type { TripView } from '../trips/index.js';
import type { DesiredDay } from './days.js';

const none = { lovedOneId: null, tripId: null };

/** The days a loved one's own dates bring: the anniversary of the loss, the due date, a birthday. */
function lovedOneDays(lovedOne: LovedOne, zone: string): DesiredDay[] {
  const days: DesiredDay[] = [];
  const link = { lovedOneId: lovedOne.id, tripId: null };
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
  add('loss', 'loss_anniversary', lovedOne.dateOfLoss, `Remembering ${name}`);
  add('due', 'due_date', lovedOne.dueDate, `${possessive(name)} due date`);
  add('birthday', 'birthday', lovedOne.dateOfBirth, `${possessive(name)} birthday`);
  if (lovedOne.dateOfDeath !== lovedOne.dateOfLoss)
    add('death', 'death_anniversary', lovedOne.dateOfDeath, `Remembering ${name}`);
  return days;
}

/**
 * The country a family's awareness days come from when they have not chosen one in Settings: where
 * their loved ones died, as typed on the loved one's page (the most named, and the first named on a
 * tie). Sign-up never asks, and a family should not miss their days for that; Settings can change it.
 */
export function inferredCountry(lovedOnes: readonly Pick<LovedOne, 'lossCountry'>[]): string | null {
  const counts = new Map<string, number>();
  for (const { lossCountry: country } of lovedOnes)
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  let best: string | null = null;
  for (const [country, count] of counts) if (best === null || count > counts.get(best)!) best = country;
  return best;
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
  lovedOnes: LovedOne[];
  trips: TripView[];
}): DesiredDay[] {
  const days: DesiredDay[] = input.lovedOnes.flatMap((l) => lovedOneDays(l, input.zone));
  const country = input.country ?? inferredCountry(input.lovedOnes);
  if (country) {
    const losses = input.lovedOnes.map((l) => l.kind);
    days.push(
      ...awarenessDaysFor(country, input.zone, { keyPrefix: `family:${input.familyId}`, losses }).map(
        (d) => ({ ...d, ...none }),
      ),
    );
  }
  for (const view of input.trips) {
    const moments = tripMoments({
      tripId: view.trip.id,
      tripName: view.trip.name,
      legs: view.legs.map(({ leg }, index) => ({
        id: leg.id,
        index,
        departureLocal: leg.departureLocal,
        departureZone: leg.departureZone,
        isReturn: leg.isReturn,
        mode: leg.mode,
        ...(leg.label !== null && { label: leg.label }),
      })),
      keepsakeNames: view.keepsakes.map((k) => k.keepsakeName),
    });
    for (const moment of moments) {
      const { moment: _kind, tripId: _trip, legId: _leg, ...day } = moment;
      days.push({ ...day, lovedOneId: null, tripId: view.trip.id });
    }
  }
  return days;
}
