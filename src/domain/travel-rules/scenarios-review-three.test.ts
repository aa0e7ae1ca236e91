import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

// Trips a third reviewer tried from outside (December 2026), each where the answer was true but
// not said plainly enough for the family it was for, or where a sourced rule did not reach them.

const today = '2026-12-05';
const ids = (requirements: readonly { id: string }[]) => requirements.map((r) => r.id);
const rosie = {
  name: 'Rosie',
  kind: 'pregnancy_loss',
  gestation_weeks: 20,
  born_alive: false,
  loss_country: 'GB',
} as const;

describe('Rosie, born without signs of life at 20 weeks, flying Emirates to Dubai', () => {
  const trip = (bag: 'checked' | 'carry_on'): TravelRulesInput => ({
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    loved_one: rosie,
  });

  it('in the hold, says plainly that Emirates asks for every paper and that way may be closed', () => {
    const out = evaluateTrip(trip('checked'), { today });
    const hold = out.legs[0]!.requirements.find((r) => r.id === 'ek-docs-hold');
    expect(hold?.for_this_family).toContain(
      'This asks for every one of these papers, and for Rosie there is no death certificate, so this way may not be open to you. Ask Emirates before you book',
    );
    expect(hold?.for_this_family).not.toContain('the papers list says what to carry instead');
    expect(out.summary[0]!.text).toContain(
      'Emirates asks for all of its papers together for the way you are travelling, so that way may not be open to you',
    );
    expect(out.documents.find((d) => d.key === 'death_certificate')?.required_together_by).toEqual([
      'Emirates',
    ]);
  });

  it('in the cabin, where one paper is enough, Emirates is not said to ask for a death certificate', () => {
    const out = evaluateTrip(trip('carry_on'), { today });
    const text = out.summary[0]!.text;
    expect(text).not.toMatch(/Emirates (and [^.]* )?asks? for one/);
    expect(text).not.toContain('all of its papers together');
    const death = out.documents.find((d) => d.key === 'death_certificate');
    expect(death?.asked_by).toContain('Emirates');
    expect(death?.unmet_for).not.toContain('Emirates');
  });
});

describe("Biscuit the dog's ashes in a wooden urn, flying to Australia", () => {
  const trip: TravelRulesInput = {
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'AU', carrier: 'QF', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    loved_one: { name: 'Biscuit', kind: 'pet' },
  };

  it('is told to declare the wooden urn: the rule is about every wooden article, not only human remains', () => {
    const out = evaluateTrip(trip, { today });
    const declare = out.legs[0]!.requirements.find((r) => r.id === 'au-import-wood-declare');
    expect(declare?.rule_ids).toEqual(['au-wooden-articles-declare']);
    expect(declare?.severity).toBe('required');
    expect(ids(out.legs[0]!.requirements)).not.toContain('au-import-no-permit');
  });

  it('a person’s ashes in a wooden urn get one requirement from both sources, not two', () => {
    const out = evaluateTrip({ ...trip, loved_one: { name: 'Gran', kind: 'adult' } }, { today });
    const declare = out.legs[0]!.requirements.filter((r) => /declare a wooden urn/.test(r.title));
    expect(declare).toHaveLength(1);
    expect(declare[0]!.rule_ids).toEqual(['au-import-wood-declare', 'au-wooden-articles-declare']);
  });

  it('a plastic urn is not asked to be declared', () => {
    const out = evaluateTrip({ ...trip, keepsakes: [{ kind: 'ashes', container: 'plastic' }] }, { today });
    expect(ids(out.legs[0]!.requirements)).not.toContain('au-import-wood-declare');
  });
});
