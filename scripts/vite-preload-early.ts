import type { IndexHtmlTransformContext, Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

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
        const wanted = new Set<string>();
        const add = (chunk: OutputChunk | undefined) => {
          if (!chunk || wanted.has(chunk.fileName)) return;
          wanted.add(chunk.fileName);
          for (const name of chunk.imports) add(chunks.find((c) => c.fileName === name));
        };
        for (const source of sources) {
          const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(source)));
          if (!chunk) throw new Error(`preloadEarly: no chunk holds ${source}`);
          add(chunk);
        }
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
