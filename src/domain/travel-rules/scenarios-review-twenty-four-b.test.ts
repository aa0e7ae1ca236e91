import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// What the review-24 fixer noticed and left (brief fix24b): Germany's embassy in Singapore speaks
// for the journey from Singapore, as its missions in Canada do for the journey from Canada; the
// keepsake-jewellery gap on a road leg says which mission; and a paper its source says only someone
// issues is said on the papers list as the summary says it, never "(suggested)".

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!;
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const SG_PAGE = 'https://singapur.diplo.de/sg-en/service/-/2279586';
const SG_PERMIT =
  'The German Embassy in Singapore issues an urn transport permit, which may be needed to send an urn to Germany; ask your airline and the receiving funeral home in Germany whether you need one.';
const CA_PERMIT = 'German consulates in Canada issue an urn transport permit; ask them whether you need one.';

describe("finding 1: the German embassy in Singapore's page speaks for the journey from Singapore, whoever the family is", () => {
  // A family living in Germany bringing Oma's urn home from Singapore.
  const oma = (extra: Record<string, unknown> = {}) =>
    readTripOn(today, {
      home_country: 'DE',
      legs: [{ mode: 'air', from: 'SG', to: 'DE', carrier: 'LH', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'SG', cremated_in: 'SG' }],
      ...extra,
    });

  it('the refusal first, then the papers and the permit as the page says it, never "bring"', () => {
    const out = oma();
    const { text } = summaryOf(out, 'Oma');
    expect(text).toMatch(/^Before anything else: Germany doesn't allow a family to carry an urn\./);
    expect(text).toContain(
      `The urn can be sent instead, through a funeral home or a specialist carrier, who can tell you which papers they need. For Oma, have ready a death certificate, a cremation certificate and a letter from the crematorium or funeral director. ${SG_PERMIT}`,
    );
    expect(text).not.toMatch(/\bbring\b/);
    expect(ruleIdsOn(out)).toEqual(
      expect.arrayContaining(['de-no-private-from-singapore', 'de-singapore-urn-permit-from-singapore']),
    );
  });

  it('no gap lists Singapore among the homes our sources speak for, nor says "take the documents"', () => {
    const gaps = gapMessages(oma()).join(' ');
    expect(gaps).not.toContain('speak only for families who live in');
    expect(gaps).not.toContain('take the documents listed below with you');
  });

  it('with no home given, the same: the page does not ask where the family lives', () => {
    const out = oma({
      home_country: undefined,
      legs: [{ mode: 'air', from: 'SG', to: 'DE', carrier: 'LH', bag: 'carry_on' }],
    });
    const { text } = summaryOf(out, 'Oma');
    expect(text).toMatch(/^Before anything else: Germany doesn't allow a family to carry an urn\./);
    expect(text).toContain(SG_PERMIT);
    expect(text).not.toMatch(/\bbring\b/);
    // Review 27, finding 7: the Canadian missions' permit is for urns going from Canada, so for an
    // urn from Singapore nothing waits on the home any more.
    expect(gapMessages(out).some((g) => g.startsWith('Where does your family live?'))).toBe(false);
    expect(gapMessages(out).join(' ')).not.toContain('speak only for families who live in Canada');
  });

  it('a family living in Singapore hears the refusal and the permit once each, on a flight and a shipment', () => {
    const out = oma({ home_country: 'SG' });
    const titles = out.legs[0]!.requirements.map((r) => r.title);
    expect(titles.filter((t) => t === "Germany doesn't allow a family to carry an urn")).toHaveLength(1);
    expect(titles.filter((t) => t.startsWith('From Singapore to Germany'))).toHaveLength(1);
    expect(out.documents.filter((d) => d.key === 'consular_certificate')).toHaveLength(1);
    const sent = readShipmentOn(today, { from: 'SG', to: 'DE' });
    expect(sent.requirements.filter((r) => r.rule_ids.includes('de-singapore-urn-permit'))).toHaveLength(1);
  });

  it("the page's refusal and permit say from SG, with the page, its own date and the day read; the home rule stays", () => {
    for (const id of ['de-no-private-from-singapore', 'de-singapore-urn-permit-from-singapore']) {
      const rule = byId.get(id)!;
      expect(rule).toMatchObject({
        source_url: SG_PAGE,
        source_kind: 'official',
        source_date: '2019-11-21',
        read_on: '2026-12-07',
        speaker: "Germany's embassy in Singapore",
      });
      expect(rule.conditions).toMatchObject({ to: ['DE'], from: ['SG'] });
      expect(rule.conditions.home).toBeUndefined();
      expect(rule.rechecked_on).toBeUndefined();
    }
    expect(byId.get('de-no-private-from-singapore')).toMatchObject({
      refuses_journey: true,
      sent_instead: true,
      merge_key: 'de-no-private-carriage',
    });
    // What the page says only: private persons may not have urns; sent by the Singaporean funeral home.
    const refusal = byId.get('de-no-private-from-singapore')!.detail;
    expect(refusal).toContain('private persons are not allowed to have urns in their possession');
    expect(refusal).toContain('Singaporean funeral home');
    expect(byId.get('de-singapore-urn-permit')!.merge_key).toBe(
      byId.get('de-singapore-urn-permit-from-singapore')!.merge_key,
    );
    expect(byId.get('de-singapore-urn-permit')!.conditions.home).toEqual(['SG']);
  });

  it('the opposite: a family living in Germany coming home from Malaysia hears no Singapore rule', () => {
    const out = oma({
      legs: [{ mode: 'air', from: 'MY', to: 'DE', carrier: 'LH', bag: 'carry_on', way_home: true }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'MY', cremated_in: 'MY' }],
    });
    expect(ruleIdsOn(out).filter((id) => id.includes('singapore'))).toEqual([]);
    expect(summaryOf(out, 'Oma').text).not.toMatch(/doesn't allow/);
  });
});

describe('finding 2: the keepsake-jewellery gap on a road leg says which mission', () => {
  const pendant = (home?: string) =>
    readTripOn(today, {
      ...(home && { home_country: home }),
      legs: [{ mode: 'road', from: 'GB', to: 'FR' }],
      keepsakes: [{ kind: 'jewellery', container: 'glass', name: 'Mum’s pendant', loved_one: 'Mum' }],
      loved_ones: [{ name: 'Mum', kind: 'adult' }],
    });
  const jewellery = (out: Out) => gapMessages(out).find((g) => g.includes('keepsake jewellery'));

  it('"the embassy or consulate of France in the United Kingdom", as the driving gap says', () => {
    const out = pendant('GB');
    expect(jewellery(out)).toBe(
      'Our sources speak about urns and boxes, not keepsake jewellery. We found nothing on whether anyone asks for papers for jewellery holding ashes on this journey, so it may help to ask the embassy or consulate of France in the United Kingdom, and to keep the papers you have with you.',
    );
    expect(gapMessages(out).join(' ')).toContain(
      'The embassy or consulate of France in the United Kingdom can tell you, before you set off',
    );
  });

  it('with no home given, "where you live", never a guess', () => {
    expect(jewellery(pendant())).toContain('ask the embassy or consulate of France where you live,');
  });
});

describe('finding 3: a paper its source says only someone issues is said on the papers list as the summary says it', () => {
  const trip = (from: 'CA' | 'SG') =>
    readTripOn(today, {
      home_country: 'DE',
      legs: [{ mode: 'air', from, to: 'DE', carrier: 'LH', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: from, cremated_in: from }],
    });

  it.each([
    ['CA', CA_PERMIT],
    ['SG', SG_PERMIT],
  ] as const)(
    'from %s: the list and the summary say the same, never "(suggested)" or "suggests it"',
    (from, said) => {
      const out = trip(from);
      const summary = summaryOf(out, 'Oma');
      expect(summary.text).toContain(said);
      expect(summary.carry).toContain(said);
      expect(summary.carry.join(' ')).not.toContain('(suggested)');
      const permit = out.documents.find((d) => d.key === 'consular_certificate')!;
      expect(permit.detail).toContain(said);
      expect(permit.detail).not.toMatch(/\bsuggests?\b/);
    },
  );

  // India's No Objection Certificate was this test's example of a suggested paper until review 33
  // (r33a finding M2) found its pages too say only that the missions issue one; the Royal British
  // Legion's certificate, on the same trip, is the one suggested.
  it("India's High Commission in London's certificate is said as issued; the Royal British Legion's stays suggested", () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'IN', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nani' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Nani', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(summaryOf(out, 'Nani').carry).toContain(
      "India's High Commission in London and its consulates in the UK issue a No Objection Certificate for taking ashes to India, through VFS Global; ask them whether you need one, well before you travel.",
    );
    expect(summaryOf(out, 'Nani').carry.join(' ')).not.toContain('(suggested)');
    expect(out.documents.find((d) => d.key === 'consular_certificate')!.detail).not.toMatch(/\bsuggests?\b/);
    expect(out.documents.find((d) => d.key === 'cremation_certificate')!.detail).toContain(
      'The Royal British Legion and the usual advice for any border suggest it',
    );
  });
});
