import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import LAND_BORDERS from '../src/domain/travel-rules/data/land-borders.json' with { type: 'json' };
import { landBordersFile } from '../src/domain/travel-rules/land-borders-source.js';
import { type CountryShapes, landBordersOf } from '../src/domain/travel-rules/land-borders.js';

describe('the land borders data', () => {
  it('is what the shapes in node_modules say (npm run data:land-borders writes it)', () => {
    const require = createRequire(import.meta.url);
    const shapes = JSON.parse(
      readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
    ) as CountryShapes;
    expect(LAND_BORDERS).toEqual(landBordersFile(landBordersOf(shapes)));
  });
});
