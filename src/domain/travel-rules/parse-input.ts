import type { z } from 'zod';
import {
  holdsAshes,
  type ShipmentInput,
  shipmentInputSchema,
  type TravelRulesInput,
  travelRulesInputSchema,
} from '../../contracts/travel-rules.js';
import { RULES } from './load-rules.js';
import { joinList } from './ordering.js';
import {
  airlineCode,
  isKnownAirline,
  looksLikeCompanyName,
  RULE_AIRLINES,
  shipmentCarrierCode,
} from './shipment-carrier.js';
import { capitalise, carrierName, countryPhrase, isRegionCode, regionName } from './names.js';
import { KNOWN_SITES, knownSiteCodes, nearestSite } from './sites.js';
import { bringsToScattering, homeOf } from './trip-facts.js';

// Validates raw input (from the CLI or a request) into the engine's input, with each problem as
// "<field path>: <kind message>", e.g. "legs.0.from: Please use GB for the United Kingdom." The
// shape is checked by the contract; what needs the reference lists (airline codes, ISO 3166-2
// regions) or the whole trip (whose keepsake is whose, where a connection leads) is checked here.

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

interface Problem {
  path: readonly PropertyKey[];
  message: string;
}

const toProblems = (issues: readonly Problem[]): string[] =>
  issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });

export function parseTravelRulesInput(raw: unknown): Parsed<TravelRulesInput> {
  const result = travelRulesInputSchema.safeParse(raw);
  if (result.success) {
    const trip = withAirlineCodes(result.data);
    const problems = tripProblems(trip, new Set(ALL_CHECKS));
    return problems.length === 0 ? { ok: true, value: trip } : { ok: false, problems: toProblems(problems) };
  }
  // One answer with every problem we can find: the checks across the trip run for the parts whose
  // shape is right (a bad keepsake does not hide a gap between legs until a second try).
  const broken = new Set(result.error.issues.map((issue) => issue.path[0]));
  if (broken.has(undefined)) return { ok: false, problems: toProblems(result.error.issues) };
  const sound = Object.fromEntries(
    Object.entries(travelRulesInputSchema.shape).flatMap(([field, schema]) => {
      if (broken.has(field)) return [];
      const part = (schema as z.ZodType).safeParse((raw as Record<string, unknown>)[field]);
      return part.success && part.data !== undefined ? [[field, part.data]] : [];
    }),
  ) as Partial<TravelRulesInput>;
  const checks = new Set(ALL_CHECKS.filter((check) => CHECK_NEEDS[check].every((f) => !broken.has(f))));
  // Checks that read the legs are left out above when the legs are broken.
  const later = tripProblems(withAirlineCodes({ keepsakes: [], ...sound, legs: sound.legs ?? [] }), checks);
  return { ok: false, problems: toProblems([...result.error.issues, ...later]) };
}

/** The checks across the trip, and the fields each reads: they run only when those are sound. */
type Check = 'legs' | 'loved_ones' | 'keepsakes' | 'scatter';
const CHECK_NEEDS: Readonly<Record<Check, readonly string[]>> = {
  legs: ['legs'],
  loved_ones: ['loved_one', 'loved_ones'],
  keepsakes: ['keepsakes', 'loved_one', 'loved_ones'],
  scatter: ['scatter', 'purpose', 'legs', 'home_country'],
};
const ALL_CHECKS = Object.keys(CHECK_NEEDS) as Check[];

