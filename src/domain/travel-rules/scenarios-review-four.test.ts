import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateShipment, evaluateTrip, parseTravelRulesInput } from './index.js';

// Trips a fourth reviewer tried from outside (December 2026): a paper that was never issued listed
// to carry, rules applied where their sources do not speak, and unknowns left unsaid.

const today = '2026-12-05';
const ids = (requirements: readonly { id: string }[]) => requirements.map((r) => r.id);
const delta = (loved_one: TravelRulesInput['loved_one']): TravelRulesInput => ({
  home_country: 'US',
  legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' }],
  keepsakes: [{ kind: 'ashes', container: 'plastic' }],
  ...(loved_one ? { loved_one } : {}),
});

describe('Delta accepts a death or a cremation certificate', () => {
  it('Hope, born without signs of life at 12 weeks in California: a death certificate only if there is one, or else the cremation certificate', () => {
    const out = evaluateTrip(
      delta({
        name: 'Hope',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 12,
        birth_weight_g: 50,
        loss_country: 'US',
        loss_region: 'US-CA',
      }),
      { today },
    );
    const death = out.documents.find((d) => d.key === 'death_certificate');
    // "Most states" is not California's own rule, so never a flat "there is none" (review 9, finding 2).
    expect(death?.status).toBe('may_not_exist');
    expect(out.summary[0]!.text).toMatch(
      /^For Hope, bring a death certificate if you have it, or else a cremation certificate, which Delta accepts in its place\./,
    );
  });

  // Review 12, finding 3: Delta's page is about human remains, so it asks nothing for a dog's ashes;
  // Delta is named as the one to ask (scenarios-review-twelve-a.test.ts).
  it('Max the dog: Delta’s papers for a person are not asked for him, and Delta is the one to ask', () => {
    const out = evaluateTrip(delta({ name: 'Max', kind: 'pet' }), { today });
    expect(out.documents.find((d) => d.key === 'death_certificate')).toBeUndefined();
    expect(out.summary[0]!.text).not.toContain('Delta accepts');
    expect(out.legs[0]!.gaps.map((g) => g.message).join(' ')).toContain(
      "Our sources on Delta speak about a person's ashes here, not a pet's. For Max, please ask them",
    );
  });
});

