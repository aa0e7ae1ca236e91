// Where data/land-borders.json comes from, said in the file itself, so the fact carries its source.
export function landBordersFile(borders: Record<string, string[]>) {
  return {
    source: "Natural Earth's Admin 0 countries at 1:10m, version 4.1.0, as world-atlas 2.0.2 gives them",
    source_url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/',
    source_date: null,
    read_on: '2026-12-07',
    borders,
  };
}
