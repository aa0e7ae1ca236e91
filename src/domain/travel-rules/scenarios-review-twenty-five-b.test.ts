import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 25, findings 3, 4, 5, 6 and 8 (brief fix25b; inputs in /tmp/r25): Greece's certificate is
// for a death abroad, Atlanta's list for an Argentine citizen's death, Jamaica's High Commissions
// for a family bringing a loved one home, Germany's "no urn for a private person" for an urn sent
// from Canada, and Greece's certificate named as a question for ashes sent there.

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!.text;
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const shipmentIds = (out: ReturnType<typeof readShipmentOn>) => out.requirements.flatMap((r) => r.rule_ids);

describe('finding 3: Greece’s ashes transfer certificate is for a death abroad', () => {
  // t76: a Greek family takes Yiayia, who died and was cremated in Greece, to Cyprus and back.
  const yiayia = (lovedOne: Record<string, unknown>) =>
    readTripOn(today, {
      home_country: 'GR',
      legs: [
        { mode: 'air', from: 'GR', to: 'CY', carrier: 'A3', bag: 'carry_on' },
        { mode: 'air', from: 'CY', to: 'GR', carrier: 'A3', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Yiayia' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Yiayia', kind: 'adult', ...lovedOne }],
    });

  it('t76: died in Greece, so no consulate certificate and no Greek translation of a Greek certificate', () => {
    const out = yiayia({ loss_country: 'GR', cremated_in: 'GR', nationality: 'GR' });
    expect(ruleIdsOn(out, 1)).not.toContain('gr-ashes-transfer-cert');
    const text = summaryOf(out, 'Yiayia');
    expect(text).not.toContain('Greek consulate');
    expect(text).not.toContain('Greek translations');
    expect(out.documents.map((d) => d.title).join(' ')).not.toContain('ashes transfer certificate');
    // What coming back in needs is then an unknown, with whom to ask.
    expect(gapMessages(out, 1)).toContain(
      'We have no rule from our research for bringing ashes back into Greece after they have left it. The customs service of Greece can tell you, before you set off, whether anything is needed coming back; take the documents listed below with you.',
    );
  });

  it('a death abroad (Germany) still hears it, and so does a family who has not said where', () => {
    expect(ruleIdsOn(yiayia({ loss_country: 'DE', cremated_in: 'DE' }), 1)).toContain(
      'gr-ashes-transfer-cert',
    );
    expect(ruleIdsOn(yiayia({}), 1)).toContain('gr-ashes-transfer-cert');
  });

  it('the rule says loss_country_not GR', () => {
    expect(byId.get('gr-ashes-transfer-cert')!.conditions.loss_country_not).toEqual(['GR']);
  });
});

describe('finding 4: Atlanta’s list is for the death of an Argentine citizen', () => {
  // t85: a US family scatters Dad, an American, in Argentina.
  const dad = (nationality?: string) =>
    readTripOn(today, {
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'AR', carrier: 'AA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Dad' }],
      purpose: 'scatter',
      scatter: { country: 'AR', place: 'land', ashes_come_home: false },
      loved_ones: [
        {
          name: 'Dad',
          kind: 'adult',
          loss_country: 'US',
          loss_region: 'US-CA',
          cremated_in: 'US',
          ...(nationality && { nationality }),
        },
      ],
    });

  it('t85: Dad was American, so the list and its boarding certificate are left out, and Argentina is named as unknown', () => {
    const out = dad('US');
    expect(ruleIdsOn(out)).not.toContain('ar-atlanta');
    expect(summaryOf(out, 'Dad')).not.toContain('boarding certificate');
    expect(out.questions.map((q) => q.field)).not.toContain('nationality');
    // Review 27, finding 14: a family a nationals-only list leaves out is told whom it speaks for
    // (README: "families who live in Brazil whose loved one was a national of Portugal and died there").
    expect(gapMessages(out)).toContain(
      'Our sources on taking ashes into Argentina speak only for families who live in Spain, or in the United States whose loved one was a national of Argentina. The embassy or consulate of Argentina in the United States can tell you what they need; take the documents listed below with you.',
    );
  });

  it('unsaid: the list still applies, and the family is asked once whether Dad was Argentine', () => {
    const out = dad();
    expect(ruleIdsOn(out)).toContain('ar-atlanta');
    expect(out.questions.filter((q) => q.field === 'nationality')).toEqual([
      {
        loved_one: 'Dad',
        field: 'nationality',
        message:
          "Was Dad a national of Argentina? Argentina's consulate general in Atlanta speaks only for nationals of Argentina; tell us Dad's nationality and we'll show its list only if it is for your family.",
      },
    ]);
  });

  it('Dad was Argentine: the list applies and nothing is asked', () => {
    const out = dad('AR');
    expect(ruleIdsOn(out)).toContain('ar-atlanta');
    expect(out.questions.map((q) => q.field)).not.toContain('nationality');
  });

  it('t11: a UK family hears whom the sources speak for, the nationality said only of the US', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'AR', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Grandad' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grandad', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(gapMessages(out)).toContain(
      'Our sources on taking ashes into Argentina speak only for families who live in Spain, or in the United States whose loved one was a national of Argentina. For a family from the United Kingdom, the embassy or consulate of Argentina in the United Kingdom can tell you what they need; take the documents listed below with you.',
    );
  });

  it('the rule says nationals_of AR, as Portugal’s Rio list says PT', () => {
    expect(byId.get('ar-atlanta')!.nationals_of).toEqual(['AR']);
  });
});

