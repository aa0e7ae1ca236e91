import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type CountryShapes, landBordersOf } from '../src/domain/travel-rules/land-borders.js';
import { landBordersFile } from '../src/domain/travel-rules/land-borders-source.js';

// Writes src/domain/travel-rules/data/land-borders.json from world-atlas's Natural Earth shapes.
const require = createRequire(import.meta.url);
const shapes = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
) as CountryShapes;
const path = new URL('../src/domain/travel-rules/data/land-borders.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(landBordersFile(landBordersOf(shapes)), null, 2)}\n`);
