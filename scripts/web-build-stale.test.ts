import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webBuildIsStale } from './web-build-stale.mjs';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

/** A checkout with a source file and, where `built`, a web build; every file dated `at` (seconds). */
function checkout({ built, at = 1_000_000 }: { built: boolean; at?: number }): string {
  root = mkdtempSync(join(tmpdir(), 'web-build-'));
  const files = ['src/web/main.tsx', 'src/contracts/trips.ts', 'index.html', 'package-lock.json'];
  if (built) files.push('dist/web/index.html');
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'x');
  }
  for (const path of [...files, 'src/web', 'src/contracts', 'src', ...(built ? ['dist/web', 'dist'] : [])])
    utimesSync(join(root, path), at, at);
  return root;
}

const touch = (dir: string, file: string, at: number) => utimesSync(join(dir, file), at, at);

describe('npm start rebuilds the web app when it is older than its sources', () => {
  it('builds it when there is none', () => {
    expect(webBuildIsStale(checkout({ built: false }))).toBe(true);
  });

  it('keeps a build newer than everything it is built from', () => {
    const dir = checkout({ built: true });
    touch(dir, 'dist/web/index.html', 1_000_100);
    expect(webBuildIsStale(dir)).toBe(false);
  });

  it('builds again after an update changed a page, a contract, the packages or removed a file', () => {
    for (const changed of ['src/web/main.tsx', 'src/contracts/trips.ts', 'package-lock.json', 'src/web']) {
      const dir = checkout({ built: true });
      touch(dir, 'dist/web/index.html', 1_000_100);
      touch(dir, changed, 1_000_200);
      expect(webBuildIsStale(dir), changed).toBe(true);
    }
  });
});
