import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';
import { RULES } from './load-rules.js';
import { journeyRefusalFaults } from './lint.js';

// The tenth reviewer's findings 1, 2, 3, 6 and 12, each as the trip they tried with the CLI: what
// the summary (the first phone screen) says first, the X-ray disagreement for metal, and a cruise
// whose urn stays on board at its port of call.

const today = '2026-12-05';
type Out = ReturnType<typeof evaluateTrip>;
const trip = (input: TravelRulesInput): Out => evaluateTrip(input, { today });
const idsOn = (out: Out, leg = 0) => out.legs[leg]!.requirements.flatMap((r) => r.rule_ids);
const summaryOf = (out: Out) => out.summary[0]!.text;

describe('1. a carrier that will not carry the ashes at all is said first', () => {
  it('t80: JetBlue and Max the dog: the summary opens with the refusal, not "nothing to worry about"', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'B6', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'cardboard', name: "Max's tube", loved_one: 'Max' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Max', kind: 'pet', loss_country: 'US', cremated_in: 'US-NY' }],
    });
    expect(idsOn(out)).toContain('b6-no-pets');
    expect(summaryOf(out)).toMatch(/^Before anything else: JetBlue doesn't accept a pet's ashes\./);
  });

  it('a person’s ashes on JetBlue are not refused', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'B6', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'cardboard', loved_one: 'Dad' }],
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'US', loss_region: 'US-NY' }],
    });
    expect(summaryOf(out)).not.toContain('Before anything else');
  });

  it('Aer Lingus, reported by a retailer to refuse a pet’s ashes, is said first as a "may"', () => {
    const out = trip({
      home_country: 'IE',
      legs: [{ mode: 'air', from: 'IE', to: 'GB', carrier: 'EI', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Biscuit' }],
      loved_ones: [{ name: 'Biscuit', kind: 'pet', loss_country: 'IE' }],
    });
    expect(summaryOf(out)).toMatch(/^Before anything else: Aer Lingus reportedly takes human ashes only\./);
  });

  it('lint: every carrier rule whose title refuses the ashes outright leads the summary', () => {
    expect(RULES.flatMap((rule) => journeyRefusalFaults(rule).map((f) => `${rule.id}: ${f}`))).toEqual([]);
    const b6 = RULES.find((rule) => rule.id === 'b6-no-pets')!;
    const { refuses_journey: _dropped, ...unmarked } = b6;
    expect(journeyRefusalFaults(unmarked)).toHaveLength(1);
  });
});

describe('2. Singapore Airlines, which may no longer carry ashes at all', () => {
  const t51 = trip({
    home_country: 'AU',
    legs: [
      { mode: 'air', from: 'AU', to: 'SG', carrier: 'SQ', bag: 'carry_on', connection: true },
      { mode: 'air', from: 'SG', to: 'GB', carrier: 'SQ', bag: 'carry_on' },
    ],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Mum's urn", loved_one: 'Mum' }],
    purpose: 'carry',
    loved_ones: [{ name: 'Mum', kind: 'adult', loss_country: 'AU', cremated_in: 'AU' }],
  });

  it('t51: the doubt is said once, as the disagreement it is since review 15 (finding 1), not first', () => {
    expect(summaryOf(t51)).not.toMatch(/^Before anything else/);
    expect(summaryOf(t51)).toContain('Our sources disagree on whether Singapore Airlines carries ashes');
    expect(summaryOf(t51).match(/Singapore Airlines may no longer/g)).toHaveLength(1);
  });

  it('t51: the 2017 email’s papers are history on the leg, not what Singapore Airlines "may ask for"', () => {
    expect(summaryOf(t51)).not.toContain('Singapore Airlines may ask for');
    expect(t51.documents.flatMap((d) => d.asked_by)).not.toContain('Singapore Airlines');
    expect(idsOn(t51)).toEqual(expect.arrayContaining(['sq-2017-allowed', 'sq-2021-stopped']));
  });
});

