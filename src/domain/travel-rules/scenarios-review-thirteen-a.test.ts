import { describe, expect, it } from 'vitest';
import { evaluateShipment, parseShipmentInput } from './index.js';
import { RULES } from './load-rules.js';
import { type TripReading, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// The thirteenth reviewer's findings 1, 2, 8, 9, 13, 14, 15, 16 and 18, each as the trip or
// shipment they tried with the CLI (/work/briefs/review13), read the way the CLI reads it; some
// guard the opposite mistake. The packet's note for security (finding 8) is checked in
// src/server/modules/travel-rules/security-note.test.ts and packet-note.api.test.ts.

const today = '2026-12-06';
type Out = TripReading;
const trip = (raw: unknown): Out => readTripOn(today, raw);
const summaryOf = (out: Out, name?: string) =>
  (name ? out.summary.find((s) => s.loved_one === name)! : out.summary[0]!).text;
const deathCertificateOf = (out: Out) => out.documents.find((d) => d.key === 'death_certificate')!;

const alfie = (lovedOne: Record<string, unknown> = {}) =>
  trip({
    home_country: 'GB',
    loved_one: {
      name: 'Alfie',
      kind: 'pregnancy_loss',
      born_alive: false,
      loss_country: 'GB',
      loss_region: 'GB-ENG',
      ...lovedOne,
    },
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    legs: [{ mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on' }],
  });

describe('1. a UK baby born without signs of life, weeks not given: both cases, never "not registered"', () => {
  it('t69: the reason says both thresholds, in England as in the rest of the UK', () => {
    const paper = deathCertificateOf(alfie());
    expect(paper.status).toBe('not_issued');
    expect(paper.reason).toMatch(/before 24 weeks.*not registered/);
    expect(paper.reason).toMatch(/from 24 weeks.*stillbirth certificate/i);
  });

  it('t69: the registration is not settled, so the note for security says only what is sure', () => {
    const paper = deathCertificateOf(alfie());
    expect(paper.not_registered).toBe(false);
    expect(paper.registered_on).toBeNull();
  });

  it('t69: the summary and the leg say both cases, never the before-24-weeks reason alone', () => {
    const out = alfie();
    const text = summaryOf(out);
    expect(text).not.toMatch(
      /no death certificate for Alfie: in the UK a baby born without signs of life before 24 weeks/,
    );
    expect(text).toMatch(/stillbirth certificate rather than a death certificate/);
    const exception = out.legs[0]!.exceptions[0]!.message;
    expect(exception).toMatch(/before 24 weeks/);
    expect(exception).toMatch(/stillbirth certificate/);
  });

  it('Scotland, weeks not given (no nation-only rules there): the same two cases', () => {
    const paper = deathCertificateOf(alfie({ loss_region: 'GB-SCT' }));
    expect(paper.reason).toMatch(/before 24 weeks/);
    expect(paper.reason).toMatch(/from 24 weeks/i);
  });

  it('the opposite: at 20 weeks in England, the baby is not registered, said flatly', () => {
    const paper = deathCertificateOf(alfie({ gestation_weeks: 20 }));
    expect(paper.not_registered).toBe(true);
    expect(paper.reason).not.toMatch(/stillbirth certificate/);
  });

  it('the opposite: at 26 weeks in England, registered on a stillbirth certificate', () => {
    const paper = deathCertificateOf(alfie({ gestation_weeks: 26 }));
    expect(paper.registered_on).toBe('stillbirth certificate');
    expect(paper.reason).not.toMatch(/not registered/);
  });
});

const usBaby = (lovedOne: Record<string, unknown>, to = 'DO') =>
  trip({
    home_country: 'US',
    loved_one: { name: 'Luz', kind: 'pregnancy_loss', born_alive: false, loss_country: 'US', ...lovedOne },
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    legs: [{ mode: 'air', from: 'US', to, carrier: 'DL', bag: 'carry_on' }],
  });
const STILL_BIRTH = /certificate of still birth/;

describe("2. New York's certificate of still birth is for a still birth after 20 weeks, and can't be certified", () => {
  it('t96: at 18 weeks in New York, no family is sent to ask for it', () => {
    const out = usBaby({ gestation_weeks: 18, loss_region: 'US-NY' });
    expect(summaryOf(out)).not.toMatch(STILL_BIRTH);
    expect(deathCertificateOf(out).instead).not.toMatch(STILL_BIRTH);
    // The certificate of fetal death is still what they carry, whatever the weeks.
    expect(summaryOf(out)).toMatch(/certificate of fetal death/);
  });

  it('t63: at 19 weeks, state not given, the New York line is not added', () => {
    const out = usBaby({ gestation_weeks: 19 }, 'MX');
    expect(deathCertificateOf(out).instead).not.toMatch(STILL_BIRTH);
  });

  it('the opposite: at 30 weeks in New York it is offered, with the word that it cannot be certified', () => {
    const instead = deathCertificateOf(usBaby({ gestation_weeks: 30, loss_region: 'US-NY' })).instead!;
    expect(instead).toMatch(STILL_BIRTH);
    expect(instead).toMatch(/cannot be certified/);
  });

  it('weeks not given in New York: offered only "from 20 weeks", and the weeks are asked', () => {
    const out = usBaby({ loss_region: 'US-NY' });
    expect(deathCertificateOf(out).instead).toMatch(
      /From 20 weeks: in New York, the certificate of still birth/,
    );
    expect(out.questions.map((q) => q.field)).toContain('gestation_weeks');
  });
});

const southwest = (lovedOne: Record<string, unknown>, bag: 'checked' | 'carry_on' = 'checked') =>
  trip({
    home_country: 'US',
    loved_one: lovedOne,
    keepsakes: [{ kind: 'ashes', container: 'ceramic' }],
    legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'WN', bag }],
  });

describe("9. Southwest's 'no checked bags' speaks of a person's remains, not a pet's", () => {
  it('t58: Whiskers in a checked bag: no Southwest refusal, and Southwest named as the one to ask', () => {
    const out = southwest({ name: 'Whiskers', kind: 'pet' });
    expect(ruleIdsOn(out)).not.toContain('wn-no-checked');
    expect(gapMessages(out).join(' ')).toMatch(
      /Our sources on Southwest speak about a person's ashes here, not a pet's\. For Whiskers, please ask them before you fly/,
    );
  });

  it('the opposite: Grandpa in a checked bag is still told Southwest may not take them there', () => {
    const out = southwest({ name: 'Grandpa', kind: 'adult', loss_country: 'US' });
    expect(ruleIdsOn(out)).toContain('wn-no-checked');
    expect(gapMessages(out).join(' ')).not.toMatch(/speak about a person's ashes/);
  });
});

/** A shipment read the way `rules ship` reads it. */
const ship = (raw: unknown) => {
  const parsed = parseShipmentInput(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return evaluateShipment(parsed.value, { today });
};

describe("13. ashes sent to Australia get Australia's own pages on importing ashes", () => {
  it.each([
    ['s04', { from: 'NZ', to: 'AU', carrier: 'NZ Post' }],
    ['s22', { from: 'GB', to: 'AU', carrier: 'QR' }],
  ])('%s: no "no rule for receiving ashes sent to Australia"', (_name, shipment) => {
    const out = ship(shipment);
    const ids = out.requirements.flatMap((r) => r.rule_ids);
    expect(ids).toContain('au-import-no-permit');
    expect(ids).toContain('au-export-check-source');
    expect(out.gaps.map((g) => g.message).join(' ')).not.toMatch(/receiving ashes sent to Australia/);
  });

  it('the opposite: a parcel to Fiji, where we have no such page, still says so', () => {
    const out = ship({ from: 'NZ', to: 'FJ', carrier: 'NZ Post' });
    expect(out.gaps.map((g) => g.message).join(' ')).toMatch(/receiving ashes sent to Fiji/);
    expect(out.requirements.flatMap((r) => r.rule_ids)).not.toContain('au-import-no-permit');
  });
});

describe("15. New Zealand's stillbirth rules cite the law's definition of a still-born child", () => {
  const DEFINITION = 'https://www.legislation.govt.nz/act/public/1995/0016/latest/DLM359378.html';
  it.each(['nz-stillbirth-registered-weeks', 'nz-stillbirth-registered-weight'])(
    '%s: its source states the 20 weeks and 400 g, and section 80 is named beside it',
    (id) => {
      const rule = RULES.find((r) => r.id === id)!;
      expect(rule.source_url).toBe(DEFINITION);
      expect(rule.detail).toMatch(/after the 20th week of pregnancy, or weighing 400 g or more/);
      expect(rule.source_date_note).toContain('DLM7326347');
    },
  );

  it('t08: 19 weeks and 420 g in New Zealand is still registered by weight, as before', () => {
    const out = trip({
      home_country: 'NZ',
      loved_one: {
        name: 'Aroha',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 19,
        birth_weight_g: 420,
        loss_country: 'NZ',
      },
      keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
      legs: [{ mode: 'air', from: 'NZ', to: 'FJ', carrier: 'NZ', bag: 'carry_on' }],
    });
    expect(deathCertificateOf(out).registered_on).toBe('birth certificate that says the baby was stillborn');
  });
});

describe('18. a lake or river in a US state: the state’s own rules are named as unknown', () => {
  const lake = (region?: string) =>
    trip({
      home_country: 'CA',
      purpose: 'scatter',
      scatter: {
        country: 'US',
        ...(region === undefined ? {} : { region }),
        place: 'river_or_lake',
        ashes_come_home: false,
      },
      loved_one: { name: 'Grandpa Lou', kind: 'adult', loss_country: 'CA' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [
        { mode: 'road', from: 'CA', to: 'US' },
        { mode: 'road', from: 'US', to: 'CA', way_home: true },
      ],
    });

  it("t44: Michigan named: we have no source for Michigan's own rules, and whom to ask", () => {
    const out = lake('US-MI');
    expect(ruleIdsOn(out)).toContain('epa-inland');
    expect(gapMessages(out).join(' ')).toContain(
      "We have no source for Michigan's own rules on scattering ashes on a river or lake; please ask Michigan's own authorities, or a funeral director there, before you scatter.",
    );
  });

  it('no state said: a state may have its own, said once, and no question we could not use', () => {
    const out = lake();
    expect(gapMessages(out).join(' ')).toMatch(
      /A state may have its own rules on scattering ashes on a river or lake too/,
    );
    expect(out.questions.map((q) => q.field)).not.toContain('scatter_region');
  });

  it('the opposite: at sea in California our state rule speaks, and no unknown is named for it', () => {
    const out = trip({
      home_country: 'US',
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-CA', place: 'sea', ashes_come_home: false },
      loved_one: { name: 'Grandpa Lou', kind: 'adult', loss_country: 'US' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
    });
    expect(gapMessages(out).join(' ')).not.toMatch(/California's own rules/);
  });
});

describe('16. an airline that reportedly refuses the cabin: said first, and the checked bag advised', () => {
  const flight = (from: string, to: string, carrier: string, bag: 'carry_on' | 'checked') =>
    trip({
      home_country: from,
      loved_one: { name: 'Baba', kind: 'adult', loss_country: from },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from, to, carrier, bag }],
    });

  it('t34: Etihad from Abu Dhabi, cabin chosen: "Before anything else", with the checked bag', () => {
    expect(summaryOf(flight('AE', 'GB', 'EY', 'carry_on'))).toMatch(
      /^Before anything else: Etihad and Abu Dhabi airport reportedly don't allow ashes in the cabin, so plan to pack the ashes in your checked bag\. The notes on your journey say whom to ask before you plan it\./,
    );
  });

  it('Etihad from the US, cabin chosen: the checked-bag advice is shown, the checkpoint X-ray is not', () => {
    const out = flight('US', 'AE', 'EY', 'carry_on');
    expect(ruleIdsOn(out)).toContain('tsa-seal-and-label');
    expect(ruleIdsOn(out)).not.toContain('tsa-xray-required');
    // The refusal itself is still there, with its source.
    expect(ruleIdsOn(out)).toContain('ey-no-cabin');
  });

  it('Ural Airlines, cabin chosen: said first, flatly, as its own page says', () => {
    expect(summaryOf(flight('RU', 'AE', 'U6', 'carry_on'))).toMatch(
      /^Before anything else: Ural Airlines doesn't allow an urn in the cabin, so plan to pack the ashes in your checked bag\./,
    );
  });

  it('the opposite: the checked bag already chosen, nothing is said first', () => {
    expect(summaryOf(flight('AE', 'GB', 'EY', 'checked'))).not.toMatch(/Before anything else/);
    expect(summaryOf(flight('US', 'US', 'DL', 'carry_on'))).not.toMatch(/Before anything else/);
  });
});

describe('14. a paper that does not exist comes after what is carried, without words on carrying it', () => {
  const mia = () =>
    trip({
      home_country: 'GB',
      purpose: 'carry',
      loved_one: {
        name: 'Mia',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 20,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Mia's little box" }],
      legs: [
        { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' },
        { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA', bag: 'carry_on', way_home: true },
      ],
    });

  it('t01: the papers Mia has come first, the death certificate that does not exist last', () => {
    const statuses = mia().documents.map((d) => d.status);
    expect(statuses[0]).toBe('carry');
    expect(statuses[statuses.length - 1]).toBe('not_issued');
  });

  it('t01: the death certificate says who asks, never how to carry it', () => {
    const paper = deathCertificateOf(mia());
    expect(paper.detail).not.toMatch(/certified copy|original/);
    expect(paper.detail).toMatch(/British Airways may ask for it/);
  });

  it('the opposite: for an adult the death certificate still says how it is usually asked for', () => {
    const out = trip({
      home_country: 'GB',
      loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'GB' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' }],
    });
    expect(deathCertificateOf(out).detail).toMatch(/A certified copy is what is usually asked for/);
    expect(out.documents[0]!.key).toBe('death_certificate');
  });
});
