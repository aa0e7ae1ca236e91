import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip, parseTravelRulesInput } from './index.js';
import { lintRules } from './lint.js';

// The four leftovers of the seventh review (issue 7), each as the trip that showed it with the CLI.

const today = '2026-12-05';
type Out = ReturnType<typeof evaluateTrip>;
const trip = (input: TravelRulesInput): Out => evaluateTrip(input, { today });
const gapsOf = (out: Out, leg = 0) => out.legs[leg]!.gaps.map((g) => g.message);
const ruleIds = (out: Out, leg = 0) => out.legs[leg]!.requirements.flatMap((r) => r.rule_ids);

describe("3. a ship's or train's rules for an urn are not said for keepsake jewellery", () => {
  const locket = [{ kind: 'jewellery' as const, container: 'metal' as const, name: 'Mum’s locket' }];

  it('a US family on a Carnival cruise with only Mum’s locket hears no urn rule, and no "no rule for Carnival"', () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'BS', to: 'US', carrier: 'CCL', way_home: true },
      ],
      keepsakes: locket,
      loved_one: { name: 'Mum', kind: 'adult' },
    });
    for (const leg of [0, 1]) {
      expect(ruleIds(out, leg).filter((id) => id.startsWith('ccl-'))).toEqual([]);
      const urns = out.legs[leg]!.requirements.filter((r) => /\burn\b/i.test(`${r.title} ${r.detail}`));
      expect(urns.map((r) => r.id)).toEqual([]);
      const gaps = gapsOf(out, leg).join(' ');
      // Said in full on the first sailing; the way home points back to it (review 35b, fixAE 3).
      expect(gaps).toContain(
        leg === 0 ? 'it may help to ask Carnival' : 'As said for the sailing from the United States',
      );
      expect(gaps).not.toContain('We have no rule from our research on carrying ashes aboard Carnival');
    }
  });

  it('the same cruise with Mum’s urn still hears all of Carnival’s rules', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Mum', kind: 'adult' },
    });
    expect(ruleIds(out)).toEqual(
      expect.arrayContaining(['ccl-container', 'ccl-custody', 'ccl-docs', 'ccl-no-ashore']),
    );
  });

  it.each([
    ['AMTRAK', 'US', 'rail-amtrak-unknown', 'Amtrak'],
    ['VIA', 'CA', 'rail-via-carry-on', 'VIA Rail'],
  ])(
    'a locket on %s is not told where to keep "the urn", nor that we have no rule',
    (carrier, at, id, name) => {
      const out = trip({
        home_country: at,
        legs: [{ mode: 'rail', from: at, to: at, carrier }],
        keepsakes: locket,
        loved_one: { name: 'Mum', kind: 'adult' },
      });
      expect(ruleIds(out)).not.toContain(id);
      const gaps = gapsOf(out).join(' ');
      expect(gaps).toContain(`ask ${name}`);
      expect(gaps).not.toContain('We have no rule from our research for ashes on');
    },
  );

  it('a locket on a Russian train is not told the urn needs a ticketed companion', () => {
    const out = trip({
      home_country: 'RU',
      legs: [{ mode: 'rail', from: 'RU', to: 'RU' }],
      keepsakes: locket,
      loved_one: { name: 'Mum', kind: 'adult' },
    });
    expect(ruleIds(out)).not.toContain('rail-ru-accompanied');
  });

  it('lint refuses a ship’s rule about an urn that would be said for jewellery', () => {
    const rule = {
      id: 'xx-ship-urn',
      scope: 'cruise:CCL',
      conditions: { mode: ['sea'], carrier: ['CCL'] },
      title: 'The urn stays on board',
      detail: 'Used only by this test.',
      severity: 'info',
      confidence: 'high',
      source_url: 'https://example.org/page',
      source_kind: 'official',
      source_date: null,
      read_on: '2026-06-01',
    };
    const faults = (r: unknown) => lintRules([r], { today }).faults.map((f) => f.message);
    expect(faults(rule).join(' ')).toMatch(/speaks of an urn.*"keepsake": \["ashes"\]/);
    expect(faults({ ...rule, conditions: { ...rule.conditions, keepsake: ['ashes'] } })).toEqual([]);
  });
});

