import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { detailOn, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Issue 7 (/work/briefs/issue7.md, rules research): a rule says only what its source says, and a
// stage none of our sources speaks of is still named as unknown.

const today = '2026-12-06';
const trip = (raw: unknown) => readTripOn(today, raw);

describe("India's eCARe portal: a note, as its source says, never a paper every family must bring", () => {
  const dad = () =>
    trip({
      home_country: 'GB',
      loved_one: { name: 'Dad', kind: 'adult', loss_country: 'GB' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'BA', bag: 'carry_on' }],
    });
  const ecare = () => dad().legs[0]!.requirements.find((r) => r.rule_ids.includes('in-ecare'))!;

  it('the Toronto consulate\'s "may visit … for necessary clearances" is said as it says it', () => {
    const rule = ecare();
    expect(rule.severity).toBe('info');
    expect(rule.confidence).toBe('medium');
    expect(rule.detail).toContain('you may visit the e-clearance portal');
    expect(rule.detail).toContain('https://ecare.mohfw.gov.in');
    // What the source leaves open is said, with whom to ask.
    expect(rule.detail).toContain('It does not say whether ashes a family carries need one');
    expect(rule.detail).toContain('the Indian embassy or consulate where you set off can tell you');
  });

  it('nothing is added to what the family brings, and the summary never asks for a clearance', () => {
    const out = dad();
    expect(out.documents.some((d) => d.key === 'permit')).toBe(false);
    expect(out.summary[0]!.carry.join(' ')).not.toMatch(/clearance|eCARe/);
    expect(out.summary[0]!.text).not.toMatch(/clearance/);
  });

  it('ashes sent to India: still told what the note leaves unknown, and whom to ask', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'IN', carrier: 'USPS' });
    expect(out.requirements.find((r) => r.rule_ids.includes('in-ecare'))!.severity).toBe('info');
    expect(out.gaps.map((g) => g.message).join(' ')).toContain(
      'we have no rule from our research for receiving ashes sent to India. The embassy or consulate of India in the United States can tell you the rest',
    );
  });

  it('the rule keeps its source, its own date and the day it was read, with no re-check', () => {
    const rule = RULES.find((r) => r.id === 'in-ecare')!;
    expect(rule).toMatchObject({
      source_url: 'https://cgitoronto.gov.in/page/transport-ashes',
      source_date: '2024-11-20',
      read_on: '2026-12-06',
    });
    expect(rule.rechecked_on).toBeUndefined();
    expect(rule.document).toBeUndefined();
    expect(detailOn(dad(), 'in-ecare')).toBeDefined();
    expect(ruleIdsOn(dad())).toContain('in-ecare');
  });
});

/** A baby born without signs of life, flying home to the UK with BA, as a family would say it. */
const baby = (where: { country: string; region?: string }, weeks: number | null, grams: number | null) =>
  trip({
    home_country: 'GB',
    loved_one: {
      name: 'Aoife',
      kind: 'pregnancy_loss',
      born_alive: false,
      loss_country: where.country,
      ...(where.region && { loss_region: where.region }),
      ...(weeks !== null && { gestation_weeks: weeks }),
      ...(grams !== null && { birth_weight_g: grams }),
    },
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    legs: [{ mode: 'air', from: where.country, to: 'GB', carrier: 'BA', bag: 'carry_on' }],
  });
const reasonOf = (out: ReturnType<typeof trip>) =>
  out.summary[0]!.not_issued.find((n) => n.document === 'a death certificate')?.reason ?? '';

