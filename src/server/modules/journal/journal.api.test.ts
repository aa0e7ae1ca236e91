import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcrossYearsResponse, Entry, JournalResponse } from '../../../contracts/journal.js';
import { newId } from '../../secrets.js';
import { buildTestApp, type Client, type TestApp } from '../../test/app.js';
import {
  addMember,
  childMode,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';
import { allTables, snapshotData } from '../../test/snapshot.js';

// The journal on the real server and database (both, as every API suite runs): a private entry is
// its writer's alone through every route; shared, the family's adults read it and only its writer
// changes it; prompts are one at a time with "not today" and "quiet years"; the day across the
// years shows, year by year, only what the reader may read.

let t: TestApp;
let owner: Family;
let adult: Family;
let teen: Family;
let viewer: Family;
let other: Family;
let phone: Client;
let lovedOneId: string;
let dayId: string;
const secret = 'Dear Jack, I still set your place at the table. Nobody knows but you.';

beforeAll(async () => {
  t = await buildTestApp();
  owner = await createFamily(t.app, { displayName: 'Olive' });
  adult = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Sam');
  teen = await addMember(t.app, t.container.db.kysely, owner, 'child', 'Teo');
  viewer = await addMember(t.app, t.container.db.kysely, owner, 'viewer', 'Grandma');
  other = await createFamily(t.app, { displayName: 'Bea' });
  const lovedOne = await createLovedOne(owner.client, { name: 'Jack' });
  lovedOneId = lovedOne.id;
  await createKeepsake(owner.client, lovedOneId);
  // Summer in Spain, its first and last days around Jack's day in 2026, with Jack's box aboard.
  await createTripWithFlights(owner.client, { startsOn: '2026-05-30', endsOn: '2026-06-06' });
  const profiles = await owner.client.post('/api/child-profiles', { displayName: 'Mia' });
  phone = (
    await childMode(t.app, t.container.db.kysely, owner, {
      childProfileId: profiles.json<{ profiles: Array<{ id: string }> }>().profiles[0]!.id,
    })
  ).client;
  const day = await owner.client.post('/api/remembrance/days', {
    title: 'The day we scattered some of Jack at the sea',
    date: '2024-06-02',
    recurrence: 'yearly',
    lovedOneId,
  });
  expect(day.statusCode).toBe(204);
  const days = (await owner.client.get(`/api/loved-ones/${lovedOneId}/across-years`)).json<{
    days: Array<{ dayId: string; title: string }>;
  }>().days;
  dayId = days.find((d) => d.title.startsWith('The day we scattered'))!.dayId;
});
afterAll(() => t.close());

const write = async (client: Client, body: Record<string, unknown>) => {
  const response = await client.post(`/api/loved-ones/${lovedOneId}/journal`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ entry: Entry }>().entry;
};
const journalOf = async (client: Client) => {
  const response = await client.get(`/api/loved-ones/${lovedOneId}/journal`);
  expect(response.statusCode).toBe(200);
  return response.json<JournalResponse>();
};

describe('a private letter', () => {
  it('is written for today in the family’s zone, and only its writer can read, change or share it', async () => {
    t.clock.set('2026-06-01T23:30:00.000Z'); // already 2 June in London (BST)
    const letter = await write(owner.client, { kind: 'letter', title: 'Dear Jack', text: secret });
    expect(letter).toMatchObject({ writtenFor: '2026-06-02', mine: true, sharedAt: null, kind: 'letter' });
    expect((await journalOf(owner.client)).entries.map((e) => e.text)).toContain(secret);

    const before = await snapshotData(t.container.db.kysely, allTables);
    // The co-parent, an adult: the entry is not in their journal, and answers 404 as if it did not exist.
    expect(JSON.stringify(await journalOf(adult.client))).not.toContain('set your place');
    for (const [method, url, payload] of [
      ['PUT', `/api/journal-entries/${letter.id}`, { kind: 'entry', text: 'Changed' }],
      ['PUT', `/api/journal-entries/${letter.id}/sharing`, { shared: true }],
      ['DELETE', `/api/journal-entries/${letter.id}`, undefined],
    ] as const) {
      const response = await adult.client.request({ method, url, ...(payload && { payload }) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain('set your place');
      // A teen, a viewer and child mode have no journal at all; another family finds no such entry.
      for (const client of [teen.client, viewer.client, phone]) {
        const refused = await client.request({ method, url, ...(payload && { payload }) });
        expect(refused.statusCode, `${method} ${url}`).toBe(403);
      }
      const elsewhere = await other.client.request({ method, url, ...(payload && { payload }) });
      expect(elsewhere.statusCode).toBe(404);
    }
    for (const client of [teen.client, viewer.client, phone]) {
      const response = await client.get(`/api/loved-ones/${lovedOneId}/journal`);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('set your place');
    }
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('is shared with the family’s adults when its writer says so, and taken back again', async () => {
    const letter = (await journalOf(owner.client)).entries.find((e) => e.text === secret)!;
    const shared = await owner.client.put(`/api/journal-entries/${letter.id}/sharing`, { shared: true });
    expect(shared.statusCode).toBe(200);
    const seen = (await journalOf(adult.client)).entries.find((e) => e.id === letter.id)!;
    expect(seen).toMatchObject({ text: secret, mine: false, authorName: 'Olive' });
    expect(seen.sharedAt).not.toBeNull();
    // Shared is not theirs: the co-parent still cannot change or delete it.
    expect(
      (await adult.client.request({ method: 'DELETE', url: `/api/journal-entries/${letter.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await adult.client.put(`/api/journal-entries/${letter.id}`, { kind: 'entry', text: 'x' })).statusCode,
    ).toBe(404);
    // Nor does a teen see it: the journal is the grown-ups'.
    expect((await teen.client.get(`/api/loved-ones/${lovedOneId}/journal`)).statusCode).toBe(403);

    await owner.client.put(`/api/journal-entries/${letter.id}/sharing`, { shared: false });
    expect(JSON.stringify(await journalOf(adult.client))).not.toContain('set your place');
  });

  it('is changed and deleted by its writer', async () => {
    const entry = await write(owner.client, {
      kind: 'entry',
      text: 'A first line',
      writtenFor: '2026-05-30',
    });
    const changed = await owner.client.put(`/api/journal-entries/${entry.id}`, {
      kind: 'entry',
      title: 'At the sea',
      text: 'A better line',
      writtenFor: '2026-05-31',
    });
    expect(changed.json<{ entry: Entry }>().entry).toMatchObject({
      title: 'At the sea',
      text: 'A better line',
      writtenFor: '2026-05-31',
    });
    expect((await owner.client.delete(`/api/journal-entries/${entry.id}`)).statusCode).toBe(204);
    expect((await journalOf(owner.client)).entries.map((e) => e.id)).not.toContain(entry.id);
  });

  it('may be long, and one over the cap is refused with the cap in the message and nothing kept', async () => {
    const long = 'Words for Jack. '.repeat(3000); // 48,000 characters
    expect((await write(owner.client, { kind: 'letter', text: long })).text).toBe(long.trim());
    const before = await snapshotData(t.container.db.kysely, allTables);
    const refused = await owner.client.post(`/api/loved-ones/${lovedOneId}/journal`, {
      kind: 'letter',
      text: 'x'.repeat(50_001),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.text).toMatch(/50000 characters/);
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });
});

describe('gentle prompts', () => {
  it('offer one at a time, go away with "not today", and stay away in quiet years', async () => {
    t.clock.set('2026-06-03T09:00:00.000Z');
    const first = (await journalOf(adult.client)).prompt;
    expect(first?.text).toBeTruthy();
    const rested = await adult.client.post('/api/journal/prompt/not-today');
    expect(rested.json()).toEqual({ prompt: null });
    expect((await journalOf(adult.client)).prompt).toBeNull();
    // Another member's prompt is their own.
    expect((await journalOf(owner.client)).prompt).not.toBeNull();
    // The next day it comes back, a different one, and nothing about the day before is said.
    t.clock.set('2026-06-04T09:00:00.000Z');
    const next = (await journalOf(adult.client)).prompt;
    expect(next).not.toBeNull();
    expect(next!.id).not.toBe(first!.id);
    // Quiet years: off until the member turns them on again.
    const quiet = await adult.client.put('/api/journal/settings', { prompts: false });
    expect(quiet.json()).toEqual({ settings: { prompts: false, acrossYearsHidden: false } });
    t.clock.set('2026-06-05T09:00:00.000Z');
    expect((await journalOf(adult.client)).prompt).toBeNull();
    await adult.client.put('/api/journal/settings', { prompts: true });
    expect((await journalOf(adult.client)).prompt).not.toBeNull();
  });
});

describe("Jack's day across the years", () => {
  it('shows, year by year, what the reader may read, what the family did and where Jack was', async () => {
    t.clock.set('2026-06-05T10:00:00.000Z');
    const sharedLetter = await write(owner.client, {
      kind: 'letter',
      text: 'A year since the sea, Jack.',
      writtenFor: '2025-06-02',
    });
    await owner.client.put(`/api/journal-entries/${sharedLetter.id}/sharing`, { shared: true });
    await write(owner.client, {
      kind: 'entry',
      text: 'Only mine, the first time.',
      writtenFor: '2024-06-02',
    });
    await write(adult.client, { kind: 'entry', text: 'Sam remembers the gulls.', writtenFor: '2025-06-02' });
    // A ritual done on that day in 2025 (rituals.api.test.ts marks through the API; here the date matters).
    const rituals = await owner.client.post(`/api/loved-ones/${lovedOneId}/rituals`, {
      title: 'Shells for Jack',
      whatToDo: 'Lay a shell by his box',
      when: 'arrival',
    });
    const ritualId = rituals.json<{ rituals: Array<{ id: string }> }>().rituals[0]!.id;
    await t.container.db.kysely
      .insertInto('ritual_marks')
      .values({
        id: newId(),
        family_id: owner.session.family.id,
        ritual_id: ritualId,
        occurrence_key: 'arrival:2025',
        due_at: '2025-06-02T17:00:00.000Z',
        outcome: 'done',
        took_part: 'Olive and Sam',
        line: 'The tide was out',
        media_id: null,
        marked_by: owner.session.member.id,
        marked_at: '2025-06-02T17:05:00.000Z',
      })
      .execute();

    const asAdult = (
      await adult.client.get(`/api/remembrance-days/${dayId}/across-years`)
    ).json<AcrossYearsResponse>();
    expect(asAdult.hidden).toBe(false);
    expect(asAdult.lovedOneName).toBe('Jack');
    expect(asAdult.years.map((y) => y.date)).toEqual(['2026-06-02', '2025-06-02']);
    const [y2026, y2025] = asAdult.years;
    expect(y2026!.trips).toEqual([expect.objectContaining({ name: 'Summer in Spain' })]);
    expect(y2026!.trips[0]!.places.length).toBe(1);
    expect(y2025!.entries.map((e) => e.text).sort()).toEqual([
      'A year since the sea, Jack.',
      'Sam remembers the gulls.',
    ]);
    expect(y2025!.rituals).toEqual([
      { title: 'Shells for Jack', tookPart: 'Olive and Sam', line: 'The tide was out' },
    ]);
    expect(JSON.stringify(asAdult)).not.toContain('Only mine');

    const asOwner = (
      await owner.client.get(`/api/remembrance-days/${dayId}/across-years`)
    ).json<AcrossYearsResponse>();
    expect(asOwner.years.map((y) => y.date)).toEqual(['2026-06-02', '2025-06-02', '2024-06-02']);
    expect(JSON.stringify(asOwner)).not.toContain('gulls');
  });

  it('can be hidden by a member for themselves', async () => {
    await adult.client.put('/api/journal/settings', { acrossYearsHidden: true });
    const hidden = (
      await adult.client.get(`/api/remembrance-days/${dayId}/across-years`)
    ).json<AcrossYearsResponse>();
    expect(hidden).toMatchObject({ hidden: true, years: [] });
    expect((await adult.client.get(`/api/loved-ones/${lovedOneId}/across-years`)).json()).toEqual({
      hidden: true,
      days: [],
    });
    const forOwner = (
      await owner.client.get(`/api/remembrance-days/${dayId}/across-years`)
    ).json<AcrossYearsResponse>();
    expect(forOwner.years.length).toBeGreaterThan(0);
    await adult.client.put('/api/journal/settings', { acrossYearsHidden: false });
  });
});
