// Where data/land-borders.json comes from, said in the file itself, so the fact carries its source.

/**
 * Bridges, causeways and tunnels a car or a train crosses between two countries whose shapes do not
 * meet: an ordinary drive over one border, never "crosses the sea". Each pair carries the page that
 * says so (review 35, t33: Singapore and Malaysia were said to be "not joined by land"). A link only
 * a shuttle train carries cars through (the Channel Tunnel) is not here: that is a crossing of its own.
 */
export const FIXED_LINKS = [
  {
    between: ['MY', 'SG'],
    by: ['road', 'rail'],
    name: 'the Johor–Singapore Causeway and the Second Link',
    source_url: 'https://en.wikipedia.org/wiki/Woodlands_Checkpoint',
    source_date: null,
    source_note:
      "Woodlands Checkpoint, one of Singapore's two land border checkpoints with Malaysia, serves vehicles on the Johor–Singapore Causeway (road and rail); the other, Tuas Checkpoint, serves the Malaysia–Singapore Second Link (a road bridge).",
    read_on: '2026-12-07',
  },
  {
    between: ['DK', 'SE'],
    by: ['road', 'rail'],
    name: 'the Øresund Bridge',
    source_url: 'https://commons.wikimedia.org/wiki/%C3%98resund_bridge',
    source_date: null,
    source_note:
      'The Øresund Bridge is a combined two-track rail and four-lane road bridge across the Øresund strait, joining Copenhagen and Malmö; the European route E20 runs across it.',
    read_on: '2026-12-07',
  },
] as const;

export function landBordersFile(borders: Record<string, string[]>) {
  return {
    source: "Natural Earth's Admin 0 countries at 1:10m, version 4.1.0, as world-atlas 2.0.2 gives them",
    source_url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/',
    source_date: null,
    read_on: '2026-12-07',
    borders,
    fixed_links: FIXED_LINKS,
  };
}
