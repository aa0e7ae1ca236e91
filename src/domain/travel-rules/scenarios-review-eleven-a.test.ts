import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip, parseTravelRulesInput } from './index.js';
import { registrationFaults, translationFaults } from './lint.js';
import { RULES } from './load-rules.js';

// The eleventh reviewer's findings 1, 2, 6, 9, 13 and 14, each as the trip they tried with the CLI
// (/tmp/review11/t): what a stillborn baby is registered on, a translation of a paper that does
// not exist, two keepsakes of different materials, a person and a pet going to France, names with
// hidden characters, and a pet on Air New Zealand. The packet's own note is checked from the PDF in
// src/server/modules/travel-rules/packet-note.api.test.ts.

const today = '2026-12-06';
type Out = ReturnType<typeof evaluateTrip>;
const trip = (input: TravelRulesInput): Out => evaluateTrip(input, { today });
const death = (out: Out) => out.documents.find((d) => d.key === 'death_certificate');
const gapsOn = (out: Out, leg = 0) => out.legs[leg]!.gaps.map((g) => g.message);

/** Trip 21: Eleni, born without signs of life at 26 weeks in Northern Ireland, scattered at sea in Greece. */
const t21 = (): TravelRulesInput => ({
  home_country: 'GB',
  legs: [{ mode: 'air', from: 'GB', to: 'GR', carrier: 'A3', bag: 'carry_on' }],
  keepsakes: [{ kind: 'ashes', container: 'plastic' }],
  purpose: 'scatter',
  scatter: { country: 'GR', place: 'sea', ashes_come_home: false },
  loved_one: {
    name: 'Eleni',
    kind: 'pregnancy_loss',
    born_alive: false,
    gestation_weeks: 26,
    loss_country: 'GB',
    loss_region: 'GB-NIR',
  },
});

describe('1. a stillborn baby past the threshold is registered on another paper, and that paper is named', () => {
  it('t21: Eleni at 26 weeks in the UK: a stillbirth certificate, not "not registered"', () => {
    expect(death(trip(t21()))).toMatchObject({
      status: 'not_issued',
      not_registered: false,
      registered_on: 'stillbirth certificate',
    });
  });

  it('t08: Texas, 22 weeks, 420 g: the Certificate of Fetal Death', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'road', from: 'US', to: 'MX' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: "Sofia's box" }],
      loved_one: {
        name: 'Sofia',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 22,
        birth_weight_g: 420,
        loss_country: 'US',
        loss_region: 'US-TX',
      },
    });
    expect(death(out)).toMatchObject({ status: 'not_issued', registered_on: 'Certificate of Fetal Death' });
  });

  it('t56: New Zealand, 19 weeks, 450 g: a birth certificate that says the baby was stillborn', () => {
    const out = trip({
      home_country: 'NZ',
      legs: [{ mode: 'air', from: 'NZ', to: 'AU', carrier: 'NZ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: {
        name: 'Aroha',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 19,
        birth_weight_g: 450,
        loss_country: 'NZ',
      },
    });
    expect(death(out)).toMatchObject({
      status: 'not_issued',
      registered_on: 'birth certificate that says the baby was stillborn',
    });
  });

  it('the opposite mistake: a baby born without signs of life at 20 weeks in England is not registered at all', () => {
    const out = trip({
      ...t21(),
      loved_one: { ...t21().loved_one!, gestation_weeks: 20, loss_region: 'GB-ENG' },
    });
    expect(death(out)).toMatchObject({ status: 'not_issued', not_registered: true, registered_on: null });
  });

  it('lint: a reason naming another paper must say registered_on, and a threshold reason must not', () => {
    const gaps = RULES.flatMap((rule) => rule.document?.not_issued ?? []);
    expect(gaps.flatMap(registrationFaults)).toEqual([]);
    const stillbirth = gaps.find((gap) => gap.registered_on === 'stillbirth certificate')!;
    const { registered_on: _dropped, ...unnamed } = stillbirth;
    expect(registrationFaults(unnamed)).toHaveLength(1);
    const threshold = gaps.find((gap) => /not registered/.test(gap.reason))!;
    expect(registrationFaults({ ...threshold, registered_on: 'stillbirth certificate' })).toHaveLength(1);
  });
});

