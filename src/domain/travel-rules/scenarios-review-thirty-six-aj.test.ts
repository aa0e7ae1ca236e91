import { describe, expect, it } from 'vitest';
import { detailOn, readTripOn } from './scenario-reading.js';

// Review 36, findings 5, 7 and 11 (fixAJ): Jamaica and India.
// M5: Jamaica's High Commission in Ottawa said only "send the certificates to the Kingston and St
// Andrew Health Department beforehand", beside the health authorities' own word that St James issues
// the permit for Montego Bay's airport: a family landing at Montego Bay could go to the wrong office.
// L11: the Miami consulate's "certificate of release (transit permit)" and Jamaica's health
// department permit ("called a transit or clearance permit") read as one paper.
// M7: India's embassy in Berlin's list was [required] on the leg while the summary said it only may
// ask for the attestation.

const today = '2026-12-07';

const granny = () =>
  readTripOn(today, {
    home_country: 'CA',
    legs: [
      { mode: 'air', from: 'CA', to: 'JM', carrier: 'WS', bag: 'carry_on' },
      { mode: 'air', from: 'JM', to: 'CA', carrier: 'WS', way_home: true },
    ],
    purpose: 'scatter',
    scatter: { country: 'JM', place: 'sea', ashes_come_home: false },
    keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Granny' }],
    loved_ones: [{ name: 'Granny', kind: 'adult', loss_country: 'CA', cremated_in: 'CA', nationality: 'JM' }],
  });

const babyGrace = () =>
  readTripOn(today, {
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'JM', carrier: 'B6', bag: 'carry_on' }],
    purpose: 'scatter',
    scatter: { country: 'JM', place: 'sea', ashes_come_home: false },
    keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Baby Grace' }],
    loved_ones: [
      {
        name: 'Baby Grace',
        kind: 'pregnancy_loss',
        gestation_weeks: 20,
        born_alive: false,
        loss_country: 'US',
        loss_region: 'US-NY',
        cremated_in: 'US',
      },
    ],
  });

const nanaji = () =>
  readTripOn(today, {
    home_country: 'DE',
    legs: [{ mode: 'air', from: 'DE', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
    purpose: 'scatter',
    scatter: { country: 'IN', place: 'river_or_lake', ashes_come_home: false },
    keepsakes: [{ kind: 'ashes', container: 'ceramic', loved_one: 'Nanaji' }],
    loved_ones: [
      { name: 'Nanaji', kind: 'adult', loss_country: 'DE', cremated_in: 'DE-BE', nationality: 'IN' },
    ],
  });

describe('r36 M5 (t26): which Jamaican health department, from Canada', () => {
  it("Ottawa's page is said as naming Kingston and St Andrew, beside St James for Montego Bay's airport", () => {
    const detail = detailOn(granny(), 'jm-ottawa-clearance') ?? '';
    expect(detail).toMatch(/its page names only the Kingston and St Andrew Health Department/);
    expect(detail).toMatch(/St James Public Health Department.*Montego Bay/);
    expect(detail).not.toContain(
      'Send the cremation and death certificates to the Kingston and St Andrew Health Department beforehand;',
    );
  });

  it('after landing, the office is the one Customs directs you to, as the page says', () => {
    expect(detailOn(granny(), 'jm-ottawa-clearance')).toMatch(
      /the public health department office Customs directs you to/,
    );
  });
});

describe('r36 L11 (t60): two papers called a transit permit', () => {
  it('the certificate of release is named as a paper from where the death was, not the Jamaican permit', () => {
    const out = babyGrace();
    const permits = out.documents.filter((d) => d.key === 'permit').map((d) => d.title);
    expect(permits).toHaveLength(2);
    const release = permits.find((title) => /certificate of release/i.test(title))!;
    expect(release).toMatch(/from the authority where they died/);
    expect(release).toMatch(/not Jamaica's health department permit/);
    expect(out.summary[0]!.text).toContain(release.charAt(0).toLowerCase() + release.slice(1));
    expect(detailOn(out, 'jm-docs')).toMatch(/from the authority where the death was/);
  });
});

describe("r36 M7 (t04): India's embassy in Berlin, as firmly on the leg as in the summary", () => {
  it('the attestation is asked about first in the summary, and the leg does not call it required', () => {
    const out = nanaji();
    const attestation = out.documents.find((d) => d.key === 'consular_certificate')!;
    expect(attestation.status).toBe('ask_first');
    expect(out.summary[0]!.text).toContain("India's embassy in Berlin may ask for them");
    const card = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('in-docs'))!;
    expect(card.severity).toBe('warning');
    expect(card.detail).toContain("the Berlin embassy's own list for the families it serves");
  });

  it('ashes leaving Germany for a family from elsewhere hear the same', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'DE', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
      purpose: 'carry',
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Papa' }],
      loved_ones: [{ name: 'Papa', kind: 'adult', loss_country: 'DE', cremated_in: 'DE' }],
    });
    const card = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('in-docs-from-germany'))!;
    expect(card.severity).toBe('warning');
    expect(out.documents.find((d) => d.key === 'consular_certificate')!.status).toBe('ask_first');
  });
});

describe("r36 M7: one mission's own list is a warning wherever the summary only may ask for its papers", () => {
  it("Jamaica's consulate in Miami (t60): the leg matches the certificate of release asked about first", () => {
    const out = babyGrace();
    const card = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('jm-docs'))!;
    expect(card.severity).toBe('warning');
    expect(out.documents.find((d) => /certificate of release/.test(d.title))!.status).toBe('ask_first');
  });

  it("Canada to India (t49): each mission's list is a warning; the certificate itself is still required and carried", () => {
    const out = readTripOn(today, {
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
      purpose: 'scatter',
      scatter: { country: 'IN', place: 'river_or_lake', ashes_come_home: false },
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Bapuji' }],
      loved_ones: [
        { name: 'Bapuji', kind: 'adult', loss_country: 'CA', cremated_in: 'CA', nationality: 'CA' },
      ],
    });
    const severity = (id: string) => out.legs[0]!.requirements.find((r) => r.rule_ids.includes(id))!.severity;
    expect(severity('in-vancouver')).toBe('warning');
    expect(severity('in-ottawa-certificate')).toBe('warning');
    expect(severity('in-canada-certificate')).toBe('required');
    expect(out.documents.find((d) => d.key === 'consular_certificate')!.status).toBe('carry');
  });
});
