import { describe, expect, it } from 'vitest';
import { parseTravelRulesInput } from './parse-input.js';
import { readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 28 (brief review28, inputs in /tmp/r28-a), the findings fixed this stop: 3, a rule about
// changing planes in the US is not "in doubt" for a family changing planes there; 6, a consulate's
// certificate is not said to come from "the country you are going to" (a family may only pass
// through it); 7, the land-border note's wording; 1 and 2, a family flying out to collect the ashes
// says so with `collect_in`: the legs before carry nothing, and the ashes' journey sets off there.
// 4: Germany's coverage names the journeys its missions speak for, beside the families.

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

  // This pinned "You only pass through the United States: …" on the other US rules, beside CBP's
  // words that the rules for arriving apply on this leg: review 29, finding 6 found it wrong.
  it('the other US rules carry no "you only pass through" either: CBP says arriving is entering', () => {
    const notes = out()
      .legs[0]!.requirements.map((r) => r.for_this_family)
      .filter((note) => note !== null);
    expect(out().legs[0]!.requirements.map((r) => r.id)).toContain('us-import-none');
    expect(notes).toEqual([]);
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

describe('findings 1 and 2: a family flying out to collect the ashes (collect_in)', () => {
  const collecting = (from: string, there: string, onTo: string, carrier: string, name: string) =>
    readTripOn(today, {
      home_country: from,
      purpose: 'carry',
      collect_in: there,
      legs: [
        { mode: 'air', from, to: there, carrier, bag: 'carry_on' },
        { mode: 'air', from: there, to: onTo, carrier, bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: name }],
      loved_ones: [{ name, kind: 'adult', loss_country: there, cremated_in: there }],
    });

  it('the flight out carries nothing, and says why', () => {
    const out = collecting('US', 'SG', 'DE', 'SQ', 'Grandma');
    expect(out.legs[0]!.carries_ashes).toBe(false);
    expect(out.legs[0]!.requirements).toEqual([]);
    expect(out.legs[0]!.gaps.map((g) => g.message)).toEqual([
      'The ashes join the trip in Singapore, so there is nothing to carry on this part of the journey.',
    ]);
  });

  it('t19: Grandma collected in Singapore and taken to Germany hears the embassy in Singapore, not the US missions', () => {
    const out = collecting('US', 'SG', 'DE', 'SQ', 'Grandma');
    const said = JSON.stringify(out);
    expect(said).toContain('The German Embassy in Singapore issues an urn transport permit');
    // The refusal may still quote the US missions (they serve where this family lives); their
    // certificate for shipping cremains from the US is not asked for.
    expect(said).not.toContain("Germany's missions in the United States issue");
    expect(out.documents.find((d) => d.key === 'consular_certificate')!.asked_by).toEqual([
      "Germany's embassy in Singapore",
    ]);
    expect(ruleIdsOn(out, 1)).not.toContain('de-cremains-cert');
  });

  it("t18: Grandad collected in South Africa hears Germany's refusal and the mission's import certificate", () => {
    const out = collecting('GB', 'ZA', 'DE', 'BA', 'Grandad');
    expect(out.summary[0]!.text).toMatch(
      /^Before anything else: Germany doesn't allow a family to carry an urn\./,
    );
    expect(ruleIdsOn(out, 1)).toContain('de-south-africa-urn-cert-from-south-africa');
  });

  it('t39: flying out to Germany to collect Grandpa, the way out hears no refusal', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      collect_in: 'DE',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'US', carrier: 'LH', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Grandpa' }],
      loved_ones: [{ name: 'Grandpa', kind: 'adult', loss_country: 'DE', cremated_in: 'DE' }],
    });
    expect(JSON.stringify(out)).not.toContain("Germany doesn't allow a family to carry an urn");
    expect(ruleIdsOn(out, 1)).toContain('de-leaving-with-an-urn');
  });

  it('review 29, finding 1: the leg leaving the country where they are collected names what we lack for leaving it', () => {
    const out = collecting('US', 'SG', 'DE', 'SQ', 'Grandma');
    expect(out.legs[1]!.gaps.map((g) => g.message)).toContain(
      'We have no rule from our research for taking ashes out of Singapore. The crematorium or funeral director there can tell you whether anything is needed before you go.',
    );
  });

  it('without collect_in nothing changes: the ashes travel on every leg', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'US', to: 'SG', carrier: 'SQ', bag: 'carry_on' },
        { mode: 'air', from: 'SG', to: 'DE', carrier: 'SQ', bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Grandma' }],
      loved_ones: [{ name: 'Grandma', kind: 'adult', loss_country: 'SG', cremated_in: 'SG' }],
    });
    expect(out.legs.every((leg) => leg.carries_ashes)).toBe(true);
  });

  it('a country no leg leaves from is refused, naming the field', () => {
    const parsed = parseTravelRulesInput({
      home_country: 'US',
      collect_in: 'JP',
      legs: [{ mode: 'air', from: 'US', to: 'SG', carrier: 'SQ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.join('\n')).toContain('collect_in: None of the legs leaves from Japan.');
  });
});

describe("finding 4: Germany's coverage names the journeys its missions speak for", () => {
  it('a UK family hears the families and the journeys our sources speak for', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'GB', to: 'DE', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nan' }],
      loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(out.legs[0]!.gaps.map((g) => g.message)).toContain(
      'Our sources on taking ashes into Germany speak only for families who live in Canada, Singapore or the United States, or for ashes going from Canada, Denmark, Mexico, Singapore, South Africa or the United States. For a family from the United Kingdom, the embassy or consulate of Germany in the United Kingdom can tell you what they need; take the documents listed below with you.',
    );
  });
});
