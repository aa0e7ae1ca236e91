import { describe, expect, it } from 'vitest';
import { countryPhrase } from './names.js';
import { carryingTrip, gapMessages, readTripOn, ruleIdsOn, type TripReading } from './scenario-reading.js';

// Review 35, the fixes of helper fixW (names and territories):
// 8a (review 34b): a family in Puerto Rico flying to Mexico heard that Mexico's consulates' lists
// speak "only for families who live in the United States", as if Puerto Rico were not part of it.
// 8b (review 34b): "into Hong Kong SAR China": a territory's name read wrongly mid-sentence, as did
// "Isle of Man" without "the" and the platform's "&" and "Congo - Kinshasa".
// Also from territories' trips: a family in Jersey sent to "the embassy or consulate of the United
// Kingdom in Jersey", one in Réunion to France's "in Réunion", and one coming home to Puerto Rico
// to "the customs service of Puerto Rico" (its customs are the United States').
// A fixQ leftover: a Texas baby's reasons said "before 20 weeks … before 20 weeks if the weight is
// not known", and Texas's clause on a cremation there once for each case.

const today = '2026-12-07';

/** A family flying with Nan's ashes from home to `abroad`, and home again unless they stay there. */
const roundTrip = (home: string, abroad: string, back = true): TripReading =>
  readTripOn(
    today,
    carryingTrip(
      home,
      [
        { mode: 'air', from: home, to: abroad, carrier: 'XX', bag: 'carry_on' },
        ...(back
          ? [{ mode: 'air', from: abroad, to: home, carrier: 'XX', bag: 'carry_on', way_home: true }]
          : []),
      ],
      { name: 'Nan' },
    ),
  );

const allGaps = (out: TripReading): string =>
  out.legs.flatMap((_, index) => gapMessages(out, index)).join('\n');

describe('8a: a family in Puerto Rico flying to Mexico', () => {
  it('hears that our sources do not say whether they speak for Puerto Rico, and whom to ask', () => {
    const out = roundTrip('PR', 'MX');
    expect(ruleIdsOn(out, 0)).not.toContain('mx-transit-cert');
    expect(gapMessages(out, 0)).toContain(
      'Our sources on taking ashes into Mexico speak for families who live in the United States, and none of them says whether it speaks for families in Puerto Rico too. The embassy or consulate of Mexico serving Puerto Rico can tell you what they need; take the documents listed below with you.',
    );
    expect(allGaps(out)).not.toContain('For a family from Puerto Rico');
  });

  it('coming home, asks the customs of the United States, whose customs Puerto Rico is inside', () => {
    expect(gapMessages(roundTrip('PR', 'MX'), 1).join('\n')).toContain(
      'The customs service of the United States can tell you, before you set off, whether anything is needed coming back',
    );
  });

  it('taking the ashes to stay in Mexico, the same; a family in the United States still gets the lists', () => {
    const staying = roundTrip('PR', 'MX', false);
    expect(ruleIdsOn(staying, 0)).not.toContain('mx-transit-cert');
    expect(gapMessages(staying, 0).join('\n')).toContain(
      'none of them says whether it speaks for families in Puerto Rico too. The embassy or consulate of Mexico serving Puerto Rico',
    );
    expect(ruleIdsOn(roundTrip('US', 'MX', false), 0)).toContain('mx-transit-cert');
  });
});

describe('8b: places named as they read in a sentence', () => {
  it('Hong Kong and Macao, never "SAR China"', () => {
    expect(countryPhrase('HK')).toBe('Hong Kong');
    expect(countryPhrase('MO')).toBe('Macao');
    const hk = allGaps(roundTrip('HK', 'GB'));
    expect(hk).not.toContain('SAR');
    expect(hk).toContain('We have no rule from our research for taking ashes out of Hong Kong.');
    expect(hk).toContain('The customs service of Hong Kong can tell you');
    expect(allGaps(roundTrip('MO', 'HK'))).toContain(
      'We have no rule from our research for taking ashes into Hong Kong yet. The authorities in Hong Kong can tell you what they need',
    );
  });

  it('"the Isle of Man", "and" not "&", and the Congos by their names', () => {
    expect(countryPhrase('IM')).toBe('the Isle of Man');
    expect(countryPhrase('FK')).toBe('the Falkland Islands');
    expect(countryPhrase('TT')).toBe('Trinidad and Tobago');
    expect(countryPhrase('TC')).toBe('the Turks and Caicos Islands');
    expect(countryPhrase('CD')).toBe('the Democratic Republic of the Congo');
    expect(countryPhrase('CX')).toBe('Christmas Island');
    expect(allGaps(roundTrip('IM', 'GB'))).toContain('taking ashes out of the Isle of Man.');
  });
});

describe('territories: whom to ask', () => {
  it('a family in Jersey is sent to the UK’s border authorities, never its embassy in Jersey', () => {
    const gaps = allGaps(roundTrip('JE', 'GB'));
    expect(gaps).not.toContain('embassy or consulate of the United Kingdom');
    expect(gaps).toContain(
      'none of them says whether it speaks for families in Jersey too. The border authorities of the United Kingdom can tell you what they need',
    );
  });

  it('a family in Réunion asks France’s border authorities, and another country’s mission serving Réunion', () => {
    expect(allGaps(roundTrip('RE', 'FR'))).toContain('The border authorities of France can tell you');
    expect(allGaps(roundTrip('RE', 'MU'))).toContain(
      'The embassy or consulate of Mauritius serving Réunion can tell you',
    );
  });
});

describe('fixQ leftover: a Texas baby’s reasons each said once', () => {
  const grace = (more: object) =>
    readTripOn(
      today,
      carryingTrip('US', [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' }], {
        name: 'Grace',
        kind: 'pregnancy_loss',
        born_alive: false,
        loss_country: 'US',
        loss_region: 'US-TX',
        ...more,
      }),
    );
  const textOf = (out: TripReading) => out.summary.find((s) => s.loved_one === 'Grace')!.text;
  const times = (text: string, words: string) => text.split(words).length - 1;

  it('weeks and weight unknown: each case says its weeks once', () => {
    const text = textOf(grace({}));
    expect(text).toContain(
      'Before 20 weeks and if the weight is not known, in Texas a baby born without signs of life does not have to be registered',
    );
    expect(text).not.toMatch(/before 20 weeks if the weight is not known does not/);
    expect(text).not.toMatch(/signs of life from 20 weeks is then recorded/);
  });

  it('Texas’s word on a cremation there is said once, after the cases it speaks for', () => {
    for (const more of [{}, { gestation_weeks: 18 }]) {
      const text = textOf(grace(more));
      expect(
        times(text, 'for a baby cremated there, the funeral home files a Certificate of Fetal Death'),
      ).toBe(1);
    }
  });
});
