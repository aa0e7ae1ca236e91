import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyRevision } from '../../../contracts/live.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { buildContainer, type Container } from '../../container.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { testDialect } from '../../test/database.js';
import { addMember, createFamily, type Family } from '../../test/factories.js';
import { populateFamily, type ResourceIds } from '../../test/populate.js';
import { openEventStream, revisionOf, type EventStream } from '../../test/sse.js';

// Two phones, one check: each member's app holds a stream of "the family changed, revision N"
// notices (GET /api/family/events) and asks again for what it shows. These tests only wait for
// notices, with a generous cap; how fast they come is for bench/live.bench.ts to print.

let t: TestApp;
let url: string;
let olive: Family;
let sam: Family;
let other: Family;
let ids: ResourceIds & { memberId: string };
const opened: EventStream[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  olive = await createFamily(t.app, { displayName: 'Olive' });
  sam = await addMember(t.app, t.container.db.kysely, olive, 'adult', 'Sam');
  other = await createFamily(t.app, { displayName: 'Bea', familyName: 'Another family' });
  ids = await populateFamily(olive, 'Jack', t.container.db.kysely);
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const stream of opened) stream.close();
  await t.close();
});

const open = async (base: string, who: Family, options: { since?: number; lastEventId?: string } = {}) => {
  const stream = await openEventStream(base, who.cookie, options);
  opened.push(stream);
  return stream;
};
const revisionNow = async (who: Family) =>
  (await who.client.get('/api/family/events')).json<FamilyRevision>().revision;
const confirmAs = (who: Family, body: Record<string, unknown> = {}) =>
  who.client.post(`/api/leg-checks/${ids.checkId}/confirmations`, {
    travellerId: ids.travellerId,
    tripKeepsakeIds: [ids.tripKeepsakeId],
    ...body,
  });

describe('the family revision, read once', () => {
  it('answers an ordinary read with the revision, and it rises with each change', async () => {
    const before = await revisionNow(olive);
    expect((await confirmAs(olive)).statusCode).toBe(201);
    expect(await revisionNow(sam)).toBeGreaterThan(before);
  });

  it('refuses a revision that is not a whole number, naming it', async () => {
    const response = await olive.client.get('/api/family/events?since=soon');
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields ?? {})).toContain('since');
  });
});

