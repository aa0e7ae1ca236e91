import { describe, expect, it } from 'vitest';
import { lintRules } from './index.js';
import { RULES } from './load-rules.js';
import { readTripOn } from './scenario-reading.js';

// Brief au: before, only New South Wales' and South Australia's laws spoke for a baby born without
// signs of life before 20 weeks, and every other state heard "we don't know, ask its registry".
// Victoria's and Western Australia's own pages now speak for their state:
// - the Premier of Victoria's release of 14 November 2020: a loss before 20 weeks is not formally
//   registered, as a birth or a death, and neither certificate is issued (au-vic-sub20-not-registered);
// - Victoria's registry's page: stillborn from 20 weeks or over 400 grams, as the doctor decides, yet
//   a loss before 20 weeks can't be registered, the weight counting only where the weeks are unknown
//   (Safer Care Victoria says the same); brief au said it pointed both ways at 400 g or more before
//   20 weeks, review 36 (finding 3) reads it as it says: before 20 weeks, whatever the weight, no
//   registration; the weight decides only where the weeks are unknown (au-vic-weeks-unknown-*);
// - WA.gov.au (reviewed 10 May 2020): under 20 weeks a baby can't be formally registered, and the
//   registry offers a recognition certificate (au-wa-sub20-not-registered).

const today = '2026-12-07';
type Trip = ReturnType<typeof readTripOn>;
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const deathCertificateOf = (out: Trip) => out.documents.find((d) => d.key === 'death_certificate')!;
const summaryOf = (out: Trip) => out.summary.map((s) => s.text).join(' ');
const asked = (out: Trip) => out.questions.map((q) => q.field);

/** A baby born in Australia, carried to New Zealand. */
const mia = (facts: {
  region?: string;
  weeks?: number;
  grams?: number;
  bornAlive?: boolean | null;
  kind?: 'pregnancy_loss' | 'infant';
}) =>
  readTripOn(today, {
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'QF', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', name: "Mia's box", loved_one: 'Mia' }],
    loved_ones: [
      {
        name: 'Mia',
        kind: facts.kind ?? 'pregnancy_loss',
        loss_country: 'AU',
        ...(facts.region !== undefined && { loss_region: facts.region }),
        ...(facts.weeks !== undefined && { gestation_weeks: facts.weeks }),
        ...(facts.grams !== undefined && { birth_weight_g: facts.grams }),
        ...((facts.bornAlive ?? null) !== null && { born_alive: facts.bornAlive }),
      },
    ],
  });

const WHATEVER = 'Whatever the hospital, the crematorium or the funeral director gave you about your baby.';

describe('the three rules: sourced, dated, read today, never re-checked by a person', () => {
  it.each([
    [
      'au-vic-sub20-not-registered',
      'https://www.premier.vic.gov.au/recognising-loss-gives-solace-bereaved-parents',
      '2020-11-14',
      ['AU-VIC'],
    ],
    [
      'au-wa-sub20-not-registered',
      'https://www.wa.gov.au/government/multi-step-guides/what-do-when-someone-dies-alpha-stage/what-happens-following-death/when-child-dies-or-birth',
      '2020-05-10',
      ['AU-WA'],
    ],
  ] as const)('%s', (id, url, date, regions) => {
    const rule = byId.get(id)!;
    expect(rule).toMatchObject({
      source_url: url,
      source_date: date,
      read_on: '2026-12-07',
      source_kind: 'official',
      confidence: 'high',
    });
    expect(rule.rechecked_on).toBeUndefined();
    expect(rule.conditions).toMatchObject({ loss_country: ['AU'], loss_region: regions, born_alive: false });
    expect(rule.conditions.gestation_weeks_lt).toBe(20);
    // Before 20 weeks, whatever the weight (review 36, finding 3).
    expect(rule.conditions.birth_weight_g_lt).toBeUndefined();
    expect(rule.conditions.birth_weight_g_gte).toBeUndefined();
  });

  it.each(['au-vic-weeks-unknown-under-400-not-registered', 'au-vic-weeks-unknown-400-stillborn'])(
    '%s: the registry’s page, only where the weeks are unknown',
    (id) => {
      const rule = byId.get(id)!;
      expect(rule).toMatchObject({
        source_url: 'https://author.bdm.vic.gov.au/births/register-the-birth-of-a-baby-who-died',
        source_date: null,
        read_on: '2026-12-07',
        source_kind: 'official',
        confidence: 'high',
      });
      expect(rule.rechecked_on).toBeUndefined();
      expect(rule.conditions).toMatchObject({
        loss_country: ['AU'],
        loss_region: ['AU-VIC'],
        born_alive: false,
        gestation_weeks_known: false,
      });
    },
  );
});

