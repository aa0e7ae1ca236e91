import {
  type ShipmentInput,
  shipmentInputSchema,
  type TravelRulesInput,
  travelRulesInputSchema,
} from '../../contracts/travel-rules.js';

// Validates raw input (from the CLI or a request) into the engine's input, with each problem as
// "<field path>: <kind message>", e.g. "legs.0.from: Please use a two-letter country code such as GB."

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const toProblems = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] =>
  issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });

export function parseTravelRulesInput(raw: unknown): Parsed<TravelRulesInput> {
  const result = travelRulesInputSchema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: toProblems(result.error.issues) };
}

export function parseShipmentInput(raw: unknown): Parsed<ShipmentInput> {
  const result = shipmentInputSchema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: toProblems(result.error.issues) };
}
