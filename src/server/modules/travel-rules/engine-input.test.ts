import { describe, expect, it } from 'vitest';
import type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
import { evaluateTrip, parseTravelRulesInput } from '../../../domain/travel-rules/index.js';
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
  nationality: null,
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
      collectIn: null,
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

  it('a pet whose kind was changed does not bring a nationality still stored (review 33b, Q1)', () => {
    const pet = { ...jack, kind: 'pet', nationality: 'GB' } as LovedOne;
    const [facts] = tripFacts(view(1), [pet], [urn], { country: 'GB' });
    expect(facts!.input!.loved_one).not.toHaveProperty('nationality');
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

describe('their nationality, when the family gave it (review 22, finding 8)', () => {
  // Portugal's consulate in Rio de Janeiro speaks only for Portuguese nationals (pt-rio-death-certificate):
  // a family at home in Brazil carrying the ashes of someone who died there, to Portugal.
  const maria = (nationality: string | null): LovedOne => ({
    ...jack,
    name: 'Maria',
    kind: 'adult',
    gestationWeeks: null,
    bornAlive: null,
    birthWeightGrams: null,
    lossCountry: 'BR',
    cremationCountry: 'BR',
    nationality,
  });
  const toPortugal = () => {
    const trip = view(1);
    trip.legs[0]!.leg = { ...trip.legs[0]!.leg, fromCountry: 'BR', toCountry: 'PT', carrier: 'LA' };
    return trip;
  };
  const read = (nationality: string | null) => {
    const [facts] = tripFacts(toPortugal(), [maria(nationality)], [urn], { country: 'BR' });
    expect(facts!.problems).toEqual([]);
    const output = evaluateTrip(facts!.input!, { today: '2026-12-07' });
    return {
      input: facts!.input!,
      ruleIds: output.legs[0]!.requirements.flatMap((r) => r.rule_ids),
      asked: output.questions.filter((q) => q.field === 'nationality'),
    };
  };

  it('unsaid: nothing is passed, the list still applies, and the family is asked', () => {
    const { input, ruleIds, asked } = read(null);
    expect(input.loved_one).not.toHaveProperty('nationality');
    expect(ruleIds).toContain('pt-rio-death-certificate');
    expect(asked.map((q) => q.loved_one)).toEqual(['Maria']);
  });

  it('Portuguese: it is passed, the list applies and the question is gone', () => {
    const { input, ruleIds, asked } = read('PT');
    expect(input.loved_one?.nationality).toBe('PT');
    expect(ruleIds).toContain('pt-rio-death-certificate');
    expect(asked).toEqual([]);
  });

  it('another nationality: the list is left out and nothing is asked', () => {
    const { input, ruleIds, asked } = read('BR');
    expect(input.loved_one?.nationality).toBe('BR');
    expect(ruleIds).not.toContain('pt-rio-death-certificate');
    expect(asked).toEqual([]);
  });
});

describe('where the family collects the ashes, when they said (issue 7)', () => {
  // A family at home in the US flies to Singapore without the ashes, collects Grandma there and
  // takes her on to Germany (the engine's own scenario: scenarios-review-twenty-eight.test.ts).
  const grandma: LovedOne = {
    ...jack,
    name: 'Grandma',
    kind: 'adult',
    gestationWeeks: null,
    bornAlive: null,
    birthWeightGrams: null,
    lossCountry: 'SG',
    cremationCountry: 'SG',
  };
  const collecting = (
    collectIn: string | null,
    legs: [string, string][] = [
      ['US', 'SG'],
      ['SG', 'DE'],
    ],
  ) => {
    const trip = view(legs.length);
    trip.trip = { ...trip.trip, collectIn };
    legs.forEach(([from, to], i) => {
      trip.legs[i]!.leg = { ...trip.legs[i]!.leg, fromCountry: from, toCountry: to, carrier: 'SQ' };
    });
    const [facts] = tripFacts(trip, [grandma], [urn], { country: 'US' });
    return facts!;
  };
  const read = (collectIn: string | null) => {
    const facts = collecting(collectIn);
    expect(facts.problems).toEqual([]);
    return { input: facts.input!, output: evaluateTrip(facts.input!, { today: '2026-12-07' }) };
  };

  it('unsaid: nothing is passed and the ashes travel on every leg', () => {
    const { input, output } = read(null);
    expect(input).not.toHaveProperty('collect_in');
    expect(output.legs.map((leg) => leg.carries_ashes)).toEqual([true, true]);
    expect(output.legs[0]!.requirements.length).toBeGreaterThan(0);
  });

  it('Singapore: it is passed, the leg out carries nothing and says why, the leg on to Germany carries her', () => {
    const { input, output } = read('SG');
    expect(input.collect_in).toBe('SG');
    expect(output.legs.map((leg) => leg.carries_ashes)).toEqual([false, true]);
    expect(output.legs[0]!.requirements).toEqual([]);
    expect(output.legs[0]!.gaps.map((g) => g.message)).toEqual([
      'The ashes join the trip in Singapore, so there is nothing to carry on this part of the journey.',
    ]);
    // Germany's embassy in Singapore speaks for an urn collected there, not its missions in the US.
    expect(JSON.stringify(output)).toContain(
      'The German Embassy in Singapore issues an urn transport permit',
    );
  });

  it('no part of the journey leaves where they collect the ashes yet: said, never answered as if carried from the start', () => {
    const facts = collecting('SG', [['US', 'SG']]);
    expect(facts.input).toBeNull();
    expect(facts.problems).toEqual([
      "collect_in: no part of it leaves from Singapore, where you collect the ashes. Please add the part that sets off from there with them, or change where you collect them in the trip's details.",
    ]);
  });
});
