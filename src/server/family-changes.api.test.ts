import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CalendarResponse } from '../contracts/remembrance.js';
import { awarenessDaysFor } from '../domain/remembrance/index.js';
import { FAMILY_CHANGED_QUEUE, familyChangedKey } from './family-changes.js';
import { familyChangedJob } from './jobs/family-changed.js';
import { jobRunner } from './jobs/runner.js';
import { buildTestApp, type TestApp } from './test/app.js';
import { createFamily, createLovedOne, createTripWithFlights, type Family } from './test/factories.js';

// A change to a family is one transaction: the writes, the family's revision and the
// family-changed job (which recomputes the calendar and the reminders) commit together, and the
// calendar work happens after the answer, in the job runner, never on the request.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const familyId = (family: Family) => family.session.family.id;
const db = () => t.container.db.kysely;

async function revision(family: Family): Promise<number> {
  const row = await db()
    .selectFrom('families')
    .select('revision')
    .where('id', '=', familyId(family))
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

const familyJob = (family: Family) =>
  db()
    .selectFrom('jobs')
    .select(['state', 'queue'])
    .where('dedupe_key', '=', familyChangedKey(familyId(family)))
    .executeTakeFirst();

const countOf = async (table: 'remembrance_days' | 'reminders', family: Family) =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('family_id', '=', familyId(family))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a change to a family', () => {
  it('answers with its revision raised and its job stored, and leaves the calendar to the job', async () => {
    const family = await createFamily(t.app);
    const before = await revision(family);
    await createLovedOne(family.client);

    expect(await revision(family)).toBe(before + 1);
    expect(await familyJob(family)).toEqual({ state: 'queued', queue: FAMILY_CHANGED_QUEUE });
    // Nothing was computed while the member waited; the job does it.
    expect(await countOf('remembrance_days', family)).toBe(0);

    await t.caughtUp();
    expect(await familyJob(family)).toEqual({ state: 'done', queue: FAMILY_CHANGED_QUEUE });
    expect(await countOf('remembrance_days', family)).toBeGreaterThan(0);
    expect(await countOf('reminders', family)).toBeGreaterThan(0);
  });

  it('a checklist tick raises the revision but queues no job: nothing derived reads the checklist', async () => {
    const family = await createFamily(t.app);
    const trip = await createTripWithFlights(family.client);
    await t.caughtUp();
    const jobBefore = await familyJob(family);
    const before = await revision(family);
    const added = await family.client.post(`/api/trips/${trip.trip.id}/checklist`, {
      label: 'Phone charger',
      scope: 'shared',
    });
    expect(added.statusCode).toBe(201);
    const item = added.json<{ item: { id: string } }>().item;
    const ticked = await family.client.patch(`/api/checklist-items/${item.id}`, { checked: true });
    expect(ticked.statusCode).toBe(200);
    expect(await revision(family)).toBe(before + 2);
    // The family's last job is still the one that ran before: the tick queued none.
    expect(await familyJob(family)).toEqual(jobBefore);
    expect(jobBefore).toEqual({ state: 'done', queue: FAMILY_CHANGED_QUEUE });
  });

  it('folds changes made while the job waits into one job, and queues a finished one again', async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client);
    await createLovedOne(family.client, { name: 'Rosie' });
    await family.client.patch('/api/family', { country: 'GB' });
    const keyed = await db()
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', familyChangedKey(familyId(family)))
      .execute();
    expect(keyed).toHaveLength(1);
    await t.caughtUp();
    await family.client.patch('/api/family', { name: 'The Rivers' });
    expect(await familyJob(family)).toEqual({ state: 'queued', queue: FAMILY_CHANGED_QUEUE });
  });

  it('raises nothing and queues nothing when the request is refused', async () => {
    const family = await createFamily(t.app);
    await t.caughtUp();
    const before = await revision(family);
    const refused = await family.client.post('/api/loved-ones', { name: '' });
    expect(refused.statusCode).toBe(400);
    const missing = await family.client.patch('/api/trips/0190c0de-0000-7000-8000-000000000000', {
      name: 'Nowhere',
    });
    expect(missing.statusCode).toBe(404);
    expect(await revision(family)).toBe(before);
    expect(await familyJob(family)).toBeUndefined();
  });

  it('stores none of its writes, revision or job when the work fails part-way', async () => {
    const family = await createFamily(t.app);
    const before = await revision(family);
    await expect(
      t.container.changes.within(familyId(family), async () => {
        await t.container.changes.scoped
          .updateTable('families')
          .set({ name: 'Half-written' })
          .where('id', '=', familyId(family))
          .execute();
        throw new Error('the work failed after its first write');
      }),
    ).rejects.toThrow('the work failed');
    const row = await db()
      .selectFrom('families')
      .select(['name', 'revision'])
      .where('id', '=', familyId(family))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'The Rivers family' });
    expect(Number(row.revision)).toBe(before);
    expect(await familyJob(family)).toBeUndefined();
  });

  it('never lets a cached checklist outlive a tick', async () => {
    const family = await createFamily(t.app);
    const { trip } = await createTripWithFlights(family.client);
    const added = await family.client.post(`/api/trips/${trip.id}/checklist`, {
      label: 'Passports',
      scope: 'shared',
    });
    expect(added.statusCode).toBe(201);
    const item = added.json<{ item: { id: string } }>().item;
    const first = await family.client.get(`/api/trips/${trip.id}/checklist`);
    expect(first.statusCode).toBe(200);
    expect((await family.client.patch(`/api/checklist-items/${item.id}`, { checked: true })).statusCode).toBe(
      200,
    );
    const second = await family.client.request({
      method: 'GET',
      url: `/api/trips/${trip.id}/checklist`,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json<{ progress: { done: number } }>().progress.done).toBe(1);
  });
});

