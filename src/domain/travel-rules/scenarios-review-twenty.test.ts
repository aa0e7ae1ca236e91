import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { type TripReading, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 20 (brief fix20b): four known inaccuracies in the travel-rules data and how it is said.

const today = '2026-12-06';
const trip = (raw: unknown): TripReading => readTripOn(today, raw);
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const deathCertificateOf = (out: TripReading) => out.documents.find((d) => d.key === 'death_certificate')!;

describe('1. British Airways asks as firmly as its own rule for each bag', () => {
  // A retailer reports BA's papers for either bag (`ba-carriage-docs`, low: "may ask for"); a
  // newspaper column reports BA asking for a death certificate in the hold (`ba-checked-ok`).
  type Bag = 'carry_on' | 'checked' | undefined;
  const flying = (out: Bag, back: Bag, lovedOne: Record<string, unknown> = { name: 'Mum', kind: 'adult' }) =>
    trip({
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', ...(out && { bag: out }) },
        { mode: 'air', from: 'ES', to: 'GB', carrier: 'BA', ...(back && { bag: back }) },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: String(lovedOne.name) }],
      purpose: 'carry',
      loved_one: lovedOne,
    });

  it('out in the cabin, back in the hold: the list says each bag as its leg does', () => {
    const out = flying('carry_on', 'checked');
    expect(out.legs[0]!.requirements.find((r) => r.id === 'ba-death-certificate')?.title).toBe(
      'British Airways may ask for a copy of the death certificate',
    );
    expect(out.legs[1]!.requirements.find((r) => r.id === 'ba-death-certificate')?.title).toBe(
      'British Airways asks for a copy of the death certificate',
    );
    const paper = deathCertificateOf(out);
    expect(paper.detail).toContain(
      'Asked for by British Airways in the hold; British Airways in the cabin may ask for it',
    );
    expect(paper.asked_by).toEqual(
      expect.arrayContaining(['British Airways in the cabin', 'British Airways in the hold']),
    );
    expect(paper.asked_by).not.toContain('British Airways');
  });

  it('a leg whose bag is not said is said bag by bag too', () => {
    expect(deathCertificateOf(flying('carry_on', undefined)).detail).toContain(
      'Asked for by British Airways in the hold; British Airways in the cabin may ask for it',
    );
  });

  it('one bag only: BA is named alone, as firmly as its rules for that bag', () => {
    const cabin = deathCertificateOf(flying('carry_on', 'carry_on'));
    expect(cabin.detail).toContain('British Airways may ask for it');
    expect(cabin.asked_by).toContain('British Airways');
    const hold = deathCertificateOf(flying('checked', 'checked'));
    expect(hold.detail).toContain('Asked for by British Airways;');
    expect(hold.detail).not.toMatch(/in the (cabin|hold)/);
  });

  it('for a baby with no death certificate, the summary and the leg say each bag as firmly', () => {
    const mia = {
      name: 'Mia',
      kind: 'pregnancy_loss',
      born_alive: false,
      gestation_weeks: 20,
      loss_country: 'GB',
    };
    const out = flying('carry_on', undefined, mia);
    expect(out.summary[0]!.text).toContain(
      'British Airways in the hold asks for one, and British Airways in the cabin may ask for one, so it may help to tell them before you travel.',
    );
    const [cabinLeg, unsaidLeg] = out.legs;
    expect(cabinLeg!.exceptions[0]!.message).toMatch(/^British Airways may ask for a death certificate/);
    expect(unsaidLeg!.exceptions[0]!.message).toMatch(
      /^British Airways in the hold asks for a death certificate, and British Airways in the cabin may ask for one\./,
    );
  });
});

describe('2. the Bahamas: a funeral home’s shipping checklist is said as theirs in the summary', () => {
  const grandma = trip({
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'BS', carrier: 'AA', bag: 'carry_on' }],
    keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Grandma' }],
    purpose: 'carry',
    loved_one: { name: 'Grandma', kind: 'adult', loss_country: 'US' },
  });

  it('names whose list the Bahamas papers are on, never a bare "bring"', () => {
    const text = grandma.summary[0]!.text;
    // A cargo checklist speaks for shipping, not for a family carrying the urn: its papers are to
    // ask about before travelling, never "Also bring" (review 22, finding 4).
    expect(text).toContain(
      "Ask before you travel whether you also need a burial permit; the Bahamas Ministry of Health's permission, asked for by letter to the Chief Medical Officer; and a letter of non-contraband: our sources say only that a Canadian funeral home's cargo checklist may ask for them.",
    );
    // The usual papers for any border are still said plainly.
    expect(text).toMatch(
      /^For Grandma, bring a death certificate, a cremation certificate and a letter from the crematorium or funeral director\. /,
    );
    expect(text.match(/burial permit/g)).toHaveLength(1);
    // The papers list says to ask first (review 22, finding 4).
    expect(grandma.summary[0]!.carry).toEqual(
      expect.arrayContaining(['A burial permit: ask before you travel whether you need it']),
    );
  });
});

