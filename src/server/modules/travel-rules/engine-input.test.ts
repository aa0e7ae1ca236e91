import { describe, expect, it } from 'vitest';
import type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
import { parseTravelRulesInput } from '../../../domain/travel-rules/index.js';
import type { TripView } from '../trips/index.js';
import { tripFacts } from './engine-input.js';

// Review 7, finding 14: what the app has stored is turned into what the rules engine can take, and
// where it cannot, the reason comes back (the service then says "we couldn't work this out").

const jack: LovedOne = {
  id: 'lo-1',
  name: 'Jack',
  kind: 'pregnancy_loss',
  relationship: null,
  dateOfLoss: '2025-03-14',
  dueDate: null,
  dateOfBirth: null,
  dateOfDeath: null,
  gestationWeeks: 20,
  lossCountry: 'GB',
  lossRegion: null,
  bornAlive: false,
  birthWeightGrams: 300,
  story: null,
  createdAt: '2026-01-01T00:00:00.000Z',
} as LovedOne;
const urn = { id: 'k-1', lovedOneId: 'lo-1' } as Keepsake;
const view = (legs: number) =>
  ({
    trip: {
      purpose: 'carry',
      scatterCountry: null,
      scatterPlace: null,
      scatterRegion: null,
      ashesComeHome: null,
    },
    keepsakes: [{ keepsakeId: 'k-1', keepsakeKind: 'ashes', container: 'wood', keepsakeName: 'Jack’s urn' }],
    legs: Array.from({ length: legs }, () => ({
      leg: {
        mode: 'air',
        fromCountry: 'GB',
        toCountry: 'ES',
        carrier: 'BA',
        bag: 'carry_on',
        connection: false,
        isReturn: false,
      },
    })),
  }) as unknown as TripView;

describe('the engine input for a loved one', () => {
  it('a baby lost in pregnancy brings the facts of the birth', () => {
    const [facts] = tripFacts(view(1), [jack], [urn], { country: 'GB' });
    expect(facts!.input?.loved_one).toMatchObject({
      gestation_weeks: 20,
      born_alive: false,
      birth_weight_g: 300,
    });
    expect(facts!.problems).toEqual([]);
  });

  it('a loved one whose kind was changed to adult does not bring the baby facts still stored', () => {
    const [facts] = tripFacts(view(1), [{ ...jack, kind: 'adult' }], [urn], { country: 'GB' });
    const lovedOne = facts!.input!.loved_one!;
    expect(lovedOne).not.toHaveProperty('gestation_weeks');
    expect(lovedOne).not.toHaveProperty('born_alive');
    expect(lovedOne).not.toHaveProperty('birth_weight_g');
    // So the engine's own checks, as the CLI runs them, take it.
    expect(parseTravelRulesInput(facts!.input).ok).toBe(true);
  });

  it('an infant brings weeks and weight, but not born_alive (born alive by definition)', () => {
    const [facts] = tripFacts(view(1), [{ ...jack, kind: 'infant' }], [urn], { country: 'GB' });
    expect(facts!.input!.loved_one).not.toHaveProperty('born_alive');
    expect(parseTravelRulesInput(facts!.input).ok).toBe(true);
  });

  it('a weight the engine cannot take comes back as a problem, not as silence', () => {
    const [facts] = tripFacts(view(1), [{ ...jack, birthWeightGrams: 8000 }], [urn], { country: 'GB' });
    expect(facts!.input).toBeNull();
    expect(facts!.problems).toEqual([
      'loved_one.birth_weight_g: Please give the birth weight in grams, from 1 to 7000.',
    ]);
  });

  it('no legs yet: no input, and nothing to fix', () => {
    const [facts] = tripFacts(view(0), [jack], [urn], { country: 'GB' });
    expect(facts!.input).toBeNull();
    expect(facts!.problems).toEqual([]);
  });
});

describe('where the family lives', () => {
  it('the family’s country in Settings is passed as home; without it, none is made up', () => {
    expect(tripFacts(view(1), [jack], [urn], { country: 'GB' })[0]!.input?.home_country).toBe('GB');
    const [unknown] = tripFacts(view(1), [jack], [urn], { country: null });
    expect(unknown!.input).not.toBeNull();
    expect(unknown!.input?.home_country).toBeUndefined();
  });
});
