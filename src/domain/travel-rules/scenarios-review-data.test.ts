import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateShipment as ship, evaluateTrip as evaluate } from './index.js';
import { conditionsHold, type MatchContext } from './match-conditions.js';
import { lintRules } from './lint.js';
import { RULES_BY_ID } from './load-rules.js';

const today = { today: '2026-11-28' };
const evaluateTrip = (input: Parameters<typeof evaluate>[0]) => evaluate(input, today);
const evaluateShipment = (input: Parameters<typeof ship>[0]) => ship(input, today);

// Defects a reviewer found in the rules data with realistic trips (/tmp/review at the time): a rule
// that spoke for more than its source, or said something its source does not. Each test is the
// reviewer's trip, or the smallest trip that shows the same fault.

type Out = ReturnType<typeof evaluateTrip>;
const ids = (out: Out, index = 0) => out.legs[index]!.requirements.flatMap((r) => r.rule_ids);
const req = (out: Out, id: string, index = 0) =>
  out.legs[index]!.requirements.find((r) => r.rule_ids.includes(id));
const adult = [{ name: 'Papi', kind: 'adult' as const }];
const urn = (container: 'plastic' | 'wood' = 'plastic') => [{ kind: 'ashes' as const, container }];

describe('Ireland: declaring the urn is for arrivals from outside the EU', () => {
  const fly = (from: string) =>
    evaluateTrip({
      home_country: from,
      legs: [{ mode: 'air', from, to: 'IE', carrier: 'EI', bag: 'carry_on' }],
      keepsakes: urn(),
      loved_ones: adult,
    });

  it('from France (inside the EU) it is not shown', () => {
    expect(ids(fly('FR'))).not.toContain('ie-revenue-declare');
  });

  it('from the UK and the US (outside the EU) it still is', () => {
    expect(ids(fly('GB'))).toContain('ie-revenue-declare');
    expect(ids(fly('US'))).toContain('ie-revenue-declare');
  });

  it('from_not: a leg from a listed country does not match; any other does', () => {
    const rule = RULES_BY_ID.get('ie-revenue-declare')!;
    expect(rule.conditions.from_not).toEqual(expect.arrayContaining(['FR', 'DE', 'NL', 'ES', 'IT']));
    expect(rule.conditions.from_not).not.toContain('GB');
    const ctx = (from: string): MatchContext => ({
      channel: 'trip',
      trip: {
        home: from,
        homeKnown: true,
        tripOrigin: from,
        purpose: 'carry',
        scatter: null,
        arrivals: new Set(['IE']),
      },
      leg: {
        index: 0,
        mode: 'air',
        from,
        setsOffFrom: from,
        to: 'IE',
        international: true,
        endsAtConnection: false,
        markedConnection: false,
        departsFromConnection: false,
        screening: null,
        carrier: null,
        bag: null,
        reachesScattering: false,
        carriesAshes: true,
      },
      keepsake: { label: 'the ashes', kind: 'ashes', container: 'plastic', lovedOne: null },
    });
    expect(conditionsHold({ from_not: ['FR'] }, ctx('FR'))).toBe(false);
    expect(conditionsHold({ from_not: ['FR'] }, ctx('GB'))).toBe(true);
  });

  it('lint checks the country codes in from_not', () => {
    const rule = { ...RULES_BY_ID.get('ie-revenue-declare')!, conditions: { to: ['IE'], from_not: ['XX'] } };
    expect(lintRules([rule], today).faults.map((f) => f.message)).toContain(
      'names "XX", which is not an ISO 3166-1 country code.',
    );
  });
});

describe("Mexico City airport's page speaks for Mexico City airport", () => {
  it('is required, as its page makes the papers a condition, and says whose page it is', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'MX', to: 'US', carrier: 'AM', bag: 'carry_on' }],
      keepsakes: urn(),
    });
    const rule = req(out, 'mx-aicm-papers-xray');
    // Review 13 (finding 7): "recommended" read as "suggests", softer than its 2013 page; its newer
    // page disagrees, so the papers are still only ones Mexico City airport "may ask for".
    expect(rule?.severity).toBe('required');
    expect(rule?.title).toMatch(/^Mexico City airport's 2013 page/);
    expect(rule?.detail).toContain('other Mexican airports may ask the same');
  });
});

