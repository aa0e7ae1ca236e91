import type { TravelRulesInput } from '../../../contracts/travel-rules.js';
import { travelRulesInputSchema } from '../../../contracts/travel-rules.js';
import type { Keepsake, LovedOne } from '../loved-ones/index.js';
import type { TripView } from '../trips/index.js';

export interface LovedOneOnTrip {
  lovedOne: LovedOne;
  keepsakeNames: string[];
  input: TravelRulesInput | null;
}

/** The family's home, for rules about coming home; the trip's first departure when not set. */
export interface FamilyFacts {
  country: string | null;
}

/**
 * Turns a trip into the engine's input, once per loved one whose keepsakes come along (the rules
 * for a baby lost mid-pregnancy differ from those for a grandparent). `input` is null while the trip
 * has no legs yet.
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
        ...(lovedOne.gestationWeeks !== null && { gestation_weeks: lovedOne.gestationWeeks }),
        ...(lovedOne.lossCountry !== null && { loss_country: lovedOne.lossCountry }),
        ...(lovedOne.lossRegion !== null && { loss_region: lovedOne.lossRegion }),
        ...(lovedOne.bornAlive !== null && { born_alive: lovedOne.bornAlive }),
        ...(lovedOne.birthWeightGrams !== null && { birth_weight_g: lovedOne.birthWeightGrams }),
      },
    };
    const parsed = travelRulesInputSchema.safeParse(candidate);
    result.push({
      lovedOne,
      keepsakeNames: coming.map((k) => k.keepsakeName),
      input: parsed.success ? parsed.data : null,
    });
  }
  return result;
}
