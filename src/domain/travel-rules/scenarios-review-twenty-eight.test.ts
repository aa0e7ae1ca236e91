import { describe, expect, it } from 'vitest';
import { readTripOn } from './scenario-reading.js';

// Review 28 (brief review28, inputs in /tmp/r28-a), the findings fixed this stop: 3, a rule about
// changing planes in the US is not "in doubt" for a family changing planes there; 6, a consulate's
// certificate is not said to come from "the country you are going to" (a family may only pass
// through it); 7, the land-border note's wording. Findings 1 and 2 (a family flying out to collect
// the ashes) are left: the input cannot yet say on which leg the ashes join the trip.

const today = '2026-12-07';

describe('finding 3: changing planes in the US', () => {
  const out = () =>
    readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'MX', to: 'US', carrier: 'BA', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nan' }],
      loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: 'MX', cremated_in: 'MX' }],
    });

  it('"Changing planes in the US still means entering it" carries no "you only pass through" beside it', () => {
    const rule = out().legs[0]!.requirements.find((r) => r.id === 'us-transit-enters')!;
    expect(rule.for_this_family).toBeNull();
  });

  it('the other US rules say "the United States", with its article', () => {
    const notes = out()
      .legs[0]!.requirements.map((r) => r.for_this_family)
      .filter((note) => note !== null);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toMatch(/^You only pass through the United States:/);
  });
});

describe("finding 6: a consulate's certificate, passing through Germany", () => {
  it('says only that a consulate issues it before travel, never "the country you are going to"', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'road', from: 'DE', to: 'PL' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Babcia' }],
      loved_ones: [{ name: 'Babcia', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    const certificate = out.documents.find((d) => d.key === 'consular_certificate')!;
    expect(certificate.status).toBe('ask_first');
    expect(certificate.detail).toMatch(/^Issued by a consulate, before you travel\./);
    expect(JSON.stringify(out)).not.toContain('the country you are going to');
  });
});