export function parseShipmentInput(raw: unknown): Parsed<ShipmentInput> {
  const result = shipmentInputSchema.safeParse(raw);
  if (!result.success) return { ok: false, problems: toProblems(result.error.issues) };
  const typed = result.data.carrier;
  if (typed === undefined) return { ok: true, value: result.data };
  const carrier = shipmentCarrierCode(typed, isKnownAirline);
  if (carrier !== null) return { ok: true, value: { ...result.data, carrier } };
  // Two characters are an airline's code, as on a flight: one we don't know is a slip to check, or
  // it would hide the airline's cargo rules behind "we hold nothing on" it.
  if (TWO_CHARACTERS.test(typed.trim())) {
    return {
      ok: false,
      problems: toProblems([
        {
          path: ['carrier'],
          message: `We don't know an airline with the code "${typed.trim().toUpperCase()}". Please check the two-character code, such as DL for Delta, or give the company's name, such as Canada Post.`,
        },
      ]),
    };
  }
  // Any other company is kept as typed (the contract has refused hidden characters, so what is
  // repeated is what the family typed): the answer names it as one we hold nothing for and applies
  // the countries' own rules (review 22 leftovers, finding 1). What can't be a name is refused,
  // and not repeated.
  if (!looksLikeCompanyName(typed)) {
    return {
      ok: false,
      problems: toProblems([
        {
          path: ['carrier'],
          message:
            "Please give the company's name as it writes it, such as Canada Post or Royal Mail, in letters, numbers, spaces and ordinary punctuation, or leave the carrier out.",
        },
      ]),
    };
  }
  return { ok: true, value: { ...result.data, carrier: typed.trim() } };
}

/**
 * A flight's airline typed by name ("British Airways") is read as its code, as a shipment's is
 * (review 15, finding 7); a name we do not know stays as typed, for legProblems to say so.
 */
function withAirlineCodes<T extends Pick<TravelRulesInput, 'legs'>>(trip: T): T {
  return {
    ...trip,
    legs: trip.legs.map((leg) =>
      leg.mode === 'air' && leg.carrier !== undefined && !TWO_CHARACTERS.test(leg.carrier)
        ? { ...leg, carrier: airlineCode(leg.carrier, isKnownAirline) ?? leg.carrier }
        : leg.mode !== 'air' && leg.carrier !== undefined && !namedInRulesFor(leg.mode, leg.carrier)
          ? { ...leg, carrier: operatorCode(leg.mode, leg.carrier) ?? leg.carrier }
          : leg,
    ),
  };
}

/** Squeezed for matching: "Carnival Cruise Line", "carnival-cruise-line" are one. */
const squeeze = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A cruise line or rail company our rules know, typed by name ("Carnival Cruise Line", "VIA Rail
 * Canada", "Disney Cruise Line"): the name begins with the name we show for it, or with its code of
 * four letters or more. Any other name is kept as typed: the answer names it and says to ask them
 * (review 23, finding 8: names of ferry companies are accepted, as airlines' are).
 */
function operatorCode(mode: TravelRulesInput['legs'][number]['mode'], typed: string): string | null {
  const typedKey = squeeze(typed);
  const lines = new Map<string, string>();
  for (const rule of RULES) {
    if (!(rule.conditions.mode ?? []).includes(mode)) continue;
    for (const code of rule.conditions.carrier ?? []) {
      const name = carrierName(code, mode);
      const keys = [name === code ? '' : squeeze(name), squeeze(code)].filter((key) => key.length >= 4);
      if (keys.some((key) => typedKey.startsWith(key)) && !lines.has(name)) lines.set(name, code);
    }
  }
  return lines.size === 1 ? [...lines.values()][0]! : null;
}

const TWO_CHARACTERS = /^[A-Za-z0-9]{2}$/;

/** Companies the rules name for trains, coaches and boats, by way of travelling (any of their codes). */
const namedInRulesFor = (mode: TravelRulesInput['legs'][number]['mode'], code: string): boolean =>
  RULES.some(
    (rule) =>
      (rule.conditions.mode ?? []).includes(mode) &&
      (rule.conditions.carrier ?? []).includes(code.toUpperCase()),
  );

function tripProblems(trip: TravelRulesInput, checks: ReadonlySet<Check>): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path, message });
  const runs = (check: Check) => checks.has(check);

  if (runs('legs')) legProblems(trip, add);
  if (runs('loved_ones')) lovedOneProblems(trip, add);
  if (runs('keepsakes')) keepsakeProblems(trip, add);
  if (runs('scatter')) scatterProblems(trip, add);
  if (runs('legs') && trip.collect_in !== undefined) collectionProblems(trip, trip.collect_in, add);
  return problems;
}

