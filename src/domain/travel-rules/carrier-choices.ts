import type { CarrierChoice, CarrierChoices } from '../../contracts/carriers.js';
import type { legModes } from '../../contracts/trips.js';
import { flyingAirlineCodes, iataAirlineFullName, iataAirlineName } from './iata-airlines.js';
import { RULES } from './load-rules.js';
import { carrierName } from './names.js';

// The companies a family can pick for a leg, by how it travels. Flights: every airline flying today
// (OpenFlights), so "British Airways" typed finds BA whether or not our research has its rules.
// Trains, coaches and boats have no shared code list, so only the companies our rules speak for are
// offered; the form says so and lets the field stay empty for any other.

/** Codes a leg can hold (two or three letters or digits, as the leg contract checks). */
const LEG_CODE = /^[A-Z0-9]{2,3}$/;

function choice(code: string, mode: (typeof legModes)[number]): CarrierChoice {
  return { code, name: carrierName(code, mode) };
}

function byName(choices: CarrierChoice[]): CarrierChoice[] {
  return choices.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.code.localeCompare(b.code));
}

/** Companies named in the rules for this way of travelling, one code each, shown by name. */
function namedInRules(mode: (typeof legModes)[number]): CarrierChoice[] {
  const seen = new Map<string, CarrierChoice>();
  for (const rule of RULES) {
    const { carrier, mode: modes } = rule.conditions;
    if (!carrier || !modes?.includes(mode)) continue;
    for (const code of carrier) {
      if (!LEG_CODE.test(code)) continue;
      const named = choice(code, mode);
      // One entry per company: Amtrak is both AMTRAK and 2V in the rules; the leg holds 2V.
      if (!seen.has(named.name)) seen.set(named.name, named);
    }
  }
  return [...seen.values()];
}

let built: CarrierChoices | undefined;

export function carrierChoices(): CarrierChoices {
  if (built) return built;
  const air = new Map<string, CarrierChoice>();
  // An airline we cannot name with confidence is offered under its code alone (review 13, finding 3).
  for (const code of flyingAirlineCodes()) air.set(code, { code, name: iataAirlineName(code) ?? code });
  // Airlines our rules speak for are offered even where OpenFlights calls them inactive.
  for (const named of namedInRules('air')) air.set(named.code, named);
  // Typed as a booking gives it ("Delta Air Lines"), on the form as in `rules check` (review 15, 7).
  for (const [code, named] of air) {
    const full = iataAirlineFullName(code);
    if (full !== null && full !== named.name) air.set(code, { ...named, full_name: full });
  }
  built = {
    air: byName([...air.values()]),
    rail: byName(namedInRules('rail')),
    road: byName(namedInRules('road')),
    sea: byName(namedInRules('sea')),
  };
  return built;
}

/**
 * Why a leg cannot keep this company code, or null when it can: an airline must be one flying
 * under that IATA code, and a train, coach or boat one of the companies offered for it. The same
 * list the form offers, so the server refuses what the form would never send.
 */
export function carrierProblem(mode: (typeof legModes)[number], code: string): string | null {
  const choices = carrierChoices()[mode];
  if (choices.some((c) => c.code === code.toUpperCase())) return null;
  if (mode === 'air') {
    return `We don't know an airline flying with the code ${code}. Please choose the airline from the list, or leave it empty.`;
  }
  const offered = choices.map((c) => c.name);
  return offered.length === 0
    ? `We can't name the company for this way of travelling yet; please leave it empty (the leg's label can say who it is).`
    : `We only know ${offered.join(', ')} here. For another company, please leave it empty (the leg's label can say who it is).`;
}
