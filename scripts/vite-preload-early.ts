import { fileURLToPath } from 'node:url';
import type { IndexHtmlTransformContext, Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

/**
 * The chunks a source module is loaded through: the one holding it and, when the bundler put it in
 * a chunk shared with others, the small facade its dynamic imports go through (`export … from`).
 */
const chunksOf = (chunks: readonly OutputChunk[], source: string): OutputChunk[] =>
  chunks.filter((c) => c.facadeModuleId?.endsWith(source) || c.moduleIds.some((id) => id.endsWith(source)));

/**
 * Every chunk loaded with the module `source` before it can run: the chunks holding it and, through
 * their static imports, all they import (dynamic imports are left out: they load later, on demand).
 * Throws when no chunk holds `source`, so a renamed page fails the build rather than going unchecked.
 */
export function chunksLoadedWith(
  chunks: readonly OutputChunk[],
  source: string,
  plugin: string,
): OutputChunk[] {
  const found = chunksOf(chunks, source);
  if (found.length === 0) throw new Error(`${plugin}: no chunk holds ${source}`);
  const wanted = new Map<string, OutputChunk>();
  const add = (chunk: OutputChunk | undefined) => {
    if (!chunk || wanted.has(chunk.fileName)) return;
    wanted.set(chunk.fileName, chunk);
    for (const name of chunk.imports) add(chunks.find((c) => c.fileName === name));
  };
  found.forEach(add);
  return [...wanted.values()];
}

/**
 * Adds `<link rel="modulepreload">` to index.html for modules every first screen needs but loads
 * on demand (the typed client, which checks the session's answer, with zod and the country lists),
 * so the browser fetches them beside the entry instead of after it has run: on a weak signal that
 * saves a round trip (400 ms and more) before anything the family asked for can show.
 */
export function preloadEarly(sources: readonly string[]): Plugin {
  return {
    name: 'alongside:preload-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle: IndexHtmlTransformContext['bundle'] = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
        const wanted = new Set(
          sources.flatMap((source) =>
            chunksLoadedWith(chunks, source, 'preloadEarly').map((chunk) => chunk.fileName),
          ),
        );
        const links = [...wanted]
          .filter((name) => !html.includes(`/${name}"`))
          .map((name) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${name}` },
            injectTo: 'head' as const,
          }));
        return { html, tags: links };
      },
    },
  };
}

/**
 * For pages opened cold on a weak signal (a trip at the airport): a `<template id="preload:NAME">`
 * per page holding `<link rel="modulepreload">` for the page's module and every module it imports,
 * listed at build time. Inert as it stands; boot.ts, the first script to run, puts the one for the
 * address opened into the head, so the page's code is fetched beside the entry rather than once the
 * app has started and its router has asked for it (a round trip or more later).
 */
export function preloadForPages(pages: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'alongside:preload-for-pages',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle: IndexHtmlTransformContext['bundle'] = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
        const templates = Object.entries(pages).map(([name, source]) => {
          const wanted = chunksLoadedWith(chunks, source, 'preloadForPages').map((chunk) => chunk.fileName);
          return {
            tag: 'template',
            attrs: { id: `preload:${name}` },
            children: [...wanted]
              .filter((file) => !html.includes(`/${file}"`))
              .map((file) => ({
                tag: 'link',
                attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              })),
            injectTo: 'body' as const,
          };
        });
        return { html, tags: templates };
      },
    },
  };
}

/**
 * Moves the app's stylesheet from the head to just after the skeleton in #root (where index.html
 * says `<!-- app-stylesheet -->`). In the head it would hold back the first paint until it had
 * arrived; after the skeleton, the skeleton (styled inline) paints at once, and what follows it,
 * the app's scripts included, still waits for the stylesheet, so the app never shows unstyled.
 */
export function stylesheetAfterShell(): Plugin {
  return {
    name: 'alongside:stylesheet-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const link = /\s*<link rel="stylesheet"[^>]*href="\/assets\/[^"]+\.css"[^>]*>/.exec(html)?.[0];
        if (!link || !html.includes('<!-- app-stylesheet -->'))
          throw new Error('stylesheetAfterShell: no stylesheet link, or no <!-- app-stylesheet --> mark');
        return html.replace(link, '').replace('<!-- app-stylesheet -->', link.trim());
      },
    },
  };
}

/** What the bundler tells a chunk group about the module graph (rolldown's ChunkingContext). */
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/**
 * One chunk for a page's own modules (rolldown `output.codeSplitting` group): those it imports,
 * directly or not, that the first screen (`firstScreen`: the entry, the app, the typed client) does
 * not already load. Left to itself the bundler splits them by which other pages share each one,
 * into a dozen files of 1 to 4 KB: over HTTP/1.1 (six connections to a server) each costs a round
 * trip, 400 ms and more on a weak signal, and the trip page's arrived one by one, seconds after the
 * app. A page that shares one of these modules loads this chunk instead (the service worker then
 * keeps it, as every file).
 */
export function pageChunk(name: string, page: string, firstScreen: readonly string[]) {
  const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
  const reached = new Map<string, Set<string>>();
  const reachedFrom = (graph: ModuleGraph, from: string): Set<string> => {
    let seen = reached.get(from);
    if (seen) return seen;
    seen = new Set();
    const stack = [from];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
    }
    reached.set(from, seen);
    return seen;
  };
  const src = root('src/');
  return {
    debugName: name,
    name: (id: string, graph: ModuleGraph): string | null =>
      id.startsWith(src) &&
      reachedFrom(graph, root(page)).has(id) &&
      !firstScreen.some((first) => reachedFrom(graph, root(first)).has(id))
        ? name
        : null,
  };
}