/**
 * The ashes are collected where a leg sets off with them, after the family arrived there: not at a
 * change of planes, where they stay airside (review 30, finding 3), as scattering is not.
 */
function collectionProblems(trip: TravelRulesInput, collectIn: string, add: Add): void {
  if (!trip.legs.some((leg) => leg.from === collectIn)) {
    add(
      ['collect_in'],
      `None of the legs leaves from ${countryPhrase(collectIn)}. The ashes join the trip where a leg sets off with them: please add that leg, or leave collect_in out.`,
    );
    return;
  }
  const arriving = trip.legs.filter((leg) => leg.to === collectIn);
  if (trip.legs[0]!.from !== collectIn && arriving.length > 0 && arriving.every((leg) => leg.connection)) {
    add(
      ['collect_in'],
      `${capitalise(countryPhrase(collectIn))} is only a change of planes or a port of call on this trip, where you stay airside or aboard. Collecting the ashes there means arriving there: please make it a stop.`,
    );
  }
}

type Add = (path: PropertyKey[], message: string) => void;

function legProblems(trip: TravelRulesInput, add: Add): void {
  trip.legs.forEach((leg, index) => {
    // A journey with a hole in it would skip a border: France to Spain, never checked.
    const previous = index > 0 ? trip.legs[index - 1] : undefined;
    if (previous && previous.to !== leg.from) {
      add(
        ['legs', index, 'from'],
        `This leg leaves from ${countryPhrase(leg.from)}, but the one before arrives in ${countryPhrase(previous.to)}. Please add the journey between them, so its border is checked too.`,
      );
    }
    // An airline our rules speak for, on a train, coach or boat, is a slip of the mode. Any other
    // company is kept as typed, as an airline we have no rule for is: the answer names it and says
    // to ask them, rather than asking the family to leave out what they know ("BF", Brittany
    // Ferries, is also an airline's code in the IATA list; review 22, finding 9). The code's shape
    // is checked by the contract.
    if (
      leg.mode !== 'air' &&
      leg.carrier !== undefined &&
      RULE_AIRLINES.has(leg.carrier.toUpperCase()) &&
      !namedInRulesFor(leg.mode, leg.carrier)
    ) {
      add(
        ['legs', index, 'carrier'],
        `"${leg.carrier.toUpperCase()}" is an airline's code, and this leg goes by ${leg.mode === 'rail' ? 'train' : leg.mode === 'sea' ? 'sea' : 'road'}. Please give the company's own code, or leave the carrier out.`,
      );
    }
    if (leg.mode === 'air' && leg.carrier !== undefined && !TWO_CHARACTERS.test(leg.carrier)) {
      add(
        ['legs', index, 'carrier'],
        `We don't know an airline called "${leg.carrier}". Please give its name as your booking shows it, or its two-character code, such as BA or U2; if we still don't know it, leave the airline out and ask them directly.`,
      );
    } else if (leg.mode === 'air' && leg.carrier !== undefined && !isKnownAirline(leg.carrier)) {
      add(
        ['legs', index, 'carrier'],
        `We don't know an airline with the code "${leg.carrier.toUpperCase()}". Please check the two-character code on your booking, such as BA or U2; if it is right, leave the airline out and ask them directly, as we have no rule to look up for it.`,
      );
    }
    if (leg.connection) {
      const next = trip.legs[index + 1];
      if (!next || next.mode !== leg.mode || next.from !== leg.to) {
        add(
          ['legs', index, 'connection'],
          leg.mode === 'sea'
            ? `A port of call in ${countryPhrase(leg.to)} keeps the ashes on board, so the next leg should sail on from there.`
            : `A connection is a change of planes in ${countryPhrase(leg.to)}, so the next leg should be a flight from there.`,
        );
      }
    }
  });
}

const lovedOnesOf = (trip: TravelRulesInput) => trip.loved_ones ?? (trip.loved_one ? [trip.loved_one] : []);

