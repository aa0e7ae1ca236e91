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
    // Files written before the product settled on one word for a bag ("carry-on") still read.
    expect(parseTravelRulesInput(example)).toEqual({
      ok: true,
      value: { ...example, legs: [{ ...example.legs[0], bag: 'carry_on' }] },
    });
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
    [{ ...trip, legs: [{ ...trip.legs[0], bag: 'hold' }] }, 'legs.0.bag: Please choose carry_on or checked.'],
    [
      // An airline's name is read (review 15, finding 7); one with hidden characters is not.
      { ...trip, legs: [{ ...trip.legs[0], carrier: 'British\u202eAirways' }] },
      "legs.0.carrier: Please use the airline's name or two-character code, such as British Airways or BA, easyJet or U2.",
    ],
    [
      // A ferry's or train's company may be named (review 23, finding 8); one letter, or a name
      // turned round by a hidden character, is not a name.
      { ...trip, legs: [{ ...trip.legs[0], mode: 'sea', carrier: 'C\u202eCL' }] },
      "legs.0.carrier: Please give the company's name or short code, from 2 to 60 characters, such as Interislander, or CCL for Carnival.",
    ],
    [{ ...trip, legs: [] }, 'legs: Please add at least one leg of the journey.'],
    [
      { ...trip, keepsakes: [{ kind: 'urn', container: 'wood' }] },
      'keepsakes.0.kind: Please choose ashes, jewellery, memory_box, blanket or other.',
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

  it.each([
    [
      { ...trip, legs: [{ ...trip.legs[0], to: 'XX' }] },
      'legs.0.to: "XX" is not a country code we know; please use a two-letter code such as GB.',
    ],
    [
      { ...trip, legs: [{ ...trip.legs[0], to: 'ZZ' }] },
      'legs.0.to: "ZZ" is not a country code we know; please use a two-letter code such as GB.',
    ],
    [
      { ...trip, legs: [{ ...trip.legs[0], from: 'EU' }] },
      'legs.0.from: "EU" is reserved for European Union, not a country; please use the country\'s own two-letter code.',
    ],
    [
      { ...trip, legs: [{ ...trip.legs[0], carrier: 'ZZ' }] },
      'legs.0.carrier: We don\'t know an airline with the code "ZZ". Please check the two-character code on your booking, such as BA or U2; if it is right, leave the airline out and ask them directly, as we have no rule to look up for it.',
    ],
    [
      { ...trip, loved_one: { kind: 'pregnancy_loss', loss_country: 'GB', loss_region: 'US-CA' } },
      'loved_one.loss_region: California is not in the United Kingdom; please check loss_country.',
    ],
    [
      { ...trip, loved_one: { kind: 'pregnancy_loss', loss_country: 'GB', loss_region: 'GB-XYZ' } },
      'loved_one.loss_region: "GB-XYZ" is not a region code we know; please use an ISO 3166-2 code such as GB-SCT or US-CA.',
    ],
    [
      { ...trip, loved_one: { kind: 'infant', born_alive: false } },
      'loved_one.born_alive: A baby born without signs of life is described as kind "pregnancy_loss" with born_alive false; please change the kind.',
    ],
    [
      { ...trip, loved_one: { kind: 'pet', gestation_weeks: 20 } },
      'loved_one.gestation_weeks: gestation_weeks is asked only about a baby; please leave it out here.',
    ],
    [
      { ...trip, loved_one: { kind: 'adult', born_alive: false } },
      'loved_one.born_alive: born_alive is asked only after a loss in pregnancy; please leave it out here.',
    ],
    [
      { ...trip, legs: [{ ...trip.legs[0], connection: true }] },
      'legs.0.connection: A connection is a change of planes in the United Kingdom, so the next leg should be a flight from there.',
    ],
    [
      {
        ...trip,
        legs: [
          { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
          { mode: 'air', from: 'BS', to: 'US', carrier: 'AA' },
        ],
      },
      'legs.0.connection: A port of call in the Bahamas keeps the ashes on board, so the next leg should sail on from there.',
    ],
    [
      { ...trip, legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: '9F', connection: true }] },
      'legs.0.connection: A connection is a change of planes, or a port of call where the ashes stay on board; please leave it out for this leg.',
    ],
    [
      { ...trip, legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: 'BA' }] },
      'legs.0.carrier: "BA" is an airline\'s code, and this leg goes by train. Please give the company\'s own code, or leave the carrier out.',
    ],
    [
      {
        ...trip,
        legs: [
          { mode: 'air', from: 'GB', to: 'FR', carrier: 'BA' },
          { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA' },
        ],
      },
      'legs.1.from: This leg leaves from Spain, but the one before arrives in France. Please add the journey between them, so its border is checked too.',
    ],
    [
      {
        ...trip,
        legs: [{ mode: 'air', from: 'GB', to: 'CA', carrier: 'AC' }],
        purpose: 'scatter',
        scatter: { country: 'CA', place: 'national_park', site: 'nps:dena' },
      },
      'scatter.site: "nps:dena" is a US national park, not one in Canada; please check the site or the country.',
    ],
    [
      { ...trip, purpose: 'scatter', scatter: { country: 'ES', place: 'sea' } },
      'scatter.country: None of the legs arrives in Spain.',
    ],
    [
      {
        ...trip,
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_ones: [
          { name: 'Jack', kind: 'pregnancy_loss' },
          { name: 'Grandad', kind: 'adult' },
        ],
      },
      'keepsakes.0.loved_one: Please say whose ashes these are: the name of one of the loved ones, or, where one urn holds the ashes of more than one, a list of their names such as ["Rosie", "Lily"].',
    ],
  ])('%o → %s', (raw, problem) => {
    const parsed = parseTravelRulesInput(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContain(problem);
  });

  it('reads a country code in lower case, as people type it', () => {
    const parsed = parseTravelRulesInput({ ...trip, legs: [{ ...trip.legs[0], from: 'us', to: ' gb' }] });
    expect(parsed.ok && parsed.value.legs[0]).toMatchObject({ from: 'US', to: 'GB' });
  });

  it('a baby born alive at 22 weeks may say so: an infant with born_alive true is accepted', () => {
    const parsed = parseTravelRulesInput({
      ...trip,
      loved_one: { kind: 'infant', gestation_weeks: 22, born_alive: true },
    });
    expect(parsed.ok).toBe(true);
  });

  it('Antarctica (AQ) is a real ISO 3166 code but no country to ask: refused, naming the field (review 8)', () => {
    const parsed = parseTravelRulesInput({ ...trip, legs: [{ ...trip.legs[0], to: 'AQ' }] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toMatch(/^legs\.0\.to: "AQ" is Antarctica, where nobody lives/);
  });

  it('two loved ones, each keepsake named for whose it is', () => {
    const parsed = parseTravelRulesInput({
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' }],
      keepsakes: [
        { kind: 'ashes', container: 'wood', loved_one: 'Jack' },
        { kind: 'ashes', container: 'metal', loved_one: 'Grandad' },
      ],
      loved_ones: [
        { name: 'Jack', kind: 'pregnancy_loss', gestation_weeks: 20, born_alive: false, loss_country: 'GB' },
        { name: 'Grandad', kind: 'adult' },
      ],
    });
    expect(parsed.ok).toBe(true);
  });
});
