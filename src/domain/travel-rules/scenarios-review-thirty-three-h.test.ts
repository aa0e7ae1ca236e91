import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readTripOn } from './scenario-reading.js';

// Review 32 (reviewer r32b), fixed by helper H:
// r32b 1: landing in Dublin or Paris and going on by ferry or train leaves the airport, so it passes
// Ireland's or France's border control (each country's own page, ENTERED_WHEN_LEAVING_THE_AIRPORT):
// the family is not told it "only passes through" there.
// r32b 7: a round trip turns for home in the country it goes straight home from: a Dutch family
// driving through Belgium to France and home visits France, never "only passes through" it.

const today = '2026-12-07';
const passingWords = /pass(ing)? through/;

/** Every gap on one leg and every summary line, as one text. */
const saidOn = (out: ReturnType<typeof readTripOn>, leg: number): string =>
  [...gapMessages(out, leg), ...out.summary.map((s) => s.text)].join(' ');

describe('r32b finding 1: leaving the airport in Dublin or Paris enters that country', () => {
  it('a US family flying to Dublin, the ferry to Holyhead and home: Ireland’s rules for arriving apply', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'IE', carrier: 'EI', bag: 'carry_on' },
        { mode: 'sea', from: 'IE', to: 'GB', carrier: 'Stena Line' },
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(saidOn(out, 0)).not.toMatch(/passing through Ireland/);
    const declare = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('ie-revenue-declare'));
    expect(declare?.severity).toBe('required');
    expect(declare?.for_this_family ?? '').not.toMatch(passingWords);
  });

  it('a US family flying to Paris and taking the Eurostar to London is not told it only passes through France', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'FR', carrier: 'AF', bag: 'carry_on' },
        { mode: 'rail', from: 'FR', to: 'GB', carrier: 'Eurostar' },
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(gapMessages(out, 0).join(' ')).not.toMatch(passingWords);
    expect(gapMessages(out, 0).join(' ')).toMatch(/taking ashes into France/);
  });

  it('changing planes in Dublin without leaving the airport still enters nothing there', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'IE', carrier: 'EI', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'IE', to: 'DE', carrier: 'EI', bag: 'carry_on' },
      ]),
    );
    expect(out.legs[0]!.requirements.flatMap((r) => r.rule_ids)).not.toContain('ie-revenue-declare');
  });
});
