import { describe, expect, it } from 'vitest';
import { evaluateShipment, parseTravelRulesInput } from './index.js';
import { type TripReading, readTripOn } from './scenario-reading.js';

// The eighth reviewer's findings on whom a rule speaks for (5, 6, 8–12, 14 and three wording items
// of 13), each as the trip or shipment they tried with the CLI, read the way the CLI reads it.

const today = '2026-12-05';
type Out = TripReading;
const trip = (raw: unknown): Out => readTripOn(today, raw);
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!;
const docsOf = (out: Out, name: string) => out.documents.filter((d) => d.loved_one === name);

describe('5. t46: Jamaica, from the UK, names the public-health permit once', () => {
  const out = trip({
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'JM', carrier: 'BA', bag: 'carry_on' }],
    keepsakes: [
      { kind: 'ashes', container: 'wood', name: 'Granny Pearl', loved_one: 'Granny Pearl' },
      { kind: 'ashes', container: 'wood', name: 'Baby Jada', loved_one: 'Jada' },
    ],
    purpose: 'scatter',
    scatter: { country: 'JM', place: 'sea', ashes_come_home: false },
    loved_ones: [
      { name: 'Granny Pearl', kind: 'adult', loss_country: 'GB' },
      {
        name: 'Jada',
        kind: 'pregnancy_loss',
        gestation_weeks: 23,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
    ],
  });

  it.each(['Granny Pearl', 'Jada'])('for %s, one health permit and the certificate of release', (name) => {
    const permits = docsOf(out, name).filter((d) => d.key === 'permit');
    expect(permits.map((d) => d.title)).toEqual([
      "A certificate of release (transit permit) from the authority where they died, not Jamaica's health department permit",
      'A permit from the Jamaican public health department for the ashes (called a transit or clearance permit)',
    ]);
    const health = permits[1]!;
    expect(health.rule_ids).toEqual(['jm-health-transit-permit', 'jm-london-papers']);
    const text = summaryOf(out, name).text;
    expect(text.match(/public health/g)).toHaveLength(1);
  });
});

describe("6. one consulate's own checklist speaks as that consulate, and only may ask", () => {
  it('t50: the Vancouver consulate may ask for Arjun’s passport; it is not on the bring list', () => {
    const out = trip({
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AC', bag: 'carry_on' }],
      keepsakes: [
        { kind: 'ashes', container: 'metal', name: 'Dadi', loved_one: 'Dadi' },
        { kind: 'ashes', container: 'plastic', name: 'Baby Arjun', loved_one: 'Arjun' },
      ],
      purpose: 'scatter',
      scatter: { country: 'IN', place: 'river_or_lake', ashes_come_home: false },
      loved_ones: [
        { name: 'Dadi', kind: 'adult', loss_country: 'CA' },
        { name: 'Arjun', kind: 'infant', loss_country: 'CA' },
      ],
    });
    const all = JSON.stringify(out);
    expect(all).not.toMatch(/India asks/);
    expect(out.documents.flatMap((d) => d.asked_by)).not.toContain('India');
    const passports = out.documents.filter((d) => d.key === 'deceased_passport');
    expect(passports.map((d) => d.asked_by)).toEqual([
      ["India's consulate in Vancouver"],
      ["India's consulate in Vancouver"],
    ]);
    const dadi = summaryOf(out, 'Dadi');
    expect(dadi.text).not.toMatch(/bring[^.]*passport/);
    // Review 11, finding 8: its packing certificate and the carrier's passport details are asked too.
    expect(dadi.text).toContain("India's consulate in Vancouver may ask for them");
    const arjun = summaryOf(out, 'Arjun');
    expect(arjun.text).not.toMatch(/bring[^.]*passport/);
    expect(arjun.text).toContain("India's consulate in Vancouver may ask for one");
    expect(arjun.carry).toContain('Arjun’s passport, if you have it and are asked for it');
  });

  it('t23: the Rio de Janeiro consulate, not Portugal, may ask for a legalised death certificate', () => {
    const out = trip({
      home_country: 'BR',
      legs: [{ mode: 'air', from: 'BR', to: 'PT', carrier: 'LA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Vovó', loved_one: 'Vovó' }],
      purpose: 'scatter',
      scatter: { country: 'PT', place: 'sea', ashes_come_home: false },
      loved_ones: [{ name: 'Vovó', kind: 'adult', loss_country: 'BR' }],
    });
    const text = summaryOf(out, 'Vovó').text;
    expect(text).not.toContain('Portugal asks');
    expect(text).toContain(
      "Portugal's consulate in Rio de Janeiro may ask for the original death certificate",
    );
    const death = docsOf(out, 'Vovó').find((d) => d.key === 'death_certificate')!;
    expect(death.asked_by).not.toContain('Portugal');
  });

  it('t15: the Edinburgh consulate, not Italy, may ask for the seal', () => {
    const out = trip({
      home_country: 'GB',
      legs: [
        { mode: 'rail', from: 'GB', to: 'FR', carrier: 'EUROSTAR' },
        { mode: 'rail', from: 'FR', to: 'IT' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: "Nonna's box", loved_one: 'Nonna' }],
      purpose: 'scatter',
      scatter: { country: 'IT', place: 'land', ashes_come_home: false },
      loved_ones: [{ name: 'Nonna', kind: 'adult', loss_country: 'GB', loss_region: 'GB-ENG' }],
    });
    const seal = docsOf(out, 'Nonna').find((d) => d.key === 'consular_certificate')!;
    expect(seal.asked_by).toEqual(["Italy's consulate in Edinburgh"]);
    expect(summaryOf(out, 'Nonna').text).toContain("only that Italy's consulate in Edinburgh may ask for it");
  });
});