describe('Ireland: a stillborn child from 23 weeks or 400 g (since 16 September 2024), registered if the parents choose', () => {
  it('22 weeks and 450 g: a stillbirth under the 2024 definition, so a stillbirth certificate, not "not registered"', () => {
    const out = baby({ country: 'IE' }, 22, 450);
    expect(reasonOf(out)).toBe(
      'in Ireland a stillborn baby is registered with a stillbirth certificate, if the parents choose to register, rather than a death certificate',
    );
    expect(out.summary[0]!.carry[0]).toMatch(
      /^Your baby's stillbirth certificate, if you have registered the stillbirth\./,
    );
    expect(out.questions).toEqual([]);
  });

  it('22 weeks and 350 g: below both, not registered, no death or stillbirth certificate', () => {
    const out = baby({ country: 'IE' }, 22, 350);
    expect(reasonOf(out)).toBe(
      'in Ireland a baby born without signs of life before 23 weeks and under 400 g is not registered, so no death certificate (or stillbirth certificate) is issued',
    );
    expect(out.summary[0]!.text).not.toMatch(/stillbirth certificate, if you have registered/);
  });

  it('25 weeks, weight not given: the weeks settle it, and nobody is asked the weight', () => {
    const out = baby({ country: 'IE' }, 25, null);
    expect(reasonOf(out)).toMatch(/^in Ireland a stillborn baby is registered with a stillbirth certificate/);
    expect(out.questions.map((q) => q.field)).not.toContain('birth_weight_g');
  });

  it('22 weeks, weight not given: both sides of 400 g are said, and the weight is asked once, gently', () => {
    const out = baby({ country: 'IE' }, 22, null);
    const reason = reasonOf(out);
    expect(reason).toContain(
      'under 400 g, in Ireland a baby born without signs of life before 23 weeks is not registered',
    );
    expect(reason).toContain(
      'From 400 g, in Ireland a stillborn baby is registered with a stillbirth certificate',
    );
    expect(out.questions).toEqual([
      {
        loved_one: 'Aoife',
        field: 'birth_weight_g',
        message:
          'If you know what Aoife weighed, it helps: in Ireland the papers depend on the weight as well as the weeks.',
      },
    ]);
  });
});

