import type {
  ScatterPlace,
  TravelBag,
  TravelContainer,
  TravelKeepsakeKind,
  TravelLovedOneInput,
  TravelLovedOneKind,
  TravelMode,
  TravelPurpose,
  TravelRulesInput,
} from '../../contracts/travel-rules.js';
import { ENTERED_WHEN_CHANGING_PLANES } from '../../contracts/trips.js';
import { crossesBorder } from './borders.js';
import { joinList } from './ordering.js';
import { journeyStart } from './passing-through.js';
import type { ScreeningBody } from './rule-schema.js';
import { screeningBodyFor } from './screening-bodies.js';

// What the engine knows about a trip, worked out once from the (already validated) input so that
// matching a rule is a plain lookup. Everything here comes from the input alone: no clock, no I/O,
// and nothing assumed that the family has not said (a baby's birth is never assumed either way).

export interface LovedOneFacts {
  /** As the family named them, or "your loved one" when the input gives no name. */
  name: string;
  named: boolean;
  kind: TravelLovedOneKind;
  gestationWeeks: number | null;
  /** true: born alive, however briefly; false: born without signs of life; null: not said. */
  bornAlive: boolean | null;
  birthWeightG: number | null;
  /**
   * Only when trying every answer the family might give (loss-paperwork.ts): the weight is known not
   * to be known, so a rule going by the weeks then holds and one going by the weight does not.
   */
  birthWeightUnknown?: true;
  /** Likewise for the weeks: known not to be known, so a rule going by the weight then holds. */
  gestationWeeksUnknown?: true;
  lossCountry: string | null;
  lossRegion: string | null;
  /** Where the cremation was, as the family said: a country, and a region when they said one. */
  cremationCountry: string | null;
  cremationRegion: string | null;
  /** The country whose national they were, as the family said; null when not said. */
  nationality: string | null;
  /**
   * A baby who may be one of twins or more: sharing an urn with another baby, or another baby of the
   * same loss (same country, state and weeks). Set by tripFacts (review 31, finding 5).
   */
  multiple?: true;
  /**
   * The other babies whose ashes the family put in the same urn as this one's: something they told
   * us, so a note on twins speaks of it rather than asking "if" (review 32, r32a).
   */
  sharesUrnWith?: readonly string[];
}

export interface KeepsakeFacts {
  /** How the answer names it: the family's name for it, or "Jack's ashes". */
  label: string;
  kind: TravelKeepsakeKind;
  container: TravelContainer;
  lovedOne: LovedOneFacts | null;
}

export interface ScatterFacts {
  country: string;
  region: string | null;
  /** null when the family has not said where (legacy trips that only say "scatter"). */
  place: ScatterPlace | null;
  site: string | null;
  ashesComeHome: boolean;
}

export interface LegFacts {
  index: number;
  mode: TravelMode;
  from: string;
  to: string;
  /**
   * Where the family sets off for this leg: `from`, or, after changing planes (or a port of call)
   * on the way, where that journey began (review 22, finding 2).
   */
  setsOffFrom: string;
  /**
   * Where the ashes set off for the journey this leg is part of: `setsOffFrom`, or, after passing
   * straight through a country on the way (a stopover in Paris, then the train to Germany), where
   * that journey began (passing-through.ts, journeyStart). A country's rule for ashes arriving from
   * somewhere (Germany's missions in the US: "shipping cremains to Germany") is judged by it, never
   * by the country where the family only changed planes (review 27, finding 1). Not set: `setsOffFrom`.
   */
  journeyFrom?: string;
  international: boolean;
  /**
   * The ashes arrive in `to` from abroad on this leg: it crosses a border, or it is the first leg
   * that sets them down in `to` after a journey from abroad that only changed planes airside or
   * called at a port on the way (a cruise calling at Victoria and ending in Vancouver brings them
   * into Canada at Vancouver; review 31, finding 2). A country's rules for arriving there (`to`)
   * are judged by it. Not set: `international`.
   */
  entersFromAbroad?: boolean;
  /**
   * The ashes do not enter `to`: the leg ends at an airside change of planes, or at a port of call
   * where they stay on board.
   */
  endsAtConnection: boolean;
  /** The family marked the leg as only changing planes (or a port of call), even where that enters. */
  markedConnection: boolean;
  /** The leg begins at an airside change of planes or a port of call. */
  departsFromConnection: boolean;
  /** The security body screening departures from `from` (air legs only); null when unknown. */
  screening: ScreeningBody | null;
  /** Upper-case carrier code, or null when the family did not say. */
  carrier: string | null;
  /**
   * The carrier as the family typed it: a ferry or train company we have no rule for is named so
   * ("aboard Irish Ferries", never "IRISH FERRIES"; review 23, finding 8).
   */
  carrierAsTyped?: string | null;
  bag: TravelBag | null;
  /** The leg on which the ashes reach the place where they are scattered. */
  reachesScattering: boolean;
  /**
   * All the ashes are scattered at sea in the waters of `from` on this sailing, before it leaves
   * them: they never leave `from` nor arrive in `to` (`scatteredBeforeLeaving`; review 33b, H2).
   */
  scatteredBeforeLeaving?: true;
  /** false after the ashes were scattered and none come home. */
  carriesAshes: boolean;
}

