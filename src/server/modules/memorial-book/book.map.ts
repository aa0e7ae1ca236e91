import { createRequire } from 'node:module';
import {
  numericCodes,
  worldMap,
  type WorldMap,
  type WorldTopology,
} from '../../../domain/places/world-map.js';
import type { BookContents } from './book.pdf.js';

// The places map in the memorial book: the same world as the app's places page (domain/places/
// world-map.ts), drawn as vector paths in the PDF, so it prints sharp at any size and stays small.
// The countries the family travelled to are shaded; each town from the gazetteer has a pin. Calm
// colours that still read in greyscale print.

const require = createRequire(import.meta.url);

const SEA = '#eef2f4';
const LAND = '#dedad2';
const VISITED = '#b9cbb7';
const BORDER = '#ffffff';
const PIN = '#3f5e5a';

/** The app's map is 640 × 330: the book keeps its shape. */
const RATIO = 330 / 640;

let world: WorldTopology | undefined;
const maps = new Map<number, WorldMap>();

/** The world fitted to a width, read from world-atlas once (about 100 kB) and kept per width. */
function mapOfWidth(width: number): WorldMap {
  world ??= require('world-atlas/countries-110m.json') as WorldTopology;
  let map = maps.get(width);
  if (!map) maps.set(width, (map = worldMap(world, width, Math.round(width * RATIO))));
  return map;
}

/** Draws the map with its top left at (x, y), `width` wide; leaves the text cursor under it. */
export function drawWorld(
  doc: PDFKit.PDFDocument,
  places: BookContents['places'],
  x: number,
  y: number,
  width: number,
): void {
  const map = mapOfWidth(width);
  const visited = numericCodes(places.map((p) => p.country));
  doc.save();
  doc.translate(x, y);
  doc.path(map.outline).fill(SEA);
  doc.lineWidth(0.3).strokeColor(BORDER);
  for (const country of map.countries) {
    if (!country.path) continue;
    doc
      .path(country.path)
      .fillAndStroke(country.id !== null && visited.has(country.id) ? VISITED : LAND, BORDER);
  }
  for (const place of places) {
    const at = place.point && map.project(place.point);
    if (!at) continue;
    doc.circle(at.x, at.y, 2.6).lineWidth(0.8).fillAndStroke(PIN, '#ffffff');
  }
  doc.restore();
  doc.x = x;
  doc.y = y + map.height;
}