describe('Canada: Ontario from 20 weeks or 500 g; every other province still named as unknown', () => {
  it('Ontario at 21 weeks: registered as a stillbirth, with the certified copy of the registration to carry', () => {
    const out = baby({ country: 'CA', region: 'CA-ON' }, 21, null);
    expect(reasonOf(out)).toBe(
      'in Ontario a stillborn baby is registered as a stillbirth, and the legal record is a certified copy of the stillbirth registration rather than a death certificate',
    );
    expect(out.summary[0]!.text).toMatch(
      /^For Aoife, carry a certified copy of your baby's stillbirth registration/,
    );
    expect(out.summary[0]!.text).toContain('There is no death certificate for Aoife');
    expect(out.questions).toEqual([]);
  });

  it('Ontario at 19 weeks and 400 g: below both, not registered', () => {
    expect(reasonOf(baby({ country: 'CA', region: 'CA-ON' }, 19, 400))).toBe(
      'in Ontario a baby born without signs of life before 20 weeks and under 500 g is not registered, so no death certificate is issued',
    );
  });

  it('Ontario at 19 weeks, weight not given: the weight is asked of Ontario, not of "Canada"', () => {
    const out = baby({ country: 'CA', region: 'CA-ON' }, 19, null);
    expect(out.questions.map((q) => q.message)).toEqual([
      'If you know what Aoife weighed, it helps: in Ontario the papers depend on the weight as well as the weeks.',
    ]);
  });

  it("Quebec at 21 weeks: named as a province we have nothing for, with whom to ask, never Ontario's rule", () => {
    const out = baby({ country: 'CA', region: 'CA-QC' }, 21, null);
    expect(out.summary[0]!.text).toContain(
      'There may be no death certificate for Aoife: our sources on the papers issued after a loss in pregnancy in Canada speak only for Ontario, not for Quebec; the registry office where Aoife was born can say which papers there are.',
    );
    expect(out.summary[0]!.text).not.toMatch(/stillbirth registration/);
    expect(out.legs[0]!.gaps.map((g) => g.message)).toContain(
      'Our sources on the papers issued after a loss in pregnancy in Canada speak only for Ontario, not for Quebec. For Aoife, a death certificate may not exist; the registry office where Aoife was born can say which papers there are, and the papers list says what you might carry instead.',
    );
    expect(out.summary[0]!.text).not.toMatch(/don't speak of a baby born at 21 weeks/);
  });

  it("Canada, province not said: the province is asked, once, and Ontario's rule is not assumed", () => {
    const out = baby({ country: 'CA' }, 21, null);
    expect(out.questions).toEqual([
      {
        loved_one: 'Aoife',
        field: 'loss_region',
        message:
          'Where in Canada was Aoife born? What you can ask for differs from one part of the country to another.',
      },
    ]);
    expect(out.summary[0]!.text).toContain(
      'our sources on the papers issued after a loss in pregnancy in Canada speak only for Ontario, and the papers may differ from one part of Canada to another',
    );
    expect(out.summary[0]!.text).not.toMatch(/stillbirth registration/);
  });
});

describe('the new paperwork rules keep their sources and dates', () => {
  it.each([
    [
      'ie-below-threshold-not-registered',
      'https://www.citizensinformation.ie/en/birth-family-relationships/miscarriage-and-stillbirth/registering-stillbirth/',
    ],
    [
      'ie-stillbirth-registered-weeks',
      'https://www.citizensinformation.ie/en/birth-family-relationships/miscarriage-and-stillbirth/registering-stillbirth/',
    ],
    [
      'ie-stillbirth-registered-weight',
      'https://www.citizensinformation.ie/en/birth-family-relationships/miscarriage-and-stillbirth/registering-stillbirth/',
    ],
    [
      'ca-on-below-threshold-not-registered',
      'https://www.peelregion.ca/health/statusdata/DataSources/HSD12_8.asp',
    ],
    [
      'ca-on-stillbirth-registered-weeks',
      'https://www.peelregion.ca/health/statusdata/DataSources/HSD12_8.asp',
    ],
    [
      'ca-on-stillbirth-registered-weight',
      'https://www.peelregion.ca/health/statusdata/DataSources/HSD12_8.asp',
    ],
  ])('%s', (id, url) => {
    const rule = RULES.find((r) => r.id === id)!;
    expect(rule).toMatchObject({
      source_url: url,
      source_date: null,
      read_on: '2026-12-06',
      severity: 'info',
    });
    expect(rule.source_date_note).toBeDefined();
    expect(rule.rechecked_on).toBeUndefined();
    expect(rule.conditions.born_alive).toBe(false);
  });
});

describe('airport security in Switzerland and Singapore: who screens is named; that they say nothing of ashes is said', () => {
  const fly = (from: string, to: string, carrier: string) =>
    trip({
      home_country: 'GB',
      loved_one: { name: 'Dad', kind: 'adult', loss_country: from },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from, to, carrier, bag: 'carry_on' }],
    }).legs[0]!.gaps.map((g) => g.message);

  it('from Zurich: FOCA supervises, the Zurich cantonal police screen, and nothing they say speaks of ashes', () => {
    expect(fly('CH', 'GB', 'LX')).toContain(
      'We have no rule from our research for airport security in Switzerland yet. Nothing we found from those who screen there speaks of ashes. In Switzerland, the Federal Office of Civil Aviation (FOCA) certifies and supervises those who screen passengers, under the EU aviation security rules Switzerland applies; at Zurich, the Zurich cantonal police screen passengers for the airport. Please ask the airport or your airline how they screen ashes before you fly, and take the documents listed below.',
    );
  });

  it('from Singapore to London: who ran the X-ray at Changi, as of its date, and the unknown', () => {
    const gaps = fly('SG', 'GB', 'SQ').join(' ');
    expect(gaps).toContain(
      'We have no rule from our research for airport security in Singapore yet. Nothing we found from those who screen there speaks of ashes. At Changi, the X-ray screening was run by Certis Cisco Aviation Security for Changi Airport Group, as both said in December 2017.',
    );
  });

  it('the opposite: from Singapore to the US, the powder rule speaks, so no gap is said', () => {
    expect(fly('SG', 'US', 'SQ').join(' ')).not.toContain('airport security in Singapore');
  });

  it('the opposite: a country whose screeners we have not named keeps the plain gap (India)', () => {
    expect(fly('IN', 'GB', 'AI')).toContain(
      'We have no rule from our research for airport security in India yet. Please ask the airport or your airline how they screen ashes before you fly, and take the documents listed below.',
    );
  });
});