describe('UK airport security is not named as asking for a cremation certificate', () => {
  it("a funeral service's advice stays advice", () => {
    const out = evaluateTrip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: urn(),
      loved_ones: adult,
    });
    expect(ids(out)).toContain('uk-screening-secondary');
    for (const document of out.documents) {
      expect(document.rule_ids).not.toContain('uk-screening-secondary');
      expect(document.asked_by.join(' ')).not.toMatch(/UK airport security/i);
    }
  });
});

describe("a cruise line's rules for scattering from the ship apply to scattering at sea", () => {
  const cruise = (carrier: string, place: 'sea' | 'national_park') =>
    evaluateTrip({
      home_country: 'US',
      legs: [{ mode: 'sea', from: 'US', to: 'US', carrier }],
      keepsakes: urn('wood'),
      purpose: 'scatter',
      scatter: {
        country: 'US',
        place,
        ...(place === 'national_park' ? { site: 'nps:dena' } : {}),
        ashes_come_home: false,
      },
      loved_ones: [{ name: 'Grandma', kind: 'adult' }],
    });
  const scatteringRules = [
    ['CCL', ['ccl-scattering', 'ccl-12mi', 'ccl-private-scatter-fine', 'ccl-guest-loose-only']],
    ['RCL', ['rcl-scattering']],
    ['NCL', ['ncl-scattering']],
    ['PCL', ['pcl-scattering']],
    ['DCL', ['dcl-scattering']],
  ] as const;

  it.each(scatteringRules)('%s: not shown when the family scatters in a national park', (carrier, rules) => {
    const shown = ids(cruise(carrier, 'national_park'));
    for (const id of rules) expect(shown).not.toContain(id);
  });

  it.each(scatteringRules)('%s: shown when the family scatters at sea', (carrier, rules) => {
    const shown = ids(cruise(carrier, 'sea'));
    for (const id of rules) expect(shown).toContain(id);
  });
});

describe("NFDA's pages for US funeral homes speak for ashes leaving the US", () => {
  const travel = (home: string, to: string) =>
    evaluateTrip({
      home_country: home,
      legs: [{ mode: 'air', from: home, to, carrier: 'BA', bag: 'carry_on' }],
      keepsakes: urn(),
      loved_ones: adult,
    });

  it('a UK family going to Belgium or Spain is not given them (trips a9, t06)', () => {
    expect(ids(travel('GB', 'BE'))).not.toContain('be-docs');
    expect(ids(travel('GB', 'ES'))).not.toContain('es-docs');
    const a9 = evaluateTrip({
      home_country: 'GB',
      legs: [
        { mode: 'rail', from: 'GB', to: 'BE', carrier: '9F' },
        { mode: 'road', from: 'BE', to: 'DE' },
      ],
      keepsakes: urn(),
      loved_ones: [{ name: 'Opa', kind: 'adult' }],
    });
    expect(a9.documents.flatMap((d) => d.rule_ids)).not.toContain('be-docs');
  });

  it('a US family is, as recommended (a directory entry), and so is a shipment from the US', () => {
    expect(req(travel('US', 'BE'), 'be-docs')?.severity).toBe('recommended');
    expect(req(travel('US', 'ES'), 'es-docs')?.severity).toBe('recommended');
    const sent = (to: string) => evaluateShipment({ from: 'US', to }).requirements.map((r) => r.id);
    expect(sent('BE')).toContain('be-docs');
    expect(sent('ES')).toContain('es-docs');
  });
});