export interface TripFacts {
  /** Where the family lives, or, when nothing says, where the trip starts (for wording only). */
  home: string;
  /**
   * The family said where they live, or marked a leg as the way home. When false, a rule that
   * speaks only for families living somewhere (a consulate's list, "coming back to the UK") is not
   * applied on a guess: the unknown is named and the family asked.
   */
  homeKnown: boolean;
  /** Where the ashes set off on this trip: the first leg's start, or where they are collected. */
  tripOrigin: string;
  purpose: TravelPurpose;
  lovedOnes: LovedOneFacts[];
  keepsakes: KeepsakeFacts[];
  legs: LegFacts[];
  scatter: ScatterFacts | null;
  /** Where the family collects the ashes, travelling there without them; null when they set off with them. */
  collectIn?: string | null;
  /**
   * The first leg that carries the ashes: the first leaving `collectIn`, else 0. The legs before it
   * carry nothing, and say why (evaluate-trip.ts).
   */
  joinsAt?: number;
  /** Every country the trip arrives in (not where it only changes planes or calls at a port). */
  arrivals: ReadonlySet<string>;
}

/** Kinds of loved one who, by definition, were born alive. */
const BORN_ALIVE_KINDS: ReadonlySet<TravelLovedOneKind> = new Set(['infant', 'child', 'adult']);

function lovedOneFacts(input: TravelLovedOneInput, fallbackName: string): LovedOneFacts {
  return {
    name: input.name ?? fallbackName,
    named: input.name !== undefined,
    kind: input.kind,
    gestationWeeks: input.gestation_weeks ?? null,
    bornAlive: BORN_ALIVE_KINDS.has(input.kind) ? true : (input.born_alive ?? null),
    birthWeightG: input.birth_weight_g ?? null,
    // A region names its country (GB-ENG is in GB), as cremated_in does below: a family who said
    // England has said the United Kingdom too (review 21, finding 4).
    lossCountry: input.loss_country ?? input.loss_region?.slice(0, 2) ?? null,
    lossRegion: input.loss_region ?? null,
    cremationCountry: input.cremated_in?.slice(0, 2) ?? null,
    cremationRegion: input.cremated_in?.includes('-') ? input.cremated_in : null,
    nationality: input.nationality ?? null,
  };
}

/**
 * Babies who may be twins or more (review 31, finding 5: one urn held Ola and Ela, both 21 weeks,
 * and Ireland's note on a multiple pregnancy was never said): two babies sharing one urn, or of the
 * same loss (same country, state and weeks, all said).
 */
function markMultiples(lovedOnes: LovedOneFacts[], keepsakes: TravelRulesInput['keepsakes']): void {
  const babies = lovedOnes.filter((lovedOne) => lovedOne.kind === 'pregnancy_loss');
  const shareUrn = (a: LovedOneFacts, b: LovedOneFacts) =>
    keepsakes.some(
      (k) => Array.isArray(k.loved_one) && k.loved_one.includes(a.name) && k.loved_one.includes(b.name),
    );
  const sameLoss = (a: LovedOneFacts, b: LovedOneFacts) =>
    a.lossCountry !== null &&
    a.gestationWeeks !== null &&
    a.lossCountry === b.lossCountry &&
    a.lossRegion === b.lossRegion &&
    a.gestationWeeks === b.gestationWeeks;
  for (const baby of babies) {
    if (babies.some((other) => other !== baby && (shareUrn(baby, other) || sameLoss(baby, other))))
      baby.multiple = true;
    const urnmates = babies.filter((other) => other !== baby && shareUrn(baby, other));
    if (urnmates.length > 0) baby.sharesUrnWith = urnmates.map((other) => other.name);
  }
}

