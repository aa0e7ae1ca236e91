import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TripRulesResponse } from '../../../contracts/trip-rules.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createFamily, createKeepsake, createLovedOne, outboundFlight } from '../../test/factories.js';

// Review 11, finding 4: scattering at sea in the UK without saying which nation. The family is asked
// the nation, kindly, and the answer they give in the trip's "where you will scatter" reaches the rules.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('scattering at sea in the UK, the nation not yet said', () => {
  it('asks which nation, and once the trip says England, shows England’s rules and asks no more', async () => {
    const family = await createFamily(t.app);
    const grandpa = await createLovedOne(family.client, {
      name: 'Grandpa',
      kind: 'adult',
      gestationWeeks: null,
      dueDate: null,
    });
    await createKeepsake(family.client, grandpa.id, { container: 'biodegradable' });
    const created = await family.client.post('/api/trips', {
      name: 'The sea at Whitby',
      purpose: 'scatter',
      requireTwoPeople: false,
      scatterCountry: 'GB',
      scatterPlace: 'sea',
      ashesComeHome: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const tripId = created.json<TripDetail>().trip.id;
    const drive = await family.client.post(`/api/trips/${tripId}/legs`, {
      ...outboundFlight,
      label: 'Drive to the coast',
      mode: 'road',
      toCountry: 'GB',
      carrier: null,
    });
    expect(drive.statusCode, drive.body).toBe(201);

    const rulesFor = async () =>
      (await family.client.get(`/api/trips/${tripId}/travel-rules`)).json<TripRulesResponse>().carrying[0]!;
    const before = await rulesFor();
    const asked = before.questions.find((q) => q.field === 'scatter_region');
    expect(asked?.message).toMatch(
      /^Which nation of the United Kingdom will you scatter the ashes in: England/,
    );
    const ruleIds = (c: typeof before) => c.legs.flatMap((l) => l.requirements.flatMap((r) => r.ruleIds));
    expect(ruleIds(before)).not.toContain('gb-tidal-no-licence');

    const answered = await family.client.patch(`/api/trips/${tripId}`, { scatterRegion: 'GB-ENG' });
    expect(answered.statusCode).toBe(200);
    const after = await rulesFor();
    expect(after.questions.map((q) => q.field)).not.toContain('scatter_region');
    expect(ruleIds(after)).toContain('gb-tidal-no-licence');
  });
});
