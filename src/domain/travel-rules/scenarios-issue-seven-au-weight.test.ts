import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { type TripReading, readTripOn } from './scenario-reading.js';

// Issue 7: Australia's rule for a baby weighing 400 g or more said every such baby born without
// signs of life is registered as a birth, whatever the weeks. The laws we read say otherwise: in New
// South Wales (Births, Deaths and Marriages Registration Act 1995, s 4, as the AIHW quotes it) and
// South Australia (Act of 1996, s 4, as its Legal Services Commission explains it) a stillborn child
// is one of at least 20 weeks, and 400 g counts only where the weeks can't be reliably established;
// the ACT's Assembly was told in 2018 that its Act said the same. No source we read says weight alone
// counts in any state, so a baby before 20 weeks weighing 400 g or more is told to ask the registry.

const today = '2026-12-06';
const deathCertificateOf = (out: TripReading) => out.documents.find((d) => d.key === 'death_certificate')!;
const baby = (loved: Record<string, unknown>): TripReading =>
  readTripOn(today, {
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'QF', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    loved_one: { name: 'Ruby', kind: 'pregnancy_loss', born_alive: false, loss_country: 'AU', ...loved },
  });

describe('issue 7: Australia, before 20 weeks, 400 g or more', () => {
  it('New South Wales, 19 weeks and 420 g: never "bring the birth certificate"; the registry can say', () => {
    const out = baby({ gestation_weeks: 19, birth_weight_g: 420, loss_region: 'AU-NSW' });
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).toContain('au-sub20-weight-ask-registry');
    expect(paper.rule_ids).not.toContain('au-stillbirth-def');
    // No death certificate either way; whether there is a birth certificate is the registry's to say.
    expect(paper).toMatchObject({ status: 'not_issued', not_registered: false, registered_on: null });
    expect(paper.reason).toContain(
      "a baby born without signs of life before 20 weeks counts as stillborn there, by a weight of 400 g or more, only where the weeks of pregnancy can't be reliably established",
    );
    // The state the family named, by name (review 25, finding 10).
    expect(paper.instead).toContain('the registry of births, deaths and marriages in New South Wales');
    const text = out.summary[0]!.text;
    expect(text).not.toContain("baby's birth certificate, with the crematorium");
    expect(text).not.toMatch(/registered (with|as) a birth/);
  });

  // Fix-b (review 22's leftovers): the rule's sources are New South Wales' and South Australia's
  // laws, so it no longer speaks for Victoria. Since brief au, Victoria's registry's own page is
  // said there instead (au-vic-sub20-weight-ask-registry), and the registry is still the one to ask.
  it('Victoria, 19 weeks and 420 g: not said from New South Wales’ law; Victoria’s registry is named', () => {
    const paper = deathCertificateOf(
      baby({ gestation_weeks: 19, birth_weight_g: 420, loss_region: 'AU-VIC' }),
    );
    expect(paper.rule_ids).not.toContain('au-sub20-weight-ask-registry');
    expect(paper.rule_ids).toContain('au-vic-sub20-weight-ask-registry');
    expect(paper.reason).not.toContain('New South Wales');
    expect(paper.reason).toContain('the registry can confirm whether there is a birth certificate');
    expect(paper.instead).not.toMatch(/^Your baby's birth certificate/);
  });

  it('weeks not given, 450 g: each side of 20 weeks said, and the weeks asked', () => {
    const out = baby({ birth_weight_g: 450, loss_region: 'AU-NSW' });
    const paper = deathCertificateOf(out);
    expect(paper.instead).toMatch(/^From 20 weeks: your baby's birth certificate/);
    expect(paper.instead).toContain('Before 20 weeks: whatever the hospital');
    expect(out.questions.map((q) => q.field)).toContain('gestation_weeks');
  });

  it('the opposite: from 20 weeks the birth certificate is still what to carry', () => {
    const out = baby({ gestation_weeks: 21, birth_weight_g: 380, loss_region: 'AU-NSW' });
    expect(deathCertificateOf(out)).toMatchObject({
      status: 'not_issued',
      registered_on: 'birth certificate',
    });
    expect(out.summary[0]!.text).toContain("your baby's birth certificate");
  });

  it('no rule says weight alone registers a baby in Australia any more', () => {
    const weightOnly = RULES.filter(
      (rule) =>
        rule.conditions.loss_country?.includes('AU') &&
        rule.conditions.birth_weight_g_gte !== undefined &&
        rule.conditions.gestation_weeks_lt === undefined,
    );
    expect(weightOnly.map((rule) => rule.id)).toEqual([]);
  });
});
