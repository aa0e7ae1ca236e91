import { z } from 'zod';

// Imported first by main.tsx, before any contract schema is built: zod decides at build time
// whether to compile a fast parser with `new Function`, and probing for that trips the page's
// Content-Security-Policy (no 'unsafe-eval'), which reports a violation on every page that parses.
// The interpreted parser is fast enough for forms and answers.
z.config({ jitless: true });
