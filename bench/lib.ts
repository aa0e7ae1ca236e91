import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// Small helpers shared by the benchmarks: free ports, child servers, wrk runs, medians.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a child process and resolves once a line of its stdout matches `ready`. */
export function startServer(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${args.join(' ')}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (seen === null) return;
      seen += chunk.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        seen = '';
        child.stdout.removeAllListeners('data');
        child.stdout.resume(); // keep draining so the child never blocks on a full pipe
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${args.join(' ')}`)));
  });
}

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** wrk's own summary, for a message when something went wrong. */
  output: string;
}

const toMs = (value: string): number => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) throw new Error(`cannot read latency "${value}"`);
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
};

/** Runs wrk (one thread, `connections` connections) and reads its summary. */
export function wrk(
  url: string,
  options: {
    seconds: number;
    connections: number;
    script?: string;
    env?: Record<string, string>;
    /** How long wrk waits for an answer before counting a timeout (wrk's default: 2 s). */
    timeout?: string;
  },
): WrkResult {
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    ...(options.timeout ? ['--timeout', options.timeout] : []),
    ...(options.script ? ['-s', options.script] : []),
    url,
  ];
  const run = spawnSync('wrk', args, { encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (run.status !== 0)
    throw new Error(`wrk failed: ${run.stderr || run.error?.message || run.stdout.split('\n')[0]}`);
  const out = run.stdout;
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const p50 = /\s50%\s+(\S+)/.exec(out)?.[1];
  const p99 = /\s99%\s+(\S+)/.exec(out)?.[1];
  if (!rps || !p50 || !p99) throw new Error(`cannot read wrk output:\n${out}`);
  return {
    requestsPerSecond: Number(rps),
    p50Ms: toMs(p50),
    p99Ms: toMs(p99),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    errors: [...out.matchAll(/(connect|read|write|timeout) (\d+)/g)].reduce(
      (sum, m) => sum + Number(m[2]),
      0,
    ),
    output: out,
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/**
 * Signs a new family up on a running server; answers the headers a signed-in browser sends with a
 * change (session cookie, CSRF token, JSON).
 */
export async function signUpFamily(base: string): Promise<Record<string, string>> {
  const signUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      displayName: 'Anna',
      email: `anna-${Date.now()}@example.com`,
      password: 'a long and gentle password',
      familyName: 'The Rivers family',
      homeZone: 'Europe/London',
    }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signUp.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}