describe('the calendar and reminders', () => {
  it('catch up with a change by themselves, through the job runner of the process', async () => {
    const family = await createFamily(t.app);
    const runner = t.container.jobs(t.app.log);
    runner.start();
    try {
      await createLovedOne(family.client, { name: 'Elsie' });
      // Waits for the runner (woken by the commit), with a generous cap for a busy machine.
      await vi.waitFor(
        async () => {
          const year = (
            await family.client.get('/api/calendar?from=2026-01-01&to=2026-12-31')
          ).json<CalendarResponse>();
          expect(year.occurrences.map((o) => o.title)).toContain('Remembering Elsie');
          expect(await countOf('reminders', family)).toBeGreaterThan(0);
        },
        { timeout: 60_000, interval: 10 },
      );
    } finally {
      await runner.stop();
    }
  });

  it('are brought up to date once per family when two instances take jobs at the same time', async () => {
    const families = await Promise.all([1, 2, 3, 4].map(() => createFamily(t.app)));
    for (const family of families) await createLovedOne(family.client);
    const listeners = t.container.modules.flatMap(({ name, built }) =>
      built.listens?.familyChanged ? [{ module: name, listener: built.listens.familyChanged }] : [],
    );
    const instances = ['a', 'b'].map((name) => {
      const runner = jobRunner({
        queue: t.container.queue,
        clock: t.container.clock,
        log: t.app.log,
        workerId: `instance-${name}`,
        pollMs: 1000,
        leaseMs: 60_000,
      });
      runner.register(familyChangedJob(listeners));
      return runner;
    });
    const taken = await Promise.all(instances.map((r) => r.drain(FAMILY_CHANGED_QUEUE)));
    expect(taken[0]! + taken[1]!).toBeGreaterThanOrEqual(families.length);
    // Jack's two days, and the UK's baby-loss awareness days (he died in the UK), once each.
    const awareness = awarenessDaysFor('GB', 'Europe/London', { losses: ['pregnancy_loss'] }).length;
    expect(awareness).toBeGreaterThan(0);
    for (const family of families) {
      expect(await familyJob(family)).toEqual({ state: 'done', queue: FAMILY_CHANGED_QUEUE });
      expect(await countOf('remembrance_days', family)).toBe(2 + awareness);
    }
  });
});