describe('3. Australia before 20 weeks from 400 g: the reason speaks only for the states its source covers', () => {
  // Review 36, finding 3: the weight counts in New South Wales and South Australia only where the
  // weeks can't be reliably established, so the rule speaking of 400 g or more is that case's
  // (au-weeks-unknown-400-stillborn); it still speaks only for those two states.
  const gap = byId.get('au-weeks-unknown-400-stillborn')!.document!.not_issued![0]!;

  it('never says "in Australia a stillborn baby has a birth certificate"', () => {
    expect(gap.reason).not.toMatch(/in Australia a stillborn baby/);
    expect(gap.reason).toMatch(
      /^in New South Wales and South Australia, where the weeks of pregnancy can't be reliably established, a baby born without signs of life from 400 g is stillborn, and registered as a birth, with a birth certificate rather than a death certificate$/,
    );
    expect(byId.get('au-weeks-unknown-400-stillborn')!.conditions.loss_region).toEqual(['AU-NSW', 'AU-SA']);
    expect(gap.reason).not.toContain('other states');
  });

  it('Ava, 16 weeks and 450 g, hears that before 20 weeks there is no registration, in those two states', () => {
    const out = trip({
      home_country: 'AU',
      loved_one: {
        name: 'Ava',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 16,
        birth_weight_g: 450,
        loss_country: 'AU',
        loss_region: 'AU-NSW',
      },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'AU', to: 'FJ', carrier: 'FJ', bag: 'carry_on' }],
    });
    const paper = deathCertificateOf(out);
    expect(paper.rule_ids).toContain('au-sub20-not-registered');
    expect(paper.rule_ids).not.toContain('au-weeks-unknown-400-stillborn');
    expect(paper.reason).toMatch(
      /^in New South Wales and South Australia a baby born without signs of life before 20 weeks is not registered/,
    );
  });
});

describe("4. Germany's refusal speaks for the families its missions' pages serve", () => {
  const toGermany = (home: string) =>
    trip({
      home_country: home,
      legs: [{ mode: 'air', from: home, to: 'DE', carrier: 'LH', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Oma' }],
      purpose: 'carry',
      loved_one: { name: 'Oma', kind: 'adult', loss_country: home },
    });

  it('rests on the German Missions in the United States, so says home US', () => {
    for (const id of ['de-no-private', 'de-no-private-recipient'])
      expect(byId.get(id)!.conditions.home).toEqual(['US']);
  });

  it('a family from the US still hears it first', () => {
    const out = toGermany('US');
    expect(ruleIdsOn(out)).toContain('de-no-private');
    expect(out.summary[0]!.text).toMatch(
      /^Before anything else: Germany doesn't allow a family to carry an urn\./,
    );
  });

  it("a family from Canada hears it from Germany's missions in Canada, whose page says the same", () => {
    const out = toGermany('CA');
    expect(ruleIdsOn(out)).toContain('de-no-private-canada');
    expect(ruleIdsOn(out)).not.toContain('de-no-private');
    expect(byId.get('de-no-private-canada')).toMatchObject({
      source_url: 'https://canada.diplo.de/ca-en/consular-services/08-otherconsularservices/death-1101248',
      source_kind: 'consulate',
      speaker: "Germany's consular service in Canada",
      conditions: expect.objectContaining({ home: ['CA'] }),
      refuses_journey: true,
      sent_instead: true,
    });
  });

  it('a family from the UK is told plainly whom to ask, never the US missions’ words as Germany’s', () => {
    const out = toGermany('GB');
    expect(ruleIdsOn(out)).not.toContain('de-no-private');
    expect(out.summary[0]!.text).not.toMatch(/doesn't allow/);
    expect(gapMessages(out)).toContain(
      // Review 28, finding 4: the rules for ashes going from somewhere are said too.
      'Our sources on taking ashes into Germany speak only for families who live in Canada, Singapore or the United States, or for ashes going from Canada, Denmark, Mexico, Singapore, South Africa or the United States. For a family from the United Kingdom, the embassy or consulate of Germany in the United Kingdom can tell you what they need; take the documents listed below with you.',
    );
  });

  it('ashes sent from the UK: the same, never the US missions’ rule on the recipient', () => {
    const sent = readShipmentOn(today, { from: 'GB', to: 'DE', carrier: 'ROYALMAIL' });
    expect(sent.requirements.flatMap((r) => r.rule_ids)).not.toContain('de-no-private-recipient');
    expect(sent.gaps.map((g) => g.message).join(' ')).toContain(
      // Review 29, finding 5: the places Germany's sources speak for, as the trip's gap says them.
      'Our sources on ashes sent to Germany speak only for ashes sent from Canada, Denmark, Mexico, Singapore, South Africa or the United States.',
    );
    const fromUs = readShipmentOn(today, { from: 'US', to: 'DE', carrier: 'USPS' });
    expect(fromUs.requirements.flatMap((r) => r.rule_ids)).toContain('de-no-private-recipient');
  });
});