describe('9. m21, m22: Antarctica and other places where nobody lives are refused, naming the field', () => {
  const m21 = {
    home_country: 'US',
    legs: [{ mode: 'sea', from: 'AR', to: 'AQ', carrier: 'NCL' }],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: 'Dad', loved_one: 'Dad' }],
    purpose: 'scatter',
    scatter: { country: 'AQ', place: 'sea', ashes_come_home: false },
    loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'US' }],
  };

  it('m21: a voyage to Antarctica is refused, with each field named, never "the embassy of Antarctica"', () => {
    const parsed = parseTravelRulesInput(m21);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual(['legs.0.to', 'scatter.country']);
    expect(problems.join(' ')).not.toMatch(/embassy or consulate of Antarctica/);
  });

  it('m22: a home in Antarctica is refused too', () => {
    const parsed = parseTravelRulesInput({
      ...m21,
      home_country: 'AQ',
      legs: [{ mode: 'air', from: 'AQ', to: 'US', carrier: 'UA', bag: 'carry_on' }],
      scatter: { country: 'US', place: 'sea', ashes_come_home: false },
    });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.split(':')[0])).toEqual([
      'home_country',
      'legs.0.from',
    ]);
  });

  it.each(['BV', 'GS', 'HM', 'IO', 'TF', 'UM'])('%s is refused the same way', (code) => {
    const parsed = parseTravelRulesInput({
      ...m21,
      legs: [{ ...m21.legs[0], to: code }],
      scatter: undefined,
    });
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      expect.stringMatching(new RegExp(`^legs\\.0\\.to: "${code}" is .*, where nobody lives`)),
    ]);
  });

  it('a place where people live, however few (Pitcairn), is still accepted', () => {
    expect(
      parseTravelRulesInput({ ...m21, legs: [{ ...m21.legs[0], to: 'PN' }], scatter: undefined }).ok,
    ).toBe(true);
  });
});

const gapsOf = (out: Out, leg = 0) => out.legs[leg]!.gaps.map((g) => g.message).join(' ');

describe('11. passing through is said where it may be, and not of a round trip', () => {
  it('t14: Amtrak to Canada and back home is a visit, not "only passing through Canada"', () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'rail', from: 'US', to: 'CA', carrier: 'AMTRAK' },
        { mode: 'rail', from: 'CA', to: 'US', carrier: 'AMTRAK', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'metal', name: 'Dad', loved_one: 'Dad' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'US' }],
    });
    expect(out.legs.flatMap((l) => l.gaps.map((g) => g.message)).join(' ')).not.toContain('passing through');
    expect(out.legs[0]!.requirements.flatMap((r) => r.rule_ids)).toContain('ca-import-declare');
  });

  it('t45: a flight to Germany and the train on to Austria names the unknown for Germany', () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'UA', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'AT' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Oma', loved_one: 'Oma' }],
      purpose: 'scatter',
      scatter: { country: 'AT', place: 'land', ashes_come_home: false },
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'US', loss_region: 'US-PA' }],
    });
    expect(gapsOf(out, 0)).toContain(
      "If you are only passing through Germany on the way to Austria, our sources don't say whether its rules for bringing ashes in apply to that.",
    );
  });
});