const KIND_WORDS: Readonly<Record<TravelKeepsakeKind, string>> = {
  ashes: 'ashes',
  jewellery: 'keepsake jewellery',
  memory_box: 'memory box',
  blanket: 'blanket',
  other: 'keepsake',
};

export function tripFacts(input: TravelRulesInput): TripFacts {
  const lovedOneInputs = input.loved_ones ?? (input.loved_one ? [input.loved_one] : []);
  const lovedOnes = lovedOneInputs.map((lovedOne, index) =>
    lovedOneFacts(lovedOne, lovedOneInputs.length === 1 ? 'your loved one' : `loved one ${index + 1}`),
  );
  const byName = new Map(lovedOnes.map((lovedOne) => [lovedOne.name, lovedOne]));
  // An urn holding more than one loved one's ashes (twins cremated together) is matched once for
  // each of them, under one label, so each has their own papers (review 23, finding 8).
  const keepsakes = input.keepsakes.flatMap((keepsake, index): KeepsakeFacts[] => {
    const whose = keepsake.loved_one;
    const owners: (LovedOneFacts | null)[] =
      whose !== undefined
        ? [...new Set(typeof whose === 'string' ? [whose] : whose)].map((name) => byName.get(name) ?? null)
        : [lovedOnes.length === 1 ? lovedOnes[0]! : null];
    const named = owners.every((owner) => owner?.named === true);
    const label =
      keepsake.name ??
      (named
        ? `${joinList(owners.map((owner) => owner!.name))}’s ${KIND_WORDS[keepsake.kind]}`
        : `keepsake ${index + 1} (${KIND_WORDS[keepsake.kind]})`);
    return owners.map((lovedOne) => ({
      label,
      kind: keepsake.kind,
      container: keepsake.container,
      lovedOne,
    }));
  });

  markMultiples(lovedOnes, input.keepsakes);

  const home = homeOf(input);
  const purpose: TravelPurpose = input.purpose ?? (input.scatter ? 'scatter' : 'carry');
  const scatter = purpose === 'scatter' ? scatterFacts(input, home) : null;
  const stages = scatter ? scatteringStages(input, scatter.country, home) : null;

  // The ashes join the trip on the first leg leaving the country where they are collected.
  const collectIn = input.collect_in ?? null;
  const joinsAt =
    collectIn === null
      ? 0
      : Math.max(
          0,
          input.legs.findIndex((leg) => leg.from === collectIn),
        );
  // A family flying out to collect the ashes: the ashes' trip starts there, not at home (review
  // 31: a German family collecting Opa's urn in Austria brings ashes into Germany from outside).
  const tripOrigin = input.legs[joinsAt]!.from;
  const legs = input.legs.map((leg, index): LegFacts => {
    const previous = index > 0 ? input.legs[index - 1] : undefined;
    let start = index;
    while (start > 0 && input.legs[start - 1]!.connection === true) start -= 1;
    // Where the ashes last came ashore before this leg: walking back over the legs they stayed
    // airside or aboard on (not a change of planes in a country where every arrival is entered).
    let ashore = index;
    while (ashore > 0 && endsAtConnection(input.legs[ashore - 1]!)) ashore -= 1;
    const scatteredFirst =
      stages !== null && index === stages.reaches && scatteredBeforeLeaving(leg, scatter);
    // Scattered before the ship leaves the waters it sets off in, the ashes cross no border on it.
    const international = crossesBorder(leg.from, leg.to) && !scatteredFirst;
    return {
      index,
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
      setsOffFrom: input.legs[start]!.from,
      international,
      entersFromAbroad:
        !endsAtConnection(leg) &&
        !scatteredFirst &&
        (international || crossesBorder(input.legs[ashore]!.from, leg.to)),
      endsAtConnection: endsAtConnection(leg),
      markedConnection: leg.connection === true,
      departsFromConnection: previous?.connection === true,
      screening: leg.mode === 'air' ? screeningBodyFor(leg.from) : null,
      carrier: leg.carrier ? leg.carrier.trim().toUpperCase() : null,
      carrierAsTyped: leg.carrier ? leg.carrier.trim() : null,
      bag: leg.bag ?? null,
      reachesScattering: stages !== null && index === stages.reaches,
      ...(scatteredFirst && { scatteredBeforeLeaving: true as const }),
      carriesAshes:
        index >= joinsAt && !(scatter && !scatter.ashesComeHome && stages !== null && index >= stages.leaves),
    };
  });
  const arrivals = new Set(legs.filter((leg) => !leg.endsAtConnection).map((leg) => leg.to));
  const homeKnown = input.home_country !== undefined || input.legs.some((leg) => leg.way_home === true);
  const facts: TripFacts = {
    home,
    homeKnown,
    tripOrigin,
    purpose,
    lovedOnes,
    keepsakes,
    legs,
    scatter,
    collectIn,
    joinsAt,
    arrivals,
  };
  for (const leg of legs) leg.journeyFrom = journeyStart(facts, leg);
  return facts;
}

