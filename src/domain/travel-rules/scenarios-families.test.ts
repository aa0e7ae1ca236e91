import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

// Two loved ones on one trip: each keepsake is named in what concerns it, and each loved one has
// their own papers, so a baby's missing certificate never hides a grandparent's, or the reverse.

const trip: TravelRulesInput = {
  home_country: 'GB',
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
    const light = out.legs[0]!.requirements.find((r) => r.id === 'cont-light-materials');
    expect(light?.about).toEqual(['Jack’s little box']);
  });

  it('gives each loved one their own papers: a death certificate for Grandad, none for Jack', () => {
    const death = out.documents.filter((d) => d.key === 'death_certificate');
    expect(death.map((d) => [d.loved_one, d.status])).toEqual([
      ['Jack', 'not_issued'],
      ['Grandad', 'carry'],
    ]);
    expect(out.documents.filter((d) => d.key === 'deceased_passport').map((d) => d.loved_one)).toEqual([
      'Grandad',
    ]);
    expect(out.documents.find((d) => d.key === 'deceased_passport')?.title).toBe('Grandad’s passport');
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