describe("the EPA's sea permit rules are for a person's ashes", () => {
  const atSea = (kind: 'pet' | 'adult') =>
    evaluateTrip({
      home_country: 'US',
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Buddy' }],
      purpose: 'scatter',
      scatter: { country: 'US', place: 'sea' },
      loved_ones: [{ name: 'Buddy', kind }],
    });
  const epa = ['epa-3nm', 'epa-report-30d', 'epa-decomposable', 'epa-report-contents'];

  it("a pet's ashes get the 'ask the EPA' rule, not the permit's terms (trip t13)", () => {
    const shown = ids(atSea('pet'));
    expect(shown).toContain('epa-no-pets');
    for (const id of epa) expect(shown).not.toContain(id);
  });

  it("a person's ashes still get them", () => {
    const shown = ids(atSea('adult'));
    for (const id of epa) expect(shown).toContain(id);
  });

  it('a family that has not said whose ashes still gets them (loved_one_not, not loved_one)', () => {
    const shown = ids(
      evaluateTrip({
        legs: [{ mode: 'road', from: 'US', to: 'US' }],
        keepsakes: urn(),
        purpose: 'scatter',
        scatter: { country: 'US', place: 'sea' },
      }),
    );
    for (const id of epa) expect(shown).toContain(id);
    expect(shown).not.toContain('epa-no-pets');
  });
});

describe('UK: asking the landowner is for land and rivers, not the sea', () => {
  const scatter = (place: 'sea' | 'land', region = 'GB-SCT') =>
    evaluateTrip({
      home_country: 'GB',
      legs: [{ mode: 'road', from: 'GB', to: 'GB' }],
      keepsakes: urn(),
      purpose: 'scatter',
      scatter: { country: 'GB', region, place },
    });

  it('at sea it is not shown; on land it is, without a word about England', () => {
    expect(ids(scatter('sea'))).not.toContain('gb-landowner');
    const land = req(scatter('land'), 'gb-landowner');
    expect(land).toBeDefined();
    expect(land?.detail).not.toContain('Environment Agency');
  });
});

describe('a baby lost in pregnancy has no passport to bring', () => {
  it('Emirates in the cabin accepts the passport only as one of three, so nothing changes', () => {
    const rule = RULES_BY_ID.get('ek-docs-cabin')!;
    expect(rule.document?.asks_for).toEqual([
      {
        key: 'death_certificate',
        title: 'The original death certificate (or the original cremation certificate)',
        or: ['cremation_certificate', 'deceased_passport'],
      },
    ]);
  });
});

describe('airline cargo rules speak for the routes their sources cover', () => {
  // Each airline named in turn: with no carrier, an airline's cargo rules are named as a choice, not
  // listed (review 31, finding 4), so the routes are read with the airline the family would name.
  const carriersFor = (from: string, to: string) =>
    ['6E', 'WN', 'AV', 'AS', 'DL', 'AA', 'UA'].flatMap((carrier) =>
      evaluateShipment({ from, to, carrier }).requirements.map((r) => r.id),
    );

  it('none of the American, Colombian or Indian carriers is offered from the UK to Germany (s2)', () => {
    const shown = carriersFor('GB', 'DE');
    for (const id of [
      '6e-cargo-urn',
      'wn-cargo',
      'av-cargo',
      'as-cargo',
      'dl-cargo-shipper',
      'aa-cargo',
      'ua-cargo',
    ]) {
      expect(shown).not.toContain(id);
    }
  });

  it('each is offered where its source speaks', () => {
    expect(carriersFor('GB', 'IN')).toContain('6e-cargo-urn');
    expect(carriersFor('IN', 'GB')).not.toContain('6e-cargo-urn');
    for (const id of ['wn-cargo', 'as-cargo', 'dl-cargo-shipper', 'aa-cargo', 'ua-cargo']) {
      expect(carriersFor('US', 'US')).toContain(id);
    }
    expect(carriersFor('US', 'CO')).toContain('av-cargo');
    // Its source: SkyCare shipments are not accepted from Canada or Mexico locations.
    expect(carriersFor('US', 'CA')).toContain('as-cargo');
    expect(carriersFor('CA', 'US')).not.toContain('as-cargo');
  });

  it('a carrier the family names is still answered on its own routes', () => {
    const out = evaluateShipment({ from: 'US', to: 'US', carrier: 'DL' });
    expect(out.requirements.map((r) => r.id)).toContain('dl-cargo-shipper');
  });
});

describe('the US Embassy in London speaks for ashes sent from the US to the UK, and for ashes carried', () => {
  it('shipment s1 (USPS, US to GB)', () => {
    const out = evaluateShipment({ from: 'US', to: 'GB', carrier: 'USPS' });
    expect(out.requirements.map((r) => r.id)).toContain('gb-from-us-shipment');
    expect(out.requirements.map((r) => r.id)).not.toContain('gb-from-us-docs');
    expect(out.gaps.map((g) => g.message).join(' ')).not.toContain('receiving ashes sent to');
  });
});

