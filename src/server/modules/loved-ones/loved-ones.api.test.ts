import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createFamily, createKeepsake, createLovedOne, createTripWithFlights } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('loved ones', () => {
  it('adds Jack with the dates that matter, and lists him', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    expect(jack).toMatchObject({
      name: 'Jack',
      kind: 'pregnancy_loss',
      dateOfLoss: '2025-03-14',
      dueDate: '2025-07-20',
      gestationWeeks: 20,
      lossCountry: 'GB',
    });
    const list = (await client.get('/api/loved-ones')).json<{
      lovedOnes: Array<LovedOne & { keepsakeCount: number }>;
    }>();
    expect(list.lovedOnes).toEqual([
      expect.objectContaining({ id: jack.id, name: 'Jack', keepsakeCount: 0 }),
    ]);
  });

  it('edits and clears fields, keeping the rest', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client, { story: 'Our little one.' });
    const edited = await client.patch(`/api/loved-ones/${jack.id}`, { relationship: 'our son', story: '' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().lovedOne).toMatchObject({
      relationship: 'our son',
      story: null,
      dueDate: '2025-07-20',
    });
  });

  it('refuses a date of death before the date of birth, naming the field, also across edits', async () => {
    const { client } = await createFamily(t.app);
    const created = await client.post('/api/loved-ones', {
      name: 'Nell',
      kind: 'adult',
      dateOfBirth: '1950-01-01',
      dateOfDeath: '1949-01-01',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields.dateOfDeath).toContain('should not be before');
    const nell = await createLovedOne(client, { name: 'Nell', kind: 'adult', dateOfBirth: '1950-01-01' });
    const edited = await client.patch(`/api/loved-ones/${nell.id}`, { dateOfDeath: '1949-12-31' });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().error.fields.dateOfDeath).toBeDefined();
  });

  it('keeps whether a baby was born alive unknown until the family says, and keeps the part of the country', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    expect(jack).toMatchObject({ bornAlive: null, birthWeightGrams: null, lossRegion: null });
    const said = await client.patch(`/api/loved-ones/${jack.id}`, {
      bornAlive: false,
      birthWeightGrams: 320,
      lossRegion: 'gb-sct',
    });
    expect(said.statusCode).toBe(200);
    expect(said.json().lovedOne).toMatchObject({
      bornAlive: false,
      birthWeightGrams: 320,
      lossRegion: 'GB-SCT',
    });
    const unsaid = await client.patch(`/api/loved-ones/${jack.id}`, { bornAlive: null });
    expect(unsaid.json().lovedOne).toMatchObject({ bornAlive: null, lossRegion: 'GB-SCT' });
  });

  it('refuses a part of the country that does not exist or lies in another country, naming the field', async () => {
    const { client } = await createFamily(t.app);
    const unknown = await client.post('/api/loved-ones', {
      name: 'Ada',
      kind: 'infant',
      lossRegion: 'GB-XYZ',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.lossRegion).toContain('Please choose');
    const elsewhere = await client.post('/api/loved-ones', {
      name: 'Ada',
      kind: 'infant',
      lossCountry: 'US',
      lossRegion: 'GB-SCT',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields.lossRegion).toContain('not in the country');
    // Across edits too: the stored country is the one the region is checked against.
    const ada = await createLovedOne(client, { name: 'Ada', kind: 'infant', lossCountry: 'US' });
    const edited = await client.patch(`/api/loved-ones/${ada.id}`, { lossRegion: 'GB-WLS' });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().error.fields.lossRegion).toContain('not in the country');
    const uk = await client.post('/api/loved-ones', { name: 'Ada', kind: 'infant', lossCountry: 'UK' });
    expect(uk.json().error.fields.lossCountry).toBe('Please use GB for the United Kingdom.');
  });

  it('keeps their nationality unsaid until the family says it, then reads, changes and clears it', async () => {
    const { client } = await createFamily(t.app);
    const nell = await createLovedOne(client, { name: 'Nell', kind: 'adult' });
    expect(nell.nationality).toBeNull();
    const maria = await createLovedOne(client, { name: 'Maria', kind: 'adult', nationality: ' pt ' });
    expect(maria.nationality).toBe('PT');
    const read = (await client.get(`/api/loved-ones/${maria.id}`)).json<{ lovedOne: LovedOne }>();
    expect(read.lovedOne.nationality).toBe('PT');
    const list = (await client.get('/api/loved-ones')).json<{ lovedOnes: LovedOne[] }>();
    expect(list.lovedOnes.map((l) => [l.name, l.nationality])).toEqual([
      ['Nell', null],
      ['Maria', 'PT'],
    ]);
    const changed = await client.patch(`/api/loved-ones/${maria.id}`, { nationality: 'BR' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ lovedOne: LovedOne }>().lovedOne).toMatchObject({
      nationality: 'BR',
      lossCountry: 'GB',
    });
    // Another edit leaves it as it is; null takes it back to unsaid.
    const story = await client.patch(`/api/loved-ones/${maria.id}`, { story: 'Vovó.' });
    expect(story.json<{ lovedOne: LovedOne }>().lovedOne.nationality).toBe('BR');
    const cleared = await client.patch(`/api/loved-ones/${maria.id}`, { nationality: null });
    expect(cleared.json<{ lovedOne: LovedOne }>().lovedOne.nationality).toBeNull();
  });

  it('refuses a nationality that is not a country code, naming the field, on adding and on editing', async () => {
    const { client } = await createFamily(t.app);
    const created = await client.post('/api/loved-ones', {
      name: 'Maria',
      kind: 'adult',
      nationality: 'Portuguese',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields.nationality).toContain('Please choose their nationality');
    const maria = await createLovedOne(client, { name: 'Maria', kind: 'adult', nationality: 'PT' });
    const edited = await client.patch(`/api/loved-ones/${maria.id}`, { nationality: 'XX' });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().error.fields.nationality).toBeDefined();
    const uk = await client.patch(`/api/loved-ones/${maria.id}`, { nationality: 'UK' });
    expect(uk.json().error.fields.nationality).toBe('Please use GB for the United Kingdom.');
    const kept = (await client.get(`/api/loved-ones/${maria.id}`)).json<{ lovedOne: LovedOne }>();
    expect(kept.lovedOne.nationality).toBe('PT');
  });

  it('another family can neither see nor change their nationality', async () => {
    const ours = await createFamily(t.app);
    const theirs = await createFamily(t.app);
    const maria = await createLovedOne(ours.client, { name: 'Maria', kind: 'adult', nationality: 'PT' });
    expect((await theirs.client.get(`/api/loved-ones/${maria.id}`)).statusCode).toBe(404);
    const list = (await theirs.client.get('/api/loved-ones')).json<{ lovedOnes: LovedOne[] }>();
    expect(list.lovedOnes).toEqual([]);
    const edit = await theirs.client.patch(`/api/loved-ones/${maria.id}`, { nationality: 'BR' });
    expect(edit.statusCode).toBe(404);
    const ourView = (await ours.client.get(`/api/loved-ones/${maria.id}`)).json<{ lovedOne: LovedOne }>();
    expect(ourView.lovedOne.nationality).toBe('PT');
  });

  it('deletes a loved one with their keepsakes', async () => {
    const { client } = await createFamily(t.app);
    const nell = await createLovedOne(client, { name: 'Nell', kind: 'adult' });
    await createKeepsake(client, nell.id, { name: "Nell's urn", travelsWithUs: false });
    expect((await client.delete(`/api/loved-ones/${nell.id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/loved-ones/${nell.id}`)).statusCode).toBe(404);
    expect((await client.get('/api/keepsakes')).json().keepsakes).toEqual([]);
  });
});

