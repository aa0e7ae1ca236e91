import { describe, expect, it } from 'vitest';
import { type TripReading, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 36, findings 1 and 2 (fixAG): Italy.
// M1: Italy's consulate in Edinburgh speaks of "the repatriation of ashes to Italy": it asks for the
// "place of internment" and the urn is taken to the consulate to be sealed. A UK family whose ashes
// only visit Italy and leave again (Spain → Italy → UK), and a UK family whose ashes set off from the
// US (where Edinburgh cannot seal anything), no longer hear it; a UK family bringing ashes from the
// UK to stay in Italy still does.
// M2: Italy's embassy in Washington's page, "Shipping human/exhumed remains or ashes to Italy", is
// about a US funeral home sending the papers and the consulate sealing "the wooden box containing
// the urn": ashes sent from the US to Italy hear it, worded for sending, not "we have no rule for
// receiving ashes sent to Italy".

const today = '2026-12-07';

const allRuleIds = (out: TripReading): string[] =>
  out.legs.flatMap((leg) => leg.requirements.flatMap((r) => r.rule_ids));
const everything = (out: unknown): string => JSON.stringify(out);

describe('r36 M1: the Edinburgh consulate speaks for ashes leaving the UK to stay in Italy', () => {
  it('t31: a UK family visiting Italy from Spain with Auntie May and going home does not hear it', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'ES', to: 'IT', carrier: 'VY', bag: 'carry_on' },
        { mode: 'air', from: 'IT', to: 'GB', carrier: 'U2', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Auntie May' }],
      loved_ones: [{ name: 'Auntie May', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(allRuleIds(out)).not.toContain('it-seal-edinburgh');
    expect(everything(out)).not.toContain('Edinburgh');
    // Said instead: our sources speak of ashes that stay, and whom to ask about a visit.
    expect(gapMessages(out).join(' ')).toContain(
      'Our sources on taking ashes into Italy speak of ashes that stay there',
    );
  });

  it("t77: a UK family taking Zia Rosa's ashes from the US to Italy hears Washington, not Edinburgh", () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      collect_in: 'US',
      legs: [
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA' },
        { mode: 'air', from: 'US', to: 'IT', carrier: 'DL', bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Zia Rosa' }],
      loved_ones: [
        { name: 'Zia Rosa', kind: 'adult', loss_country: 'US', cremated_in: 'US', nationality: 'IT' },
      ],
    });
    const ids = allRuleIds(out);
    expect(ids).not.toContain('it-seal-edinburgh');
    expect(ids).toContain('it-consular-auth');
    expect(everything(out)).not.toContain('Edinburgh');
    expect(out.summary[0]!.text).toContain(
      "Italian consular authorisation and seal on the urn's box: our sources say only that Italy's embassy in Washington may ask for them.",
    );
  });

  it('a UK family bringing Nonna’s ashes from the UK to be interred in Italy still hears it', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'IT', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nonna' }],
      loved_ones: [{ name: 'Nonna', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(ruleIdsOn(out)).toContain('it-seal-edinburgh');
    expect(out.summary[0]!.text).toContain(
      "our sources say only that Italy's consulate in Edinburgh may ask for it",
    );
  });
});

describe('r36 M2: ashes sent from the US to Italy hear the embassy in Washington', () => {
  it('s15: Delta cargo from the US to Italy: the seal on the wooden box, worded for sending', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'IT', carrier: 'DL' });
    const ids = out.requirements.flatMap((r) => r.rule_ids);
    expect(ids).toEqual(expect.arrayContaining(['it-consular-auth-sent', 'it-overland-sent']));
    const seal = out.requirements.find((r) => r.rule_ids.includes('it-consular-auth-sent'))!;
    expect(seal.title).toMatch(/sent/);
    expect(`${seal.title} ${seal.detail}`).not.toMatch(/\b(carry|carrying|before you travel)\b/);
    expect(seal.detail).toContain('funeral home');
    expect(seal.detail).toContain('wooden box');
    expect(out.gaps.map((gap) => gap.message).join(' ')).not.toContain(
      'We have no rule from our research for receiving ashes sent to Italy',
    );
  });

  it('from the UK, where the Washington page does not speak, the gap says whom our sources speak for', () => {
    const out = readShipmentOn(today, { from: 'GB', to: 'IT' });
    const ids = out.requirements.flatMap((r) => r.rule_ids);
    expect(ids).not.toContain('it-consular-auth-sent');
    expect(ids).not.toContain('it-overland-sent');
    expect(out.gaps.map((gap) => gap.message).join(' ')).toContain(
      'Our sources on ashes sent to Italy speak only for ashes sent from the United States',
    );
  });
});