describe('Texas: below 350 g a loss in pregnancy need not be registered', () => {
  it('trip t07: Texas, not "most US states", says why there is no death certificate', () => {
    const out = evaluateTrip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'B6', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Noah' }],
      loved_ones: [
        {
          name: 'Noah',
          kind: 'pregnancy_loss',
          gestation_weeks: 18,
          born_alive: false,
          birth_weight_g: 210,
          loss_country: 'US',
          loss_region: 'US-TX',
        },
      ],
    });
    const summary = out.summary.find((s) => s.loved_one === 'Noah')!;
    expect(summary.not_issued[0]?.reason).toMatch(/^in Texas/);
    const deathCertificate = out.documents.find((d) => d.key === 'death_certificate');
    expect(deathCertificate?.rule_ids).toContain('us-fetal-death-texas-under-350g');
  });
});

describe('VIA Rail runs in Canada; Amtrak in the US and into Canada', () => {
  const train = (carrier: string, from: string, to: string) =>
    evaluateTrip({ legs: [{ mode: 'rail', from, to, carrier }], keepsakes: urn() });

  it('VIA: within Canada yes, Canada to the US no', () => {
    expect(ids(train('VIA', 'CA', 'CA'))).toContain('rail-via-carry-on');
    expect(ids(train('VIA', 'CA', 'US'))).not.toContain('rail-via-carry-on');
  });

  it('Amtrak: the US and Canada yes, elsewhere no', () => {
    expect(ids(train('AMTRAK', 'US', 'US'))).toContain('rail-amtrak-unknown');
    expect(ids(train('AMTRAK', 'US', 'CA'))).toContain('rail-amtrak-unknown');
    expect(ids(train('AMTRAK', 'GB', 'FR'))).not.toContain('rail-amtrak-unknown');
  });
});

describe("a consulate's page is that consulate's process", () => {
  it("Italy: the Edinburgh consulate's rule says so in its title", () => {
    const edinburgh = RULES_BY_ID.get('it-seal-edinburgh')!;
    expect(edinburgh.title).not.toBe(RULES_BY_ID.get('it-consular-auth')!.title);
    expect(edinburgh.title).toContain('Edinburgh');
    // Whom to ask: since review 36b (finding 1) it speaks for ashes leaving the UK whoever carries
    // them (a family in Italy bringing Marco home too), so not "the consulate serving where you live".
    expect(edinburgh.title).toContain('ask an Italian consulate in the UK');
  });

  it("India: the Vancouver consulate's list says to ask the one serving where you live", () => {
    const input: TravelRulesInput = {
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
      keepsakes: urn(),
      loved_ones: adult,
    };
    // Review 14, finding 2: it also speaks for a family leaving after a death there, so whom to
    // ask is "the one serving where you live" (said as "where Nani died" to them), as lint asks.
    expect(req(evaluateTrip(input), 'in-vancouver')?.detail).toContain(
      "This is the Vancouver consulate's process; please ask the one serving where you live.",
    );
  });
});

