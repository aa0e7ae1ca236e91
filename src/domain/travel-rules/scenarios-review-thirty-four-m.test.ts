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
// Review 34 (finding 3) then found the prefect's rules should turn on where the cremation was: the
// twin for a death in France no longer holds for a baby the family said was cremated at home, so the
// question and the summary's condition are shown with Greece's certificate, which turns on where
// Yiayia died.

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

/** A UK family bringing Yiayia's ashes to Greece to stay: Greece's certificate is for ashes from abroad. */
const yiayiaToGreece = (lossCountry?: string) =>
  readTripOn(today, {
    home_country: 'GB',
    purpose: 'carry',
    legs: [{ mode: 'air', from: 'GB', to: 'GR', carrier: 'BA', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Yiayia' }],
    loved_ones: [
      { name: 'Yiayia', kind: 'adult', cremated_in: 'GB', ...(lossCountry && { loss_country: lossCountry }) },
    ],
  });

describe('H1: “Where did they die?” only where the answer changes what is shown', () => {
  it('a French family leaving France is not asked: the prefect’s requirement stands for them either way', () => {
    const out = unsaidWhereTheyDied('FR', [{ from: 'FR', to: 'GB' }], {
      name: 'Lola',
      kind: 'adult',
      cremated_in: 'FR',
    });
    expect(prefect(out, 0)?.rule_ids).toContain('fr-prefect-exit-died-in-france');
    expect(prefect(out, 0)?.for_this_family ?? '').not.toMatch(/only if Lola died/);
    expect(whereDied(out)).toEqual([]);
  });

  it('a family whose requirement does turn on it is asked, naming it', () => {
    const questions = whereDied(yiayiaToGreece());
    expect(questions).toHaveLength(1);
    expect(questions[0]!.message).toContain(
      "“Greece: a Greek consulate's certificate for bringing ashes” applies only if Yiayia died outside Greece",
    );
  });
});

describe('M4: the summary says a paper that turns on where they died with that condition', () => {
  it('Yiayia’s summary: Greece’s certificate “if Yiayia died outside Greece”, never plainly', () => {
    const out = yiayiaToGreece();
    const summary = out.summary[0]!;
    expect(summary.text).toContain(
      "If Yiayia died outside Greece, you may also need Greek translations of the death certificate and the exit permit; a Greek consulate's ashes transfer certificate;",
    );
    expect(summary.carry).toContain(
      "A Greek consulate's ashes transfer certificate: only if Yiayia died outside Greece",
    );
    expect(out.documents.map((d) => d.key)).not.toContain('consular_certificate');
  });

  it('said where Yiayia died, the summary speaks plainly: abroad, the certificate; in Greece, none', () => {
    expect(yiayiaToGreece('GB').summary[0]!.text).toContain("a Greek consulate's ashes transfer certificate");
    expect(yiayiaToGreece('GB').summary[0]!.text).not.toMatch(/only if Yiayia died|If Yiayia died/);
    expect(yiayiaToGreece('GR').summary[0]!.text).not.toContain('transfer certificate');
  });

  it('a French family’s summary keeps the prefect’s permit as it stood, with no condition', () => {
    const out = unsaidWhereTheyDied('FR', [{ from: 'FR', to: 'GB' }], {
      name: 'Lola',
      kind: 'adult',
      cremated_in: 'FR',
    });
    expect(out.summary[0]!.text).toContain(
      "the prefect's authorisation to take the urn out of France is issued by the préfecture of the département where the cremation took place",
    );
    expect(out.summary[0]!.text).not.toMatch(/If Lola died/);
  });
});