describe('rules kept to what their sources speak of', () => {
  it('Germany’s rule on urns coming in is not for a pendant on a train at home', () => {
    const out = evaluateTrip(
      {
        home_country: 'DE',
        legs: [{ mode: 'rail', from: 'DE', to: 'DE' }],
        keepsakes: [{ kind: 'jewellery', container: 'metal' }],
        loved_one: { name: 'Oma', kind: 'adult', loss_country: 'DE' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).not.toContain('de-no-private-carriage');
  });

  it('German burial law is not applied to a dog’s ashes scattered there; the unknown is named instead', () => {
    const out = evaluateTrip(
      {
        home_country: 'DE',
        legs: [{ mode: 'road', from: 'DE', to: 'DE' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Bello', kind: 'pet' },
        purpose: 'scatter',
        scatter: { country: 'DE', place: 'land' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements).filter((id) => id.startsWith('de-'))).toEqual([]);
    // Review 20, finding 1: said as what our sources speak of, not as "no rule".
    expect(out.legs[0]!.gaps.map((g) => g.message).join(' ')).toContain(
      "Our sources on scattering ashes on land in Germany speak about a person's ashes, not a pet's. For Bello,",
    );
  });

  it('Rhineland-Palatinate’s 2025 law is said beside Germany’s, with its conditions', () => {
    const out = evaluateTrip(
      {
        home_country: 'DE',
        legs: [{ mode: 'road', from: 'DE', to: 'DE' }],
        keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
        loved_one: { name: 'Oma', kind: 'adult' },
        purpose: 'scatter',
        scatter: { country: 'DE', region: 'DE-RP', place: 'river_or_lake' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).toEqual(
      expect.arrayContaining(['de-rp-2025-law', 'de-rp-2025-conditions']),
    );
  });

  it('a parcel within New Zealand is not an import: no customs clearance', () => {
    const out = evaluateShipment({ from: 'NZ', to: 'NZ', carrier: 'NZPOST' }, { today });
    expect(ids(out.requirements)).not.toContain('nz-freight-customs');
  });

  it('scattering in nature in France: the declaration to the town hall where they were born', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: 'EUROSTAR' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'GB' },
        purpose: 'scatter',
        scatter: { country: 'FR', place: 'land' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).toContain('fr-scatter-declare-birthplace');
    const garden = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: 'EUROSTAR' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        purpose: 'scatter',
        scatter: { country: 'FR', place: 'garden_of_remembrance' },
      },
      { today },
    );
    expect(ids(garden.legs[0]!.requirements).filter((id) => id.startsWith('fr-scatter'))).toEqual([]);
  });

  it('JetBlue refuses a pet’s ashes, so its papers and bag rules are not listed for one', () => {
    const out = evaluateTrip(
      {
        legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'B6', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        loved_one: { name: 'Biscuit', kind: 'pet' },
      },
      { today },
    );
    const jetblue = ids(out.legs[0]!.requirements).filter((id) => id.startsWith('b6-'));
    expect(jetblue).toEqual(['b6-no-pets']);
  });

  it('England’s marine licensing body does not speak for Scottish waters: a gap says whom to ask', () => {
    const out = evaluateTrip(
      {
        legs: [
          { mode: 'air', from: 'IE', to: 'GB', carrier: 'BA' },
          { mode: 'air', from: 'GB', to: 'IE', carrier: 'BA' },
        ],
        keepsakes: [{ kind: 'ashes', container: 'plastic' }],
        purpose: 'scatter',
        scatter: { country: 'GB', region: 'GB-SCT', place: 'sea' },
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).not.toContain('gb-tidal-no-licence');
    // Review 27, finding 9: the Royal British Legion's UK-wide "land or water" is said at sea
    // (gb-sea-no-law), so the gap names Scotland's own rules as the unknown, with whom to ask.
    expect(ids(out.legs[0]!.requirements)).toContain('gb-sea-no-law');
    expect(out.legs[0]!.gaps.map((g) => g.message).join(' ')).toContain(
      "We have no source for Scotland's own rules on scattering ashes at sea (we have a nation's own only for England); please ask Scotland's own authorities, or a funeral director there, before you scatter.",
    );
  });

  it('Nonna, who died in Italy, is not asked for an apostilled Italian translation of her own certificate', () => {
    const out = evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to: 'IT', carrier: 'DL', bag: 'carry_on' }],
        keepsakes: [
          { kind: 'ashes', container: 'plastic', name: 'Nonno’s urn', loved_one: 'Nonno' },
          { kind: 'ashes', container: 'plastic', name: 'Nonna’s box', loved_one: 'Nonna' },
        ],
        loved_ones: [
          { name: 'Nonno', kind: 'adult', loss_country: 'US' },
          { name: 'Nonna', kind: 'adult', loss_country: 'IT' },
        ],
      },
      { today },
    );
    const consular = out.legs[0]!.requirements.find((r) => r.id === 'it-consular-seal');
    expect(consular?.about).toEqual(['Nonno’s urn']);
    expect(out.summary.find((s) => s.loved_one === 'Nonna')!.text).not.toContain('apostille');
  });

  it('driving from Northern Ireland into Ireland: no airport or port to declare at, so the unknown is said', () => {
    const out = evaluateTrip(
      {
        home_country: 'GB',
        legs: [{ mode: 'road', from: 'GB', to: 'IE' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
      },
      { today },
    );
    expect(ids(out.legs[0]!.requirements)).not.toContain('ie-revenue-declare');
  });
});

describe('what a malformed file is told', () => {
  it('a missing country says it is missing; a region may be typed in lower case', () => {
    const missing = parseTravelRulesInput({ legs: [{ mode: 'air', from: 'GB' }], keepsakes: [] });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems).toContain(
        'legs.0.to: This is missing: please give a two-letter country code such as GB.',
      );
    const region = parseTravelRulesInput({
      legs: [{ mode: 'air', from: 'US', to: 'US' }],
      keepsakes: [],
      loved_one: { kind: 'adult', loss_country: 'US', loss_region: 'us-ca' },
    });
    expect(region.ok).toBe(true);
  });
});

describe('advice is not said as a demand', () => {
  it('a recommendation suggests a paper; a requirement asks for one', () => {
    const out = evaluateTrip(
      {
        home_country: 'JP',
        legs: [{ mode: 'air', from: 'JP', to: 'CA', carrier: 'NH', bag: 'carry_on' }],
        keepsakes: [{ kind: 'ashes', container: 'ceramic' }],
        loved_one: { name: 'Obaachan', kind: 'adult', loss_country: 'JP' },
      },
      { today },
    );
    expect(out.summary[0]!.text).not.toContain('Airport security in Japan');
    // ANA's own note (a death or cremation certificate), never JAL's wording on an ANA flight
    // (review 32, r32b): a suggestion, beside the usual papers' advice.
    expect(out.summary[0]!.text).not.toContain('JAL');
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(death.detail).toContain(
      'A Japanese funeral company quoting ANA and the usual advice for any border suggest it.',
    );
    expect(death.detail).not.toContain('asks for');
  });

  it('France’s prefect speaks of an urn, not of a pendant holding a little of the ashes', () => {
    const out = evaluateTrip(
      {
        home_country: 'FR',
        legs: [{ mode: 'air', from: 'FR', to: 'ES', carrier: 'VY', bag: 'carry_on' }],
        keepsakes: [{ kind: 'jewellery', container: 'glass' }],
        loved_one: { name: 'Papi', kind: 'adult', loss_country: 'FR' },
      },
      { today },
    );
    expect(out.summary[0]!.text).not.toContain('prefect');
  });
});