// A second review (2026-12-05): rules that speak only for ashes of someone who died abroad.
describe('"after a loved one has died in another country": not for ashes of someone who died at home', () => {
  const poppy = {
    name: 'Poppy',
    kind: 'pregnancy_loss' as const,
    gestation_weeks: 20,
    born_alive: false,
    loss_country: 'GB',
    loss_region: 'GB-ENG',
  };
  const usAndBack = (lovedOne: TravelRulesInput['loved_one']) =>
    evaluateTrip({
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on' },
        { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on', way_home: true },
      ],
      keepsakes: urn(),
      ...(lovedOne ? { loved_one: lovedOne } : {}),
    });

  it('trip t29: an English family bringing Poppy home from the US gets neither UK "coming back" list', () => {
    const out = usAndBack(poppy);
    expect(ids(out, 1)).not.toContain('gb-import-docs');
    expect(ids(out, 1)).not.toContain('gb-from-us-docs');
    expect(JSON.stringify(out.legs[1]!.exceptions)).not.toContain(
      'embassy or consulate of the United Kingdom',
    );
  });

  it('Grandad, who died in Florida, comes home with both; and so does a family who has not said where', () => {
    expect(ids(usAndBack({ name: 'Grandad', kind: 'adult', loss_country: 'US' }), 1)).toEqual(
      expect.arrayContaining(['gb-import-docs', 'gb-from-us-docs']),
    );
    expect(ids(usAndBack(undefined), 1)).toEqual(
      expect.arrayContaining(['gb-import-docs', 'gb-from-us-docs']),
    );
  });

  it("trip t14: Japan's papers for burial after a death abroad are not for a son who died in Japan", () => {
    const home = (lossCountry: string) =>
      evaluateTrip({
        // Japan's embassy in Canada speaks for families in Canada (review 35, finding 6).
        home_country: 'CA',
        legs: [{ mode: 'air', from: 'CA', to: 'JP', carrier: 'NH', bag: 'carry_on' }],
        keepsakes: [{ kind: 'jewellery', container: 'metal' }],
        loved_one: { name: 'Haruto', kind: 'child', loss_country: lossCountry },
      });
    expect(ids(home('JP'))).not.toContain('jp-declare');
    expect(ids(home('CA'))).toContain('jp-declare');
  });

  it("trip x5: a dog's ashes at sea off California are outside the EPA permit, and no special permit is asked for", () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'CA', to: 'US', carrier: 'AC', bag: 'carry_on' }],
      keepsakes: urn(),
      loved_one: { name: 'Biscuit', kind: 'pet' },
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-CA', place: 'sea' },
    });
    expect(ids(out)).toContain('epa-no-pets');
    expect(ids(out)).not.toContain('epa-foreign-12nm');
  });
});

describe('the US has no airside transit: changing planes there is arriving', () => {
  it('trip t03: Dublin, changing planes in the US, on to Mexico: the US rules for arriving apply', () => {
    const out = evaluateTrip({
      home_country: 'IE',
      legs: [
        { mode: 'air', from: 'IE', to: 'US', carrier: 'EI', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'US', to: 'MX', carrier: 'AM', bag: 'carry_on' },
      ],
      keepsakes: urn('plastic'),
    });
    expect(ids(out)).toEqual(expect.arrayContaining(['us-transit-enters', 'us-import-none']));
    // Changing planes elsewhere (Frankfurt) stays airside, with no such note.
    const frankfurt = evaluateTrip({
      legs: [
        { mode: 'air', from: 'GB', to: 'DE', carrier: 'LH', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'DE', to: 'JP', carrier: 'LH', bag: 'carry_on' },
      ],
      keepsakes: urn('plastic'),
    });
    expect(ids(frankfurt)).not.toContain('us-transit-enters');
    expect(ids(frankfurt)).not.toContain('de-no-private-carriage');
  });
});

describe('leaving Germany with an urn', () => {
  it('trip t12: a German family flying Oma’s urn to India is told to plan it with the funeral home', () => {
    const out = evaluateTrip({
      home_country: 'DE',
      legs: [{ mode: 'air', from: 'DE', to: 'IN', carrier: 'AI', bag: 'carry_on' }],
      keepsakes: urn('wood'),
      loved_ones: [{ name: 'Oma Ingrid', kind: 'adult', loss_country: 'DE' }],
    });
    expect(req(out, 'de-leaving-with-an-urn')?.severity).toBe('warning');
    expect(
      ids(evaluateTrip({ legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'AI' }], keepsakes: urn() })),
    ).not.toContain('de-leaving-with-an-urn');
  });
});

describe('a paper for leaving one country that another asks for, however many countries lie between', () => {
  it('trip t20: Ireland by ferry and road through France and Germany to Poland: the coroner’s certificate', () => {
    const out = evaluateTrip({
      home_country: 'IE',
      legs: [
        { mode: 'sea', from: 'IE', to: 'FR' },
        { mode: 'road', from: 'FR', to: 'DE' },
        { mode: 'road', from: 'DE', to: 'PL' },
      ],
      keepsakes: urn('wood'),
    });
    expect(ids(out, 0)).toContain('ie-export-coroner');
    expect(ids(out, 2)).toContain('pl-permits');
    expect(out.documents.some((d) => d.rule_ids.includes('ie-export-coroner'))).toBe(true);
    // Going to France alone needs no Polish paper.
    const france = evaluateTrip({
      home_country: 'IE',
      legs: [{ mode: 'sea', from: 'IE', to: 'FR' }],
      keepsakes: urn(),
    });
    expect(ids(france)).not.toContain('ie-export-coroner');
  });
});

