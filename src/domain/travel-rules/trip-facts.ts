import type {
  TravelBag,
  TravelContainer,
  TravelLovedOneKind,
  TravelMode,
  TravelPurpose,
  TravelRulesInput,
} from '../../contracts/travel-rules.js';
import type { ScreeningBody } from './rule-schema.js';
import { screeningBodyFor } from './screening-bodies.js';

// What the engine knows about one leg, worked out once from the trip so that matching a rule is a
// plain lookup. Everything here is derived from the input alone (no clock, no I/O).

export interface LovedOneFacts {
  kind: TravelLovedOneKind;
  gestationWeeks: number | null;
  lossCountry: string | null;
}

export interface RuleContext {
  channel: 'trip' | 'shipment';
  mode: TravelMode | null;
  from: string;
  to: string;
  international: boolean;
  /** The security body screening departures from `from` (air legs only); null when unknown. */
  screening: ScreeningBody | null;
  /** Upper-case carrier code, or null when the family did not say. */
  carrier: string | null;
  bag: TravelBag | null;
  /** Containers of keepsakes that hold ashes (jewellery has no urn). */
  containers: ReadonlySet<TravelContainer>;
  /** Which ash-holding keepsakes travel: 'ashes' and/or 'jewellery'. */
  keepsakes: ReadonlySet<'ashes' | 'jewellery'>;
  purpose: TravelPurpose;
  lovedOne: LovedOneFacts | null;
  /** The leg ends somewhere away from home: where scattering would happen. */
  arrivesAway: boolean;
  /** The leg continues a flight from the previous leg (a change of planes). */
  connection: boolean;
  tripOrigin: string;
}

export function lovedOneFacts(input: TravelRulesInput): LovedOneFacts | null {
  if (!input.loved_one) return null;
  return {
    kind: input.loved_one.kind,
    gestationWeeks: input.loved_one.gestation_weeks ?? null,
    lossCountry: input.loved_one.loss_country ?? null,
  };
}

export function legContexts(input: TravelRulesInput): RuleContext[] {
  const tripOrigin = input.legs[0]?.from ?? '';
  const containers = new Set<TravelContainer>();
  const keepsakes = new Set<'ashes' | 'jewellery'>();
  for (const keepsake of input.keepsakes) {
    if (keepsake.kind === 'ashes') containers.add(keepsake.container);
    if (keepsake.kind !== 'other') keepsakes.add(keepsake.kind);
  }
  // Scattering happens where the trip goes, not back at home. A trip that never leaves home (a
  // domestic round trip) reaches its destination on the first leg.
  const leavesHome = input.legs.some((leg) => leg.to !== tripOrigin);
  return input.legs.map((leg, index) => {
    const previous = index > 0 ? input.legs[index - 1] : undefined;
    return {
      channel: 'trip',
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
      international: leg.from !== leg.to,
      screening: leg.mode === 'air' ? screeningBodyFor(leg.from) : null,
      carrier: leg.carrier ? leg.carrier.toUpperCase() : null,
      bag: leg.bag ?? null,
      containers,
      keepsakes,
      purpose: input.purpose ?? 'carry',
      lovedOne: lovedOneFacts(input),
      arrivesAway: leavesHome ? leg.to !== tripOrigin : index === 0,
      connection:
        leg.mode === 'air' &&
        previous?.mode === 'air' &&
        previous.to === leg.from &&
        leg.to !== previous.from,
      tripOrigin,
    };
  });
}