describe('4. Hesse’s law speaks for urns from its crematoria, not for where the loved one died', () => {
  const fromGermany = (lovedOne: TravelRulesInput['loved_one']) =>
    trip({
      home_country: 'DE',
      legs: [{ mode: 'air', from: 'DE', to: 'GB', carrier: 'LH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: lovedOne,
    });

  it('Oma died in Hesse, cremation not said: Hesse’s rule does not fire, and we ask where she was cremated', () => {
    const out = fromGermany({ name: 'Oma', kind: 'adult', loss_country: 'DE', loss_region: 'DE-HE' });
    expect(ruleIds(out)).not.toContain('de-hesse-no-handover');
    expect(gapsOf(out).join(' ')).toContain('Where was Oma cremated?');
    expect(out.questions).toEqual([expect.objectContaining({ loved_one: 'Oma', field: 'cremated_in' })]);
  });

  it('Oma died in Bavaria and was cremated in Hesse: Hesse’s rule fires, nothing is asked', () => {
    const out = fromGermany({
      name: 'Oma',
      kind: 'adult',
      loss_country: 'DE',
      loss_region: 'DE-BY',
      cremated_in: 'DE-HE',
    });
    expect(ruleIds(out)).toContain('de-hesse-no-handover');
    expect(out.questions).toEqual([]);
  });

  it('Oma died in Hesse and was cremated in Austria: no German state’s rule and no question', () => {
    const out = fromGermany({
      name: 'Oma',
      kind: 'adult',
      loss_country: 'DE',
      loss_region: 'DE-HE',
      cremated_in: 'AT',
    });
    expect(ruleIds(out)).not.toContain('de-hesse-no-handover');
    expect(ruleIds(out)).not.toContain('de-leaving-with-an-urn');
    expect(out.questions).toEqual([]);
  });

  it('cremated in Germany, state not said: the state is asked for', () => {
    const out = fromGermany({ name: 'Oma', kind: 'adult', cremated_in: 'DE' });
    expect(ruleIds(out)).toContain('de-leaving-with-an-urn');
    expect(out.questions.map((q) => q.field)).toEqual(['cremated_in']);
  });

  it('cremated_in is checked like the other places', () => {
    const problems = (cremated_in: string) => {
      const parsed = parseTravelRulesInput({
        legs: [{ mode: 'air', from: 'DE', to: 'GB' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { kind: 'adult', cremated_in },
      });
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems('DE-HE')).toEqual([]);
    expect(problems('XX').join(' ')).toMatch(/^loved_one\.cremated_in: /);
    expect(problems('DE-ZZZ').join(' ')).toMatch(
      /loved_one\.cremated_in: "DE-ZZZ" is not a region code we know/,
    );
    expect(problems('Hesse').join(' ')).toMatch(/loved_one\.cremated_in: Please give a country code/);
  });
});

describe('2. a family who lives elsewhere, taking ashes home after a death there, is not told "where you live"', () => {
  const details = (out: Out) =>
    out.legs.flatMap((leg) => leg.requirements.map((r) => `${r.title} ${r.detail}`)).join(' ');

  it('a family living in Mexico, Papá died in California: ask the consulate serving where Papá died', () => {
    const out = trip({
      home_country: 'MX',
      legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'AM' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Papá', kind: 'adult', loss_country: 'US', loss_region: 'US-CA' },
    });
    expect(ruleIds(out)).toEqual(expect.arrayContaining(['mx-transit-cert', 'mx-translations']));
    expect(details(out)).not.toContain('where you live');
    expect(details(out)).toContain('so ask the one serving where Papá died');
    expect(details(out)).toContain('The Mexican consulate serving where Papá died can say what it asks.');
  });

  it('an Italian family taking Nonno home from the US hears the same of the Italian consulates', () => {
    const out = trip({
      home_country: 'IT',
      legs: [{ mode: 'air', from: 'US', to: 'IT', carrier: 'AA' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Nonno', kind: 'adult', loss_country: 'US' },
    });
    expect(ruleIds(out)).toContain('it-consular-auth');
    expect(details(out)).not.toContain('where you live');
    expect(details(out)).toContain('ask the Italian consulate serving where Nonno died');
  });

  it('a US family going to Mexico is still told to ask the consulate serving where they live', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'AM' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Papá', kind: 'adult', loss_country: 'US' },
    });
    expect(details(out)).toContain('so ask the one serving where you live');
    expect(details(out)).toContain('The Mexican consulate serving where you live can say what it asks.');
  });

  it.each([
    ['MX', 'US', 'MX'],
    ['MX', 'MX', 'ES'],
  ])(
    'a family living in %s, Papá died at home, %s to %s: never sent to a consulate "where you live"',
    (home, from, to) => {
      const out = trip({
        home_country: home,
        legs: [{ mode: 'air', from, to, carrier: 'IB' }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Papá', kind: 'adult', loss_country: 'MX' },
      });
      expect(`${details(out)} ${gapsOf(out).join(' ')}`).not.toContain('where you live');
    },
  );

  it('lint refuses a home_or_death_there rule that cannot be said for a family applying where the loved one died', () => {
    const rule = {
      id: 'xx-consulate',
      scope: 'country:MX',
      // International: a mission's rule for entering its country (lint, review 30, finding 2).
      conditions: { to: ['MX'], international: true, home: ['US'], home_or_death_there: true },
      title: 'A consulate’s list',
      detail: 'A Mexican consulate where you live can say what it asks.',
      severity: 'info',
      confidence: 'high',
      source_url: 'https://example.org/page',
      source_kind: 'consulate',
      source_date: null,
      read_on: '2026-06-01',
    };
    const faults = (r: unknown) => lintRules([r], { today }).faults.map((f) => f.message);
    expect(faults(rule).join(' ')).toMatch(/home_or_death_there.*"serving where you live"/);
    expect(
      // One consulate's own list also names that consulate as its speaker (review 8, finding 6).
      faults({
        ...rule,
        detail: 'The Mexican consulate serving where you live can say what it asks.',
        speaker: 'the Mexican consulate in Calexico',
        serves_part_of_home: true,
      }),
    ).toEqual([]);
  });
});

describe('1. where the family lives is never guessed', () => {
  const urn = [{ kind: 'ashes' as const, container: 'wood' as const }];
  const homeQuestions = (out: Out) => out.questions.filter((q) => q.field === 'home_country');

  // Spain's list (the US funeral directors', for ashes sent from the US) speaks for the journey,
  // whoever the family, so it holds without asking (review 31, finding 6); Poland's mission in
  // Ireland's list, for families living there, still waits.
  it('nothing says where they live, US to Spain: Spain’s list for ashes sent from the US holds without asking', () => {
    const out = trip({ legs: [{ mode: 'air', from: 'US', to: 'ES', carrier: 'IB' }], keepsakes: urn });
    expect(ruleIds(out)).toContain('es-docs');
    expect(homeQuestions(out)).toEqual([]);
  });

  it('nothing says where they live, Ireland to Poland: the mission’s list for families in Ireland is not assumed; the unknown is named and asked once', () => {
    const out = trip({ legs: [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR' }], keepsakes: urn });
    expect(ruleIds(out)).not.toContain('pl-permits');
    const gaps = gapsOf(out).join(' ');
    // Review 33b, M1: the list also holds for ashes collected in Ireland and taken elsewhere.
    expect(gaps).toContain(
      'Where does your family live? Our sources on taking ashes into Poland include some that speak only for families who live in Ireland, or who are taking ashes from there after a death there',
    );
    expect(gaps).toContain('the embassy or consulate of Poland where you live can tell you what they need');
    expect(gaps).not.toContain('For a family from');
    expect(homeQuestions(out)).toEqual([
      expect.objectContaining({
        loved_one: null,
        message: expect.stringMatching(/^Where does your family live\?/),
      }),
    ]);
  });

  it('nothing says where they live, Papá’s ashes from the US to Mexico: the consulate lists wait, and why is said', () => {
    const out = trip({
      legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'AM' }],
      keepsakes: urn,
      loved_one: { name: 'Papá', kind: 'adult', loss_country: 'US' },
    });
    expect(ruleIds(out).filter((id) => id.startsWith('mx-') && id !== 'mx-aicm-papers-xray')).toEqual([]);
    expect(gapsOf(out).join(' ')).toContain("consulates' lists differ by where you apply from");
    expect(out.documents.map((d) => d.key)).not.toContain('consular_certificate');
  });

  it('a round trip from the UK with no home and no way home: "coming back to the UK" is not assumed, and asked once for both legs', () => {
    const out = trip({
      legs: [
        { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' },
        { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA' },
      ],
      keepsakes: urn,
    });
    // The Royal British Legion's advice is about ashes leaving the UK, whoever's home it is (review
    // 10, finding 7): it holds without asking where the family lives.
    expect(ruleIds(out, 0)).toContain('uk-overseas-certificate');
    expect(ruleIds(out, 1)).not.toContain('gb-import-docs');
    expect(gapsOf(out, 0).join(' ')).not.toContain(
      'We have no rule from our research for taking ashes out of',
    );
    expect(gapsOf(out, 1).join(' ')).toContain(
      'the embassy or consulate of the United Kingdom in Spain can tell you, before you set off, what they need',
    );
    expect(homeQuestions(out)).toHaveLength(1);
  });

  it('Ireland to France with no home given: France’s law on keeping ashes at home (fr-no-home) waits, and the unknown reads plainly', () => {
    const out = trip({ legs: [{ mode: 'air', from: 'IE', to: 'FR', carrier: 'EI' }], keepsakes: urn });
    expect(ruleIds(out)).not.toContain('fr-no-home');
    expect(gapsOf(out)).toContain(
      'Where does your family live? Our sources on taking ashes into France include some that speak only for families who live in France. Tell us where you live to see whether they are for you; until then, the embassy or consulate of France in Ireland can tell you, before you set off, what they need; take the documents listed below with you.',
    );
  });

  it('a leg marked as the way home says where they live: the UK rules apply and nothing is asked', () => {
    const out = trip({
      legs: [
        { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' },
        { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA', way_home: true },
      ],
      keepsakes: urn,
    });
    expect(ruleIds(out, 0)).toContain('uk-overseas-certificate');
    expect(ruleIds(out, 1)).toContain('gb-import-docs');
    expect(homeQuestions(out)).toEqual([]);
    expect(gapsOf(out, 0).join(' ')).not.toContain('Where does your family live?');
  });

  it('home given: nothing is asked, and a trip where no rule depends on it asks nothing either', () => {
    expect(
      homeQuestions(
        trip({
          home_country: 'US',
          legs: [{ mode: 'air', from: 'US', to: 'ES', carrier: 'IB' }],
          keepsakes: urn,
        }),
      ),
    ).toEqual([]);
    expect(
      // Not Argentina since review 21 (finding 1): its only rule now speaks for families in Spain.
      homeQuestions(trip({ legs: [{ mode: 'air', from: 'US', to: 'NZ', carrier: 'NZ' }], keepsakes: urn })),
    ).toEqual([]);
  });
});
