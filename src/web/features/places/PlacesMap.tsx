import { useEffect, useId, useMemo, useRef, useState } from 'react';
import world from 'world-atlas/countries-110m.json';
import { numericCodes, worldMap, type WorldTopology } from '../../../domain/places/world-map.js';
import type { CountryVisited, TownVisited } from '../../../contracts/places.js';
import { countryName } from '../../lib/places.js';
import { listWords } from '../../lib/format.js';
import { Visits } from './PlaceVisits.js';

// The world drawn in the app: Natural Earth's country shapes (world-atlas, 1:110m, 105 kB, in this
// page's chunk only) projected with d3-geo into an SVG. No tiles, no outside request. Each town's pin
// is a real button over the picture (the picture itself stays one image with its words), which
// opens the town's panel: its trips, the arrival rituals done there and their photos.

const WIDTH = 640;
const HEIGHT = 330;

const map = worldMap(world as unknown as WorldTopology, WIDTH, HEIGHT);

/** What the map shows, in words: its text alternative. */
export function mapWords(countries: readonly CountryVisited[]): string {
  const names = countries.map((c) => countryName(c.country));
  const pins = countries.flatMap((c) => c.towns.filter((t) => t.point).map((t) => t.name));
  return `A map of the world with ${listWords(names)} shaded${pins.length ? `, and a pin at ${listWords(pins)}` : ''}.`;
}

interface Pin {
  key: string;
  name: string;
  x: number;
  y: number;
  town: TownVisited;
}

/** "Madrid, Community of Madrid, Spain". */
const placeWords = (town: TownVisited) =>
  [town.name, town.region !== town.name ? town.region : null, countryName(town.country)]
    .filter(Boolean)
    .join(', ');

export function PlacesMap({
  countries,
  lovedOneId,
}: {
  countries: readonly CountryVisited[];
  lovedOneId: string;
}) {
  const titleId = useId();
  const panelId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pinButtons = useRef(new Map<string, HTMLButtonElement>());
  const visited = useMemo(() => numericCodes(countries.map((c) => c.country)), [countries]);
  const pins: Pin[] = countries.flatMap((c) =>
    c.towns.flatMap((t) => {
      const at = t.point && map.project(t.point);
      return at ? [{ key: t.key, name: t.name, x: at.x, y: at.y, town: t }] : [];
    }),
  );
  const open = pins.find((pin) => pin.key === chosen);
  // The panel that opens is read next: its heading takes the focus; closing gives it back to the pin.
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  const close = () => {
    const pin = chosen;
    setChosen(null);
    if (pin) pinButtons.current.get(pin)?.focus();
  };

  return (
    <div className="stack">
      <figure className="places-map">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{mapWords(countries)}</title>
          <path className="sea" d={map.outline} />
          {map.countries.map((shape) => (
            <path
              key={shape.key}
              className={shape.id !== null && visited.has(shape.id) ? 'land visited' : 'land'}
              d={shape.path}
            />
          ))}
          {pins.map((pin) => (
            <g key={pin.key} className={pin.key === chosen ? 'pin chosen' : 'pin'} data-place={pin.name}>
              <circle cx={pin.x} cy={pin.y} r={5} />
            </g>
          ))}
        </svg>
        {pins.map((pin) => (
          <button
            key={pin.key}
            type="button"
            className="map-pin"
            ref={(button) => {
              if (button) pinButtons.current.set(pin.key, button);
              else pinButtons.current.delete(pin.key);
            }}
            style={{ left: `${(pin.x / WIDTH) * 100}%`, top: `${(pin.y / HEIGHT) * 100}%` }}
            aria-expanded={pin.key === chosen}
            {...(pin.key === chosen && { 'aria-controls': panelId })}
            onClick={() => (pin.key === chosen ? close() : setChosen(pin.key))}
          >
            <span className="visually-hidden">{placeWords(pin.town)}</span>
          </button>
        ))}
        {pins.length > 0 && <figcaption className="meta">Choose a pin to see what you did there.</figcaption>}
      </figure>
      {open && (
        <section id={panelId} className="card stack place-panel" aria-labelledby={`${panelId}-heading`}>
          <h3 id={`${panelId}-heading`} ref={heading} tabIndex={-1}>
            {placeWords(open.town)}
          </h3>
          <Visits visits={open.town.visits} lovedOneId={lovedOneId} />
          <p>
            <button type="button" className="button secondary small" onClick={close}>
              Close {open.name}
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
