import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { detailOn, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 26, findings 2, 3 and 4 (brief fix26b; inputs in /tmp/r26): Vietnam's missions' lists speak
// for ashes leaving their own country, whoever the family is; Germany's embassy in Singapore's "no urn
// for a private person" for an urn sent from Singapore, and for the families it serves beside its permit.

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!.text;
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const shipmentIds = (out: ReturnType<typeof readShipmentOn>) => out.requirements.flatMap((r) => r.rule_ids);

describe("finding 2: Vietnam's missions' lists are for the ashes where they are, whoever the family is", () => {
  const toVietnam = (home: string | null, from: string, name: string, lovedOne: Record<string, unknown>) =>
    readTripOn(today, {
      ...(home && { home_country: home }),
      legs: [{ mode: 'air', from, to: 'VN', carrier: 'VN', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: name }],
      purpose: 'carry',
      loved_ones: [{ name, kind: 'adult', ...lovedOne }],
    });

  it("t11: a family living in Australia with Mẹ's ashes in the UK hears London's list", () => {
    const out = toVietnam('AU', 'GB', 'Mẹ', { loss_country: 'GB', cremated_in: 'GB' });
    expect(ruleIdsOn(out)).toEqual(expect.arrayContaining(['vn-entry-permit', 'vn-london-permit']));
    expect(detailOn(out, 'vn-london-permit')).toContain('5 working days');
  });

  it("t79: a family living in Canada with Bà Nội's ashes in the US hears Washington's list, asked where the ashes are", () => {
    const out = toVietnam('CA', 'US', 'Bà Nội', { loss_country: 'US', cremated_in: 'US', nationality: 'VN' });
    expect(ruleIdsOn(out)).toContain('vn-washington-permit');
    expect(ruleIdsOn(out)).not.toContain('vn-ottawa-permit');
    const detail = detailOn(out, 'vn-washington-permit')!;
    expect(detail).toContain('so ask the one serving where the ashes are');
    expect(detail).not.toContain('where you live');
  });

  it("a family living in Australia with ashes in Canada hears Ottawa's list, never another mission's", () => {
    const out = toVietnam('AU', 'CA', 'Mẹ', { loss_country: 'CA', cremated_in: 'CA' });
    expect(ruleIdsOn(out)).toContain('vn-ottawa-permit');
    expect(ruleIdsOn(out)).not.toContain('vn-washington-permit');
    expect(ruleIdsOn(out)).not.toContain('vn-london-permit');
  });

  it('still never a list for ashes elsewhere: a UK family with ashes in France hears none', () => {
    const out = toVietnam('GB', 'FR', 'Mẹ', { loss_country: 'FR', cremated_in: 'FR' });
    expect(ruleIdsOn(out)).toContain('vn-entry-permit');
    for (const id of ['vn-london-permit', 'vn-washington-permit', 'vn-ottawa-permit']) {
      expect(ruleIdsOn(out)).not.toContain(id);
    }
  });

  it('the three lists say ashes_from and no home', () => {
    for (const id of ['vn-washington-permit', 'vn-london-permit', 'vn-ottawa-permit']) {
      const c = byId.get(id)!.conditions;
      expect(c.home).toBeUndefined();
      expect(c.home_or_death_there).toBeUndefined();
      expect(c.ashes_from).toBeDefined();
    }
  });
});

describe('finding 3: ashes sent from Singapore to Germany are told a private person may not have the urn', () => {
  it('s11: the warning, as for Canada', () => {
    const out = readShipmentOn(today, { from: 'SG', to: 'DE' });
    expect(shipmentIds(out)).toContain('de-no-private-recipient-from-singapore');
    const item = out.requirements.find((r) => r.rule_ids.includes('de-no-private-recipient-from-singapore'))!;
    expect(item.severity).toBe('warning');
    expect(item.detail).toContain(
      'an urn sent from Singapore goes to a funeral home in Germany, not to a family member',
    );
  });

  it('never for an urn sent from elsewhere (the UK)', () => {
    const out = readShipmentOn(today, { from: 'GB', to: 'DE', carrier: 'ROYALMAIL' });
    expect(shipmentIds(out)).not.toContain('de-no-private-recipient-from-singapore');
  });

  it('the rule names its source, its date and the day it was read', () => {
    expect(byId.get('de-no-private-recipient-from-singapore')).toMatchObject({
      source_url: 'https://singapur.diplo.de/sg-en/service/-/2279586',
      source_date: '2019-11-21',
      read_on: today,
      conditions: expect.objectContaining({ channel: ['shipment'], from: ['SG'], to: ['DE'] }),
    });
  });
});

describe("finding 4: a family living in Singapore hears the Embassy's refusal beside its permit", () => {
  // t77 (home SG) and t78 (home CA): Ah Ma's ashes flown from London to Germany.
  const ahMa = (home: string) =>
    readTripOn(today, {
      home_country: home,
      legs: [{ mode: 'air', from: 'GB', to: 'DE', carrier: 'SQ', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Ah Ma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Ah Ma', kind: 'adult', loss_country: 'SG', cremated_in: 'SG' }],
    });

  it('t77: the refusal first, then the permit, as t78 for Canada', () => {
    const sg = ahMa('SG');
    expect(ruleIdsOn(sg)).toEqual(
      expect.arrayContaining(['de-no-private-singapore', 'de-singapore-urn-permit']),
    );
    expect(summaryOf(sg, 'Ah Ma')).toMatch(
      /^Before anything else: Germany doesn't allow a family to carry an urn\./,
    );
    expect(summaryOf(ahMa('CA'), 'Ah Ma')).toMatch(
      /^Before anything else: Germany doesn't allow a family to carry an urn\./,
    );
  });

  it('a family living in the UK still hears neither, and whom to ask', () => {
    const gb = ahMa('GB');
    expect(ruleIdsOn(gb)).not.toContain('de-no-private-singapore');
    expect(ruleIdsOn(gb)).not.toContain('de-singapore-urn-permit');
  });

  it('t70-like: with no home, the waiting refusal names Singapore too', () => {
    const out = readTripOn(today, {
      legs: [{ mode: 'air', from: 'NL', to: 'DE', carrier: 'KL', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'metal', name: 'Oma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Oma', kind: 'adult' }],
    });
    expect(gapMessages(out).join('\n')).toContain(
      "for families who live in Canada, Singapore or the United States, our sources say Germany doesn't allow a family to carry an urn",
    );
  });

  it('the rule is the Embassy speaking, for the families it serves', () => {
    expect(byId.get('de-no-private-singapore')).toMatchObject({
      speaker: "Germany's embassy in Singapore",
      source_kind: 'consulate',
      merge_key: 'de-no-private-carriage',
      refuses_journey: true,
      conditions: expect.objectContaining({ home: ['SG'] }),
    });
  });
});
