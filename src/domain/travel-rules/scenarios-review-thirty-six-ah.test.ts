import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { type TripReading, readTripOn } from './scenario-reading.js';

// Review 36, finding 3: a family whose baby was born without signs of life at 18 weeks in Victoria
// (t07), or at 16 weeks in New South Wales (t79), was asked "If you know what Hope weighed, it helps:
// … the papers depend on the weight as well as the weeks", and heard every paper twice over, "Under
// 400 g: … From 400 g: …". But the weight counts there only where the weeks can't be reliably
// established: New South Wales' Act of 1995 (as the AIHW quotes it), South Australia's Act of 1996,
// s 4 (its Law Handbook), Victoria's registry (an early pregnancy loss is one before 20 weeks or, if
// the weeks are unknown, under 400 grams) and Safer Care Victoria ("at least 20 weeks' gestation, or
// if the gestation is unknown, weighing at least 400 grams"). Rules going by the weight there now say
// `gestation_weeks_known: false`: with the weeks given they never hold, so the family hears plainly
// that there is no birth or death certificate, and is asked nothing. With the weeks not given, the
// weight is still asked, as what decides where the weeks aren't known. Ontario, whose 500 g counts on
// its own, is as it was.

const today = '2026-12-07';
const deathCertificateOf = (out: TripReading) => out.documents.find((d) => d.key === 'death_certificate')!;
const summaryOf = (out: TripReading) => out.summary.map((s) => s.text).join(' ');
const asked = (out: TripReading) => out.questions.map((q) => q.field);

