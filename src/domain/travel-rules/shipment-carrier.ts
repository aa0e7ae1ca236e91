import { carrierChoices } from './carrier-choices.js';
import { isIataAirlineCode } from './iata-airlines.js';
import { RULES } from './load-rules.js';
import { carrierName } from './names.js';

// Who carries a shipment, as a family types it: a code from our rules ("DHL", "USPS"), the name on
// the company's own website ("FedEx Express", "Royal Mail", "Parcelforce Worldwide"), or an airline
// for its cargo service, by code or name. A company we do not know ("Canada Post") is kept as typed,
// as a train or ferry company is on a trip: the destination's and origin's own rules still apply,
// and the answer names the company as one we hold nothing for, with the companies we do know, so a
// name we could not match does not hide a known company's refusal (review 12, finding 1; review 22
// leftovers, finding 1).

/** Squeezed for matching: "FedEx Express", "fedex-express" and "FEDEX EXPRESS" are one. */
const squeeze = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The names each post and courier goes by, squeezed. A service's own name is its company's: our
 * sources on FedEx and UPS speak of the company, whichever service carries the parcel. DHL's rule is
 * DHL Express's own, so DHL's other businesses (DHL Parcel, DHL eCommerce) are not read as it. Within
 * Germany "DHL" is as often DHL Paket, the parcel service: its rule names both codes, so a family
 * posting an urn there who says "DHL" hears both (review 29, finding 4).
 */
const POST_AND_COURIER_NAMES: Readonly<Record<string, readonly string[]>> = {
  FEDEX: ['fedex', 'fedexexpress', 'fedexground', 'fedexinternational', 'federalexpress'],
  UPS: ['ups', 'upsground', 'upsstandard', 'upsexpress', 'unitedparcelservice'],
  DHL: ['dhl', 'dhlexpress'],
  USPS: ['usps', 'uspostalservice', 'unitedstatespostalservice'],
  ROYALMAIL: ['royalmail'],
  PARCELFORCE: ['parcelforce', 'parcelforceworldwide'],
  AUSPOST: ['auspost', 'australiapost'],
  NZPOST: ['nzpost', 'newzealandpost'],
  DHLPAKET: ['dhlpaket'],
};

/** Codes that name a carrier in our rules for sending ashes (USPS, FX, DL for Delta Cargo). */
const SHIPMENT_CODES = new Set(
  RULES.filter((rule) => rule.conditions.channel?.includes('shipment')).flatMap(
    (rule) => rule.conditions.carrier ?? [],
  ),
);

/** Airlines in the rules data are known even where the public code list has not caught up. */
export const RULE_AIRLINES: ReadonlySet<string> = new Set(
  RULES.filter((rule) => rule.scope.startsWith('airline:')).flatMap((rule) => rule.conditions.carrier ?? []),
);

/** An airline's two-character code we know: one our rules name, or one in the 2023 IATA list. */
export const isKnownAirline = (code: string): boolean =>
  RULE_AIRLINES.has(code.toUpperCase()) || isIataAirlineCode(code);

let byName: Map<string, string> | undefined;
let airlinesByName: Map<string, string> | undefined;

/**
 * Airlines by name, squeezed, where one name is one airline ("Delta" → DL; "Norwegian" is two and
 * is not read): the short name we show and the full one a booking gives where the 2023 list
 * confirms it ("Delta Air Lines"; review 14, finding 6). Shared by shipments and trip legs.
 */
function airlineNames(): Map<string, string> {
  if (airlinesByName) return airlinesByName;
  const airlines = new Map<string, string | null>();
  for (const { code, name, full_name } of carrierChoices().air) {
    for (const each of [name, full_name ?? name]) {
      const key = squeeze(each);
      airlines.set(key, airlines.has(key) && airlines.get(key) !== code ? null : code);
    }
  }
  airlinesByName = new Map([...airlines].flatMap(([key, code]) => (code === null ? [] : [[key, code]])));
  return airlinesByName;
}

/**
 * The airline's code for what a family typed on a flight: a code we know, or a name that is one
 * airline's ("British Airways", "Delta Air Lines"); null when we know no such airline.
 */
export function airlineCode(typed: string, isAirline: (code: string) => boolean): string | null {
  const upper = typed.trim().toUpperCase();
  if (/^[A-Z0-9]{2}$/.test(upper)) return isAirline(upper) ? upper : null;
  return airlineNames().get(squeeze(typed)) ?? null;
}

/** Every name and code we read, squeezed, to the code the rules use. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(airlineNames());
  for (const code of SHIPMENT_CODES) byName.set(squeeze(code), code);
  for (const [code, aliases] of Object.entries(POST_AND_COURIER_NAMES)) {
    for (const alias of aliases) byName.set(alias, code);
  }
  return byName;
}

/**
 * The code our rules use for this carrier, or null when we do not know it. `isAirline` says whether
 * a two-character code is an airline's (its cargo service).
 */
export function shipmentCarrierCode(typed: string, isAirline: (code: string) => boolean): string | null {
  const upper = typed.trim().toUpperCase();
  if (/^[A-Z0-9]{2}$/.test(upper) && isAirline(upper)) return upper;
  return names().get(squeeze(typed)) ?? null;
}

/**
 * Whether what was typed can be a company's name we repeat back: a letter at least, and only
 * letters, digits, spaces and the punctuation company names use ("Canada Post", "La Poste",
 * "Sagawa Express", "DPD (UK)", "Aramex & Co."). "<script>" or "12345" is not.
 */
export const looksLikeCompanyName = (typed: string): boolean =>
  /\p{L}/u.test(typed) && /^[\p{L}\p{M}\p{N} .,'’&()/+-]+$/u.test(typed.trim());

/** "USPS, DHL Express, …": the posts and couriers our rules name, said beside a company we don't know. */
export const postAndCourierNames = (): string[] =>
  Object.keys(POST_AND_COURIER_NAMES).map((code) => carrierName(code, 'shipment'));
