// Imported first by main.tsx, before zod or any contract schema loads: zod decides when it builds a
// schema whether to compile a fast parser with `new Function`, and probing for that trips the page's
// Content-Security-Policy (no 'unsafe-eval'), which reports a violation on every page that parses.
// The interpreted parser is fast enough for forms and answers.
//
// zod keeps its settings on `globalThis.__zod_globalConfig` and takes an object already there
// (zod/v4/core/core.js), so they are set here without importing zod: zod, and its 4 KB, stay off the
// first screen until the contracts load (lib/client.ts). zod-jitless.test.ts proves zod reads it.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });

export {};
