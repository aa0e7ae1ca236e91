import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { ensureWebBuilt } from '../e2e/harness.js';
import { freePort, signUpFamily, startServer } from './lib.js';

// A family on the day of travel, made through the API of a running server: Jack's box of ashes,
// travelling with them, on a flight leaving later today (in \`zone\`) and home a week later. Used by
// bench:web and by the screenshots of the trip page on the day (scripts/screenshots.ts).

/** Signs a family up and plans today's trip; answers the trip and the session cookie. */
export async function seedTravelDay(base: string, zone: string): Promise<{ tripId: string; cookie: string }> {
  const headers = await signUpFamily(base);
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const answer = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  const { lovedOne } = await post<{ lovedOne: { id: string } }>('/api/loved-ones', {
    name: 'Jack',
    kind: 'pregnancy_loss',
    dateOfLoss: '2025-03-14',
    dueDate: '2025-07-20',
    gestationWeeks: 20,
    lossCountry: 'GB',
  });
  await post(`/api/loved-ones/${lovedOne.id}/keepsakes`, {
    name: "Jack's box of ashes",
    kind: 'ashes',
    container: 'wood',
    travelsWithUs: true,
  });
  // Leaving later today (London time), home a week later.
  const now = DateTime.now().setZone(zone);
  const departure = DateTime.min(now.plus({ hours: 3 }), now.endOf('day').minus({ minutes: 5 }));
  const today = now.toISODate()!;
  const home = now.plus({ days: 7 });
  const { trip } = await post<{ trip: { id: string } }>('/api/trips', {
    name: 'Jack by the sea in Spain',
    startsOn: today,
    endsOn: home.toISODate(),
    purpose: 'carry',
    requireTwoPeople: false,
  });
  const leg = (label: string, from: string, to: string, at: DateTime, zone: string, isReturn: boolean) =>
    post(`/api/trips/${trip.id}/legs`, {
      label,
      mode: 'air',
      fromCountry: from,
      toCountry: to,
      carrier: 'BA',
      bag: 'carry_on',
      departureLocal: at.toFormat("yyyy-MM-dd'T'HH:mm"),
      departureZone: zone,
      isReturn,
    });
  await leg('Flight out', 'GB', 'ES', departure, zone, false);
  await leg('Flight home', 'ES', 'GB', home.set({ hour: 18, minute: 15 }), 'Europe/Madrid', true);
  return { tripId: trip.id, cookie: headers.cookie ?? '' };
}

/**
 * The built app (built first if dist/web is missing) served by the real server in production mode,
 * on SQLite in a fresh folder whatever this shell points at; \`stop\` ends it and removes the folder.
 */
export async function startBuiltApp(prefix: string): Promise<{ base: string; stop: () => Promise<void> }> {
  delete process.env.DATABASE_URL;
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(
    ['--import', 'tsx', 'src/server/main.ts'],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: base,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    /Alongside is ready/,
  );
  return {
    base,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