describe('3. a German state that keeps the urn from relatives is said first', () => {
  it('t16: Oma cremated in Hesse: the summary opens with Hesse, before any paper', () => {
    const out = trip({
      home_country: 'DE',
      legs: [
        { mode: 'air', from: 'DE', to: 'ES', carrier: 'LH', bag: 'carry_on' },
        { mode: 'air', from: 'ES', to: 'DE', carrier: 'LH', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: 'Omas Urne', loved_one: 'Oma' }],
      purpose: 'scatter',
      scatter: { country: 'ES', place: 'sea', ashes_come_home: false },
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'DE', cremated_in: 'DE-HE' }],
    });
    expect(summaryOf(out)).toMatch(
      /^Before anything else: in Hesse, since March 2019, an urn is not handed to relatives\./,
    );
  });

  const t68 = (crematedIn: string): Out =>
    trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'DE', to: 'US', carrier: 'LH', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'metal', name: "Grandpa's urn", loved_one: 'Grandpa' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grandpa', kind: 'adult', loss_country: 'DE', cremated_in: crematedIn }],
    });

  it('t68: Grandpa cremated in Bavaria: the 2017 report is said first, as a "may"', () => {
    const text = summaryOf(t68('DE-BY'));
    expect(text).toMatch(/^Before anything else: as reported in 2017, relatives may not be allowed to carry/);
    expect(text).toContain('Bavaria');
    // The six states are said once, by the six-state card (review 11, finding 7).
    expect(idsOn(t68('DE-BY'))).toContain('de-2017-no-carry-by');
    expect(idsOn(t68('DE-BY'))).not.toContain('de-leaving-with-an-urn');
  });

  it('cremated in Berlin (not one of the six): papers first, and the general advice stays on the leg', () => {
    const out = t68('DE-BE');
    expect(summaryOf(out)).not.toContain('Before anything else');
    expect(idsOn(out)).toContain('de-leaving-with-an-urn');
  });
});

describe('6. for a metal urn, the 2004 Denver test agrees with the X-ray warning', () => {
  // The 2004 Denver test was a test with TSA: it speaks at US checkpoints (review 29, finding 7), so
  // t03's Ryanair flight from the UK to Ireland is here flown from the US to Ireland (Aer Lingus).
  const t03 = (container: 'metal' | 'stone', from = 'US', carrier = 'EI'): Out =>
    trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from, to: 'IE', carrier, bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container, name: "Mum's urn", loved_one: 'Mum' }],
      loved_ones: [
        { name: 'Mum', kind: 'adult', loss_country: 'GB', cremated_in: 'GB-ENG', loss_region: 'GB-ENG' },
      ],
    });

  it('t03: Ryanair, metal urn: no "our sources disagree", and the test said as support', () => {
    const out = t03('metal');
    expect(out.legs[0]!.conflicts.map((c) => c.message).join(' ')).not.toContain('X-ray');
    expect(idsOn(out)).toContain('cont-metal-xray-risk');
    const denver = out.legs[0]!.requirements.filter((r) =>
      r.rule_ids.some((id) => id.startsWith('cont-denver')),
    );
    expect(denver.map((r) => r.title)).toEqual([
      'In a 2004 airport test, cast bronze and pewter urns were the ones the X-ray could not see through',
    ]);
  });

  it('a stone urn: the disagreement the research records is still said', () => {
    const out = t03('stone');
    // With TSA's own guidance among the sources, the disagreement is said as "Our sources disagree".
    expect(out.legs[0]!.conflicts.map((c) => c.message).join(' ')).toContain(
      'Our sources disagree: “In a 2004 airport test, a marble urn could still be seen through”',
    );
  });

  it("from the UK, Ryanair: the X-ray warning stays, and TSA's Denver test is not said", () => {
    const out = t03('metal', 'GB', 'FR');
    expect(idsOn(out)).toContain('cont-metal-xray-risk');
    expect(idsOn(out).some((id) => id.startsWith('cont-denver'))).toBe(false);
  });
});

describe('12. a cruise whose urn stays on board does not enter its port of call', () => {
  const t33 = (): Out =>
    trip({
      home_country: 'US',
      legs: [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL' },
        { mode: 'sea', from: 'BS', to: 'US', carrier: 'CCL', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: "Dad's urn", loved_one: 'Dad' }],
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-FL', place: 'sea', ashes_come_home: false },
      loved_ones: [
        { name: 'Dad', kind: 'adult', loss_country: 'US', cremated_in: 'US-FL', loss_region: 'US-FL' },
      ],
    });

  it('t33: Carnival keeps the urn on board in Nassau, so no Bahamas entry gap', () => {
    const out = t33();
    expect(idsOn(out)).toContain('ccl-no-ashore');
    const gaps = out.legs[0]!.gaps.map((g) => g.message).join(' ');
    expect(gaps).not.toContain('into the Bahamas');
    expect(gaps).not.toContain('mark this stop as a port of call');
  });

  it('leaving the ship in Nassau and flying home: the Bahamas entry is still asked about', () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL' },
        { mode: 'air', from: 'BS', to: 'US', carrier: 'AA', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: "Dad's urn", loved_one: 'Dad' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'US', loss_region: 'US-FL' }],
    });
    expect(out.legs[0]!.gaps.map((g) => g.message).join(' ')).toContain('into the Bahamas');
  });
});