describe('12. t36: a UK rule for ashes from the US is not a rule for leaving the US', () => {
  it('the "taking ashes out of the United States" unknown is still said', () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'air', from: 'US', to: 'GB', carrier: 'DL', bag: 'carry_on' },
        { mode: 'air', from: 'GB', to: 'US', carrier: 'DL', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Grandpa', loved_one: 'Grandpa' }],
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'river_or_lake', ashes_come_home: false },
      loved_ones: [{ name: 'Grandpa', kind: 'adult', loss_country: 'US', loss_region: 'US-MA' }],
    });
    expect(out.legs[0]!.requirements.flatMap((r) => r.rule_ids)).toContain('gb-from-us-docs');
    expect(gapsOf(out, 0)).toContain(
      'We have no rule from our research for taking ashes out of the United States.',
    );
  });
});

describe("8. the Royal British Legion's page speaks with one name, and only suggests", () => {
  const ukDad = {
    home_country: 'GB',
    legs: [
      { mode: 'air', from: 'GB', to: 'ES', carrier: 'U2', bag: 'carry_on' },
      { mode: 'air', from: 'ES', to: 'GB', carrier: 'U2', bag: 'carry_on', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Dad', loved_one: 'Dad' }],
    purpose: 'carry',
    loved_ones: [{ name: 'Dad', kind: 'adult', loss_country: 'ES' }],
  };

  it('t49 and t48: the same name on the papers list whether or not the trip starts in the UK', () => {
    const both = trip(ukDad);
    const homeOnly = trip({ ...ukDad, legs: [ukDad.legs[1]] });
    for (const out of [both, homeOnly]) {
      const death = docsOf(out, 'Dad').find((d) => d.key === 'death_certificate')!;
      expect(death.asked_by).toEqual(['the Royal British Legion', 'the usual advice for any border']);
    }
  });

  it('t44: never "the United Kingdom asks", never "let the authorities in the United Kingdom know"', () => {
    const out = trip({
      ...ukDad,
      legs: ukDad.legs.map((leg) => ({ ...leg, carrier: 'IB' })),
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: "Olivia's urn", loved_one: 'Olivia' }],
      loved_ones: [
        {
          name: 'Olivia',
          kind: 'pregnancy_loss',
          gestation_weeks: 22,
          born_alive: false,
          loss_country: 'ES',
        },
      ],
    });
    const said = JSON.stringify(out);
    expect(said).not.toContain('The United Kingdom asks');
    expect(said).not.toContain('authorities in the United Kingdom');
    const death = docsOf(out, 'Olivia').find((d) => d.key === 'death_certificate')!;
    expect(death.unmet_for).toEqual(['the Royal British Legion', 'the usual advice for any border']);
    expect(death.asked_by).toEqual(death.unmet_for);
    expect(out.legs[1]!.exceptions[0]!.message).toMatch(
      /^The Royal British Legion suggests a death certificate\./,
    );
  });
});

describe('10. scattering rules are about the ashes that are scattered, not a pendant', () => {
  const t54 = {
    home_country: 'US',
    legs: [{ mode: 'road', from: 'US', to: 'US' }],
    keepsakes: [
      { kind: 'ashes', container: 'wood', name: 'Max', loved_one: 'Max' },
      { kind: 'jewellery', container: 'metal', name: "Dad's pendant", loved_one: 'Dad' },
    ],
    purpose: 'scatter',
    scatter: { country: 'US', region: 'US-CA', place: 'land', ashes_come_home: false },
    loved_ones: [
      { name: 'Max', kind: 'pet' },
      { name: 'Dad', kind: 'adult', loss_country: 'US', loss_region: 'US-CA' },
    ],
  };

  it("t54: California's rule is not put on Dad's pendant, and Max's scattering is named as unknown", () => {
    const out = trip(t54);
    const scattering = out.legs[0]!.requirements.filter((r) => r.rule_ids.includes('ca-land-permission'));
    expect(scattering).toEqual([]);
    // Review 20, finding 1: said as what our sources speak of, not as "no rule".
    expect(gapsOf(out)).toContain(
      "Our sources on scattering ashes on land in California speak about a person's ashes, not a pet's. For Max, the authority that gives permission to scatter there, or whoever owns the land or water, is the one to ask; a funeral director there can tell you which one that is.",
    );
  });

  it("with Dad's urn scattered beside Max's, the rule is about Dad's urn and Max's unknown is said", () => {
    const out = trip({
      ...t54,
      keepsakes: [
        t54.keepsakes[0],
        { kind: 'ashes', container: 'wood', name: "Dad's urn", loved_one: 'Dad' },
      ],
    });
    const scattering = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('ca-land-permission'))!;
    expect(scattering.about).toEqual(["Dad's urn"]);
    expect(gapsOf(out)).toContain(
      "Our sources on scattering ashes on land in California speak about a person's ashes, not a pet's. For Max, the authority that gives permission to scatter there, or whoever owns the land or water, is the one to ask; a funeral director there can tell you which one that is.",
    );
  });
});