describe('2. Greece asks for a translated death certificate, which a stillborn baby does not have', () => {
  it('t21: the translation is of the paper carried in its place, and the Greek consulate is the one to ask', () => {
    const titles = trip(t21()).documents.map((d) => d.title);
    expect(titles.join(' | ')).not.toContain('translations of the death certificate');
    expect(titles).toContain(
      'Greek translations of the exit permit and of the paper you carry in place of the death certificate (ask the Greek consulate whether that paper, translated, is accepted)',
    );
    expect(trip(t21()).summary[0]!.text).not.toContain('translations of the death certificate');
  });

  it('the opposite mistake: a person with a death certificate is still asked for its translation', () => {
    const out = trip({
      ...t21(),
      loved_one: { name: 'Yiayia', kind: 'adult', loss_country: 'GB', loss_region: 'GB-ENG' },
    });
    expect(out.documents.map((d) => d.title)).toContain(
      'Greek translations of the death certificate and the exit permit',
    );
  });

  it('lint: a translation of the death certificate says how it reads without one', () => {
    const asks = RULES.flatMap((rule) => rule.document?.asks_for ?? []);
    expect(asks.flatMap(translationFaults)).toEqual([]);
    const greek = asks.find((ask) => ask.title_without !== undefined)!;
    const { title_without: _dropped, ...bare } = greek;
    expect(translationFaults(bare)).toHaveLength(1);
  });
});

describe('6. two loved ones, a metal urn and a stone heart: an X-ray warning for each, named', () => {
  const t77 = trip({
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'UA', bag: 'carry_on' }],
    keepsakes: [
      { kind: 'ashes', container: 'metal', loved_one: 'Grandpa', name: "Grandpa's brass urn" },
      { kind: 'ashes', container: 'stone', loved_one: 'Lily', name: "Lily's marble heart" },
    ],
    loved_ones: [
      { name: 'Grandpa', kind: 'adult', loss_country: 'US' },
      {
        name: 'Lily',
        kind: 'infant',
        born_alive: true,
        gestation_weeks: 24,
        loss_country: 'US',
        loss_region: 'US-OR',
      },
    ],
  });
  const risks = t77.legs[0]!.requirements.filter((r) => r.id.startsWith('container-xray-risk'));

  it('t77: each warning names its keepsake, in words and with a source for its own material', () => {
    expect(risks.map((r) => r.about)).toEqual([["Grandpa's brass urn"], ["Lily's marble heart"]]);
    const [metal, stone] = risks;
    expect(metal!.rule_ids).toContain('cont-metal-xray-risk');
    expect(metal!.rule_ids).not.toContain('cont-stone-ceramic-risk');
    expect(metal!.detail).toMatch(/Bronze, copper and steel/);
    expect(stone!.rule_ids).toContain('cont-stone-ceramic-risk');
    expect(stone!.rule_ids).not.toContain('cont-metal-xray-risk');
    expect(stone!.detail).toMatch(/stone and ceramic/);
    expect(stone!.source_url).toContain('bogatiurns.com');
    expect(new Set(t77.legs[0]!.requirements.map((r) => r.id)).size).toBe(t77.legs[0]!.requirements.length);
  });

  it('the opposite mistake: one stone urn still gets one warning, under its usual id', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'UA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'stone' }],
      loved_one: { name: 'Grandpa', kind: 'adult', loss_country: 'US' },
    });
    const ids = out.legs[0]!.requirements.map((r) => r.id);
    expect(ids.filter((id) => id.startsWith('container-xray-risk'))).toEqual(['container-xray-risk']);
  });
});

