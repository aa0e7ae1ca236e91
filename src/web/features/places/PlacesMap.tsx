import { geoEqualEarth, geoPath } from 'd3-geo';
import { iso31661Alpha2ToNumeric } from 'iso-3166';
import { useId, useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { CountryVisited } from '../../../contracts/places.js';
import { countryName } from '../../lib/places.js';
import { listWords } from '../../lib/format.js';

// The world drawn in the app: Natural Earth's country shapes (world-atlas, 1:110m, 105 kB, in this
// page's chunk only) projected with d3-geo into an SVG. No tiles, no outside request.

const WIDTH = 640;
const HEIGHT = 330;

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = feature(topology, topology.objects.countries).features;
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const draw = geoPath(projection);
const outline = draw({ type: 'Sphere' }) ?? '';

/** What the map shows, in words: its text alternative. */
export function mapWords(countries: readonly CountryVisited[]): string {
  const names = countries.map((c) => countryName(c.country));
  const pins = countries.flatMap((c) => c.towns.filter((t) => t.point).map((t) => t.name));
  return `A map of the world with ${listWords(names)} shaded${pins.length ? `, and a pin at ${listWords(pins)}` : ''}.`;
}

export function PlacesMap({ countries }: { countries: readonly CountryVisited[] }) {
  const titleId = useId();
  const visited = useMemo(
    () => new Set(countries.map((c) => iso31661Alpha2ToNumeric[c.country]).filter(Boolean)),
    [countries],
  );
  const pins = countries.flatMap((c) =>
    c.towns.flatMap((t) => {
      const at = t.point && projection([t.point.lon, t.point.lat]);
      return at ? [{ key: t.key, name: t.name, x: at[0], y: at[1] }] : [];
    }),
  );

  return (
    <figure className="places-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{mapWords(countries)}</title>
        <path className="sea" d={outline} />
        {shapes.map((shape, index) => (
          <path
            key={shape.id ?? `shape-${index}`}
            className={visited.has(String(shape.id)) ? 'land visited' : 'land'}
            d={draw(shape) ?? ''}
          />
        ))}
        {pins.map((pin) => (
          <g key={pin.key} className="pin" data-place={pin.name}>
            <circle cx={pin.x} cy={pin.y} r={5} />
          </g>
        ))}
      </svg>
    </figure>
  );
}