function lovedOneProblems(trip: TravelRulesInput, add: Add): void {
  if (trip.loved_one && trip.loved_ones) {
    add(['loved_ones'], 'Please give either loved_one or loved_ones, not both.');
  }
  const lovedOnes = lovedOnesOf(trip);
  const names = lovedOnes.map((lovedOne) => lovedOne.name);
  const path = trip.loved_ones ? 'loved_ones' : 'loved_one';
  lovedOnes.forEach((lovedOne, index) => {
    const at = trip.loved_ones ? [path, index] : [path];
    if (lovedOnes.length > 1 && lovedOne.name === undefined) {
      add([...at, 'name'], 'Please give each loved one a name, so each keepsake can say whose it is.');
    }
    if (lovedOne.name !== undefined && names.indexOf(lovedOne.name) !== index) {
      add([...at, 'name'], `Two loved ones are called "${lovedOne.name}"; please tell them apart.`);
    }
    regionProblem(lovedOne.loss_region, lovedOne.loss_country, [...at, 'loss_region'], 'loss_country', add);
    const cremated = lovedOne.cremated_in;
    if (cremated !== undefined && cremated.includes('-')) {
      regionProblem(cremated, undefined, [...at, 'cremated_in'], 'cremated_in', add);
    }
    const baby = lovedOne.kind === 'pregnancy_loss';
    // A baby who died after being born alive is an infant, so born_alive: true says nothing new.
    if (lovedOne.kind === 'infant' && lovedOne.born_alive === false) {
      add(
        [...at, 'born_alive'],
        'A baby born without signs of life is described as kind "pregnancy_loss" with born_alive false; please change the kind.',
      );
    } else if (!baby && lovedOne.kind !== 'infant' && lovedOne.born_alive !== undefined) {
      add(
        [...at, 'born_alive'],
        'born_alive is asked only after a loss in pregnancy; please leave it out here.',
      );
    }
    // A consulate's list for its own nationals speaks of people; the app's form never asks it of a
    // pet, so a nationality here is a slip, refused rather than read (review 33b, finding Q1).
    if (lovedOne.kind === 'pet' && lovedOne.nationality !== undefined) {
      add([...at, 'nationality'], 'nationality is asked only about a person; please leave it out for a pet.');
    }
    for (const field of ['gestation_weeks', 'birth_weight_g'] as const) {
      if (!baby && lovedOne.kind !== 'infant' && lovedOne[field] !== undefined) {
        add([...at, field], `${field} is asked only about a baby; please leave it out here.`);
      }
    }
  });
}

function keepsakeProblems(trip: TravelRulesInput, add: Add): void {
  const lovedOnes = lovedOnesOf(trip);
  const names = lovedOnes.map((lovedOne) => lovedOne.name);
  trip.keepsakes.forEach((keepsake, index) => {
    const whose = keepsake.loved_one;
    // One urn may hold more than one loved one's ashes (twins cremated together): a list of names.
    const listed = Array.isArray(whose);
    (listed ? whose : whose === undefined ? [] : [whose]).forEach((name, at, all) => {
      const path = listed ? ['keepsakes', index, 'loved_one', at] : ['keepsakes', index, 'loved_one'];
      if (!names.includes(name)) add(path, `None of the loved ones is called "${name}".`);
      else if (all.indexOf(name) !== at)
        add(path, `"${name}" is named twice; please name each loved one once.`);
    });
    if (whose === undefined && lovedOnes.length > 1 && holdsAshes(keepsake.kind)) {
      add(
        ['keepsakes', index, 'loved_one'],
        'Please say whose ashes these are: the name of one of the loved ones, or, where one urn holds the ashes of more than one, a list of their names such as ["Rosie", "Lily"].',
      );
    }
  });
}

