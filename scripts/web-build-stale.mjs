// Whether the built web app (dist/web) is older than what it is built from. `npm start` rebuilds it
// then: after `git pull` the server runs the new code at once, and a web app left from before would
// answer families with pages that no longer match it (and ask them to reload on every update).
// Modification times, as make uses them: a checkout writes every file it changes, so they are newer.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the web build reads: its sources (src/, shared code included), its settings and its packages. */
export const WEB_BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'scripts',
];

/** The newest modification time (ms) under `path`, a file or a folder; 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a file removed changes its folder
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

/** True when dist/web is missing, or anything it is built from changed after it was built. */
export function webBuildIsStale(root) {
  const built = join(root, 'dist', 'web', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return WEB_BUILD_INPUTS.some((input) => newest(join(root, input)) > builtAt);
}