/** The ashes arrive in the leg's `to` from abroad (`entersFromAbroad`), and go ashore there. */
export const arrivesFromAbroad = (leg: LegFacts): boolean =>
  !leg.endsAtConnection && (leg.entersFromAbroad ?? leg.international);

/** The ashes do not enter the leg's `to`: an airside change of planes, or a port of call. */
const endsAtConnection = (leg: TravelRulesInput['legs'][number]): boolean =>
  leg.connection === true && !ENTERED_WHEN_CHANGING_PLANES.has(leg.to);

/**
 * The family's home: as they said; else, where a leg is marked as the way home, where the trip ends
 * (a flight home from Spain to the UK says the family lives in the UK); else where the trip starts,
 * which is only a guess: `homeKnown` is then false, and it is used for wording, never for a rule.
 */
export function homeOf(input: Pick<TravelRulesInput, 'home_country' | 'legs'>): string {
  if (input.home_country) return input.home_country;
  if (input.legs.some((leg) => leg.way_home === true)) return input.legs[input.legs.length - 1]!.to;
  return input.legs[0]!.from;
}

/** Where scattering happens: as the family said, or else the trip's first destination away from home. */
function scatterFacts(input: TravelRulesInput, home: string): ScatterFacts {
  if (input.scatter) {
    return {
      country: input.scatter.country,
      region: input.scatter.region ?? null,
      place: input.scatter.place,
      site: input.scatter.site ?? null,
      ashesComeHome: input.scatter.ashes_come_home ?? true,
    };
  }
  const away = input.legs.find((leg) => !leg.connection && leg.to !== home);
  return {
    country: (away ?? input.legs[0]!).to,
    region: null,
    place: null,
    site: null,
    ashesComeHome: true,
  };
}

/**
 * All the ashes are scattered at sea in the waters of the country a sailing sets off from, before it
 * leaves them (a Cunard crossing from Southampton to Hamburg, scattering off England; the ferry from
 * Rosslare to Cherbourg, scattering in Irish waters): they never leave that country nor reach the
 * next, so neither one's rules for leaving or entering are theirs. Where some come home (or go on),
 * the rest do cross, and those rules stay (review 33b, H2).
 */
function scatteredBeforeLeaving(
  leg: Pick<TravelRulesInput['legs'][number], 'from' | 'to' | 'mode'>,
  scatter: ScatterFacts | null,
): boolean {
  return (
    scatter !== null &&
    scatter.place === 'sea' &&
    !scatter.ashesComeHome &&
    leg.mode === 'sea' &&
    leg.from === scatter.country &&
    leg.to !== scatter.country
  );
}

/**
 * Whether a leg brings the ashes to the country where they are scattered. A port of call counts
 * only for scattering at sea: the ashes stay aboard, and a cruise scatters from the ship in that
 * country's waters (Bermuda, on a cruise from New York); on land they would have to go ashore.
 */
