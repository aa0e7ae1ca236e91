import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { intrusions } from './vite-keep-off-first-screen.js';

const chunk = (
  fileName: string,
  moduleIds: string[],
  imports: string[] = [],
  dynamicImports: string[] = [],
) =>
  ({
    type: 'chunk',
    fileName,
    moduleIds,
    imports,
    dynamicImports,
    facadeModuleId: moduleIds[0] ?? null,
  }) as unknown as Rollup.OutputChunk;

const zod = [/\/node_modules\/zod\//];
const pages = ['src/web/boot.ts', 'src/web/features/trips/TripPage.tsx'];

describe('keeping zod off the first screen and the trip page', () => {
  it('finds zod in a chunk the trip page imports statically, through another chunk', () => {
    const chunks = [
      chunk('boot.js', ['/repo/src/web/boot.ts']),
      chunk('trip-day.js', ['/repo/src/web/features/trips/TripPage.tsx'], ['uploads.js']),
      chunk('uploads.js', ['/repo/src/web/lib/uploads.ts'], ['media.js']),
      chunk('media.js', ['/repo/src/contracts/media.ts', '/repo/node_modules/zod/v4/core/schemas.js']),
    ];
    expect(intrusions(chunks, pages, zod)).toEqual([
      {
        source: 'src/web/features/trips/TripPage.tsx',
        chunk: 'media.js',
        module: '/repo/node_modules/zod/v4/core/schemas.js',
      },
    ]);
  });

  it('allows zod behind a dynamic import (loaded after the page, on demand)', () => {
    const chunks = [
      chunk('boot.js', ['/repo/src/web/boot.ts'], [], ['contracts.js']),
      chunk('trip-day.js', ['/repo/src/web/features/trips/TripPage.tsx'], [], ['contracts.js']),
      chunk('contracts.js', ['/repo/src/web/lib/contracts.ts', '/repo/node_modules/zod/v4/index.js']),
    ];
    expect(intrusions(chunks, pages, zod)).toEqual([]);
  });

  it('refuses to check a page no chunk holds (a renamed page would otherwise go unchecked)', () => {
    expect(() => intrusions([chunk('boot.js', ['/repo/src/web/boot.ts'])], pages, zod)).toThrow(
      /no chunk holds src\/web\/features\/trips\/TripPage.tsx/,
    );
  });
});
