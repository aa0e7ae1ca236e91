import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierChoices } from '../../../contracts/carriers.js';
import type { TripRulesResponse } from '../../../contracts/trip-rules.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  outboundFlight,
  type Family,
} from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function jackFlyingToSpain(container = 'wood'): Promise<{ family: Family; trip: TripDetail }> {
  const family = await createFamily(t.app);
  const jack = await createLovedOne(family.client); // pregnancy loss at 20 weeks, in GB
  await createKeepsake(family.client, jack.id, { container });
  return { family, trip: await createTripWithFlights(family.client) };
}

const rulesFor = async (family: Family, tripId: string) =>
  (await family.client.get(`/api/trips/${tripId}/travel-rules`)).json<TripRulesResponse>();

describe('the companies a leg can name', () => {
  it('are offered by name to a signed-in family, and kept by the browser for a day', async () => {
    const family = await createFamily(t.app);
    const response = await family.client.get('/api/carriers');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, max-age=86400');
    const choices = response.json<CarrierChoices>();
    expect(choices.air).toContainEqual({ code: 'BA', name: 'British Airways' });
    expect(choices.rail).toContainEqual({ code: '9F', name: 'Eurostar' });
    expect((await t.app.inject({ method: 'GET', url: '/api/carriers' })).statusCode).toBe(401);
  });
});