describe('a paper someone wants in a particular form is said in that form', () => {
  it('review 2, trip 02: the Rio consulate may want the original death certificate, legalised; the summary says so', () => {
    const out = evaluateTrip({
      home_country: 'BR',
      legs: [{ mode: 'air', from: 'BR', to: 'PT', carrier: 'TP', bag: 'carry_on' }],
      keepsakes: urn('wood'),
      loved_ones: [{ name: 'Vovó Lurdes', kind: 'adult', loss_country: 'BR' }],
    });
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    expect(death.title).toBe('Death certificate');
    expect(death.forms).toEqual([
      {
        asked_by: "Portugal's consulate in Rio de Janeiro",
        form: 'The original death certificate of a Portuguese national, issued within the past year and legalised at the Portuguese consulate',
        verb: 'may ask for',
      },
    ]);
    // One consulate's own list speaks for the families it serves (review 8, finding 6); a legalised
    // paper is made ahead, so it is asked about before travel (review 24, finding 2).
    expect(out.summary[0]!.text).toContain(
      "Portugal's consulate in Rio de Janeiro may ask for the original death certificate of a Portuguese national, issued within the past year and legalised at the Portuguese consulate: ask the consulate before you travel whether you need it.",
    );
  });
});

describe('review 2: papers asked for where the family cannot show them, and who speaks for France', () => {
  it('trip 28: a British family taking Mum’s ashes out of France, where she died, is told of the prefect', () => {
    const out = evaluateTrip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'FR', to: 'GB', carrier: 'AF', bag: 'carry_on' }],
      keepsakes: urn('wood'),
      loved_ones: [{ name: 'Mum', kind: 'adult', loss_country: 'FR' }],
    });
    expect(req(out, 'fr-prefect-exit-died-in-france')?.severity).toBe('warning');
  });

  it('trip 22: Mexico’s consulate wants a death record Mateo never had: the family is told to ask it', () => {
    const out = evaluateTrip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'AA', bag: 'carry_on' }],
      keepsakes: urn('plastic'),
      loved_ones: [
        {
          name: 'Mateo',
          kind: 'pregnancy_loss',
          gestation_weeks: 19,
          born_alive: false,
          birth_weight_g: 300,
          loss_country: 'US',
          loss_region: 'US-TX',
        },
      ],
    });
    const note = out.legs[0]!.exceptions.find((e) => e.rule_ids.includes('mx-transit-cert'));
    expect(note?.message).toContain('the embassy or consulate of Mexico');
  });

  it('a forum repost does not make "the United States" ask for a death certificate', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: urn(),
    });
    const death = out.documents.find((d) => d.key === 'death_certificate');
    expect(death?.asked_by ?? []).not.toContain('the United States');
  });
});

describe('one paper, two names: Jamaica’s health department permit', () => {
  it('review 2, trip 25: a Canadian family is asked for the permit once, by both sources', () => {
    const out = evaluateTrip({
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'CA', to: 'JM', carrier: 'WS', bag: 'checked' }],
      keepsakes: urn('wood'),
      loved_ones: [{ name: 'Granny Pearl', kind: 'adult', loss_country: 'CA' }],
    });
    const permits = out.documents.filter((d) => d.key === 'permit');
    expect(permits).toHaveLength(1);
    expect(permits[0]!.rule_ids).toEqual(
      expect.arrayContaining(['jm-ottawa-clearance', 'jm-health-transit-permit']),
    );
    expect(out.summary[0]!.text.match(/Jamaican public health department/g)).toHaveLength(1);
  });
});

