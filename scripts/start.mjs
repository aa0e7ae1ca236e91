// `npm start`: builds the web app if it is missing or older than its sources (after an update; see
// web-build-stale.mjs), then runs the server (SQLite under
// DATA_DIR by default; PostgreSQL when DATABASE_URL is set). Signals are passed on so that Ctrl-C
// and SIGTERM shut the server down gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webBuildIsStale } from './web-build-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (webBuildIsStale(root)) {
  console.log(
    existsSync(`${root}/dist/web/index.html`)
      ? 'Building the web app again: its sources changed since it was built (this takes a few seconds)…'
      : 'Building the web app for the first start (this takes a few seconds)…',
  );
  const build = spawnSync(
    process.execPath,
    [`${root}/node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