describe('carrying Jack on a trip', () => {
  it('lists, per leg, what to do with a source, the day it was read, and that no person has re-checked it', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const rules = await rulesFor(family, trip.trip.id);
    expect(rules.carrying).toHaveLength(1);
    const jack = rules.carrying[0]!;
    expect(jack).toMatchObject({ name: 'Jack', keepsakeNames: ["Jack's box of ashes"] });
    expect(jack.legs.map((l) => l.legId)).toEqual(trip.legs.map((l) => l.id));
    for (const leg of jack.legs) {
      expect(leg.requirements.length).toBeGreaterThan(0);
      for (const r of leg.requirements) {
        expect(r.sourceUrl).toMatch(/^https?:\/\//);
        expect(r.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.sourceDate === null || /^\d{4}(-\d{2}){0,2}$/.test(r.sourceDate)).toBe(true);
        expect(r).toMatchObject({ recheckedOn: null, stale: true });
        expect(r.ruleIds.length).toBeGreaterThan(0);
      }
    }
  });

  it('for a baby lost at 20 weeks in England, never assumes how Jack was born: the paper may not exist, and asks', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const jack = (await rulesFor(family, trip.trip.id)).carrying[0]!;
    const death = jack.documents.find((d) => d.kind === 'death_certificate');
    expect(death).toMatchObject({ status: 'may_not_exist' });
    expect(death!.instead).toMatch(/certificate/i);
    expect(jack.questions.map((q) => q.field)).toEqual(['born_alive']);
    expect(jack.summary?.text).toContain('There may be no death certificate for Jack');
    expect(jack.documents.map((d) => d.kind)).not.toContain('deceased_passport');
  });

  it('once the family says Jack was born without signs of life, says plainly what they carry instead', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const jackId = (await rulesFor(family, trip.trip.id)).carrying[0]!.lovedOneId;
    const saved = await family.client.patch(`/api/loved-ones/${jackId}`, {
      bornAlive: false,
      lossRegion: 'GB-ENG',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().lovedOne).toMatchObject({ bornAlive: false, lossRegion: 'GB-ENG' });
    const jack = (await rulesFor(family, trip.trip.id)).carrying[0]!;
    expect(jack.questions).toEqual([]);
    expect(jack.documents.find((d) => d.kind === 'death_certificate')).toMatchObject({
      status: 'not_issued',
    });
    expect(jack.summary?.notIssued.length).toBeGreaterThan(0);
    expect(jack.summary?.text).not.toContain('may be no death certificate');
  });

  it('for a baby born alive, asks for the death certificate and never says none exists', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const jackId = (await rulesFor(family, trip.trip.id)).carrying[0]!.lovedOneId;
    await family.client.patch(`/api/loved-ones/${jackId}`, { bornAlive: true });
    const jack = (await rulesFor(family, trip.trip.id)).carrying[0]!;
    expect(jack.questions).toEqual([]);
    const death = jack.documents.find((d) => d.kind === 'death_certificate');
    expect(death?.status).toBe('carry');
    expect(JSON.stringify(jack)).not.toMatch(/no death certificate is issued/i);
  });

  it('an airside change of planes in Germany does not bring Germany’s entry rules', async () => {
    const { family, trip } = await jackFlyingToSpain();
    // Germany's refusal rests on its missions in the US, for the families they serve (review 20, 4).
    await family.client.patch('/api/family', { country: 'US' });
    const viaFrankfurt = await family.client.post(`/api/trips/${trip.trip.id}/legs`, {
      ...outboundFlight,
      toCountry: 'DE',
      carrier: 'LH',
      connection: true,
      departureLocal: '2026-06-01T07:00',
    });
    expect(viaFrankfurt.statusCode).toBe(201);
    const legId = viaFrankfurt.json<TripDetail>().legs.find((l) => l.connection)!.id;
    const germanRules = async () => {
      const leg = (await rulesFor(family, trip.trip.id)).carrying[0]!.legs.find((l) => l.legId === legId)!;
      return leg.requirements.filter((r) => r.ruleIds.some((id) => id.startsWith('de-')));
    };
    expect(await germanRules()).toEqual([]);
    // The same flight as a stay in Germany brings them: the test above is not empty by accident.
    const stay = await family.client.patch(`/api/legs/${legId}`, { connection: false });
    expect(stay.statusCode).toBe(200);
    expect((await germanRules()).length).toBeGreaterThan(0);
  });

  it('warns kindly about a container the X-ray cannot see through', async () => {
    const { family, trip } = await jackFlyingToSpain('metal');
    const first = (await rulesFor(family, trip.trip.id)).carrying[0]!.legs[0]!;
    const warning = first.requirements.find((r) => r.severity === 'warning' && /X-ray/.test(r.title));
    expect(warning).toBeDefined();
    expect(first.requirements.some((r) => /temporary/i.test(r.title))).toBe(true);
  });

  it('changes as soon as the trip changes: a leg to Germany brings its warning', async () => {
    const { family, trip } = await jackFlyingToSpain();
    // A family living in the US, whom the German missions' page we have speaks for (review 20, 4).
    await family.client.patch('/api/family', { country: 'US' });
    const before = await rulesFor(family, trip.trip.id);
    expect(JSON.stringify(before)).not.toContain('Germany');
    await family.client.post(`/api/trips/${trip.trip.id}/legs`, {
      ...outboundFlight,
      toCountry: 'DE',
      carrier: 'LH',
      departureLocal: '2026-07-03T10:00',
    });
    const after = await rulesFor(family, trip.trip.id);
    const germany = after.carrying[0]!.legs.flatMap((l) => l.requirements).find(
      (r) => r.id === 'de-no-private-carriage',
    );
    expect(germany).toMatchObject({ severity: 'warning' });
  });

  it('where the family lives is the country in Settings: until it is chosen, a consulate’s list waits and the family is asked', async () => {
    // Mexico's consulate lists, for families in the US (Spain's list now speaks for ashes sent from
    // the US whoever the family, so it waits for nobody; review 31, finding 6).
    const family = await createFamily(t.app);
    const mum = await createLovedOne(family.client, { name: 'Mum', kind: 'adult', lossCountry: 'US' });
    await createKeepsake(family.client, mum.id, { container: 'wood' });
    const created = await family.client.post('/api/trips', {
      name: 'Mum to Mexico',
      startsOn: '2026-07-01',
      endsOn: '2026-07-08',
      purpose: 'carry',
      requireTwoPeople: false,
    });
    const tripId = created.json<TripDetail>().trip.id;
    await family.client.post(`/api/trips/${tripId}/legs`, {
      ...outboundFlight,
      fromCountry: 'US',
      toCountry: 'MX',
      carrier: 'AM',
      departureZone: 'America/New_York',
    });
    const ids = (r: TripRulesResponse) => r.carrying[0]!.legs.flatMap((l) => l.requirements.map((q) => q.id));
    const before = await rulesFor(family, tripId);
    expect(ids(before)).not.toContain('mx-translations');
    expect(before.carrying[0]!.questions.map((q) => q.field)).toContain('home_country');
    await family.client.patch('/api/family', { country: 'US' });
    const after = await rulesFor(family, tripId);
    expect(ids(after)).toContain('mx-translations');
    expect(after.carrying[0]!.questions.map((q) => q.field)).not.toContain('home_country');
  });

  it('asks where Oma was cremated when a German state’s rule depends on it, and her details answer it', async () => {
    const family = await createFamily(t.app);
    await family.client.patch('/api/family', { country: 'GB' });
    // Oma died in Germany; where she was cremated is not yet said.
    const oma = await createLovedOne(family.client, { name: 'Oma', kind: 'adult', lossCountry: 'DE' });
    await createKeepsake(family.client, oma.id, { container: 'wood' });
    const created = await family.client.post('/api/trips', {
      name: 'Oma comes home',
      startsOn: '2026-07-01',
      endsOn: '2026-07-08',
      purpose: 'carry',
      requireTwoPeople: false,
    });
    const tripId = created.json<TripDetail>().trip.id;
    await family.client.post(`/api/trips/${tripId}/legs`, {
      ...outboundFlight,
      fromCountry: 'DE',
      toCountry: 'GB',
      carrier: 'LH',
      departureZone: 'Europe/Berlin',
    });
    const ids = (r: TripRulesResponse) => r.carrying[0]!.legs.flatMap((l) => l.requirements.map((q) => q.id));
    const before = await rulesFor(family, tripId);
    const asked = before.carrying[0]!.questions.find((q) => q.field === 'cremated_in');
    expect(asked?.message).toMatch(/Where was Oma cremated/);
    expect(ids(before)).not.toContain('de-hesse-no-handover');

    // A state that is not in the country is refused, naming the field; nothing is saved.
    const wrong = await family.client.patch(`/api/loved-ones/${oma.id}`, {
      cremationCountry: 'AT',
      cremationRegion: 'DE-HE',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.cremationRegion).toContain('not in the country');

    const answered = await family.client.patch(`/api/loved-ones/${oma.id}`, {
      cremationCountry: 'de',
      cremationRegion: 'de-he',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().lovedOne).toMatchObject({ cremationCountry: 'DE', cremationRegion: 'DE-HE' });
    const after = await rulesFor(family, tripId);
    expect(ids(after)).toContain('de-hesse-no-handover');
    expect(after.carrying[0]!.questions.map((q) => q.field)).not.toContain('cremated_in');

    // Cremated in Bavaria: Hesse's rule is not hers.
    await family.client.patch(`/api/loved-ones/${oma.id}`, { cremationRegion: 'DE-BY' });
    expect(ids(await rulesFor(family, tripId))).not.toContain('de-hesse-no-handover');
  });

  it('says plainly when it has no rule for an airline', async () => {
    const { family, trip } = await jackFlyingToSpain();
    // Icelandair flies under FI; our research has no rule for it.
    await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, { carrier: 'FI' });
    const gaps = (await rulesFor(family, trip.trip.id)).carrying[0]!.legs[0]!.gaps.map((g) => g.message).join(
      ' ',
    );
    expect(gaps).toMatch(/Icelandair/);
  });

  it('keeps the family’s ticks, with who ticked and when, and refuses an unknown item', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const key = (await rulesFor(family, trip.trip.id)).carrying[0]!.legs[0]!.requirements[0]!.key;
    const ticked = await family.client.post(`/api/trips/${trip.trip.id}/travel-rules/ticks`, {
      key,
      ticked: true,
    });
    expect(ticked.statusCode).toBe(200);
    const requirement = ticked
      .json<TripRulesResponse>()
      .carrying[0]!.legs[0]!.requirements.find((r) => r.key === key);
    expect(requirement).toMatchObject({
      ticked: true,
      tickedByName: 'Anna',
      tickedAt: new Date(t.clock.now()).toISOString(),
    });
    const unticked = await family.client.post(`/api/trips/${trip.trip.id}/travel-rules/ticks`, {
      key,
      ticked: false,
    });
    expect(
      unticked.json<TripRulesResponse>().carrying[0]!.legs[0]!.requirements.find((r) => r.key === key)!
        .ticked,
    ).toBe(false);
    const unknown = await family.client.post(`/api/trips/${trip.trip.id}/travel-rules/ticks`, {
      key: 'nothing-like-it',
      ticked: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.key).toBeDefined();
  });

  // Review 7, finding 14: the app never shows silence where the rules engine refuses what is stored.
  it('a weight saved under the old bound is named kindly, with what to change, never an empty answer', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const jackId = (await rulesFor(family, trip.trip.id)).carrying[0]!.lovedOneId;
    // Saved before the loved-ones contract matched the engine's 7,000 g.
    await t.container.db.kysely
      .updateTable('loved_ones')
      .set({ birth_weight_g: 8000 })
      .where('id', '=', jackId)
      .execute();
    const jack = (await rulesFor(family, trip.trip.id)).carrying[0]!;
    expect(jack.summary).toBeNull();
    expect(jack.unavailable).toBe(
      "We couldn't work out what applies for carrying Jack on this trip, because something saved doesn't fit what our rules can read. In Jack's details, please give the birth weight in grams, from 1 to 7000. Once that's changed, what applies will show here.",
    );
  });

  it('the loved-ones form takes the same birth weights as the rules', async () => {
    const family = await createFamily(t.app);
    const jack = await createLovedOne(family.client);
    const heavy = await family.client.patch(`/api/loved-ones/${jack.id}`, { birthWeightGrams: 7001 });
    expect(heavy.statusCode).toBe(400);
    expect(
      (await family.client.patch(`/api/loved-ones/${jack.id}`, { birthWeightGrams: 7000 })).statusCode,
    ).toBe(200);
  });

  it('has nothing to say while no keepsake is coming', async () => {
    const family = await createFamily(t.app);
    const trip = await createTripWithFlights(family.client);
    expect((await rulesFor(family, trip.trip.id)).carrying).toEqual([]);
  });
});

