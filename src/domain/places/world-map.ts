import { geoEqualEarth, geoPath } from 'd3-geo';
import { iso31661Alpha2ToNumeric } from 'iso-3166';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

// The world as the family sees it on "Places <name> has been" and in the memorial book: Natural
// Earth's country shapes (world-atlas, given in by the caller: the app imports it into its page's
// chunk, the server reads it from node_modules) in the Equal Earth projection, fitted to a frame, as
// SVG path data. The app draws the paths in an SVG; the book draws the same paths as vectors in the
// PDF, so both show one map.

export type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

export interface WorldMap {
  width: number;
  height: number;
  /** The globe's edge (the sea). */
  outline: string;
  /** Each country's shape, by its ISO 3166 numeric code ("724" for Spain), when it has one. */
  countries: Array<{ key: string; id: string | null; path: string }>;
  /** Where a place falls in the frame, or null where the projection cannot place it. */
  project(point: { lon: number; lat: number }): { x: number; y: number } | null;
}

/** The world fitted to a width and height (in the frame's own units: SVG pixels, PDF points). */
export function worldMap(topology: WorldTopology, width: number, height: number): WorldMap {
  const projection = geoEqualEarth().fitSize([width, height], { type: 'Sphere' });
  const draw = geoPath(projection);
  const shapes = feature(topology, topology.objects.countries).features;
  return {
    width,
    height,
    outline: draw({ type: 'Sphere' }) ?? '',
    countries: shapes.map((shape, index) => ({
      key: shape.id === undefined ? `shape-${index}` : String(shape.id),
      id: shape.id === undefined ? null : String(shape.id),
      path: draw(shape) ?? '',
    })),
    project({ lon, lat }) {
      const at = projection([lon, lat]);
      return at ? { x: at[0], y: at[1] } : null;
    },
  };
}

/** The numeric codes the map's shapes carry, for countries given by their two-letter codes. */
export function numericCodes(alpha2: readonly string[]): Set<string> {
  return new Set(alpha2.map((code) => iso31661Alpha2ToNumeric[code]).filter((n): n is string => !!n));
}