function scatterProblems(trip: TravelRulesInput, add: Add): void {
  if (trip.scatter) {
    if (trip.purpose === 'carry') {
      add(
        ['scatter'],
        'The trip says purpose "carry"; please set purpose to "scatter", or leave scatter out.',
      );
    }
    regionProblem(trip.scatter.region, trip.scatter.country, ['scatter', 'region'], 'scatter.country', add);
    siteProblems(trip.scatter, add);
    const home = homeOf(trip);
    const { country, place } = trip.scatter;
    // A sailing out of the country's waters reaches them too: scattering at sea from it, before it
    // leaves them (Southampton to Hamburg, scattering off England; review 33b, H2).
    const reached = trip.legs.some(
      (leg) =>
        bringsToScattering(leg, country, place) ||
        (place === 'sea' && leg.mode === 'sea' && leg.from === country),
    );
    const onlyCalls = trip.legs.some((leg) => leg.connection && leg.to === country);
    const domestic = trip.legs.every((leg) => leg.to === home) && trip.scatter.country === home;
    if (!reached && !domestic) {
      add(
        ['scatter', 'country'],
        onlyCalls
          ? `${capitalise(countryPhrase(country))} is only a change of planes or a port of call on this trip, where the ashes stay aboard. Scattering there means arriving there: please make it a stop, or choose "at sea" if you scatter from the ship.`
          : `None of the legs arrives in ${countryPhrase(country)}.`,
      );
    }
  }
}

/**
 * A named site must be one our rules know, and agree with the place and region given beside it:
 * Denali "at sea", or a site with a typo, would otherwise be dropped without a word and the answer
 * said for somewhere else (review 23, finding 6).
 */
function siteProblems(scatter: NonNullable<TravelRulesInput['scatter']>, add: Add): void {
  const site = scatter.site;
  if (site === undefined) return;
  // "nps:" names a park of the US National Park Service; elsewhere it would be silently ignored.
  if (site.startsWith('nps:') && scatter.country !== 'US') {
    add(
      ['scatter', 'site'],
      `"${site}" is a US national park, not one in ${countryPhrase(scatter.country)}; please check the site or the country.`,
    );
    return;
  }
  // "nps:" names a park, whichever one: Denali at sea is a slip somewhere (review 23, finding 6).
  if (site.startsWith('nps:') && scatter.place !== 'national_park') {
    const name = KNOWN_SITES[site]?.name;
    add(
      ['scatter', 'site'],
      `${site} is ${name ? `${name}, ` : ''}a national park, but place is "${scatter.place}"; please set place to national_park, or leave the site out.`,
    );
  }
  const known = KNOWN_SITES[site];
  if (known === undefined) {
    // A park we have no rule for (nps:yell) is kept: the answer names it among what we don't know.
    // One a slip away from a park we do know, or a kind of site we don't know, is said here.
    const near = nearestSite(site);
    if (site.startsWith('nps:') && near === null) return;
    const sites = knownSiteCodes().map(
      (code) => `${code} (${KNOWN_SITES[code]!.name}, ${regionName(KNOWN_SITES[code]!.region)})`,
    );
    add(
      ['scatter', 'site'],
      `We have no rule for the site "${site}"${near ? `; for ${KNOWN_SITES[near]!.name} the code is ${near}` : ''}. The sites our rules know are ${joinList(sites)}; another US national park is named by the code in its nps.gov address, such as nps:yell. Please check the site, or leave it out.`,
    );
    return;
  }
  // A region outside the country is said by regionProblem already.
  const region = scatter.region;
  if (
    region !== undefined &&
    isRegionCode(region) &&
    region.startsWith(`${scatter.country}-`) &&
    region !== known.region
  ) {
    add(
      ['scatter', 'region'],
      `${known.name} (${site}) is in ${regionName(known.region)}, not ${regionName(region)}; please check scatter.region or scatter.site.`,
    );
  }
}

function regionProblem(
  region: string | undefined,
  country: string | undefined,
  path: PropertyKey[],
  countryField: string,
  add: Add,
): void {
  if (region === undefined) return;
  if (!isRegionCode(region)) {
    add(
      path,
      `"${region}" is not a region code we know; please use an ISO 3166-2 code such as GB-SCT or US-CA.`,
    );
  } else if (country !== undefined && !region.startsWith(`${country}-`)) {
    add(path, `${regionName(region)} is not in ${countryPhrase(country)}; please check ${countryField}.`);
  }
}
