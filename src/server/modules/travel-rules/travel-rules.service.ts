import { DateTime } from 'luxon';
import type { TickRequirementBody, TripRulesResponse } from '../../../contracts/trip-rules.js';
import { evaluateTrip } from '../../../domain/travel-rules/index.js';
import { isoNow, type Clock } from '../../clock.js';
import { invalid } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { LovedOne, LovedOnesService } from '../loved-ones/index.js';
import type { TripsServices, TripView } from '../trips/index.js';
import type { TicksRepository } from './travel-rules.repository.js';
import { tripFacts } from './engine-input.js';
import { packetInput } from './packet.js';
import { renderPacket } from './packet.pdf.js';
import type { BabyRegistration } from './security-note.js';

export interface TravelRulesDeps {
  ticks: TicksRepository;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsServices['trips'];
}

/** A title as a stable, URL- and file-safe key part ("Death certificate" -> "death-certificate"). */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Where in the app a problem the rules engine names ("loved_one.birth_weight_g: …") is fixed. */
function whereToFix(path: string, name: string): string {
  const [field, index] = path.split('.');
  if (field === 'loved_one' || field === 'loved_ones') return `${name}'s details`;
  if (field === 'legs')
    return index === undefined ? 'the journey' : `part ${Number(index) + 1} of the journey`;
  if (field === 'collect_in') return 'the journey';
  if (field === 'keepsakes') return 'the keepsakes coming along';
  if (field === 'scatter' || field === 'purpose') return 'where you will scatter';
  return 'the trip';
}

/**
 * The rules could not read what is stored (a birth weight saved under an older bound): said kindly,
 * with what to change, rather than an empty answer that looks like "nothing applies".
 */
export function couldNotWorkOut(name: string, problems: readonly string[]): string {
  const fixes = problems.map((problem) => {
    const at = problem.indexOf(': ');
    if (at < 0) return problem;
    const what = problem.slice(at + 2).replace(/^Please /, 'please ');
    return `in ${whereToFix(problem.slice(0, at), name)}, ${what}`;
  });
  return `We couldn't work out what applies for carrying ${name} on this trip, because something saved doesn't fit what our rules can read. ${[...new Set(fixes)].map((fix) => fix.charAt(0).toUpperCase() + fix.slice(1)).join(' ')} Once that's changed, what applies will show here.`;
}