describe('keepsakes', () => {
  it('adds, edits and lists keepsakes with their loved one', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    const box = await createKeepsake(client, jack.id, { sizeNote: '12 × 8 × 6 cm', weightGrams: 450 });
    expect(box).toMatchObject({
      name: "Jack's box of ashes",
      kind: 'ashes',
      container: 'wood',
      travelsWithUs: true,
      lovedOneName: 'Jack',
      weightGrams: 450,
    });
    const edited = await client.patch(`/api/keepsakes/${box.id}`, {
      travelsWithUs: false,
      container: 'biodegradable',
    });
    expect(edited.json<{ keepsake: Keepsake }>().keepsake).toMatchObject({
      travelsWithUs: false,
      container: 'biodegradable',
    });
    const page = (await client.get(`/api/loved-ones/${jack.id}`)).json<{ keepsakes: Keepsake[] }>();
    expect(page.keepsakes.map((k) => k.id)).toEqual([box.id]);
  });

  it('will not delete a keepsake (or its loved one) while it is part of a trip', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    const box = await createKeepsake(client, jack.id);
    await createTripWithFlights(client);
    const refused = await client.delete(`/api/keepsakes/${box.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      `Jack's box of ashes is part of the trip "Summer in Spain". Please take it off that trip first.`,
    );
    expect((await client.delete(`/api/loved-ones/${jack.id}`)).statusCode).toBe(409);
    const page = (await client.get(`/api/loved-ones/${jack.id}`)).json();
    expect(page.keepsakes).toHaveLength(1);
    // The page can say why before anyone asks to remove it.
    expect(page.tripsByKeepsake).toEqual({ [box.id]: ['Summer in Spain'] });
  });

  it('names no trips for keepsakes that stay at home', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    await createKeepsake(client, jack.id);
    expect((await client.get(`/api/loved-ones/${jack.id}`)).json().tripsByKeepsake).toEqual({});
  });
});
