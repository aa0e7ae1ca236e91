import { DateTime } from 'luxon';
import type { AcrossYearsDaysResponse, AcrossYearsResponse } from '../../../contracts/journal.js';
import { yearlyDate } from '../../../domain/remembrance/index.js';
import { notFound } from '../../errors.js';
import type { AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { RemembranceServices } from '../remembrance/index.js';
import type { RitualsService } from '../rituals/index.js';
import type { TripsServices } from '../trips/index.js';
import { placeOf, type JournalService } from './journal.service.js';

interface Deps {
  journal: JournalService;
  lovedOnes: LovedOnesService;
  remembrance: RemembranceServices;
  rituals: RitualsService;
  trips: TripsServices;
}

/** Days that belong to a person's story; awareness weeks and trip moments are the calendar's. */
const PERSONAL_KINDS = new Set(['loss_anniversary', 'death_anniversary', 'due_date', 'birthday', 'custom']);
/** How far back a day is looked at: a grandparent's birthday may be a century old. */
const MAX_YEARS = 120;

/**
 * "<name>'s day across the years": for one remembrance day, year by year, what the reader may read
 * of what the family wrote for it, what they did (ritual marks that day) and where <name> was (a
 * trip covering that date with one of their keepsakes aboard). Only asked for, never pushed; a
 * member who hid it gets nothing back but that it is hidden.
 */
export function acrossYearsService({ journal, lovedOnes, remembrance, rituals, trips }: Deps) {
  return {
    async days(auth: AuthContext, lovedOneId: string): Promise<AcrossYearsDaysResponse> {
      await lovedOnes.get(auth, lovedOneId);
      const { acrossYearsHidden } = await journal.settingsOf(auth);
      if (acrossYearsHidden) return { hidden: true, days: [] };
      const days = (await remembrance.familyDays(auth.familyId)).filter(
        (d) => d.lovedOneId === lovedOneId && PERSONAL_KINDS.has(d.day.kind),
      );
      return {
        hidden: false,
        days: days.map((d) => ({ dayId: d.id, title: d.day.title, anchorDate: d.day.anchorDate })),
      };
    },

    async ofDay(auth: AuthContext, dayId: string): Promise<AcrossYearsResponse> {
      const found = (await remembrance.familyDays(auth.familyId)).find((d) => d.id === dayId);
      if (!found) throw notFound();
      const { day } = found;
      const lovedOne = found.lovedOneId ? (await lovedOnes.get(auth, found.lovedOneId)).lovedOne : null;
      const base = { title: day.title, lovedOneName: lovedOne?.name ?? null };
      if ((await journal.settingsOf(auth)).acrossYearsHidden) return { hidden: true, ...base, years: [] };

      const zone = await journal.familyZone(auth.familyId);
      const today = await journal.today(auth.familyId);
      const thisYear = Number(today.slice(0, 4));
      const anchorYear = Number(day.anchorDate.slice(0, 4));
      const dates =
        day.recurrence === 'once'
          ? [day.anchorDate]
          : Array.from({ length: Math.min(thisYear - anchorYear + 1, MAX_YEARS) }, (_, i) =>
              yearlyDate(day, thisYear - i),
            );
      const shown = dates.filter((d) => d >= day.anchorDate && d <= today);

      // A day of the whole family (no loved one) looks at every loved one's words, marks and trips.
      const people = lovedOne
        ? [{ id: lovedOne.id, keepsakes: (await lovedOnes.get(auth, lovedOne.id)).keepsakes }]
        : await Promise.all(
            (await lovedOnes.listOfFamily(auth.familyId)).map(async (l) => ({
              id: l.id,
              keepsakes: (await lovedOnes.get(auth, l.id)).keepsakes,
            })),
          );
      const lovedOneIds = people.map((p) => p.id);
      const keepsakeIds = new Set(people.flatMap((p) => p.keepsakes.map((k) => k.id)));

      const entries = await journal.onDates(auth, lovedOneIds, shown);
      const marks = (await Promise.all(lovedOneIds.map((id) => rituals.done(auth, id)))).flat();
      const markDate = (dueAt: string) => DateTime.fromISO(dueAt, { zone }).toISODate();
      const tripViews = (await trips.trips.listOfFamily(auth.familyId)).filter((v) =>
        v.keepsakes.some((k) => keepsakeIds.has(k.keepsakeId)),
      );

      const years = shown.map((date) => {
        const onTrips = tripViews.flatMap((view) => {
          const legs = view.legs.map((l) => l.leg);
          // The trip's own first and last days where given, else its legs' dates.
          const legDays = legs.flatMap((l) => [l.departureLocal, l.arrivalLocal ?? l.departureLocal]);
          const days = legDays.map((d) => d.slice(0, 10)).sort();
          const first = view.trip.startsOn ?? days[0];
          const last = view.trip.endsOn ?? days.at(-1);
          if (!first || !last || date < first || date > last) return [];
          // Where they were that day: the destination of the last leg begun by then, or, before the
          // first leg, where it leaves from.
          const begun = legs.filter((l) => l.departureLocal.slice(0, 10) <= date).at(-1);
          const before = legs[0];
          const places = begun
            ? [placeOf(begun.toPlace, begun.toCountry)]
            : before
              ? [placeOf(before.fromPlace, before.fromCountry)]
              : [];
          return [{ tripId: view.trip.id, name: view.trip.name, places }];
        });
        return {
          year: Number(date.slice(0, 4)),
          date,
          entries: entries.filter((e) => e.writtenFor === date),
          rituals: marks
            .filter((m) => markDate(m.dueAt) === date)
            .map((m) => ({ title: m.ritualTitle, tookPart: m.tookPart, line: m.line })),
          trips: onTrips,
        };
      });
      return {
        hidden: false,
        ...base,
        years: years.filter((y) => y.entries.length + y.rituals.length + y.trips.length > 0),
      };
    },
  };
}

export type AcrossYearsService = ReturnType<typeof acrossYearsService>;