describe('a stream of notices', () => {
  it('tells the other phone when one confirms, and the other then reads the confirmation', async () => {
    const stream = await open(url, sam);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const first = await stream.next(() => true);
    expect(first.event).toBe('changed');
    const start = revisionOf(first);
    expect(first.id).toBe(String(start));

    const confirmed = await confirmAs(olive);
    expect(confirmed.statusCode).toBe(201);
    const seen = await stream.next((e) => revisionOf(e) > start);
    // The notice carries no data: only the revision.
    expect(JSON.parse(seen.data)).toEqual({ revision: start + 1 });

    const trip = (await sam.client.get(`/api/trips/${ids.tripId}`)).json<TripDetail>();
    const check = trip.legs[0]!.checks.find((c) => c.id === ids.checkId)!;
    expect(check.keepsakes[0]!.confirmations.map((c) => c.recordedByName)).toContain('Olive');
  });

  it('tells of a confirmation kept on a phone without signal once the outbox sends it', async () => {
    const stream = await open(url, olive);
    const start = revisionOf(await stream.next(() => true));
    // As outbox-sync.ts replays it: the moment of the tap travels with it.
    const replayed = await confirmAs(sam, { tappedAt: new Date(t.clock.now() - 60_000).toISOString() });
    expect(replayed.statusCode).toBe(201);
    await stream.next((e) => revisionOf(e) > start);
  });

  it("never tells one family of another's changes", async () => {
    const bea = await open(url, other);
    const beaStart = revisionOf(await bea.next(() => true));
    const sams = await open(url, sam);
    const samStart = revisionOf(await sams.next(() => true));
    await confirmAs(olive);
    await sams.next((e) => revisionOf(e) > samStart);
    expect((await other.client.post('/api/loved-ones', { name: 'Nell', kind: 'adult' })).statusCode).toBe(
      201,
    );
    await bea.next((e) => revisionOf(e) > beaStart);
    // Only its own family's revisions, in order.
    expect(bea.events.map(revisionOf)).toEqual([beaStart, beaStart + 1]);
  });

  it('catches up on reconnecting: a missed change is told at once, a seen revision is not repeated', async () => {
    const seen = await revisionNow(sam);
    await confirmAs(olive); // made while Sam's phone had no stream
    const behind = await open(url, sam, { since: seen });
    expect(revisionOf(await behind.next(() => true))).toBeGreaterThan(seen);

    const current = await revisionNow(sam);
    const upToDate = await open(url, sam, { lastEventId: String(current) });
    await confirmAs(olive);
    const next = await upToDate.next(() => true);
    expect(revisionOf(next)).toBe(current + 1);
    expect(upToDate.events[0]).toBe(next);
  });

  it('ends the stream of a member who is removed from the family, and tells them nothing more', async () => {
    const leaving = await addMember(t.app, t.container.db.kysely, olive, 'adult', 'Leaving');
    const stream = await open(url, leaving);
    await stream.next(() => true);
    const removed = await olive.client.delete(`/api/family/members/${leaving.session.member.id}`);
    expect(removed.statusCode).toBe(204);
    await stream.ended;
    expect(stream.events).toHaveLength(1);
  });

  it('answers 401 without a session, as a stream too', async () => {
    const response = await fetch(new URL('/api/family/events', url), {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(401);
  });
});

describe('shutting down', () => {
  it('ends open streams, so closing the server does not wait for them', async () => {
    const own = await buildTestApp();
    try {
      const family = await createFamily(own.app);
      const base = await own.app.listen({ port: 0, host: '127.0.0.1' });
      const stream = await openEventStream(base, family.cookie);
      await stream.next(() => true);
      await own.app.close();
      await stream.ended;
    } finally {
      await own.close();
    }
  });
});

/** A second app process's worth on the same database: another instance behind the load balancer. */
async function secondInstance(): Promise<{ app: FastifyInstance; container: Container; url: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: t.database.dataDir,
    BASE_URL: 'http://alongside.test',
    DATABASE_URL: t.database.databaseUrl!,
  });
  const container = await buildContainer(config, { clock: t.clock });
  const app = await buildApp(container);
  return { app, container, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

describe.runIf(testDialect() === 'postgres')('several instances on one PostgreSQL database', () => {
  it('tells a stream on instance B of a change made through instance A, and of nothing else', async () => {
    const b = await secondInstance();
    try {
      const onB = await open(b.url, sam);
      const start = revisionOf(await onB.next(() => true));
      const bea = await open(b.url, other);
      const beaStart = revisionOf(await bea.next(() => true));
      // Through instance A (t.app), as the other phone would through the load balancer.
      expect((await confirmAs(olive)).statusCode).toBe(201);
      await onB.next((e) => revisionOf(e) > start);
      // And back: a change through B reaches a stream on A.
      const onA = await open(url, olive);
      const aStart = revisionOf(await onA.next(() => true));
      const response = await b.app.inject({
        method: 'POST',
        url: `/api/leg-checks/${ids.checkId}/confirmations`,
        headers: { cookie: sam.cookie, 'x-csrf-token': sam.client.csrfToken },
        payload: { travellerId: ids.travellerId, tripKeepsakeIds: [ids.tripKeepsakeId] },
      });
      expect(response.statusCode).toBe(201);
      await onA.next((e) => revisionOf(e) > aStart);
      expect(bea.events.map(revisionOf)).toEqual([beaStart]);
    } finally {
      await b.app.close();
      await b.container.close();
    }
  });

  it('reopens a lost listening connection and catches up on what changed meanwhile', async () => {
    const stream = await open(url, sam);
    const start = revisionOf(await stream.next(() => true));
    // The database ends the listening connection (a restart, a failover, an administrator).
    const ended = async () =>
      (
        await sql<{
          ended: boolean;
        }>`select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and query like 'LISTEN%'`.execute(
          t.container.db.kysely,
        )
      ).rows.length;
    await expect.poll(ended, { timeout: 15_000 }).toBeGreaterThan(0);
    await confirmAs(olive);
    await stream.next((e) => revisionOf(e) > start);
  });

  it('a rolled-back change is never announced', async () => {
    const stream = await open(url, sam);
    const start = revisionOf(await stream.next(() => true));
    // Refused (no such keepsake on the trip): the transaction rolls back, its NOTIFY with it.
    const refused = await olive.client.post(`/api/leg-checks/${ids.checkId}/confirmations`, {
      travellerId: ids.travellerId,
      tripKeepsakeIds: [ids.keepsakeId],
    });
    expect(refused.statusCode).toBe(400);
    await confirmAs(olive);
    await stream.next((e) => revisionOf(e) > start);
    expect(stream.events.map(revisionOf)).toEqual([start, start + 1]);
  });
});
