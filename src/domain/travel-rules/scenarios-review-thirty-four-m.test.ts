import { describe, expect, it } from 'vitest';
import { readTripOn, type TripReading } from './scenario-reading.js';

// Review 33b, fixed at review 34 by fixM; both came with the "where did they die" questions
// (review 32, r32b finding 5; where-they-died.ts):
// H1 (high): "Where did Lola die?" was asked of a French family leaving France, though the
// prefect's requirement holds for a family living in France whatever the answer
// (`fr-prefect-exit`); only its twin for a death in France (`fr-prefect-exit-died-in-france`,
// same merge_key) turns on it. A question is now asked only where the answer changes what is shown.
// M4 (medium): for a UK family who had not said where their baby died, the summary said the
// prefect's permit for leaving France plainly, though the leg said "This applies only if Poppy died
// in France". The summary now says it with that condition, and the papers list leaves it out.

const today = '2026-12-07';

/** A family flying with one loved one's ashes who have not said where they died. */
const unsaidWhereTheyDied = (
  home: string,
  legs: readonly { from: string; to: string; way_home?: boolean }[],
  lovedOne: { name: string; kind: string; cremated_in: string },
): TripReading =>
  readTripOn(today, {
    home_country: home,
    purpose: 'carry',
    legs: legs.map((leg) => ({ mode: 'air', ...leg })),
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: lovedOne.name }],
    loved_ones: [lovedOne],
  });

const whereDied = (out: TripReading) => out.questions.filter((q) => q.field === 'loss_country');
const prefect = (out: TripReading, leg: number) =>
  out.legs[leg]!.requirements.find((r) => r.id === 'fr-prefect-exit');

const poppyHomeThroughFrance = () =>
  unsaidWhereTheyDied(
    'GB',
    [
      { from: 'GB', to: 'FR' },
      { from: 'FR', to: 'GB', way_home: true },
    ],
    { name: 'Poppy', kind: 'infant', cremated_in: 'GB' },
  );

describe('H1: “Where did they die?” only where the answer changes what is shown', () => {
  it('a French family leaving France is not asked: the prefect’s requirement stands for them either way', () => {
    const out = unsaidWhereTheyDied('FR', [{ from: 'FR', to: 'GB' }], {
      name: 'Lola',
      kind: 'adult',
      cremated_in: 'FR',
    });
    expect(prefect(out, 0)?.rule_ids).toEqual(['fr-prefect-exit', 'fr-prefect-exit-died-in-france']);
    expect(prefect(out, 0)?.for_this_family ?? '').not.toMatch(/only if Lola died/);
    expect(whereDied(out)).toEqual([]);
  });

  it('a UK family leaving France with their baby’s ashes is asked: only the rule for a death in France speaks', () => {
    const out = poppyHomeThroughFrance();
    expect(prefect(out, 1)?.rule_ids).toEqual(['fr-prefect-exit-died-in-france']);
    expect(prefect(out, 1)?.for_this_family).toContain('This applies only if Poppy died in France');
    expect(whereDied(out)).toHaveLength(1);
    expect(whereDied(out)[0]!.message).toContain(
      "“Leaving France with an urn may need the prefect's permission” applies only if Poppy died in France",
    );
  });
});

describe('M4: the summary says a paper that turns on where they died with that condition', () => {
  it('Poppy’s summary: the prefect’s permit “if Poppy died in France”, never plainly', () => {
    const summary = poppyHomeThroughFrance().summary[0]!;
    expect(summary.text).toContain(
      "If Poppy died in France, you may also need the prefect's authorisation to take the urn out of France; the notes on your journey say who asks for it.",
    );
    expect(summary.text).not.toContain('Ask before you travel whether you also need the prefect');
    expect(summary.carry).toContain(
      "The prefect's authorisation to take the urn out of France: only if Poppy died in France",
    );
    expect(poppyHomeThroughFrance().documents.map((d) => d.key)).not.toContain('permit');
  });

  it('said where Poppy died, the summary speaks plainly: in France, the permit to ask about; at home, none', () => {
    const said = (lossCountry: string) =>
      readTripOn(today, {
        home_country: 'GB',
        purpose: 'carry',
        legs: [
          { mode: 'air', from: 'GB', to: 'FR' },
          { mode: 'air', from: 'FR', to: 'GB', way_home: true },
        ],
        keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Poppy' }],
        loved_ones: [{ name: 'Poppy', kind: 'infant', cremated_in: 'GB', loss_country: lossCountry }],
      }).summary[0]!.text;
    expect(said('FR')).toContain(
      "Ask before you travel whether you also need the prefect's authorisation to take the urn out of France",
    );
    expect(said('FR')).not.toMatch(/only if Poppy died|If Poppy died/);
    expect(said('GB')).not.toContain('prefect');
  });

  it('a French family’s summary keeps the permit as it stood, with no condition', () => {
    const out = unsaidWhereTheyDied('FR', [{ from: 'FR', to: 'GB' }], {
      name: 'Lola',
      kind: 'adult',
      cremated_in: 'FR',
    });
    expect(out.summary[0]!.text).toContain(
      "Ask before you travel whether you also need the prefect's authorisation to take the urn out of France",
    );
    expect(out.summary[0]!.text).not.toMatch(/If Lola died/);
  });
});