describe('the travel packet', () => {
  const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
  it.runIf(hasPdftotext || process.env.REQUIRE_TOOLS === '1')(
    'is a PDF of the trip, with the name the family chooses to show',
    async () => {
      const { family, trip } = await jackFlyingToSpain();
      const response = await family.client.get(
        `/api/trips/${trip.trip.id}/packet.pdf?paper=LETTER&shownName=our%20son%20Jack`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const dir = mkdtempSync(join(tmpdir(), 'packet-'));
      writeFileSync(join(dir, 'p.pdf'), response.rawPayload);
      const text = spawnSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain('Travelling with our son Jack');
      expect(text).toContain("Jack's box of ashes");
      expect(text).toContain('May not exist: Death certificate');
      expect(text).toContain('Carry instead:');
      expect(text).toContain('the cremated remains (ashes) of our son Jack');
      expect(text).toMatch(/Source: https?:\/\//);
      expect(text).toContain('taken from our research on');
      // Page 1 is the note for security staff, in English and Spanish (the trip goes to Spain).
      const page1 = spawnSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'p.pdf'), '-'], {
        encoding: 'utf8',
      }).stdout.replace(/\s+/g, ' ');
      expect(page1).toContain('A note for security staff');
      expect(page1).toContain('Nota para el personal de seguridad');
      expect(page1).toContain('En nuestro equipaje llevamos las cenizas de our son Jack');
      expect(page1).not.toContain('Note pour le personnel');
      // Nothing the family has not confirmed is claimed about the papers.
      expect(text).not.toMatch(/documents listed in this packet are with us/);
    },
  );

  it('refuses a paper size it does not know, naming the field', async () => {
    const { family, trip } = await jackFlyingToSpain();
    const response = await family.client.get(`/api/trips/${trip.trip.id}/packet.pdf?paper=A5`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.paper).toBeDefined();
  });
});
