import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChildRitualsResponse, RitualMarksResponse } from '../../../contracts/rituals.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { handOver, makeChild } from '../../test/child-mode.js';
import { addMember, createFamily, createKeepsake, createLovedOne } from '../../test/factories.js';

// Rituals in child mode, on both databases: a child on a handed-over phone sees the cards due (what
// to do and the children's part, nothing else of the family's), says "We did it", and the family's
// "What we have done" shows the child took part. Nobody else uses these routes.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-06-13T12:00:00.000Z'));

async function waterOnSaturdays() {
  const family = await createFamily(t.app, { displayName: 'Olive' });
  const jack = await createLovedOne(family.client);
  await createKeepsake(family.client, jack.id);
  const added = await family.client.post(`/api/loved-ones/${jack.id}/rituals`, {
    title: 'Water for Jack',
    whatToDo: 'Set out a glass of water for Jack',
    when: 'schedule',
    repeat: 'weekly',
    date: '2026-06-06',
    time: '19:00',
    childrenPart: 'Fill the glass and put it by his photo',
  });
  expect(added.statusCode, added.body).toBe(201);
  const miaId = await makeChild(family.client);
  return { family, jack, miaId };
}

describe('rituals in child mode', () => {
  it('shows the card due with the children’s part, and "We did it" is kept with the child’s name', async () => {
    const { family, jack, miaId } = await waterOnSaturdays();
    const { phone } = await handOver(t.app, family.client, miaId);
    expect((await phone.get('/api/child-mode/rituals')).json<ChildRitualsResponse>().due).toEqual([]);

    t.clock.set('2026-06-13T18:05:00.000Z'); // 19:05 in London
    const listed = await phone.get('/api/child-mode/rituals');
    expect(listed.statusCode, listed.body).toBe(200);
    const [card] = listed.json<ChildRitualsResponse>().due;
    expect(card).toEqual({
      ritualId: expect.any(String),
      occurrenceKey: '2026-06-13',
      lovedOneName: jack.name,
      title: 'Water for Jack',
      whatToDo: 'Set out a glass of water for Jack',
      childrenPart: 'Fill the glass and put it by his photo',
      dueAt: '2026-06-13T18:00:00.000Z',
      zone: 'Europe/London',
      tripName: null,
    });

    const done = await phone.post(`/api/child-mode/rituals/${card!.ritualId}/done`, {
      occurrenceKey: card!.occurrenceKey,
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json<ChildRitualsResponse>().due).toEqual([]);
    // Twice (a tap sent again) is kept once.
    const again = await phone.post(`/api/child-mode/rituals/${card!.ritualId}/done`, {
      occurrenceKey: card!.occurrenceKey,
    });
    expect(again.statusCode).toBe(201);

    // The grown-ups see who took part, recorded on the phone of the parent who handed it over (that
    // phone is in child mode now: the other parent looks).
    const partner = await addMember(t.app, t.container.db.kysely, family, 'adult');
    const marks = await partner.client.get(`/api/loved-ones/${jack.id}/ritual-marks`);
    expect(marks.json<RitualMarksResponse>().marks).toEqual([
      expect.objectContaining({ tookPart: 'Mia', markedByName: 'Olive', ritualTitle: 'Water for Jack' }),
    ]);
  });

  it('refuses a card that is not due, another family’s ritual, bad input, and every session but a child’s', async () => {
    const { family, miaId } = await waterOnSaturdays();
    const other = await waterOnSaturdays();
    const { phone } = await handOver(t.app, family.client, miaId);
    t.clock.set('2026-06-13T18:05:00.000Z');
    const [theirs] = (
      await (await handOver(t.app, other.family.client, other.miaId)).phone.get('/api/child-mode/rituals')
    ).json<ChildRitualsResponse>().due;
    const [ours] = (await phone.get('/api/child-mode/rituals')).json<ChildRitualsResponse>().due;

    expect(
      (await phone.post(`/api/child-mode/rituals/${theirs!.ritualId}/done`, { occurrenceKey: '2026-06-13' }))
        .statusCode,
    ).toBe(404);
    const notDue = await phone.post(`/api/child-mode/rituals/${ours!.ritualId}/done`, {
      occurrenceKey: '2026-06-06',
    });
    expect(notDue.statusCode).toBe(400);
    expect(notDue.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'occurrenceKey',
    );
    const extra = await phone.post(`/api/child-mode/rituals/${ours!.ritualId}/done`, {
      occurrenceKey: '2026-06-13',
      tookPart: 'Someone else',
    });
    expect(extra.statusCode).toBe(400);

    // An adult, a teen and a viewer use the family's own ritual routes, never child mode's.
    const adult = await addMember(t.app, t.container.db.kysely, other.family, 'adult');
    const teen = await addMember(t.app, t.container.db.kysely, other.family, 'child');
    const viewer = await addMember(t.app, t.container.db.kysely, other.family, 'viewer');
    for (const client of [adult.client, teen.client, viewer.client]) {
      expect((await client.get('/api/child-mode/rituals')).statusCode).toBe(403);
      expect(
        (
          await client.post(`/api/child-mode/rituals/${theirs!.ritualId}/done`, {
            occurrenceKey: '2026-06-13',
          })
        ).statusCode,
      ).toBe(403);
    }
    // Nothing was stored: both cards are still due.
    expect((await phone.get('/api/child-mode/rituals')).json<ChildRitualsResponse>().due).toHaveLength(1);
  });
});
