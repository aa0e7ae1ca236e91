import { DateTime } from 'luxon';
import type { TickRequirementBody, TripRulesResponse } from '../../../contracts/trip-rules.js';
import { evaluateTrip } from '../../../domain/travel-rules/index.js';
import { isoNow } from '../../../db/dialect.js';
import type { Clock } from '../../clock.js';
import { invalid } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { TripsModule, TripView } from '../trips/index.js';
import type { TicksRepository } from './travel-rules.repository.js';
import { tripFacts } from './trip-facts.js';

export interface TravelRulesDeps {
  ticks: TicksRepository;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsModule['trips'];
}

/** A title as a stable, URL- and file-safe key part ("Death certificate" -> "death-certificate"). */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What a family needs to carry and know for a trip, per loved one, with their ticks. */
export function travelRulesService({ ticks, clock, accounts, lovedOnes, trips }: TravelRulesDeps) {
  async function today(auth: AuthContext): Promise<string> {
    const { family } = await accounts.sessionView(auth);
    return (
      DateTime.fromMillis(clock.now(), { zone: family.home_zone }).toISODate() ??
      new Date(clock.now()).toISOString().slice(0, 10)
    );
  }

  async function answer(auth: AuthContext, view: TripView): Promise<TripRulesResponse> {
    const [lovedOneRows, keepsakes, tickRows, checkedOn] = await Promise.all([
      lovedOnes.list(auth),
      lovedOnes.listKeepsakes(auth),
      ticks.list(auth.familyId, view.trip.id),
      today(auth),
    ]);
    const ticked = new Map(tickRows.map((t) => [t.key, t]));
    const tickFields = (key: string) => {
      const t = ticked.get(key);
      return {
        key,
        ticked: t !== undefined,
        tickedByName: t?.display_name ?? null,
        tickedAt: t?.ticked_at ?? null,
      };
    };
    const staleBefore = DateTime.fromISO(checkedOn).minus({ months: 12 }).toISODate() ?? checkedOn;

    const carrying = tripFacts(view, lovedOneRows, keepsakes).map(({ lovedOne, keepsakeNames, input }) => {
      const output = input ? evaluateTrip(input) : { legs: [], documents: [] };
      return {
        lovedOneId: lovedOne.id,
        name: lovedOne.name,
        keepsakeNames,
        legs: output.legs.map((leg) => {
          const legId = view.legs[leg.index]!.leg.id;
          return {
            legId,
            index: leg.index,
            requirements: leg.requirements.map((r) => ({
              id: r.id,
              severity: r.severity,
              title: r.title,
              detail: r.detail,
              sourceUrl: r.source_url,
              verifiedOn: r.verified_on,
              confidence: r.confidence,
              ruleIds: r.rule_ids,
              stale: r.verified_on < staleBefore,
              ...tickFields(`${lovedOne.id}:${legId}:${r.id}`),
            })),
            gaps: leg.gaps,
            conflicts: leg.conflicts.map((c) => ({ message: c.message, ruleIds: c.rule_ids })),
          };
        }),
        documents: output.documents.map((d) => ({
          title: d.title,
          detail: d.detail,
          sourceUrl: d.source_url,
          mayBeMissing: d.may_be_missing,
          instead: d.instead,
          ...tickFields(`${lovedOne.id}:documents:${slug(d.title)}`),
        })),
      };
    });
    return { carrying, checkedOn };
  }

  return {
    async forTrip(auth: AuthContext, tripId: string): Promise<{ view: TripView; rules: TripRulesResponse }> {
      const view = await trips.view(auth, tripId);
      return { view, rules: await answer(auth, view) };
    },

    async tick(auth: AuthContext, tripId: string, body: TickRequirementBody): Promise<TripRulesResponse> {
      const view = await trips.view(auth, tripId);
      const current = await answer(auth, view);
      const known = current.carrying.flatMap((c) => [
        ...c.legs.flatMap((l) => l.requirements.map((r) => r.key)),
        ...c.documents.map((d) => d.key),
      ]);
      if (!known.includes(body.key))
        throw invalid('key', 'That item is no longer on this trip. Please reload the page.');
      if (body.ticked) {
        await ticks.tick({
          id: newId(),
          family_id: auth.familyId,
          trip_id: tripId,
          key: body.key,
          ticked_by: auth.memberId,
          ticked_at: isoNow(clock),
        });
      } else {
        await ticks.untick(auth.familyId, tripId, body.key);
      }
      return answer(auth, view);
    },
  };
}

export type TravelRulesService = ReturnType<typeof travelRulesService>;