describe('every paper an embassy lists reaches the list', () => {
  it('review 2, trip 06: the Indonesian embassy’s letters and itinerary are named, as what to apply with', () => {
    const out = evaluateTrip({
      home_country: 'NL',
      legs: [{ mode: 'air', from: 'NL', to: 'ID', carrier: 'KL', bag: 'carry_on' }],
      keepsakes: urn('wood'),
      loved_ones: [{ name: 'Opa Henk', kind: 'adult', loss_country: 'NL' }],
    });
    // An application to the embassy, not papers for the border (review 13, finding 6).
    const card = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('id-hague-papers'))!;
    expect(card.detail).toContain('the itinerary, and a letter naming who in Indonesia receives the ashes');
    expect(out.documents.map((d) => d.title)).toContain(
      'Whatever Indonesia’s embassy in The Hague gives you when you apply, before you travel',
    );
    expect(out.summary[0]!.text).toContain('asks for an international extract of the death register');
  });
});

describe('territories have no embassies of their own', () => {
  it('review 3: Bermuda and Gibraltar are asked directly, never through an embassy', () => {
    for (const [to, name] of [
      ['BM', 'Bermuda'],
      ['GI', 'Gibraltar'],
    ] as const) {
      const out = evaluateTrip({ legs: [{ mode: 'air', from: 'US', to, carrier: 'BA' }], keepsakes: urn() });
      const gaps = out.legs[0]!.gaps.map((g) => g.message).join(' ');
      expect(gaps).toContain(`The authorities in ${name} can tell you what they need`);
      expect(gaps).not.toContain('embassy or consulate of');
    }
  });
});

describe('review 3: what a family acts on', () => {
  it('trip 10: Italy’s consulate wants apostilled, translated certificates, and the summary says so', () => {
    const out = evaluateTrip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'IT', carrier: 'DL', bag: 'carry_on' }],
      keepsakes: urn('wood'),
      loved_ones: [{ name: 'Nonna', kind: 'adult', loss_country: 'US' }],
    });
    expect(out.summary[0]!.text).toContain(
      'the death certificate with an apostille, translated into Italian',
    );
  });

  it('trip 23: a blog’s advice about driving with a person’s ashes is not given for a dog', () => {
    const drive = (kind: 'pet' | 'adult') =>
      evaluateTrip({
        legs: [{ mode: 'road', from: 'US', to: 'US' }],
        keepsakes: urn(),
        loved_ones: [{ name: 'Max', kind }],
      });
    expect(ids(drive('pet'))).not.toContain('road-us-no-permit');
    expect(ids(drive('adult'))).toContain('road-us-no-permit');
  });

  it('where only the usual advice asks for a paper, nobody is to be "told"', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'road', from: 'FR', to: 'ES' }],
      keepsakes: urn(),
      loved_ones: [
        { name: 'Poppy', kind: 'pregnancy_loss', gestation_weeks: 20, born_alive: false, loss_country: 'GB' },
      ],
    });
    const text = out.summary[0]!.text;
    expect(text).toContain(
      // A suggestion, not someone asking (review 6, finding 7).
      'The usual papers for any border include one; the papers list says what to carry instead.',
    );
    expect(text).not.toContain('tell them');
  });
});

describe('review 3: one rule must not hide or contradict another', () => {
  it('trip 09: Aer Lingus and a pet: the "human ashes only" warning, not papers as if Biscuit could fly', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'GB', to: 'IE', carrier: 'EI', bag: 'carry_on' }],
      keepsakes: urn(),
      loved_ones: [{ name: 'Biscuit', kind: 'pet' }],
    });
    expect(ids(out)).toContain('ei-no-pets');
    expect(ids(out)).not.toContain('ei-carriage');
  });

  it('trip 11b: a Norwegian scattering ceremony does not hide that nothing is known about carrying ashes aboard', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'sea', from: 'US', to: 'US', carrier: 'NCL' }],
      keepsakes: urn(),
      purpose: 'scatter',
      scatter: { country: 'US', place: 'sea' },
    });
    expect(ids(out)).toContain('ncl-scattering');
    expect(out.legs[0]!.gaps.map((g) => g.message).join(' ')).toContain(
      'The only rule we have for Norwegian is about the scattering itself. We found nothing on bringing ashes aboard',
    );
  });
});
