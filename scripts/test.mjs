// `npm test`: type checks, lint (ESLint, Prettier, import boundaries), then every test layer. The
// PostgreSQL suite runs when TEST_DATABASE_URL names a server, and the browser suite when Chromium is
// installed; when either is missing the run says so plainly and carries on, unless
// REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 (set by .ci/run) make it a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}/node_modules/.bin/${name}`;
const run = (label, command, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
};
const skipped = [];

const projects = ['unit', 'api-sqlite'];
if (process.env.TEST_DATABASE_URL) projects.push('api-postgres');
else if (process.env.REQUIRE_POSTGRES === '1') {
  console.error('✖ REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set.');
  process.exit(1);
} else
  skipped.push(
    'PostgreSQL suite: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  );

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const journeys = existsSync(`${root}/e2e`)
  ? readdirSync(`${root}/e2e`).filter((f) => f.endsWith('.e2e.ts'))
  : [];
if (journeys.length === 0) skipped.push('Browser suite: there are no journeys in e2e/ yet.');
else if (existsSync(chromium)) projects.push('e2e');
else if (process.env.REQUIRE_BROWSER === '1') {
  console.error(`✖ REQUIRE_BROWSER=1 but Chromium is not at ${chromium}.`);
  process.exit(1);
} else skipped.push(`Browser suite: Chromium not found at ${chromium} (Debian: apt-get install chromium).`);

for (const line of skipped) console.log(`⚠ Skipped — ${line}`);

run('Type check (server)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('Type check (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
run('Lint', bin('eslint'), ['.']);
run('Format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
run('Import boundaries (dependency-cruiser)', process.execPath, ['--import', 'tsx', 'scripts/boundaries.ts']);
run('Travel-rules data (alongside rules lint)', `${root}/bin/alongside`, ['rules', 'lint']);
if (projects.includes('e2e'))
  run('Build the web app', process.execPath, [
    `${root}/node_modules/vite/bin/vite.js`,
    'build',
    '--logLevel',
    'warn',
  ]);
// The browser journeys run after the other suites, not beside them: on a 2-core machine they take
// no longer that way, and a journey's step never waits on a CPU busy with another suite's server
// processes (reminders-crash starts two). Each suite's time is printed.
const dataProjects = projects.filter((p) => p !== 'e2e');
const timed = (label, command, args) => {
  const started = Date.now();
  run(label, command, args);
  console.log(`⏱ ${label}: ${Math.round((Date.now() - started) / 1000)} s`);
};
timed(`Tests (${dataProjects.join(', ')})`, bin('vitest'), [
  'run',
  ...dataProjects.flatMap((p) => ['--project', p]),
]);
if (projects.includes('e2e')) timed('Tests (e2e, in Chromium)', bin('vitest'), ['run', '--project', 'e2e']);

for (const line of skipped) console.log(`⚠ Skipped — ${line}`);
console.log('\n✔ All tests passed.');