/** A baby born without signs of life, her ashes flown from home to New Zealand (t07's shape). */
const hope = (loved: Record<string, unknown>, home = 'AU'): TripReading =>
  readTripOn(today, {
    home_country: home,
    legs: [{ mode: 'air', from: home, to: 'NZ', carrier: 'NZ', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Hope' }],
    loved_ones: [{ name: 'Hope', kind: 'pregnancy_loss', born_alive: false, ...loved }],
  });

const WHATEVER = 'Whatever the hospital, the crematorium or the funeral director gave you about your baby.';

describe('r36 3: the weeks given, below 20, in New South Wales, South Australia or Victoria', () => {
  it.each([
    ['AU-VIC', 18, 'in Victoria a loss in pregnancy before 20 weeks is not formally registered'],
    [
      'AU-NSW',
      16,
      'in New South Wales and South Australia a baby born without signs of life before 20 weeks',
    ],
    ['AU-SA', 19, 'in New South Wales and South Australia a baby born without signs of life before 20 weeks'],
  ] as const)(
    '%s at %s weeks, weight not given: no weight asked, no split, plainly no certificate',
    (region, weeks, words) => {
      const out = hope({ loss_country: 'AU', loss_region: region, gestation_weeks: weeks });
      const paper = deathCertificateOf(out);
      expect(asked(out)).toEqual([]);
      expect(paper).toMatchObject({ status: 'not_issued', not_registered: true, registered_on: null });
      expect(paper.reason).toContain(words);
      expect(paper.instead).toBe(WHATEVER);
      const text = summaryOf(out);
      expect(text).not.toMatch(/[Uu]nder 400 g|[Ff]rom 400 g|what Hope weighed/);
      expect(text).toContain(`For Hope, carry ${WHATEVER.charAt(0).toLowerCase()}${WHATEVER.slice(1)}`);
      expect(text).toMatch(
        /neither a birth certificate nor a death certificate|no birth certificate or death certificate/,
      );
    },
  );

  it.each([
    ['AU-VIC', 18],
    ['AU-NSW', 19],
  ] as const)(
    '%s at %s weeks and 450 g: the weight changes nothing, no "ask the registry" hedge',
    (region, weeks) => {
      const out = hope({
        loss_country: 'AU',
        loss_region: region,
        gestation_weeks: weeks,
        birth_weight_g: 450,
      });
      const paper = deathCertificateOf(out);
      expect(paper).toMatchObject({ status: 'not_issued', not_registered: true, registered_on: null });
      expect(paper.instead).toBe(WHATEVER);
      expect(summaryOf(out)).not.toMatch(/points both ways|if the registry gave you one|400 g/);
      expect(asked(out)).toEqual([]);
    },
  );

  it('the reviewer’s two trips, as they were written', () => {
    const t07 = readTripOn(today, {
      home_country: 'AU',
      legs: [
        { mode: 'air', from: 'AU', to: 'NZ', carrier: 'NZ', bag: 'carry_on' },
        { mode: 'air', from: 'NZ', to: 'AU', carrier: 'NZ', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Poppy' }],
      loved_ones: [
        {
          name: 'Poppy',
          kind: 'pregnancy_loss',
          gestation_weeks: 18,
          born_alive: false,
          loss_country: 'AU',
          loss_region: 'AU-VIC',
          cremated_in: 'AU',
        },
      ],
    });
    const t79 = readTripOn(today, {
      home_country: 'AU',
      legs: [{ mode: 'air', from: 'AU', to: 'FJ', carrier: 'FJ', bag: 'carry_on' }],
      purpose: 'scatter',
      scatter: { country: 'FJ', place: 'sea', ashes_come_home: false },
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Hope' }],
      loved_ones: [
        {
          name: 'Hope',
          kind: 'pregnancy_loss',
          gestation_weeks: 16,
          born_alive: false,
          loss_country: 'AU',
          loss_region: 'AU-NSW',
          cremated_in: 'AU',
        },
      ],
    });
    for (const out of [t07, t79]) {
      expect(out.questions).toEqual([]);
      expect(summaryOf(out)).not.toMatch(/Under 400 g|From 400 g|depends on what/);
      expect(JSON.stringify(out.legs)).not.toMatch(/under 400 g|[Ff]rom 400 g/);
    }
    expect(summaryOf(t07)).toContain(
      'There is no death certificate for Poppy: in Victoria a loss in pregnancy before 20 weeks is not formally registered, as a birth or as a death, so neither a birth certificate nor a death certificate is issued.',
    );
    expect(summaryOf(t79)).toContain(
      'There is no death certificate for Hope: in New South Wales and South Australia a baby born without signs of life before 20 weeks is not registered, as a birth or as a death, so there is no birth certificate or death certificate.',
    );
  });
});

describe('r36 3: the weeks not given, the weight is still asked, as what decides where the weeks aren’t known', () => {
  it('New South Wales, nothing given: weeks and weight asked; the weight asked as counting only without the weeks', () => {
    const out = hope({ loss_country: 'AU', loss_region: 'AU-NSW' });
    expect(asked(out)).toEqual(['birth_weight_g', 'gestation_weeks']);
    expect(out.questions.find((q) => q.field === 'birth_weight_g')!.message).toBe(
      "If you know what Hope weighed, it helps: in New South Wales, where the weeks of pregnancy aren't known, the papers depend on the weight.",
    );
    const paper = deathCertificateOf(out);
    expect(paper.instead).toBe(
      "From 20 weeks or if the weeks are not known and from 400 g: your baby's birth certificate, with the crematorium's certificate. Before 20 weeks or if the weeks are not known and under 400 g: whatever the hospital, the crematorium or the funeral director gave you about your baby.",
    );
    expect(paper.rule_ids).toEqual(
      expect.arrayContaining(['au-weeks-unknown-400-stillborn', 'au-weeks-unknown-under-400-not-registered']),
    );
  });

  it('Victoria, 300 g, weeks not given: the weeks asked, not the weight; weeks unknown under 400 g is not registered', () => {
    const out = hope({ loss_country: 'AU', loss_region: 'AU-VIC', birth_weight_g: 300 });
    expect(asked(out)).toEqual(['gestation_weeks']);
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).toContain('au-vic-weeks-unknown-under-400-not-registered');
    expect(paper.instead).toContain('Before 20 weeks or if the weeks are not known: whatever the hospital');
  });
});

describe('r36 3: where the weight is a test of its own, or the weeks reach 20, as before', () => {
  it('Ontario at 19 weeks, weight not given: still split on 500 g and the weight asked', () => {
    const out = hope({ loss_country: 'CA', loss_region: 'CA-ON', gestation_weeks: 19 }, 'CA');
    expect(asked(out)).toContain('birth_weight_g');
    expect(out.questions.find((q) => q.field === 'birth_weight_g')!.message).toContain(
      'the papers depend on the weight as well as the weeks',
    );
    expect(deathCertificateOf(out).instead).toMatch(/500 g/);
  });

  it('New South Wales at 22 weeks: the birth certificate, nothing asked', () => {
    const out = hope({ loss_country: 'AU', loss_region: 'AU-NSW', gestation_weeks: 22 });
    expect(deathCertificateOf(out)).toMatchObject({ registered_on: 'birth certificate' });
    expect(asked(out)).toEqual([]);
  });

  it('every Australian rule going by the weight does so only where the weeks are not known', () => {
    const byWeight = RULES.filter(
      (rule) =>
        rule.conditions.loss_country?.includes('AU') &&
        (rule.conditions.birth_weight_g_lt !== undefined || rule.conditions.birth_weight_g_gte !== undefined),
    );
    expect(byWeight.length).toBeGreaterThan(0);
    for (const rule of byWeight) expect(rule.conditions.gestation_weeks_known, rule.id).toBe(false);
  });
});