describe('finding 5: Jamaica’s High Commissions speak for a Jamaican family bringing a loved one home', () => {
  const home = (from: 'GB' | 'CA', extra: Record<string, unknown>) =>
    readTripOn(today, {
      home_country: 'JM',
      legs: [
        {
          mode: 'air',
          from,
          to: 'JM',
          carrier: from === 'GB' ? 'BA' : 'WS',
          bag: 'carry_on',
          way_home: true,
        },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Grandpa' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grandpa', kind: 'adult', loss_country: from, cremated_in: from, ...extra }],
    });

  it('t84: from London, the High Commission’s list, with the certificate of release', () => {
    const out = home('GB', {});
    expect(ruleIdsOn(out)).toContain('jm-london-papers');
    expect(summaryOf(out, 'Grandpa')).toContain(
      'a certificate of release (transit permit) from the authority where they died',
    );
    expect(
      out.documents.find(
        (d) =>
          d.title ===
          "A certificate of release (transit permit) from the authority where they died, not Jamaica's health department permit",
      )?.asked_by,
    ).toEqual(["Jamaica's High Commission in London"]);
  });

  it('t58: from Toronto, Ottawa’s advice to arrange the permit before landing', () => {
    const out = home('CA', { loss_region: 'CA-ON' });
    expect(ruleIdsOn(out)).toContain('jm-ottawa-clearance');
  });

  it('a Jamaican family whose loved one died elsewhere (France) hears neither', () => {
    const out = readTripOn(today, {
      home_country: 'JM',
      legs: [{ mode: 'air', from: 'GB', to: 'JM', carrier: 'BA', bag: 'carry_on', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Grandpa' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grandpa', kind: 'adult', loss_country: 'FR', cremated_in: 'FR' }],
    });
    expect(ruleIdsOn(out)).not.toContain('jm-london-papers');
  });

  it('both rules say home_or_death_there, as Miami’s does', () => {
    for (const id of ['jm-docs', 'jm-london-papers', 'jm-ottawa-clearance']) {
      expect(byId.get(id)!.conditions.home_or_death_there).toBe(true);
    }
  });
});

describe('finding 6: an urn sent from Canada to Germany is not addressed to a family member', () => {
  it('s09: Canada Post to Germany hears the page’s "private citizens may not have urns"', () => {
    const out = readShipmentOn(today, { from: 'CA', to: 'DE', carrier: 'Canada Post' });
    const warning = out.requirements.find((r) => r.rule_ids.includes('de-no-private-recipient-from-canada'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.detail).toContain('private citizens may not have an urn in their possession');
    expect(warning?.detail).toContain('not to a family member');
  });

  it('the US shipment keeps its own warning, and a parcel from France hears neither', () => {
    expect(shipmentIds(readShipmentOn(today, { from: 'US', to: 'DE', carrier: 'USPS' }))).toContain(
      'de-no-private-recipient',
    );
    const fr = shipmentIds(readShipmentOn(today, { from: 'FR', to: 'DE' }));
    expect(fr).not.toContain('de-no-private-recipient');
    expect(fr).not.toContain('de-no-private-recipient-from-canada');
  });

  it('it rests on the Canada page, for shipments only', () => {
    const rule = byId.get('de-no-private-recipient-from-canada')!;
    expect(rule.source_url).toBe(byId.get('de-no-private-from-canada')!.source_url);
    expect(rule.conditions).toMatchObject({ channel: ['shipment'], to: ['DE'], from: ['CA'] });
  });
});

describe('finding 8: ashes sent to Greece hear of the certificate as a question, not "no rule"', () => {
  it('s18: FedEx from the US to Greece', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'GR', carrier: 'FedEx' });
    expect(shipmentIds(out)).toContain('gr-ashes-transfer-cert-sent');
    const gaps = out.gaps.map((g) => g.message);
    expect(gaps).not.toContain(
      'We have no rule from our research for receiving ashes sent to Greece yet. The embassy or consulate of Greece in the United States can tell you what they need before you send anything.',
    );
    expect(gaps).toContain(
      "Beyond what is said above (“Greece: ask whether ashes sent there need a Greek consulate's certificate”), we have no rule from our research for receiving ashes sent to Greece. The embassy or consulate of Greece in the United States can tell you the rest before you send anything.",
    );
  });

  it('the rule never says the certificate is required of a parcel', () => {
    const rule = byId.get('gr-ashes-transfer-cert-sent')!;
    expect(rule.severity).not.toBe('required');
    expect(rule.detail).toContain('does not say whether ashes sent by post or courier need one');
    expect(rule.source_url).toBe(byId.get('gr-ashes-transfer-cert')!.source_url);
  });
});
