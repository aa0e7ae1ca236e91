import { countryPhrase } from '../../../contracts/country-names.js';
import type { TravelRulesInput } from '../../../contracts/travel-rules.js';
import { travelRulesInputSchema } from '../../../contracts/travel-rules.js';
import type { Keepsake, LovedOne } from '../loved-ones/index.js';
import type { TripView } from '../trips/index.js';

export interface LovedOneOnTrip {
  lovedOne: LovedOne;
  keepsakeNames: string[];
  /** null while the trip has no legs yet, or when the engine cannot take what is stored. */
  input: TravelRulesInput | null;
  /** Why the engine could not take it, each as "<field>: <what to fix>"; empty otherwise. */
  problems: string[];
}

/** The family's home, for rules about coming home; the trip's first departure when not set. */
export interface FamilyFacts {
  country: string | null;
}

/**
 * Turns a trip into the engine's input, once per loved one whose keepsakes come along (the rules
 * for a baby lost mid-pregnancy differ from those for a grandparent). `input` is null while the trip
 * has no legs yet, or when the engine refuses it: then `problems` says what to fix, never silence.
 * The facts of a baby's birth are passed only for a baby: a loved one whose kind was changed keeps
 * them stored (the family may change it back), but they say nothing about a grandparent.
 */
export function tripFacts(
  view: TripView,
  lovedOnes: LovedOne[],
  keepsakes: Keepsake[],
  family: FamilyFacts,
): LovedOneOnTrip[] {
  const keepsakeById = new Map(keepsakes.map((k) => [k.id, k]));
  const result: LovedOneOnTrip[] = [];
  for (const lovedOne of lovedOnes) {
    const coming = view.keepsakes.filter((tk) => keepsakeById.get(tk.keepsakeId)?.lovedOneId === lovedOne.id);
    if (coming.length === 0) continue;
    const baby = lovedOne.kind === 'pregnancy_loss' || lovedOne.kind === 'infant';
    const candidate = {
      ...(family.country !== null && { home_country: family.country }),
      legs: view.legs.map(({ leg }) => ({
        mode: leg.mode,
        from: leg.fromCountry,
        to: leg.toCountry,
        // The engine knows airlines by their two-character code; other carriers by longer codes.
        ...(leg.carrier && (leg.mode !== 'air' || leg.carrier.length === 2) && { carrier: leg.carrier }),
        bag: leg.bag === 'checked' ? 'checked' : 'carry_on',
        ...((leg.mode === 'air' || leg.mode === 'sea') && leg.connection && { connection: true }),
        ...(leg.isReturn && { way_home: true }),
      })),
      keepsakes: coming.map((tk) => ({
        // One vocabulary: the engine knows the app's keepsake kinds (a blanket holds no ashes).
        kind: tk.keepsakeKind,
        container: tk.container,
        name: tk.keepsakeName.slice(0, 80),
      })),
      purpose: view.trip.purpose,
      // Only when the family said it: the legs before the first leaving that country carry nothing.
      ...(view.trip.collectIn !== null && { collect_in: view.trip.collectIn }),
      ...(view.trip.purpose === 'scatter' &&
        view.trip.scatterCountry !== null &&
        view.trip.scatterPlace !== null && {
          scatter: {
            country: view.trip.scatterCountry,
            place: view.trip.scatterPlace,
            ...(view.trip.scatterRegion !== null && { region: view.trip.scatterRegion }),
            ...(view.trip.ashesComeHome !== null && { ashes_come_home: view.trip.ashesComeHome }),
          },
        }),
      loved_one: {
        name: lovedOne.name.slice(0, 80),
        kind: lovedOne.kind,
        ...(baby && lovedOne.gestationWeeks !== null && { gestation_weeks: lovedOne.gestationWeeks }),
        ...(lovedOne.lossCountry !== null && { loss_country: lovedOne.lossCountry }),
        ...(lovedOne.lossRegion !== null && { loss_region: lovedOne.lossRegion }),
        // The region when the family gave one (a German state), else the country.
        ...((lovedOne.cremationRegion ?? lovedOne.cremationCountry) !== null && {
          cremated_in: lovedOne.cremationRegion ?? lovedOne.cremationCountry,
        }),
        // Only when the family said it: a consulate's list for its own nationals is then left out for
        // another nationality, and asked about while unsaid (never assumed from where they died).
        // Never for a pet (the form does not ask it; one stored before a change of kind is not read).
        ...(lovedOne.kind !== 'pet' &&
          lovedOne.nationality !== null && { nationality: lovedOne.nationality }),
        // An infant was born alive by definition: only a loss in pregnancy says whether.
        ...(lovedOne.kind === 'pregnancy_loss' &&
          lovedOne.bornAlive !== null && { born_alive: lovedOne.bornAlive }),
        ...(baby && lovedOne.birthWeightGrams !== null && { birth_weight_g: lovedOne.birthWeightGrams }),
      },
    };
    // The contract's shape, as evaluateTrip needs it. The CLI's further checks on a whole trip file
    // (legs that join up, airline codes) are not applied: the app lets a family add legs in any
    // order, and the engine answers each leg on its own.
    // One is applied: where the ashes are collected, a part of the journey must set off with them,
    // or every leg would be answered as carrying them (the legs out before they are collected too).
    const parsed = view.legs.length === 0 ? null : travelRulesInputSchema.safeParse(candidate);
    const problems =
      parsed && !parsed.success
        ? parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
        : [];
    const collectIn = view.trip.collectIn;
    if (parsed?.success && collectIn !== null && !view.legs.some(({ leg }) => leg.fromCountry === collectIn))
      problems.push(
        `collect_in: no part of it leaves from ${countryPhrase(collectIn)}, where you collect the ashes. Please add the part that sets off from there with them, or change where you collect them in the trip's details.`,
      );
    result.push({
      lovedOne,
      keepsakeNames: coming.map((k) => k.keepsakeName),
      input: parsed?.success && problems.length === 0 ? parsed.data : null,
      problems,
    });
  }
  return result;
}
