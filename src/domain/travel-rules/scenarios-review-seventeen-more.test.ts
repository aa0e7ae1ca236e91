import { describe, expect, it } from 'vitest';
import { lintRules } from './lint.js';
import { RULES } from './load-rules.js';
import { type TripReading, detailOn, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 17, findings 4 and 6, and three things noticed with them (brief h7). Finding 6 (the note
// for security naming Ontario, not Canada) is tested with the note, in the packet's tests.

const today = '2026-12-06';
const trip = (raw: unknown): TripReading => readTripOn(today, raw);
const byId = new Map(RULES.map((rule) => [rule.id, rule]));

const toGermany = (home: string, name: string) =>
  trip({
    home_country: home,
    legs: [{ mode: 'air', from: home, to: 'DE', carrier: 'LH', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'wood', name, loved_one: name }],
    purpose: 'carry',
    loved_ones: [{ name, kind: 'adult', loss_country: home, cremated_in: home }],
  });

describe('4. Germany’s missions in Canada and Singapore issue an urn transport permit, and say so', () => {
  it('a family living in Canada hears that the German consulates in Toronto and Vancouver issue one', () => {
    const opa = toGermany('CA', 'Opa');
    expect(ruleIdsOn(opa)).toContain('de-canada-urn-permit');
    const detail = detailOn(opa, 'de-canada-urn-permit')!;
    expect(detail).toContain('Toronto');
    expect(detail).toContain('Vancouver');
    // What the page we read does not say is not claimed: its list of papers for an urn.
    expect(detail).toContain('does not say');
    expect(byId.get('de-canada-urn-permit')).toMatchObject({
      source_kind: 'consulate',
      source_url: 'https://canada.diplo.de/ca-en/consular-services/08-otherconsularservices/death-1101248',
      source_date: null,
      // Review 27, finding 7: re-read (stored page) and scoped to urns going from Canada.
      read_on: '2026-12-07',
      conditions: expect.objectContaining({ home: ['CA'], ashes_from: ['CA'] }),
    });
    expect(byId.get('de-canada-urn-permit')!.rechecked_on).toBeUndefined();
  });

  it('the journey is not allowed as planned, so the permit is to have ready for sending, never "carrying"', () => {
    const text = toGermany('CA', 'Opa').summary[0]!.text;
    expect(text).toContain(
      // Review 19, finding 6: the consulates issue it; the page does not say anyone suggests it.
      'German consulates in Canada issue an urn transport permit; ask them whether you need one.',
    );
    expect(text).not.toMatch(/suggests? carrying/);
  });

  it('a family living in Singapore hears that the permit "may" be needed, and whom to ask', () => {
    const ah = toGermany('SG', 'Ah Ma');
    expect(ruleIdsOn(ah)).toContain('de-singapore-urn-permit');
    expect(detailOn(ah, 'de-singapore-urn-permit')).toContain('may be needed');
    expect(detailOn(ah, 'de-singapore-urn-permit')).toContain('German Embassy in Singapore');
    expect(byId.get('de-singapore-urn-permit')).toMatchObject({
      source_kind: 'consulate',
      source_date: '2019-11-21',
      severity: 'recommended',
    });
  });

  it('each mission speaks only for the families it serves', () => {
    const us = toGermany('US', 'Grandpa');
    expect(ruleIdsOn(us)).not.toContain('de-canada-urn-permit');
    expect(ruleIdsOn(us)).not.toContain('de-singapore-urn-permit');
    expect(ruleIdsOn(toGermany('CA', 'Opa'))).not.toContain('de-singapore-urn-permit');
  });

  it('sending the urn from Canada to Germany names the permit too', () => {
    const sent = readShipmentOn(today, { from: 'CA', to: 'DE' });
    expect(sent.requirements.flatMap((r) => r.rule_ids)).toContain('de-canada-urn-permit');
  });
});

describe('6. a region’s own threshold is said as the region’s, for the note for security', () => {
  const baby = (loss_country: string, loss_region: string | null, weeks: number) =>
    trip({
      home_country: loss_country,
      legs: [{ mode: 'air', from: loss_country, to: 'ES', carrier: 'IB', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Noah', loved_one: 'Noah' }],
      purpose: 'carry',
      loved_ones: [
        {
          name: 'Noah',
          kind: 'pregnancy_loss',
          born_alive: false,
          gestation_weeks: weeks,
          birth_weight_g: 300,
          loss_country,
          ...(loss_region && { loss_region }),
        },
      ],
    });
  const deathCertificate = (out: TripReading) => out.documents.find((d) => d.key === 'death_certificate')!;

  it('Ontario, 18 weeks: the reason is Ontario’s own', () => {
    expect(deathCertificate(baby('CA', 'CA-ON', 18))).toMatchObject({
      status: 'not_issued',
      reason_region: 'CA-ON',
    });
  });

  it('England, 20 weeks: the UK’s own 24 weeks gives it too, so the threshold stays the country’s', () => {
    expect(deathCertificate(baby('GB', 'GB-ENG', 20))).toMatchObject({
      status: 'not_issued',
      reason_region: null,
    });
  });
});

// Noticed with review 17: Western Australia's Act (s 4) says "death includes still-birth", and its
// registry records stillbirths in both its birth and death registers (AIHW). The Australia-wide
// "a birth certificate, not a death certificate" comes from a source that does not speak for WA.
describe('Western Australia: the Australia-wide stillbirth rule does not speak for it', () => {
  const mia = (loss_region: string | null) =>
    trip({
      home_country: 'AU',
      legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'QF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Mia', loved_one: 'Mia' }],
      purpose: 'carry',
      loved_ones: [
        {
          name: 'Mia',
          kind: 'pregnancy_loss',
          born_alive: false,
          gestation_weeks: 22,
          birth_weight_g: 450,
          loss_country: 'AU',
          ...(loss_region && { loss_region }),
        },
      ],
    });
  const said = (out: TripReading) =>
    [out.summary[0]!.text, ...out.legs.flatMap((leg) => leg.gaps.map((gap) => gap.message))].join(' ');

  it('a baby stillborn in WA is never told there is no death certificate, and WA’s registry is named', () => {
    const out = mia('AU-WA');
    const death = out.documents.find((d) => d.key === 'death_certificate');
    expect(death?.status).not.toBe('not_issued');
    expect(said(out)).not.toContain('There is no death certificate for Mia');
    expect(said(out)).toContain('Western Australia');
    expect(said(out)).toMatch(/registry/);
  });

  it('in Victoria the rule still speaks: a birth certificate rather than a death certificate', () => {
    const death = mia('AU-VIC').documents.find((d) => d.key === 'death_certificate')!;
    expect(death).toMatchObject({ status: 'not_issued', registered_on: 'birth certificate' });
  });

  it('the rule names the states it speaks for, and the data says why not WA', () => {
    const rule = byId.get('au-stillbirth-def')!;
    expect(rule.conditions.loss_region).not.toContain('AU-WA');
    expect(rule.conditions.loss_region).toEqual(expect.arrayContaining(['AU-NSW', 'AU-VIC', 'AU-QLD']));
  });
});

describe('lint: a threshold carried on by regions’ own rules is not a dropped threshold', () => {
  const thresholdFaults = (rules: readonly unknown[]) =>
    lintRules([...rules], { today }).faults.filter((f) =>
      f.message.includes('needs a rule for each threshold'),
    );

  it('Australia from 20 weeks, in every state but Western Australia: no fault', () => {
    expect(thresholdFaults(RULES)).toEqual([]);
  });

  it('without that rule the 20 weeks is dropped, and lint says so', () => {
    expect(thresholdFaults(RULES.filter((rule) => rule.id !== 'au-stillbirth-def')).length).toBeGreaterThan(
      0,
    );
  });
});

// Noticed with review 17: the No Objection Certificate is now only suggested (finding 1), so eCARe's
// detail must not presume the family has one.
describe('in-ecare does not presume a No Objection Certificate', () => {
  it('never opens "once you have" the NOC, and still names the portal and whom to ask', () => {
    const detail = byId.get('in-ecare')!.detail;
    expect(detail).not.toMatch(/once you have/i);
    expect(detail).toContain('https://ecare.mohfw.gov.in');
    expect(detail).toContain('can tell you');
  });
});
