import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What is worth compressing: text. Images (PNG) are compressed already. */
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest)$/;
/** Below this a compressed copy saves less than a packet; the server sends the file itself. */
const MIN_BYTES = 1024;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip, level 9) beside every text file in
 * the built web app, once at build time, so the server sends them as they are (@fastify/static's
 * `preCompressed`) instead of compressing on every request or not at all. It runs last, after
 * vite-plugin-pwa has written the service worker, so that is compressed too; the worker's precache
 * list names only the plain files (its glob has no .br or .gz), and the browser decodes either.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'alongside:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const work: Promise<void>[] = [];
        for await (const path of filesUnder(outDir)) {
          if (!TEXT.test(path)) continue;
          work.push(
            (async () => {
              const body = await readFile(path);
              if (body.length < MIN_BYTES) return;
              const [br, gzipped] = await Promise.all([
                brotli(body, {
                  params: {
                    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                  },
                }),
                gz(body, { level: 9 }),
              ]);
              await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
            })(),
          );
        }
        await Promise.all(work);
      },
    },
  };
}
