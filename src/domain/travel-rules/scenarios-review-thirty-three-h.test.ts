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

describe('r32b finding 7: a round trip visits the country it turns for home in', () => {
  const road = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
    mode: 'road',
    from,
    to,
    ...extra,
  });

  it('a Dutch family driving through Belgium to France and straight home visits France', () => {
    const out = readTripOn(
      today,
      carryingTrip('NL', [road('NL', 'BE'), road('BE', 'FR'), road('FR', 'NL', { way_home: true })]),
    );
    expect(saidOn(out, 1)).not.toMatch(/on the way to the Netherlands/);
    expect(gapMessages(out, 1).join(' ')).not.toMatch(passingWords);
    // Belgium is still crossed on the way to France.
    expect(gapMessages(out, 0).join(' ')).toMatch(/only pass through on the way to France/);
  });

  it('through Belgium both ways: France is visited, Belgium passed through each way', () => {
    const out = readTripOn(
      today,
      carryingTrip('NL', [
        road('NL', 'BE'),
        road('BE', 'FR'),
        road('FR', 'BE'),
        road('BE', 'NL', { way_home: true }),
      ]),
    );
    expect(gapMessages(out, 1).join(' ')).not.toMatch(passingWords);
    expect(gapMessages(out, 0).join(' ')).toMatch(/on the way to France/);
    expect(gapMessages(out, 2).join(' ')).toMatch(/on the way to the Netherlands/);
  });

  it('a British family by Eurotunnel to France and back, and a German family to Austria and back', () => {
    const eurotunnel = { carrier: 'Eurotunnel Le Shuttle' };
    const french = readTripOn(
      today,
      carryingTrip('GB', [road('GB', 'FR', eurotunnel), road('FR', 'GB', { ...eurotunnel, way_home: true })]),
    );
    const austrian = readTripOn(
      today,
      carryingTrip('DE', [road('DE', 'AT'), road('AT', 'DE', { way_home: true })]),
    );
    for (const out of [french, austrian]) expect(saidOn(out, 0)).not.toMatch(passingWords);
  });

  it('a US family landing in London, the Eurostar to Paris and home: not "on the way to the United States"', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [
        { mode: 'air', from: 'US', to: 'GB', carrier: 'VS', bag: 'carry_on' },
        { mode: 'rail', from: 'GB', to: 'FR', carrier: 'Eurostar' },
        { mode: 'air', from: 'FR', to: 'US', carrier: 'AF', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(gapMessages(out, 1).join(' ')).not.toMatch(passingWords);
  });

  it('coming home from Chicago by Frankfurt and the train, Germany is still passed through', () => {
    const out = readTripOn(
      today,
      carryingTrip(
        'PL',
        [
          { mode: 'air', from: 'US', to: 'DE', carrier: 'UA', bag: 'carry_on' },
          { mode: 'rail', from: 'DE', to: 'PL', carrier: 'Deutsche Bahn', way_home: true },
        ],
        { loss_country: 'US', cremated_in: 'US' },
      ),
    );
    expect(saidOn(out, 0)).toMatch(/pass through on the way to Poland/);
  });
});