export function bringsToScattering(
  leg: Pick<TravelRulesInput['legs'][number], 'to' | 'mode' | 'connection'>,
  country: string,
  place: string | undefined,
): boolean {
  if (leg.to !== country) return false;
  return !leg.connection || (leg.mode === 'sea' && place === 'sea');
}

/**
 * When the ashes reach the place of scattering, and when the family sets off without them.
 * They are carried until the first leg that leaves the scattering country after the trip's last
 * arrival there before the way home (the first leg the family marked `way_home`), or else until
 * that way home (a drive on to Scotland or to a park still carries them). `reaches` is the last
 * leg before that: the one that brings them to the place. A trip that starts in the scattering
 * country and first goes abroad reaches it again on the leg that comes back. A trip that never
 * leaves the scattering country, with no leg marked, carries them throughout: we cannot tell which
 * leg is the way home, and listing a rule too many is safer than one too few.
 */
export function scatteringStages(
  input: TravelRulesInput,
  country: string,
  home: string,
): { reaches: number; leaves: number } {
  const legs = input.legs;
  // Scattering at sea from a ship (a cruise, often reached by a flight to the port) happens aboard,
  // on the first sailing in that country's waters: its rules are said on that sailing, so it is the
  // scattering's leg. Ashes that do not come home are not carried after it, on the later sailings
  // of a round trip or ashore (review 20, finding 2: a cruise from Florida to Mexico and back was
  // told both that Grandpa was scattered and that his urn stays on board and arrives in the US).
  if (input.scatter?.place === 'sea') {
    const ship = legs.findIndex((leg) => leg.mode === 'sea' && (leg.from === country || leg.to === country));
    if (ship >= 0) {
      const sailing = cruiseBackInto(legs, ship, country);
      return { reaches: sailing, leaves: sailing + 1 };
    }
  }
  // A trip from home that goes abroad first and comes back to scatter (a US family in Canada,
  // scattering off the US coast on the way back) reaches the place on the leg that comes back.
  const place = input.scatter?.place;
  const backLater = legs.findIndex((leg, index) => index > 0 && bringsToScattering(leg, country, place));
  const goesAbroadFirst = legs[0]!.to !== country && backLater > 0;
  const alreadyThere = home === country && legs[0]!.from === country && !goesAbroadFirst;
  const arrival = alreadyThere ? 0 : legs.findIndex((leg) => bringsToScattering(leg, country, place));
  if (arrival < 0) return { reaches: -1, leaves: legs.length };
  const marked = legs.findIndex((leg, index) => index > arrival && leg.way_home === true);
  // The ashes are scattered on the last stay in the country before the way home (carried as long as
  // the trip may still bring them there), and are left behind on the first leg out of it after that,
  // even when the way home sets off from somewhere else: scattered in Scotland, then the ferry to
  // Ireland and the flight home from Dublin carry nothing (review 31, finding 1).
  const end = marked >= 0 ? marked : legs.length;
  let lastStay = arrival;
  for (let index = arrival + 1; index < end; index++) {
    if (legs[index]!.from !== country && bringsToScattering(legs[index]!, country, place)) lastStay = index;
  }
  const departs = legs.findIndex(
    (leg, index) => index > lastStay && index <= end && leg.from === country && leg.to !== country,
  );
  const leaves = departs >= 0 ? departs : end;
  return { reaches: alreadyThere && marked < 0 && departs < 0 ? 0 : leaves - 1, leaves };
}

/**
 * The sailing on which ashes are scattered in a country's waters, from the first sailing that
 * touches them. A sailing out of that country to a port of call abroad is not it when the same
 * cruise sails back into its waters later: the ashes are still aboard at the port of call (Seattle,
 * calling at Victoria, then off Alaska; Miami, calling in the Bahamas, then back off Florida), so
 * they are carried until the first sailing back into the country's waters (review 32, r32b finding 4).
 */
function cruiseBackInto(legs: TravelRulesInput['legs'], ship: number, country: string): number {
  const first = legs[ship]!;
  if (first.to === country || first.connection !== true) return ship;
  for (let index = ship + 1; index < legs.length && legs[index]!.mode === 'sea'; index++) {
    if (legs[index]!.to === country) return index;
    if (legs[index]!.connection !== true) break;
  }
  return ship;
}
