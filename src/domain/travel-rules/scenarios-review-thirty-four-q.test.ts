import { describe, expect, it } from 'vitest';
import { parseTravelRulesInput } from './parse-input.js';
import { carryingTrip, readTripOn } from './scenario-reading.js';

// Low findings from earlier reviews, fixed by helper fixQ.
// Q1: a pet's entry took a nationality (a pet has none, and the app's form never asks it), and it
// was read silently; now it is refused, naming the field, as other slips are.

const today = '2026-12-07';
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

// Q2: a baby lost in pregnancy was asked "Where was Poppy born?" while the notes on the prefect's
// permit said "tell us where Poppy died", and the question of where she died was dropped as asked.
describe('Q2: a baby is asked where she was born, and told that is where she died', () => {
  it('a UK family taking Poppy to France and home hears one question that says what turns on it', () => {
    const poppy = { name: 'Poppy', kind: 'pregnancy_loss', born_alive: false, gestation_weeks: 30 };
    const out = readTripOn(
      today,
      carryingTrip(
        'GB',
        [
          { mode: 'air', from: 'GB', to: 'FR', carrier: 'BA', bag: 'carry_on' },
          { mode: 'air', from: 'FR', to: 'GB', carrier: 'BA', bag: 'carry_on', way_home: true },
        ],
        { ...poppy, loss_country: undefined, cremated_in: undefined },
      ),
    );
    const asked = out.questions.filter((q) => q.loved_one === 'Poppy' && q.field === 'loss_country');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toMatch(/^Where was Poppy born\? /);
    // Review 35 (u, finding 5): the prefect's permit turns on where Poppy was cremated, so it is
    // asked about as that, and where she was born (and died) decides the UK's own papers.
    expect(asked[0]!.message).toContain(
      'Your answer also tells us where Poppy died, which decides some of what we show: “Coming back to the UK: the death and cremation certificates” applies only if Poppy died outside the United Kingdom',
    );
    const cremated = out.questions.filter((q) => q.loved_one === 'Poppy' && q.field === 'cremated_in');
    expect(cremated.map((q) => q.message)).toEqual([
      expect.stringContaining(
        "“Leaving France with an urn may need the prefect's permission” applies only if Poppy was cremated in France",
      ),
    ]);
  });
});

// Q4: the Royal British Legion's overseas certificate was on a stillborn baby's leg out of the UK,
// and gone from the summary: the crematorium's certificate was said inside what stands in for the
// death certificate, and its particular form with it dropped.
describe('Q4: the Royal British Legion’s overseas certificate is in the summary as on the leg', () => {
  it('a UK family taking Jack, stillborn at 30 weeks, to Spain hears of it in the summary', () => {
    const jack = { name: 'Jack', kind: 'pregnancy_loss', born_alive: false, gestation_weeks: 30 };
    const out = readTripOn(
      today,
      carryingTrip('GB', [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' }], jack),
    );
    expect(out.legs[0]!.requirements.some((r) => r.rule_ids.includes('uk-overseas-certificate'))).toBe(true);
    expect(out.summary[0]!.text).toContain(
      "The Royal British Legion suggests the crematorium's certificate for taking ashes overseas.",
    );
  });
});