describe('14. s06: a shipment from Canada to the US', () => {
  const out = evaluateShipment({ from: 'CA', to: 'US' }, { today });
  const ids = out.requirements.map((r) => r.id);

  // With no carrier, the airlines are named as choices rather than listed (review 31, finding 4).
  it('does not offer Southwest Cargo, whose page speaks for its flights within the US', () => {
    expect(ids).not.toContain('wn-cargo');
    expect(out.gaps.map((g) => g.message).join(' ')).not.toContain('Southwest');
  });

  it('names the airlines, with a route here or naming none, as the choices', () => {
    expect(out.gaps.map((g) => g.message)).toContain(
      "Some airlines' cargo services take ashes on the routes they fly; our research has rules for American Airlines, Delta, Qatar Airways, Turkish Airlines and United. If you are sending by air cargo, say which airline and we'll show its rules.",
    );
  });
});

describe('13. who is named as speaking, in three smaller places', () => {
  it('t16: a funeral-services site tells of the prefect; advice does not "ask"', () => {
    const out = trip({
      home_country: 'FR',
      legs: [{ mode: 'road', from: 'FR', to: 'ES' }],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: 'Papy', loved_one: 'Papy' }],
      purpose: 'scatter',
      scatter: { country: 'ES', place: 'sea', ashes_come_home: false },
      loved_ones: [{ name: 'Papy', kind: 'adult', loss_country: 'FR' }],
    });
    const text = summaryOf(out, 'Papy').text;
    expect(text).not.toContain('advice for leaving France may ask');
    // The prefecture issues it, never "may ask for it" (review 36, finding 12).
    expect(text).toContain(
      "As French funeral-services sites tell it, the prefect's authorisation to take the urn out of France is issued by the préfecture",
    );
    expect(text).not.toContain('may ask for it');
  });

  it('t15: no claim of sources on entering France for families who live there', () => {
    const out = trip({
      home_country: 'GB',
      legs: [
        { mode: 'rail', from: 'GB', to: 'FR', carrier: 'EUROSTAR' },
        { mode: 'rail', from: 'FR', to: 'IT' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: "Nonna's box", loved_one: 'Nonna' }],
      purpose: 'scatter',
      scatter: { country: 'IT', place: 'land', ashes_come_home: false },
      loved_ones: [{ name: 'Nonna', kind: 'adult', loss_country: 'GB', loss_region: 'GB-ENG' }],
    });
    expect(gapsOf(out, 0)).not.toContain('speak only for families who live in France');
    expect(gapsOf(out, 0)).toContain('We have no rule from our research for taking ashes into France yet.');
  });

  it("t08: Mexico City airport's page is named as Mexico City airport", () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'air', from: 'US', to: 'MX', carrier: 'AM', bag: 'carry_on' },
        { mode: 'air', from: 'MX', to: 'US', carrier: 'AM', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'metal', name: "Sofia's urn", loved_one: 'Sofia' }],
      purpose: 'carry',
      loved_ones: [
        {
          name: 'Sofia',
          kind: 'pregnancy_loss',
          gestation_weeks: 19,
          birth_weight_g: 360,
          born_alive: false,
          loss_country: 'US',
          loss_region: 'US-CA',
        },
      ],
    });
    const askers = out.documents.flatMap((d) => d.asked_by);
    expect(askers).toContain('Mexico City airport');
    expect(askers).not.toContain('airport security in Mexico');
  });
});
