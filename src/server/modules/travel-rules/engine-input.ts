import type { TravelRulesInput } from '../../../contracts/travel-rules.js';
import { travelRulesInputSchema } from '../../../contracts/travel-rules.js';
import type { KeepsakeRow, LovedOneRow } from '../loved-ones/index.js';
import type { TripView } from '../trips/index.js';

export interface LovedOneOnTrip {
  lovedOne: LovedOneRow;
  keepsakeNames: string[];
  input: TravelRulesInput | null;
}

const engineKeepsakeKind = (kind: string): 'ashes' | 'jewellery' | 'other' =>
  kind === 'ashes' ? 'ashes' : kind === 'jewellery' ? 'jewellery' : 'other';

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
  lovedOnes: LovedOneRow[],
  keepsakes: KeepsakeRow[],
  family: FamilyFacts,
): LovedOneOnTrip[] {
  const keepsakeById = new Map(keepsakes.map((k) => [k.id, k]));
  const result: LovedOneOnTrip[] = [];
  for (const lovedOne of lovedOnes) {
    const coming = view.keepsakes.filter(
      (tk) => keepsakeById.get(tk.keepsake_id)?.loved_one_id === lovedOne.id,
    );
    if (coming.length === 0) continue;
    const candidate = {
      ...(family.country !== null && { home_country: family.country }),
      legs: view.legs.map(({ leg }) => ({
        mode: leg.mode,
        from: leg.from_country,
        to: leg.to_country,
        // The engine knows airlines by their two-character code; other carriers by longer codes.
        ...(leg.carrier && (leg.mode !== 'air' || leg.carrier.length === 2) && { carrier: leg.carrier }),
        bag: leg.bag === 'checked' ? 'checked' : 'carry_on',
        ...((leg.mode === 'air' || leg.mode === 'sea') && leg.is_connection === 1 && { connection: true }),
        ...(leg.is_return === 1 && { way_home: true }),
      })),
      keepsakes: coming.map((tk) => ({
        kind: engineKeepsakeKind(tk.keepsake_kind),
        container: tk.container,
        name: tk.keepsake_name.slice(0, 80),
      })),
      purpose: view.trip.purpose,
      ...(view.trip.purpose === 'scatter' &&
        view.trip.scatter_country !== null &&
        view.trip.scatter_place !== null && {
          scatter: {
            country: view.trip.scatter_country,
            place: view.trip.scatter_place,
            ...(view.trip.scatter_region !== null && { region: view.trip.scatter_region }),
            ...(view.trip.ashes_come_home !== null && { ashes_come_home: view.trip.ashes_come_home === 1 }),
          },
        }),
      loved_one: {
        name: lovedOne.name.slice(0, 80),
        kind: lovedOne.kind,
        ...(lovedOne.gestation_weeks !== null && { gestation_weeks: lovedOne.gestation_weeks }),
        ...(lovedOne.loss_country !== null && { loss_country: lovedOne.loss_country }),
        ...(lovedOne.loss_region !== null && { loss_region: lovedOne.loss_region }),
        ...(lovedOne.born_alive !== null && { born_alive: lovedOne.born_alive === 1 }),
        ...(lovedOne.birth_weight_g !== null && { birth_weight_g: lovedOne.birth_weight_g }),
      },
    };
    const parsed = travelRulesInputSchema.safeParse(candidate);
    result.push({
      lovedOne,
      keepsakeNames: coming.map((k) => k.keepsake_name),
      input: parsed.success ? parsed.data : null,
    });
  }
  return result;
}