/** What a family needs to carry and know for a trip, per loved one, with their ticks. */
export function travelRulesService({ ticks, clock, accounts, lovedOnes, trips }: TravelRulesDeps) {
  async function familyFacts(auth: AuthContext): Promise<{ today: string; country: string | null }> {
    const { family } = await accounts.sessionView(auth);
    const today =
      DateTime.fromMillis(clock.now(), { zone: family.homeZone }).toISODate() ??
      new Date(clock.now()).toISOString().slice(0, 10);
    return { today, country: family.country };
  }

  async function answer(auth: AuthContext, view: TripView): Promise<TripRulesResponse> {
    const [lovedOneList, keepsakes, tickList, family] = await Promise.all([
      lovedOnes.list(auth),
      lovedOnes.listKeepsakes(auth),
      ticks.list(auth.familyId, view.trip.id),
      familyFacts(auth),
    ]);
    const ticked = new Map(tickList.map((t) => [t.key, t]));
    const tickFields = (key: string) => {
      const t = ticked.get(key);
      return {
        key,
        ticked: t !== undefined,
        tickedByName: t?.tickedByName ?? null,
        tickedAt: t?.tickedAt ?? null,
      };
    };

    const facts = tripFacts(view, lovedOneList, keepsakes, { country: family.country });
    const carrying = facts.map(({ lovedOne, keepsakeNames, input, problems }) => {
      const output = input ? evaluateTrip(input, { today: family.today }) : null;
      const summary = output?.summary[0] ?? null;
      return {
        lovedOneId: lovedOne.id,
        name: lovedOne.name,
        keepsakeNames,
        summary: summary && { text: summary.text, carry: summary.carry, notIssued: summary.not_issued },
        unavailable: problems.length > 0 ? couldNotWorkOut(lovedOne.name, problems) : null,
        questions: (output?.questions ?? []).map((q) => ({ field: q.field, message: q.message })),
        legs: (output?.legs ?? []).map((leg) => {
          const legId = view.legs[leg.index]!.leg.id;
          return {
            legId,
            index: leg.index,
            carriesAshes: leg.carries_ashes,
            requirements: leg.requirements.map((r) => ({
              id: r.id,
              severity: r.severity,
              title: r.title,
              detail: r.detail,
              sourceUrl: r.source_url,
              sourceDate: r.source_date,
              readOn: r.read_on,
              recheckedOn: r.rechecked_on,
              stale: r.stale,
              confidence: r.confidence,
              awaitingOfficial: r.awaiting_official,
              ruleIds: r.rule_ids,
              about: r.about,
              forThisFamily: r.for_this_family,
              ...tickFields(`${lovedOne.id}:${legId}:${r.id}`),
            })),
            gaps: leg.gaps,
            conflicts: leg.conflicts.map((c) => ({ message: c.message, ruleIds: c.rule_ids })),
            exceptions: leg.exceptions.map((e) => ({ message: e.message, ruleIds: e.rule_ids })),
          };
        }),
        documents: (output?.documents ?? []).map((d) => ({
          kind: d.key,
          title: d.title,
          detail: d.detail,
          askedBy: d.asked_by,
          sourceUrl: d.source_url,
          status: d.status,
          reason: d.reason,
          notRegistered: d.not_registered,
          registeredOn: d.registered_on,
          registrationOptional: d.registration_optional,
          reasonRegion: d.reason_region,
          instead: d.instead,
          ...tickFields(`${lovedOne.id}:documents:${slug(d.title)}`),
        })),
      };
    });
    return { carrying, checkedOn: family.today };
  }

  /** Babies on this trip for whom, the rules say, no death certificate exists (for the packet's note). */
  function withoutCertificate(rules: TripRulesResponse, lovedOneList: readonly LovedOne[]) {
    return rules.carrying.flatMap((c) => {
      const lovedOne = lovedOneList.find((l) => l.id === c.lovedOneId);
      const none = c.documents.find((d) => d.kind === 'death_certificate' && d.status === 'not_issued');
      // Where no cremation certificate is issued either, or one may not be (New Zealand before 20
      // weeks and under 400 g: ask the crematorium; review 27, finding 2), the note never speaks of
      // one (review 13, finding 8).
      const noCremationCertificate = c.documents.some(
        (d) =>
          d.kind === 'cremation_certificate' && (d.status === 'not_issued' || d.status === 'may_not_exist'),
      );
      // A baby registered by weight alone, weeks not given, still has the note's sentence (review 12).
      if (!lovedOne || !none || lovedOne.lossCountry === null) return [];
      const { gestationWeeks: weeks, lossCountry } = lovedOne;
      // Below the threshold the baby is not registered at all; past it (a UK stillbirth, a Texas
      // fetal death) the baby is registered on another paper, which the note names (review 11, 1).
      // Where registering is the parents' choice (Ireland), the family has not told us whether they
      // did, so the note never says they carry that paper (issue 7).
      const registration: BabyRegistration = none.notRegistered
        ? 'not_registered'
        : none.registeredOn !== null
          ? { on: none.registeredOn, optional: none.registrationOptional }
          : 'unsettled';
      return [
        {
          lovedOneId: c.lovedOneId,
          name: c.name,
          weeks,
          lossCountry,
          // A region's own threshold is said as the region's (review 17, finding 6).
          lossRegion: none.reasonRegion,
          registration,
          noCremationCertificate,
        },
      ];
    });
  }

  return {
    async forTrip(auth: AuthContext, tripId: string): Promise<{ view: TripView; rules: TripRulesResponse }> {
      const view = await trips.view(auth, tripId);
      return { view, rules: await answer(auth, view) };
    },

    /** Everything the travel packet prints. */
    async packet(auth: AuthContext, tripId: string) {
      const view = await trips.view(auth, tripId);
      const [rules, lovedOneList] = await Promise.all([answer(auth, view), lovedOnes.list(auth)]);
      return { view, rules, withoutCertificate: withoutCertificate(rules, lovedOneList) };
    },

    /** The travel packet as printed, for another module to keep (a family's archive). */
    async packetPdf(auth: AuthContext, tripId: string, paper: 'A4' | 'LETTER' = 'A4'): Promise<Buffer> {
      const facts = await this.packet(auth, tripId);
      return renderPacket(packetInput({ ...facts, shownName: undefined, paper }));
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
        await ticks.tick(auth.familyId, {
          id: newId(),
          tripId,
          key: body.key,
          tickedBy: auth.memberId,
          tickedAt: isoNow(clock),
        });
      } else {
        await ticks.untick(auth.familyId, tripId, body.key);
      }
      return answer(auth, view);
    },
  };
}

export type TravelRulesService = ReturnType<typeof travelRulesService>;