describe('Victoria before 20 weeks, weeks known, under 400 g: no birth or death certificate, plainly', () => {
  it('18 weeks and 300 g: there is no death certificate, and no birth certificate either; what to carry instead', () => {
    const out = mia({ region: 'AU-VIC', weeks: 18, grams: 300, bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).toContain('au-vic-sub20-not-registered');
    expect(paper).toMatchObject({ status: 'not_issued', not_registered: true, registered_on: null });
    expect(summaryOf(out)).toContain(
      'There is no death certificate for Mia: in Victoria a loss in pregnancy before 20 weeks is not formally registered, as a birth or as a death, so neither a birth certificate nor a death certificate is issued.',
    );
    expect(paper.instead).toBe(WHATEVER);
    expect(out.summary[0]!.carry[0]).toBe(WHATEVER);
    expect(summaryOf(out)).not.toContain("your baby's birth certificate");
    expect(asked(out)).toEqual([]);
    // Never from New South Wales' or South Australia's law, never "we don't know".
    expect(paper.rule_ids).not.toContain('au-sub20-not-registered');
    expect(summaryOf(out)).not.toContain('speak only for');
  });

  it('weeks unknown, 300 g: before 20 weeks Victoria’s words, from 20 weeks the birth certificate; the weeks asked', () => {
    const out = mia({ region: 'AU-VIC', grams: 300, bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.reason).toContain(
      'Before 20 weeks, in Victoria a loss in pregnancy is not formally registered, as a birth or as a death, so neither a birth certificate nor a death certificate is issued',
    );
    // Under 400 g with the weeks unknown is not registered either (review 36, finding 3).
    expect(paper.instead).toContain('Before 20 weeks or if the weeks are not known: whatever the hospital');
    expect(asked(out)).toContain('gestation_weeks');
  });
});

describe('Victoria at 18 weeks and 450 g: before 20 weeks the weight changes nothing (review 36, finding 3)', () => {
  it('no birth or death certificate, plainly, as at 300 g; nothing asked', () => {
    const out = mia({ region: 'AU-VIC', weeks: 18, grams: 450, bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).toContain('au-vic-sub20-not-registered');
    expect(paper.rule_ids).not.toContain('au-vic-weeks-unknown-400-stillborn');
    expect(paper.rule_ids).not.toContain('au-sub20-not-registered');
    expect(paper).toMatchObject({ status: 'not_issued', not_registered: true, registered_on: null });
    expect(paper.reason).toBe(
      'in Victoria a loss in pregnancy before 20 weeks is not formally registered, as a birth or as a death, so neither a birth certificate nor a death certificate is issued',
    );
    expect(paper.instead).toBe(WHATEVER);
    const text = summaryOf(out);
    expect(text).not.toMatch(/registered (with|as) a birth/);
    expect(text).not.toContain("Your baby's birth certificate, with the crematorium");
    expect(text).not.toContain('New South Wales');
    expect(asked(out)).toEqual([]);
  });

  it('18 weeks, weight not given: said once, not split on the weight, and the weight not asked', () => {
    const out = mia({ region: 'AU-VIC', weeks: 18, bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.status).toBe('not_issued');
    expect(paper.reason).toBe(
      'in Victoria a loss in pregnancy before 20 weeks is not formally registered, as a birth or as a death, so neither a birth certificate nor a death certificate is issued',
    );
    expect(paper.reason).not.toMatch(/400 g/);
    expect(asked(out)).not.toContain('birth_weight_g');
  });

  it('weeks not given, 450 g: where the weeks are unknown the weight decides, and the birth certificate is said for it', () => {
    const out = mia({ region: 'AU-VIC', grams: 450, bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).toContain('au-vic-weeks-unknown-400-stillborn');
    expect(paper.instead).toMatch(
      /^From 20 weeks or if the weeks are not known: your baby's birth certificate/,
    );
    expect(paper.instead).toContain('Before 20 weeks: whatever the hospital');
    expect(asked(out)).toEqual(['gestation_weeks']);
  });
});

describe('Western Australia before 20 weeks: it can’t be formally registered, as its government’s page says', () => {
  it.each([
    [18, undefined],
    [19, 450],
    [12, 80],
  ] as const)(
    '%s weeks, %s g: not formally registered; the recognition certificate named; weight not asked',
    (weeks, grams) => {
      const out = mia({ region: 'AU-WA', weeks, ...(grams !== undefined && { grams }), bornAlive: false });
      const paper = deathCertificateOf(out);
      expect(paper.rule_ids).toContain('au-wa-sub20-not-registered');
      expect(paper).toMatchObject({ status: 'not_issued', not_registered: true, registered_on: null });
      expect(summaryOf(out)).toContain(
        'There is no death certificate for Mia: in Western Australia a baby born without signs of life before 20 weeks is not able to be formally registered, so there is no registered birth or death for a certificate to come from; its registry of births, deaths and marriages offers a recognition certificate instead.',
      );
      expect(paper.instead).toBe(WHATEVER);
      // The page names no weight, so none is asked.
      expect(asked(out)).not.toContain('birth_weight_g');
    },
  );

  it('from 20 weeks, which the page does not say the papers of, we still say we don’t know, and whom to ask', () => {
    const out = mia({ region: 'AU-WA', weeks: 22, bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).not.toContain('au-wa-sub20-not-registered');
    expect(paper.status).toBe('may_not_exist');
    expect(paper.reason).toContain(
      'not for Western Australia; the registry of births, deaths and marriages in Western Australia can say which papers there are',
    );
  });

  it('weeks not given: before 20 weeks its own words, from 20 weeks the unknown; the weeks asked', () => {
    const out = mia({ region: 'AU-WA', bornAlive: false });
    const paper = deathCertificateOf(out);
    expect(paper.status).toBe('may_not_exist');
    expect(paper.reason).toContain(
      'before 20 weeks, in Western Australia a baby born without signs of life is not able to be formally registered',
    );
    expect(paper.reason).toContain(
      "From 20 weeks, our sources on Australia don't say which papers there are; the registry of births, deaths and marriages in Western Australia can tell you",
    );
    expect(asked(out)).toContain('gestation_weeks');
  });
});

describe('the states we still have not read are named as before, now beside Victoria and Western Australia', () => {
  it('Queensland, 18 weeks and 300 g: we don’t know, and its registry can say', () => {
    const paper = deathCertificateOf(mia({ region: 'AU-QLD', weeks: 18, grams: 300, bornAlive: false }));
    expect(paper.status).toBe('may_not_exist');
    expect(paper.reason).toBe(
      'our sources on the papers issued after a loss in pregnancy in Australia speak only for New South Wales, South Australia, Victoria and Western Australia, not for Queensland; the registry of births, deaths and marriages in Queensland can say which papers there are',
    );
  });
});

describe('guard: a baby born alive is never told there is no certificate', () => {
  it('born alive, in Victoria or Western Australia, at any weeks and weight: the death certificate is carried', () => {
    for (const region of ['AU-VIC', 'AU-WA'])
      for (const weeks of [undefined, 10, 18, 19, 20, 24])
        for (const grams of [undefined, 80, 300, 400, 450]) {
          const out = mia({ region, weeks, grams, bornAlive: true });
          const at = `${region} ${weeks} ${grams}`;
          expect(deathCertificateOf(out).status, at).toBe('carry');
          expect(summaryOf(out), at).not.toMatch(/There (is|may be) no (death|birth) certificate/);
          expect(summaryOf(out), at).not.toContain('neither a birth certificate nor a death certificate');
          expect(summaryOf(out), at).not.toContain('formally registered');
        }
    // A baby who died after being born (an infant) likewise.
    for (const region of ['AU-VIC', 'AU-WA'])
      expect(deathCertificateOf(mia({ region, kind: 'infant' })).status, region).toBe('carry');
  });

  it('born alive not said: never a flat "there is no"; the case of a baby born alive is said beside it', () => {
    for (const [region, weeks, grams] of [
      ['AU-VIC', 18, 300],
      ['AU-VIC', 18, 450],
      ['AU-WA', 18, undefined],
    ] as const) {
      const out = mia({ region, weeks, ...(grams !== undefined && { grams }) });
      const paper = deathCertificateOf(out);
      expect(paper.status, region).toBe('may_not_exist');
      expect(paper.reason).toContain(
        'If Mia was born alive, even for a moment, Mia was registered, and there are birth and death certificates',
      );
      expect(asked(out)).toContain('born_alive');
    }
  });

  it('every new rule says born_alive: false, which lint requires of a "no death certificate" rule', () => {
    for (const id of [
      'au-vic-sub20-not-registered',
      'au-vic-weeks-unknown-under-400-not-registered',
      'au-vic-weeks-unknown-400-stillborn',
      'au-wa-sub20-not-registered',
    ])
      expect(byId.get(id)!.conditions.born_alive, id).toBe(false);
  });
});

describe('lint', () => {
  it('is clean: Western Australia before 20 weeks is not a dropped threshold, as au-stillbirth-def leaves it out from 20', () => {
    expect(lintRules(RULES, { today }).faults).toEqual([]);
  });

  it('still finds Victoria’s threshold dropped without its 400 g rule, where the weeks are not known', () => {
    const faults = lintRules(
      RULES.filter((rule) => rule.id !== 'au-vic-weeks-unknown-400-stillborn'),
      { today },
    ).faults.map((f) => f.message);
    expect(faults.join(' ')).toContain(
      'no paperwork rule for AU-VIC speaks for a baby born without signs of life at 400 g and the weeks not known',
    );
  });

  it('still finds Western Australia’s 20 weeks dropped where no rule for most of the country speaks from 20 weeks', () => {
    const stillbirth = byId.get('au-stillbirth-def')!;
    const narrowed = RULES.map((rule) =>
      rule.id === 'au-stillbirth-def'
        ? { ...stillbirth, conditions: { ...stillbirth.conditions, loss_region: ['AU-NSW', 'AU-SA'] } }
        : rule,
    );
    const faults = lintRules(narrowed, { today }).faults;
    expect(
      faults.some(
        (f) =>
          f.rule_id === 'au-wa-sub20-not-registered' &&
          f.message.includes(
            'no paperwork rule for AU-WA speaks for a baby born without signs of life at 20 weeks',
          ),
      ),
    ).toBe(true);
  });
});
