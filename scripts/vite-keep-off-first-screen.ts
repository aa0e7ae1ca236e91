import type { Plugin, Rollup } from 'vite';
import { chunksLoadedWith } from './vite-preload-early.js';

type OutputChunk = Rollup.OutputChunk;

/** A module found where it must not be: which page's path, which chunk, which module. */
export interface Intrusion {
  source: string;
  chunk: string;
  module: string;
}

/**
 * The modules matching `unwanted` in the chunks loaded with each of `sources` (static imports only:
 * what is fetched later, on demand, is allowed to hold them).
 */
export function intrusions(
  chunks: readonly OutputChunk[],
  sources: readonly string[],
  unwanted: readonly RegExp[],
): Intrusion[] {
  return sources.flatMap((source) =>
    chunksLoadedWith(chunks, source, 'keepOffFirstScreen').flatMap((chunk) =>
      chunk.moduleIds
        .filter((id) => unwanted.some((pattern) => pattern.test(id.replaceAll('\\', '/'))))
        .map((module) => ({ source, chunk: chunk.fileName, module })),
    ),
  );
}

/**
 * Fails the build when a module matching `unwanted` is loaded with any of `sources` before they can
 * run. Why: on the travel day the trip page is opened cold on a weak signal, and zod with the
 * contracts (~31 KB brotli) on its path cost 0.7 s before the confirm button appeared (issue 9's
 * bench: 4.80 s with it, 4.06 s without). It crept back once through a two-constant import; a
 * measurement caught it, this catches it at every build.
 */
export function keepOffFirstScreen(sources: readonly string[], unwanted: readonly RegExp[]): Plugin {
  return {
    name: 'alongside:keep-off-first-screen',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
      const found = intrusions(chunks, sources, unwanted);
      if (found.length > 0) {
        // One line per page and chunk (zod alone is ~60 modules).
        const byPlace = new Map<string, Intrusion[]>();
        for (const f of found) {
          const place = `${f.source} loads, in ${f.chunk}`;
          byPlace.set(place, [...(byPlace.get(place) ?? []), f]);
        }
        const lines = [...byPlace].map(
          ([place, modules]) =>
            `  ${place}: ${modules[0]!.module}` +
            (modules.length > 1 ? ` and ${modules.length - 1} more` : ''),
        );
        this.error(
          `These modules must stay off the first screen and the trip page; import what they need ` +
            `from a zod-free file (see src/contracts/trip-vocabulary.ts, media-limits.ts):\n${lines.join('\n')}`,
        );
      }
    },
  };
}
