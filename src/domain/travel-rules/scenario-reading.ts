import { evaluateShipment } from './evaluate-shipment.js';
import { evaluateTrip } from './evaluate-trip.js';
import { RULES } from './load-rules.js';
import { parseShipmentInput, parseTravelRulesInput } from './parse-input.js';
import type { Rule } from './rule-schema.js';

/** What the engine says of a trip, as `rules check` prints it. */
export type TripReading = ReturnType<typeof evaluateTrip>;

/**
 * For the scenario tests: a trip as a reviewer wrote it, read the way the CLI reads it (parsed,
 * then evaluated on `today`); a trip the parser refuses throws with its problems, so a test never
 * passes on a trip that was not read.
 */
export function readTripOn(today: string, raw: unknown, rules?: readonly Rule[]): TripReading {
  const parsed = parseTravelRulesInput(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return evaluateTrip(parsed.value, { today, ...(rules && { rules }) });
}

/**
 * The rules as they stood before review 16 added Australia's rule for a baby born without signs of
 * life before 20 weeks and under 400 g: the tests of how a stage no rule speaks of is said (the
 * "silent side" of a threshold) keep Australia as their example on this data (review 16, finding 5).
 * Victoria's and Western Australia's own rules for that stage (brief au) are left out with it.
 */
export const RULES_WITHOUT_AU_SUB20: readonly Rule[] = RULES.filter(
  (rule) =>
    !['au-sub20-not-registered', 'au-vic-sub20-not-registered', 'au-wa-sub20-not-registered'].includes(
      rule.id,
    ),
);

/** The gaps' messages on one leg. */
export const gapMessages = (out: TripReading, leg = 0): string[] =>
  out.legs[leg]!.gaps.map((gap) => gap.message);

/** The ids of the rules behind one leg's requirements. */
export const ruleIdsOn = (out: TripReading, leg = 0): string[] =>
  out.legs[leg]!.requirements.flatMap((r) => r.rule_ids);

/** A shipment as a reviewer wrote it, read the way `rules ship` reads it; refused input throws. */
export function readShipmentOn(today: string, raw: unknown): ReturnType<typeof evaluateShipment> {
  const parsed = parseShipmentInput(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return evaluateShipment(parsed.value, { today });
}

/** The requirement from one rule, wherever on the trip it is, and its words. */
export const detailOn = (out: TripReading, id: string): string | undefined =>
  out.legs.flatMap((leg) => leg.requirements).find((r) => r.rule_ids.includes(id))?.detail;

/**
 * A family carrying one loved one's ashes (in a wooden urn) on `legs`, as the scenario tests write
 * it again and again: who died where they live and was cremated there unless `lovedOne` says
 * otherwise. Only what a test is about needs saying.
 */
export const carryingTrip = (
  home: string,
  legs: readonly object[],
  lovedOne: Record<string, unknown> = {},
): Record<string, unknown> => ({
  home_country: home,
  purpose: 'carry',
  legs,
  keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: lovedOne.name ?? 'Lola' }],
  loved_ones: [{ name: 'Lola', kind: 'adult', loss_country: home, cremated_in: home, ...lovedOne }],
});

/**
 * A family flying with one loved one's ashes in the cabin from home to `abroad` on `carrier`, read on
 * `today`, and flying home again unless `back` is false (the ashes then stay there).
 */
export const flyThereOn = (
  today: string,
  home: string,
  abroad: string,
  carrier: string,
  lovedOne: Record<string, unknown>,
  back = true,
): TripReading =>
  readTripOn(
    today,
    carryingTrip(
      home,
      [
        { mode: 'air', from: home, to: abroad, carrier, bag: 'carry_on' },
        ...(back ? [{ mode: 'air', from: abroad, to: home, carrier, bag: 'carry_on', way_home: true }] : []),
      ],
      lovedOne,
    ),
  );

/** A family driving with Nan's ashes from one country to another, home where they set off. */
export const driveOn = (today: string, from: string, to: string): TripReading =>
  readTripOn(today, {
    home_country: from,
    purpose: 'carry',
    legs: [{ mode: 'road', from, to }],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nan' }],
    loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: from }],
  });

/** A rule for the lint tests, sourced and dated as a real one, with the fields a test sets. */
export const ruleFixture = (fields: {
  id: string;
  scope: string;
  conditions: Record<string, unknown>;
  title: string;
  detail: string;
}) => ({
  ...fields,
  severity: 'info',
  confidence: 'high',
  source_url: 'https://example.org/page',
  source_kind: 'official',
  source_date: null,
  read_on: '2026-12-06',
});
