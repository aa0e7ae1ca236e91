import { iso31661NumericToAlpha2 } from 'iso-3166';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { RuleGap } from '../../contracts/travel-rules.js';
import LAND_BORDERS from './data/land-borders.json' with { type: 'json' };
import { capitalise, countryPhrase } from './names.js';
import type { LegFacts } from './trip-facts.js';

// Which countries share a land border, from Natural Earth's country shapes (two shapes meet where
// they share an edge). A drive between countries that share none (the United Kingdom to Japan, or
// France to Poland) crosses the sea or another country on the way, and our notes read only the
// countries the family names: that is said, never taken as a drive straight across one border.
// `data/land-borders.json` is made from world-atlas by `npm run data:land-borders`; a unit test
// fails when it and the shapes in node_modules disagree.

export type CountryShapes = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Each country's neighbours by land, by ISO 3166 two-letter code, from the shapes. */
export function landBordersOf(shapes: CountryShapes): Record<string, string[]> {
  const geometries = shapes.objects.countries.geometries;
  const adjacent = neighbors(geometries);
  const codeOf = (index: number): string | undefined => {
    const id = geometries[index]!.id;
    return id === undefined ? undefined : iso31661NumericToAlpha2[String(id)];
  };
  const borders = new Map<string, Set<string>>();
  geometries.forEach((_, index) => {
    const code = codeOf(index);
    if (!code) return;
    const mine = borders.get(code) ?? new Set<string>();
    for (const other of adjacent[index]!) {
      const neighbour = codeOf(other);
      if (neighbour && neighbour !== code) mine.add(neighbour);
    }
    borders.set(code, mine);
  });
  return Object.fromEntries(
    [...borders].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, set]) => [code, [...set].sort()]),
  );
}

const BORDERS: Readonly<Record<string, readonly string[]>> = LAND_BORDERS.borders;

/**
 * Whether a sourced bridge, causeway or tunnel carries this mode straight between the two (the
 * Johor–Singapore Causeway, the Øresund Bridge): a drive over one border, as between neighbours
 * (review 35, t33). The links and their sources are in data/land-borders.json.
 */
function fixedLinkBetween(a: string, b: string, mode: string): boolean {
  return LAND_BORDERS.fixed_links.some(
    (link) => link.between.includes(a) && link.between.includes(b) && a !== b && link.by.includes(mode),
  );
}

/** The countries a fixed link joins to this one, whatever it carries. */
const linkedTo = (country: string): string[] =>
  LAND_BORDERS.fixed_links
    .filter((link) => link.between.includes(country))
    .flatMap((link) => link.between.filter((other) => other !== country));

/** Whether two countries share a land border; null when the shapes do not know one of them. */
export function sharesLandBorder(a: string, b: string): boolean | null {
  const mine = BORDERS[a];
  if (!mine || !BORDERS[b]) return null;
  return mine.includes(b);
}

/**
 * The countries joined to this one by land, through any chain of land borders (a landmass, as the
 * shapes draw it) or fixed links: Japan's is Japan alone, France's reaches Poland through Germany,
 * Singapore's reaches Thailand over the Causeway and through Malaysia.
 */
function joinedByLand(country: string): ReadonlySet<string> {
  const reached = new Set([country]);
  const queue = [country];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const neighbour of [...(BORDERS[next] ?? []), ...linkedTo(next)]) {
      if (reached.has(neighbour)) continue;
      reached.add(neighbour);
      queue.push(neighbour);
    }
  }
  return reached;
}

/**
 * A drive or a train between two countries that share no land border: what it crosses is not read.
 * Where land joins them through other countries (France to Poland), the way goes through one of
 * those or over the sea; where nothing does (the United States and Japan), it crosses the sea, and
 * no bridge or tunnel is claimed (review 29, finding 8), unless a sourced one joins them (the
 * Causeway, Singapore to Malaysia: review 35, t33). A car ferry may still carry a car across (the
 * United Kingdom to France), so "can't be driven" is not said.
 * A train was taken as it stood, Japan to South Korea too (review 33a, low): only a tunnel could
 * carry one across the sea, and whether one does is not for us to claim.
 */
export function landGaps(
  leg: Pick<LegFacts, 'mode' | 'from' | 'to' | 'international' | 'carrier'>,
): RuleGap[] {
  if (leg.mode !== 'road' && leg.mode !== 'rail') return [];
  if (!leg.international || sharesLandBorder(leg.from, leg.to) !== false) return [];
  if (fixedLinkBetween(leg.from, leg.to, leg.mode)) return [];
  // Where nothing joins the two by land, a company named on the leg is what carries it across
  // (Eurotunnel Le Shuttle, a car ferry, Eurostar): the crossing is named, so no part of the way is
  // left out (review 31, finding 5). The company itself is named as one we hold nothing for (gaps.ts).
  if (leg.carrier !== null && !joinedByLand(leg.from).has(leg.to)) return [];
  const pair = `${capitalise(countryPhrase(leg.from))} and ${countryPhrase(leg.to)}`;
  const through = joinedByLand(leg.from).has(leg.to);
  const message =
    leg.mode === 'road'
      ? through
        ? `${pair} share no land border, so this drive goes through another country on the way, or crosses the sea. Our notes read only the countries you name: if you drive through another country, or take a ferry or a tunnel shuttle, add that part as its own leg, so its rules are read too.`
        : `${pair} are not joined by land, even through other countries, so this leg crosses the sea. Our notes read only the countries you name: if part of the way is by ferry, train or plane, add that part as its own leg, so its rules are read too.`
      : through
        ? `${pair} share no land border, so this train goes through another country on the way. Our notes read only the countries you name: add each country the train goes through as its own leg, so its rules are read too.`
        : `${pair} are not joined by land, even through other countries, so a train between them would have to go under the sea. Our notes read only the countries you name: if part of the way is by ferry or plane, add that part as its own leg, and name the rail company if one runs this way, so its rules are read too.`;
  return [{ message }];
}
