import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from './load-rules.js';
import { lovedOneMatch } from './match-conditions.js';
import { readTripOn } from './scenario-reading.js';

// The two findings reviews 25 and 26 left open. Review 25, finding 9: Texas goes by the weeks when
// the weight is not known, and a family may not know it; with it, the State Registrar's word that a
// baby cremated in Texas has a Certificate of Fetal Death whatever the weight. Review 26, finding 6:
// passing through Germany, the leg said "required" and the papers list "carry" while the summary
// said to ask first; now all three say to ask first.

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const death = (out: Out) => out.documents.find((d) => d.key === 'death_certificate')!;

const texasBaby = (weeks: number, grams?: number) =>
  readTripOn(today, {
    home_country: 'US',
    purpose: 'carry',
    legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Rosa' }],
    loved_ones: [
      {
        name: 'Rosa',
        kind: 'pregnancy_loss',
        gestation_weeks: weeks,
        born_alive: false,
        ...(grams !== undefined && { birth_weight_g: grams }),
        loss_country: 'US',
        loss_region: 'US-TX',
        cremated_in: 'US-TX',
      },
    ],
  });

describe('review 25, finding 9: Texas, when the weight is not known', () => {
  it('at 21 weeks, weight not given: "if the weight is not known" is said with the Certificate of Fetal Death', () => {
    const out = texasBaby(21);
    expect(out.summary[0]!.text).toContain(
      "From 350 g or if the weight is not known: the Certificate of Fetal Death, with the crematorium's certificate.",
    );
    expect(death(out).status).toBe('not_issued');
    expect(death(out).rule_ids).toContain('us-tx-fetal-death-weight-unknown');
    // Knowing the weight still settles it, so it is still asked, kindly ("If you know …").
    expect(out.questions.map((q) => q.field)).toEqual(['birth_weight_g']);
  });

  it('at 18 weeks, weight not given: "not known" goes with the case that needs no registration', () => {
    const text = texasBaby(18).summary[0]!.text;
    // Cremated in Texas (review 31, finding 2): the paper filed for the cremation, not both ways round.
    expect(text).toContain(
      'Under 350 g or if the weight is not known: the Certificate of Fetal Death the funeral home filed for the cremation',
    );
    expect(text).toContain("From 350 g: the Certificate of Fetal Death, with the crematorium's certificate.");
  });

  it('a weight given settles it: no "not known" case, no question', () => {
    for (const out of [texasBaby(21, 300), texasBaby(21, 400), texasBaby(18, 300)]) {
      expect(JSON.stringify(out)).not.toContain('not known');
      expect(out.questions).toEqual([]);
    }
  });

  it('under 350 g, a baby cremated in Texas may have a Certificate of Fetal Death all the same', () => {
    const out = texasBaby(21, 300);
    // Review 28, finding 9: said plainly, the same facts (the crematorium needs it, the funeral home files it).
    expect(death(out).reason).toContain(
      'for a baby cremated there, the funeral home files a Certificate of Fetal Death for the crematorium',
    );
    expect(out.summary[0]!.text).toMatch(
      // Rosa was cremated in Texas: only that way round is said (review 31, finding 2).
      /^For Rosa, carry the Certificate of Fetal Death the funeral home filed for the cremation, with the crematorium's certificate\./,
    );
  });

  it("Texas's rules rest on the State Registrar's own page, quoting the rule and the crematory law", () => {
    for (const id of [
      'us-tx-fetal-death',
      'us-tx-fetal-death-weight-unknown',
      'us-fetal-death-texas-under-350g',
      'us-fetal-death-texas-weight-unknown-under-20',
    ]) {
      const rule = RULES_BY_ID.get(id)!;
      expect(rule.source_url).toBe(
        'http://www.dshs.state.tx.us/vs/field/Previous-Ask-the-State-Registrar-Questions/',
      );
      expect(rule.source_kind).toBe('official');
      expect(rule.source_date_note).toContain('25 TAC §181.7(a)');
    }
  });

  it('the condition: "not known" is open while no weight is given, and never holds once one is', () => {
    const baby = {
      name: 'Rosa',
      named: true,
      kind: 'pregnancy_loss' as const,
      gestationWeeks: 21,
      bornAlive: false,
      birthWeightG: null,
      lossCountry: 'US',
      lossRegion: 'US-TX',
      cremationCountry: null,
      cremationRegion: null,
      nationality: null,
    };
    const c = { birth_weight_known: false as const, gestation_weeks_gte: 20 };
    expect(lovedOneMatch(c, baby)).toEqual({ holds: 'maybe', unknown: ['birth_weight_g'] });
    expect(lovedOneMatch(c, { ...baby, birthWeightG: 300 }).holds).toBe('no');
    expect(lovedOneMatch(c, { ...baby, birthWeightUnknown: true }).holds).toBe('yes');
    expect(lovedOneMatch({ birth_weight_g_lt: 350 }, { ...baby, birthWeightUnknown: true }).holds).toBe('no');
  });
});

describe('review 26, finding 6: passing through Germany, every part says to ask first', () => {
  const through = () =>
    readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'road', from: 'DE', to: 'PL' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Babcia' }],
      loved_ones: [{ name: 'Babcia', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
  const certificate = (out: Out) => out.documents.find((d) => d.key === 'consular_certificate')!;

  it("the papers list: Germany's certificate is asked about first, never 'carry'", () => {
    expect(certificate(through()).status).toBe('ask_first');
  });

  it("the leg keeps the source's own word, with what it means for a family only passing through", () => {
    const leg = through().legs[0]!;
    const papers = leg.requirements.find((r) => r.rule_ids.includes('de-cremains-cert'))!;
    // Was "You only pass through …:", as if the family had said so; they may stay there a while
    // first, so both are said (review 33b, M2).
    expect(papers.for_this_family).toBe(
      "If you stay in Germany, this applies to you. If you only pass through, our sources don't say whether it does, so ask before you travel whether you need these papers.",
    );
    const refusal = leg.requirements.find((r) => r.id === 'de-no-private-carriage')!;
    expect(refusal.for_this_family).toBe(
      "If you stay in Germany, this applies to you. If you only pass through, our sources don't say whether it does, so ask before you travel.",
    );
  });

  it('the summary says the same: ask before you travel', () => {
    const out = through();
    // Review 27, finding 12: the missions' page says only that they issue it, so it is said that
    // way, which is itself "ask first" ("… ask them whether you need one").
    expect(out.summary[0]!.text).toContain(
      "Germany's missions in the United States issue a certificate for shipping cremains; ask them whether you need one.",
    );
    expect(out.summary[0]!.carry).toContain(
      "Germany's missions in the United States issue a certificate for shipping cremains; ask them whether you need one.",
    );
  });

  it('taking the ashes to Germany to stay, no "only pass through" is said', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Oma' }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    // Review 30, finding 5: its page says only that the certificate is issued, so it is asked about
    // first, as the summary says ("ask them whether you need one"), never "carry".
    expect(certificate(out).status).toBe('ask_first');
    // The note on passing through reads "If you stay in …" since review 33b, M2: this looks for that.
    expect(JSON.stringify(out)).not.toContain('If you only pass through, our sources');
  });
});
