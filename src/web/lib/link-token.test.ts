import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A page that empties the address bar while rendering loses its link's token when React throws that
// render away (lib/link-token.ts): it happened twice, each time as a browser journey failing now and
// then. So only the shared hook, which does it in an effect, may change the address bar.

const web = fileURLToPath(new URL('..', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the address bar', () => {
  it('is changed only by lib/link-token.ts, after the page is on screen', () => {
    const changers = sources(web)
      .filter((path) => /history\.(replaceState|pushState)\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(web, path));
    expect(changers).toEqual(['lib/link-token.ts']);
  });
});
