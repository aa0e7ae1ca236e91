import { describe, expect, it } from 'vitest';
import { lintRules } from './index.js';
import { RULES } from './load-rules.js';
import { gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 24, findings 1 to 4 (brief fix24; inputs in /tmp/r24): Germany's missions in Canada speak
// for the journey from Canada, Argentina's apostilles on the papers, the passing-through gap naming
// which mission, and Avianca's hold said in the summary.

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!.text;
const byId = new Map(RULES.map((rule) => [rule.id, rule]));

describe('finding 1: the German missions in Canada speak for the journey from Canada, whoever the family is', () => {
  // t78: a family living in Germany bringing Oma's urn home from Canada on Air Canada.
  const oma = (extra: Record<string, unknown> = {}) =>
    readTripOn(today, {
      home_country: 'DE',
      legs: [{ mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'CA', cremated_in: 'CA' }],
      ...extra,
    });

  it('t78: the refusal first, then the papers and the permit to have ready for sending the urn, never "bring"', () => {
    const out = oma();
    const text = summaryOf(out, 'Oma');
    expect(text).toMatch(/^Before anything else: Germany doesn't allow a family to carry an urn\./);
    expect(text).toContain(
      'The urn can be sent instead, through a funeral home or a specialist carrier, who can tell you which papers they need. For Oma, have ready a death certificate, a cremation certificate and a letter from the crematorium or funeral director. German consulates in Canada issue an urn transport permit; ask them whether you need one.',
    );
    expect(text).not.toMatch(/\bbring\b/);
    expect(ruleIdsOn(out)).toEqual(
      expect.arrayContaining(['de-no-private-from-canada', 'de-canada-urn-permit-from-canada']),
    );
  });

  it('t78: no gap lists Canada among the homes our sources speak for, nor says "take the documents"', () => {
    const gaps = gapMessages(oma()).join(' ');
    expect(gaps).not.toContain('speak only for families who live in');
    expect(gaps).not.toContain('take the documents listed below');
  });

  it('t03: with no home given, the same, as for the US page (t88): the page does not ask where the family lives', () => {
    const out = readTripOn(today, {
      legs: [{ mode: 'air', from: 'CA', to: 'DE', carrier: 'AC', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'CA', cremated_in: 'CA' }],
    });
    const text = summaryOf(out, 'Oma');
    expect(text).toMatch(/^Before anything else: Germany doesn't allow a family to carry an urn\./);
    expect(text).not.toMatch(/\bbring\b/);
    // Review 27, finding 7: the Singapore embassy's permit is for urns going from Singapore, so for
    // an urn from Canada nothing waits on the home any more.
    expect(gapMessages(out).join(' ')).not.toContain('speak only for families who live in Singapore');
    expect(out.questions.map((q) => q.field)).not.toContain('home_country');
  });

  it("the page's refusal and permit say from CA, as the US missions' do from US; the home rules stay", () => {
    for (const id of ['de-no-private-from-canada', 'de-canada-urn-permit-from-canada']) {
      const rule = byId.get(id)!;
      expect(rule.source_url).toBe(byId.get('de-no-private-canada')!.source_url);
      expect(rule.conditions).toMatchObject({ to: ['DE'], from: ['CA'] });
      expect(rule.conditions.home).toBeUndefined();
      expect(rule.speaker).toBe("Germany's consular service in Canada");
    }
    expect(byId.get('de-no-private-from-canada')).toMatchObject({
      refuses_journey: true,
      sent_instead: true,
      merge_key: 'de-no-private-carriage',
    });
    // Each sibling is said once beside its home rule (review 17 and review 20 keep home CA).
    expect(byId.get('de-canada-urn-permit')!.merge_key).toBe(
      byId.get('de-canada-urn-permit-from-canada')!.merge_key,
    );
    expect(byId.get('de-canada-urn-permit')!.conditions.home).toEqual(['CA']);
    expect(byId.get('de-no-private-canada')!.conditions.home).toEqual(['CA']);
  });

  it('a family living in Canada hears the refusal and the permit once each', () => {
    const out = oma({
      home_country: 'CA',
      legs: [{ mode: 'air', from: 'CA', to: 'DE', carrier: 'LH', bag: 'carry_on' }],
    });
    const titles = out.legs[0]!.requirements.map((r) => r.title);
    expect(titles.filter((t) => t === "Germany doesn't allow a family to carry an urn")).toHaveLength(1);
    expect(titles.filter((t) => t.startsWith('From Canada to Germany'))).toHaveLength(1);
    expect(out.documents.filter((d) => d.key === 'consular_certificate')).toHaveLength(1);
    const sent = readShipmentOn(today, { from: 'CA', to: 'DE' });
    expect(sent.requirements.filter((r) => r.rule_ids.includes('de-canada-urn-permit'))).toHaveLength(1);
  });

  it('the opposite: a family living in Germany coming home from the UK still hears whom to ask', () => {
    const out = oma({
      legs: [{ mode: 'air', from: 'GB', to: 'DE', carrier: 'BA', bag: 'carry_on', way_home: true }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(ruleIdsOn(out)).not.toContain('de-no-private-from-canada');
    expect(summaryOf(out, 'Oma')).not.toMatch(/doesn't allow/);
  });
});

describe("finding 2: Argentina's consulate in Tenerife asks for apostilled papers, and the family hears it", () => {
  // t52: an Argentine family bringing Abuela home after a death in Spain.
  const abuela = () =>
    readTripOn(today, {
      home_country: 'AR',
      legs: [{ mode: 'air', from: 'ES', to: 'AR', carrier: 'IB', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Abuela' }],
      purpose: 'carry',
      loved_ones: [
        { name: 'Abuela', kind: 'adult', loss_country: 'ES', cremated_in: 'ES', nationality: 'AR' },
      ],
    });

  it('t52: the summary names the apostille and what the crematorium certificate says, to ask about before travel', () => {
    expect(summaryOf(abuela(), 'Abuela')).toContain(
      "Argentina's consulate in Tenerife may ask for the death certificate with a Hague apostille; and a crematorium certificate with a Hague apostille, saying the urn holds only human ashes and naming the person who died: ask the consulate before you travel whether you need them.",
    );
  });

  it('t52: the papers list carries each form, as the consulate may ask for it', () => {
    const docs = abuela().documents;
    expect(docs.find((d) => d.key === 'death_certificate')!.forms).toEqual([
      {
        asked_by: "Argentina's consulate in Tenerife",
        form: 'The death certificate with a Hague apostille',
        verb: 'may ask for',
      },
    ]);
    expect(docs.find((d) => d.key === 'cremation_certificate')!.detail).toContain(
      '“A crematorium certificate with a Hague apostille, saying the urn holds only human ashes and naming the person who died”',
    );
  });
});

describe('finding 3: the passing-through gap says which mission', () => {
  // t63: an Indonesian family taking Kakek through Singapore to the United States.
  const kakek = (home: Record<string, unknown>) =>
    readTripOn(today, {
      ...home,
      legs: [
        { mode: 'air', from: 'ID', to: 'SG', carrier: 'GA', bag: 'carry_on' },
        { mode: 'air', from: 'SG', to: 'US', carrier: 'SQ', bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Kakek' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Kakek', kind: 'adult', loss_country: 'ID', cremated_in: 'ID' }],
    });
  const passing = (out: Out) => gapMessages(out).find((g) => g.includes('only passing through'));

  // Review 27, finding 3: Singapore's page (sg-docs) is for bringing ashes back to Singapore, so it
  // says home: ['SG'] and no Singapore rule applies to this Indonesian family at all: there is no
  // "passing through" to say, and the entry gap names the mission in Indonesia instead.
  it('t63: "the embassy or consulate of Singapore in Indonesia"', () => {
    const out = kakek({ home_country: 'ID' });
    expect(passing(out)).toBeUndefined();
    // Was "what they need when you only pass through", as if the family had said so; they may stay
    // there a while first, so whom to ask is said for either (review 33b, M2).
    expect(gapMessages(out)).toContain(
      'Our sources on taking ashes into Singapore speak only for families who live in Singapore. For a family from Indonesia, the embassy or consulate of Singapore in Indonesia can tell you what they need, whether you stay there or only pass through on the way to the United States; take the documents listed below with you.',
    );
  });

  it('with no home given, where they live is asked, never a guess', () => {
    const out = kakek({});
    expect(out.questions.map((q) => q.field)).toContain('home_country');
    expect(gapMessages(out).join(' ')).toContain(
      'Tell us where you live to see whether they are for you; until then, the embassy or consulate of Singapore in Indonesia can tell you',
    );
  });
});

describe("finding 4: Avianca's hold is said in the summary, with the cabin way from the same page", () => {
  // t53: a Colombian family bringing Tío home from the US on Avianca, the urn in a checked bag.
  const tio = (bag?: 'checked' | 'carry_on') =>
    readTripOn(today, {
      home_country: 'CO',
      legs: [{ mode: 'air', from: 'US', to: 'CO', carrier: 'AV', ...(bag && { bag }), way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Tío' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Tío', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
  const said =
    'Before you pack the urn in a checked bag: Avianca\'s page says ashes travel in the hold only with a booking made at least 48 hours before the flight, through a funeral home or a cargo agency. In the cabin, it takes an urn of up to 10 kg, X-rayed, in a sturdy padded box, with the document certifying the cremation. The same page says a heavier urn "will be considered checked baggage", without saying whether that needs the booking too, so please ask Avianca which way suits you.';

  it('t53: said first, before the papers, with what the page leaves unclear', () => {
    const text = summaryOf(tio('checked'), 'Tío');
    expect(text.startsWith(said)).toBe(true);
    expect(text).toContain('For Tío, bring a death certificate');
    // Not a refusal: nothing is moved, and the checked-bag advice stays.
    expect(text).not.toContain('Before anything else');
    expect(ruleIdsOn(tio('checked'))).toContain('tsa-seal-and-label');
  });

  it('said too while no bag is chosen; not when the urn travels in the cabin', () => {
    expect(summaryOf(tio(), 'Tío')).toContain(said);
    expect(summaryOf(tio('carry_on'), 'Tío')).not.toContain('Avianca');
  });

  it('lint keeps bag_condition to a rule for one bag, and never beside a refusal (fixture)', () => {
    const rule = byId.get('av-checked')!;
    const faults = (r: unknown) => lintRules([r], { today }).faults.map((f) => f.message);
    expect(faults(rule)).toEqual([]);
    expect(faults({ ...rule, conditions: { mode: ['air'], carrier: ['AV'] } })).toContain(
      'says bag_condition, which is said to a family who chose one bag; give the rule "bag" with that one bag.',
    );
    expect(faults({ ...rule, moves_to_cabin: true })).toContain(
      'says bag_condition beside a refusal; a bag open on a condition is not refused: keep one or the other.',
    );
  });
});
