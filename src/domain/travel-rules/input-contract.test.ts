import { describe, expect, it } from 'vitest';
import { parseTravelRulesInput } from './index.js';

// The input contract (src/contracts/travel-rules.ts): strict, with messages that read well after
// the field path.

const trip = { legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry-on' }], keepsakes: [] };

describe('parseTravelRulesInput', () => {
  it('accepts the documented example', () => {
    const example = {
      legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry-on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      purpose: 'carry',
      loved_one: { kind: 'pregnancy_loss', gestation_weeks: 20, loss_country: 'GB' },
    };
    expect(parseTravelRulesInput(example)).toEqual({ ok: true, value: example });
  });

  it.each([
    [
      { ...trip, legs: [{ ...trip.legs[0], from: 'usa' }] },
      'legs.0.from: Please use a two-letter country code such as GB.',
    ],
    [{ ...trip, legs: [{ ...trip.legs[0], to: 'UK' }] }, 'legs.0.to: Please use GB for the United Kingdom.'],
    [
      { ...trip, legs: [{ ...trip.legs[0], mode: 'bus' }] },
      'legs.0.mode: Please choose how this leg travels: air, rail, road or sea.',
    ],
    [{ ...trip, legs: [{ ...trip.legs[0], bag: 'hold' }] }, 'legs.0.bag: Please choose carry-on or checked.'],
    [
      { ...trip, legs: [{ ...trip.legs[0], carrier: 'BAW' }] },
      "legs.0.carrier: Please use the airline's two-character code, such as BA or U2.",
    ],
    [
      { ...trip, legs: [{ ...trip.legs[0], carrier: 'B A' }] },
      "legs.0.carrier: Please use the carrier's short code, such as BA for British Airways or CCL for Carnival.",
    ],
    [{ ...trip, legs: [] }, 'legs: Please add at least one leg of the journey.'],
    [
      { ...trip, keepsakes: [{ kind: 'urn', container: 'wood' }] },
      'keepsakes.0.kind: Please choose ashes, jewellery or other.',
    ],
    [
      { ...trip, keepsakes: [{ kind: 'ashes', container: 'gold' }] },
      'keepsakes.0.container: Please choose what it is made of, or "unknown" if you are not sure.',
    ],
    [{ ...trip, purpose: 'bury' }, 'purpose: Please choose carry or scatter.'],
    [
      { ...trip, loved_one: { kind: 'adult', gestation_weeks: 50 } },
      'loved_one.gestation_weeks: Please give the weeks of pregnancy, from 1 to 45.',
    ],
    [
      { ...trip, loved_one: { kind: 'adult', gestation_weeks: 20.5 } },
      'loved_one.gestation_weeks: Please give whole weeks.',
    ],
    [{ ...trip, extra: true }, 'We don\'t recognise "extra" here; please leave it out.'],
    [
      { ...trip, legs: [{ ...trip.legs[0], seat: '12A' }] },
      'legs.0: We don\'t recognise "seat" here; please leave it out.',
    ],
    [{ legs: trip.legs }, 'keepsakes: Please list the keepsakes coming along.'],
    ['a trip', 'Please give the trip as an object with legs and keepsakes.'],
  ])('%o → %s', (raw, problem) => {
    const parsed = parseTravelRulesInput(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContain(problem);
  });

  it('ship and train codes may be longer than an airline code', () => {
    const sea = { legs: [{ mode: 'sea', from: 'US', to: 'BS', carrier: 'CARNIVAL' }], keepsakes: [] };
    expect(parseTravelRulesInput(sea).ok).toBe(true);
  });
});
