import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 35b, finding 1 (high): scattering at sea off Puerto Rico, the US Virgin Islands or Guam
// heard only "We have no rule from our research … The local authority for that coast is the one to
// ask." American Samoa's EPA page says the US EPA's general permit (40 CFR 229.1) covers burial at
// sea there, so the EPA's rules are said off American Samoa too, beside its own notice 30 days
// before. For the other territories no stored source says the permit reaches their waters, so that
// is said as unknown, naming the EPA region that covers them. And a family from Puerto Rico (inside
// the United States) is never told its ashes came "from abroad".

const today = '2026-12-07';

/** A US family flying to `there` to scatter Abuelo's ashes at sea, and home. */
const scatteringOff = (there: string, carrier = 'B6') =>
  readTripOn(today, {
    home_country: 'US',
    purpose: 'scatter',
    scatter: { country: there, place: 'sea', ashes_come_home: false },
    legs: [
      { mode: 'air', from: 'US', to: there, carrier, bag: 'carry_on' },
      { mode: 'air', from: there, to: 'US', carrier, way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Abuelo' }],
    loved_ones: [{ name: 'Abuelo', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
  });

const scatterGap = (gaps: string[]) => gaps.find((gap) => /scatter/.test(gap)) ?? '';

describe('r35b 1: scattering at sea off a US territory', () => {
  it('off Puerto Rico and the US Virgin Islands, EPA Region 2 is named, not "no rule" and the local authority', () => {
    for (const there of ['PR', 'VI']) {
      const trip = scatteringOff(there, 'AA');
      expect(ruleIdsOn(trip)).toContain('epa-territories-region-2');
      const gap = scatterGap(gapMessages(trip));
      expect(gap).toContain("The US EPA's Region 2 office can say, before you scatter.");
      expect(gap).not.toMatch(/no rule from our research for scattering|local authority for that coast/);
    }
  });

  it('off Guam, EPA Region 9 is named', () => {
    const trip = scatteringOff('GU', 'UA');
    expect(ruleIdsOn(trip)).toContain('epa-territories-region-9');
    expect(scatterGap(gapMessages(trip))).toContain("The US EPA's Region 9 office can say");
  });

  it("off American Samoa, the US EPA's rules are said beside its own notice, without the US report's 30 days after", () => {
    const ids = ruleIdsOn(scatteringOff('AS', 'HA'));
    expect(ids).toEqual(expect.arrayContaining(['epa-3nm', 'epa-decomposable', 'epa-as-notify-before']));
    expect(ids).not.toContain('epa-report-30d');
    expect(ids).not.toContain('epa-foreign-12nm');
  });

  it('a family from Puerto Rico scattering off California is not told its ashes came from abroad', () => {
    const trip = readTripOn(today, {
      home_country: 'PR',
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-CA', place: 'sea', ashes_come_home: false },
      legs: [
        { mode: 'air', from: 'PR', to: 'US', carrier: 'B6', bag: 'carry_on' },
        { mode: 'air', from: 'US', to: 'PR', carrier: 'B6', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Abuelo' }],
      loved_ones: [{ name: 'Abuelo', kind: 'adult', loss_country: 'PR', cremated_in: 'PR' }],
    });
    const ids = ruleIdsOn(trip);
    expect(ids).toContain('epa-3nm');
    expect(ids).not.toContain('epa-foreign-12nm');
  });
});
