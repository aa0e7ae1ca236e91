import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, hasCommand, median, startServer, wrk, type WrkResult } from './lib.js';
import { seed } from './seed.js';

// `npm run bench`: an authenticated read of a whole trip checklist on our real server (SQLite,
// 1,000 seeded families, default logging), against the machine's ceiling (bare Fastify +
// better-sqlite3 primary-key read), interleaved round by round so that both see the same machine.
// wrk runs in its own process. Ratios are paired within a round; the last line is the summary.

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

if (!hasCommand('wrk')) {
  console.error(
    'npm run bench needs wrk (Debian: apt-get install wrk); autocannon saturates below this machine’s ceiling.',
  );
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'alongside-bench-'));
const children: Array<{ kill(): boolean }> = [];
try {
  console.log(`Seeding ${FAMILIES} families…`);
  const seeded = await seed(join(work, 'alongside.sqlite'), FAMILIES);
  const targetsFile = join(work, 'targets.txt');
  writeFileSync(targetsFile, seeded.targets.map((t) => `${t.token} ${t.tripId}`).join('\n') + '\n');

  const ourPort = await freePort();
  const ceilingPort = await freePort();
  children.push(
    await startServer(
      ['--import', 'tsx', join(root, 'src/server/main.ts')],
      { PORT: String(ourPort), DATA_DIR: work, HOST: '127.0.0.1', NODE_ENV: 'production' },
      /Alongside is ready/,
    ),
    await startServer(
      ['--import', 'tsx', join(here, 'ceiling-server.ts'), join(work, 'ceiling.sqlite'), String(ceilingPort)],
      {},
      /ready/,
    ),
  );

  const ours = () =>
    wrk(`http://127.0.0.1:${ourPort}`, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      script: join(here, 'checklist-targets.lua'),
      env: { TARGETS: targetsFile },
    });
  const ceiling = () =>
    wrk(`http://127.0.0.1:${ceilingPort}`, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      script: join(here, 'ceiling-targets.lua'),
    });

  console.log('Warming up…');
  wrk(`http://127.0.0.1:${ourPort}`, {
    seconds: 3,
    connections: CONNECTIONS,
    script: join(here, 'checklist-targets.lua'),
    env: { TARGETS: targetsFile },
  });
  wrk(`http://127.0.0.1:${ceilingPort}`, {
    seconds: 3,
    connections: CONNECTIONS,
    script: join(here, 'ceiling-targets.lua'),
  });

  const rounds: Array<{ ours: WrkResult; ceiling: WrkResult; ratio: number }> = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which goes first, so neither always gets the cooler machine.
    const [first, second] = round % 2 ? [ours(), ceiling()] : ((c, o) => [o, c])(ceiling(), ours());
    const result = {
      ours: first,
      ceiling: second,
      ratio: first.requestsPerSecond / second.requestsPerSecond,
    };
    rounds.push(result);
    if (result.ours.non2xx > 0 || result.ours.errors > 0)
      throw new Error(`round ${round}: ${result.ours.non2xx} non-2xx, ${result.ours.errors} socket errors`);
    console.log(
      `round ${round}: checklist ${result.ours.requestsPerSecond.toFixed(0)} req/s (p50 ${result.ours.p50Ms.toFixed(2)} ms, p99 ${result.ours.p99Ms.toFixed(2)} ms) | ceiling ${result.ceiling.requestsPerSecond.toFixed(0)} req/s (p99 ${result.ceiling.p99Ms.toFixed(2)} ms) | ratio ${result.ratio.toFixed(3)}`,
    );
  }
  const ratio = median(rounds.map((r) => r.ratio));
  const p99 = median(rounds.map((r) => r.ours.p99Ms));
  console.log(
    `items per checklist: ${seeded.items / FAMILIES}; connections: ${CONNECTIONS}; rounds: ${ROUNDS} × ${SECONDS} s`,
  );
  console.log(`target: ratio >= 0.5 and p99 <= 25 ms — ${ratio >= 0.5 && p99 <= 25 ? 'met' : 'NOT met'}`);
  console.log(`checklist_read ratio=${ratio.toFixed(3)} p99_ms=${p99.toFixed(2)}`);
} finally {
  for (const child of children) child.kill();
  rmSync(work, { recursive: true, force: true });
}
