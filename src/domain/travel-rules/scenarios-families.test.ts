import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

// Two loved ones on one trip: each keepsake is named in what concerns it, and each loved one has
// their own papers, so a baby's missing certificate never hides a grandparent's, or the reverse.
// Spain's list (NFDA's, for ashes sent from the US) asks for the passport on the way from the US
// (review 31, finding 6: by where the ashes set off, not where the family lives).

const trip: TravelRulesInput = {
  home_country: 'US',
  legs: [
    { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' },
    { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA', bag: 'carry_on' },
  ],
  keepsakes: [
    { kind: 'ashes', container: 'wood', name: 'Jack’s little box', loved_one: 'Jack' },
    { kind: 'ashes', container: 'metal', name: 'Grandad’s urn', loved_one: 'Grandad' },
  ],
  loved_ones: [
    { name: 'Jack', kind: 'pregnancy_loss', gestation_weeks: 20, born_alive: false, loss_country: 'GB' },
    { name: 'Grandad', kind: 'adult' },
  ],
};
const out = evaluateTrip(trip, { today: '2026-11-28' });

describe('two loved ones on one trip', () => {
  it('names the container a warning is about', () => {
    const xray = out.legs[0]!.requirements.find((r) => r.id === 'container-xray-risk');
    expect(xray?.severity).toBe('warning');
    expect(xray?.about).toEqual(['Grandad’s urn']);
    // TSA's words on light materials were named for Jack's box here, on a flight from the UK; they
    // speak for US checkpoints only (review 29, finding 7), so the same is pinned on a flight from the US.
    expect(out.legs[0]!.requirements.find((r) => r.id === 'cont-light-materials')).toBeUndefined();
    const fromUs = evaluateTrip(
      { ...trip, legs: [{ mode: 'air', from: 'US', to: 'ES', carrier: 'BA', bag: 'carry_on' }] },
      { today: '2026-11-28' },
    );
    const light = fromUs.legs[0]!.requirements.find((r) => r.id === 'cont-light-materials');
    expect(light?.about).toEqual(['Jack’s little box']);
  });

  it('gives each loved one their own papers: a death certificate for Grandad, none for Jack', () => {
    const death = out.documents.filter((d) => d.key === 'death_certificate');
    expect(death.map((d) => [d.loved_one, d.status])).toEqual([
      ['Jack', 'not_issued'],
      ['Grandad', 'carry'],
    ]);
    const fromUs = evaluateTrip(
      { ...trip, legs: [{ mode: 'air', from: 'US', to: 'ES', carrier: 'BA', bag: 'carry_on' }] },
      { today: '2026-11-28' },
    );
    expect(fromUs.documents.filter((d) => d.key === 'deceased_passport').map((d) => d.loved_one)).toEqual([
      'Grandad',
    ]);
    expect(fromUs.documents.find((d) => d.key === 'deceased_passport')?.title).toBe('Grandad’s passport');
  });

  it('says first, for each, what to carry', () => {
    expect(out.summary.map((s) => s.loved_one)).toEqual(['Jack', 'Grandad']);
    expect(out.summary[0]!.text).toMatch(/^For Jack, carry whatever the hospital gave you/);
    expect(out.summary[1]!.text).toMatch(/^For Grandad, bring a death certificate/);
  });

  it('notes the missing paper for Jack only', () => {
    expect(out.legs[0]!.exceptions.map((e) => e.loved_one)).toEqual(['Jack']);
    const ba = out.legs[0]!.requirements.find((r) => r.id === 'ba-death-certificate');
    expect(ba?.for_this_family).toBe(
      'For Jack there is no death certificate; the papers list says what to carry instead.',
    );
  });

  it('never lists the same paper twice for the same person with the same words', () => {
    const seen = out.documents.map((d) => `${d.loved_one}|${d.title}|${d.detail}`);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

const plainAshes = { kind: 'ashes', container: 'wood' } as const;
const carrying = (input: TravelRulesInput) =>
  evaluateTrip(input, { today: '2026-12-04' }).legs.map((leg) => leg.carries_ashes);

describe('the ashes are carried until they are scattered, and not after', () => {
  it('a drive on to Scotland after landing still carries them; the flight home does not', () => {
    expect(
      carrying({
        home_country: 'IN',
        purpose: 'scatter',
        scatter: { country: 'GB', region: 'GB-SCT', place: 'land', ashes_come_home: false },
        legs: [
          { mode: 'air', from: 'IN', to: 'AE', carrier: 'EK', connection: true },
          { mode: 'air', from: 'AE', to: 'GB', carrier: 'EK' },
          { mode: 'road', from: 'GB', to: 'GB' },
          { mode: 'air', from: 'GB', to: 'IN', carrier: 'AI' },
        ],
        keepsakes: [plainAshes],
      }),
    ).toEqual([true, true, true, false]);
  });

  it('within one country, the legs the family marks as the way home carry nothing', () => {
    const yosemite = (wayHome: boolean) =>
      carrying({
        home_country: 'US',
        purpose: 'scatter',
        scatter: {
          country: 'US',
          region: 'US-CA',
          place: 'national_park',
          site: 'nps:yose',
          ashes_come_home: false,
        },
        legs: [
          { mode: 'air', from: 'US', to: 'US', carrier: 'WN' },
          { mode: 'road', from: 'US', to: 'US' },
          { mode: 'air', from: 'US', to: 'US', carrier: 'WN', ...(wayHome && { way_home: true }) },
        ],
        keepsakes: [plainAshes],
      });
    expect(yosemite(true)).toEqual([true, true, false]);
    // Unmarked, we cannot tell which leg is the way home, so every leg keeps its carrying rules.
    expect(yosemite(false)).toEqual([true, true, true]);
  });
});

describe('a pet’s ashes', () => {
  const biscuit = (to: string) =>
    evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to, carrier: 'DL' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Biscuit' }],
        loved_ones: [{ name: 'Biscuit', kind: 'pet' }],
      },
      { today: '2026-12-04' },
    ).legs[0]!;

  it('is never given a consulate’s or a country’s rules about a person’s remains, and is told whom to ask', () => {
    const leg = biscuit('MX');
    const ids = leg.requirements.flatMap((r) => r.rule_ids);
    expect(ids).not.toContain('mx-transit-cert');
    expect(ids).not.toContain('mx-translations');
    expect(leg.gaps.map((g) => g.message).join(' ')).toContain(
      "Our sources on taking ashes into Mexico speak about a person's ashes. For Biscuit, the embassy or consulate of Mexico in the United States can tell you what they need for a pet's ashes",
    );
    // The airline's own rule still applies: it is about the container in the cabin, whoever it was.
    expect(ids.some((id) => id.startsWith('dl-'))).toBe(true);
  });

  it('the same trip for a person does get Mexico’s consulate rules (the test above is not empty by accident)', () => {
    const leg = evaluateTrip(
      {
        home_country: 'US',
        legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'DL' }],
        keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Frank' }],
        loved_ones: [{ name: 'Frank', kind: 'adult' }],
      },
      { today: '2026-12-04' },
    ).legs[0]!;
    expect(leg.requirements.flatMap((r) => r.rule_ids)).toContain('mx-transit-cert');
  });
});
