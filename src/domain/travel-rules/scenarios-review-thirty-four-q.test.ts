import { describe, expect, it } from 'vitest';
import { parseTravelRulesInput } from './parse-input.js';
import { carryingTrip } from './scenario-reading.js';

// Low findings from earlier reviews, fixed by helper fixQ.
// Q1: a pet's entry took a nationality (a pet has none, and the app's form never asks it), and it
// was read silently; now it is refused, naming the field, as other slips are.

const toPortugal = [{ mode: 'air', from: 'GB', to: 'PT', carrier: 'BA', bag: 'carry_on' }];

describe('Q1: a pet has no nationality', () => {
  it('a nationality on a pet is refused, naming the field', () => {
    const parsed = parseTravelRulesInput(
      carryingTrip('GB', toPortugal, { name: 'Biscuit', kind: 'pet', nationality: 'GB' }),
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      'loved_ones.0.nationality: nationality is asked only about a person; please leave it out for a pet.',
    ]);
  });

  it('a pet without one, and a person with one, are read as before', () => {
    expect(parseTravelRulesInput(carryingTrip('GB', toPortugal, { name: 'Biscuit', kind: 'pet' })).ok).toBe(
      true,
    );
    expect(parseTravelRulesInput(carryingTrip('GB', toPortugal, { nationality: 'PT' })).ok).toBe(true);
  });
});