describe('9. a person and a pet going into France, where no rule on entering speaks for this family', () => {
  const t12 = (): TravelRulesInput => ({
    home_country: 'GB',
    legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: 'EUROSTAR' }],
    keepsakes: [
      { kind: 'ashes', container: 'wood', loved_one: 'Grandad' },
      { kind: 'ashes', container: 'cardboard', loved_one: 'Biscuit' },
    ],
    purpose: 'scatter',
    scatter: { country: 'FR', place: 'sea', ashes_come_home: false },
    loved_ones: [
      { name: 'Grandad', kind: 'adult', loss_country: 'GB', loss_region: 'GB-WLS' },
      { name: 'Biscuit', kind: 'pet' },
    ],
  });

  it('t12: one gap for both, never "our sources speak about a person\'s ashes"', () => {
    const gaps = gapsOn(trip(t12()));
    const entering = gaps.filter((g) => g.includes('into France'));
    expect(entering).toEqual([
      "We have no rule from our research for taking ashes into France yet, a person's or a pet's. The embassy or consulate of France in the United Kingdom can tell you what they need; take the documents listed below with you.",
    ]);
  });

  it('Biscuit alone: no rule for anyone is said as such, with whom to ask for a pet', () => {
    const out = trip({
      ...t12(),
      keepsakes: [{ kind: 'ashes', container: 'cardboard', loved_one: 'Biscuit' }],
      loved_ones: [{ name: 'Biscuit', kind: 'pet' }],
    });
    const entering = gapsOn(out).filter((g) => g.includes('into France'));
    expect(entering).toHaveLength(1);
    expect(entering[0]).toMatch(
      /^We have no rule from our research for taking ashes into France yet, a person's or a pet's\. For Biscuit,/,
    );
  });

  it('the opposite mistake: where a rule on entering speaks for the person (Spain), the pet’s unknown is still said', () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [
        { kind: 'ashes', container: 'wood', loved_one: 'Grandad' },
        { kind: 'ashes', container: 'cardboard', loved_one: 'Biscuit' },
      ],
      loved_ones: [
        { name: 'Grandad', kind: 'adult', loss_country: 'GB' },
        { name: 'Biscuit', kind: 'pet' },
      ],
    });
    expect(gapsOn(out)).toContain(
      "Our sources on taking ashes into Spain speak about a person's ashes. For Biscuit, the embassy or consulate of Spain in the United Kingdom can tell you what they need for a pet's ashes; take the documents listed below with you.",
    );
  });
});

describe('13. names with control characters or bidi overrides are refused, with a plain message', () => {
  const b17 = {
    legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'U2', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'urn\u0000\u202e' }],
    loved_one: { kind: 'adult', name: 'Da\u0007d\u202egnp.exe' },
  };

  it('b17: both names are refused, each naming its field', () => {
    const parsed = parseTravelRulesInput(b17);
    expect(parsed.ok).toBe(false);
    // Each holds a right-to-left override, which no one can see: said as hidden characters (review 22, 11).
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'keepsakes.0.name: The name has hidden characters we cannot show; please type it again.',
      'loved_one.name: The name has hidden characters we cannot show; please type it again.',
    ]);
  });

  it.each([
    ['a right-to-left override', 'Dad\u202e'],
    ['a left-to-right isolate', 'Dad\u2066'],
    ['a C1 control', 'Dad\u0085'],
    ['a line break', 'Dad\nMum'],
  ])('refuses %s', (_what, name) => {
    expect(parseTravelRulesInput({ ...b17, keepsakes: [], loved_one: { kind: 'adult', name } }).ok).toBe(
      false,
    );
  });

  it('the opposite mistake: names in Arabic, Hebrew, Japanese and with apostrophes are kept', () => {
    for (const name of ['محمد', 'אבא', 'おばあちゃん', "Grandpa O'Neill-Núñez"]) {
      expect(parseTravelRulesInput({ ...b17, keepsakes: [], loved_one: { kind: 'adult', name } }).ok).toBe(
        true,
      );
    }
  });
});

describe('14. Air New Zealand’s 2014 text on human remains is not applied to a pet', () => {
  const t23 = trip({
    home_country: 'AU',
    legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'NZ', bag: 'checked' }],
    keepsakes: [{ kind: 'ashes', container: 'wood' }],
    loved_one: { name: 'Rex', kind: 'pet' },
  });

  it('t23: Rex’s summary asks for no death certificate, and Air New Zealand is asked about a pet', () => {
    expect(t23.summary[0]!.text).not.toMatch(/death certificate/);
    expect(t23.legs[0]!.requirements.flatMap((r) => r.rule_ids)).not.toContain('nz-intl-docs');
    expect(gapsOn(t23)).toContain(
      "Our sources on Air New Zealand speak about a person's ashes here, not a pet's. For Rex, please ask them before you fly.",
    );
  });

  it('the opposite mistake: a person’s ashes on Air New Zealand still get its 2014 papers', () => {
    const out = trip({
      home_country: 'AU',
      legs: [{ mode: 'air', from: 'AU', to: 'NZ', carrier: 'NZ', bag: 'checked' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Nan', kind: 'adult', loss_country: 'AU' },
    });
    expect(out.legs[0]!.requirements.flatMap((r) => r.rule_ids)).toContain('nz-intl-docs');
  });
});
