import { describe, expect, it } from 'vitest';
import { RULES, lintRules } from './index.js';
import {
  detailOn,
  flyThereOn,
  gapMessages,
  readShipmentOn,
  readTripOn,
  ruleIdsOn,
} from './scenario-reading.js';

// Review 32's findings fixed by helper fixK. r32a 4: Greece's register speaks of a transfer of ashes
// "from abroad to Greece" (an exit permit from the country they leave): ashes brought to stay, so a
// visit to Greece and home again is not told it needs the consulate's certificate, and hears why.

const today = '2026-12-07';
const there = (
  home: string,
  abroad: string,
  carrier: string,
  lovedOne: Record<string, unknown>,
  back = true,
) => flyThereOn(today, home, abroad, carrier, lovedOne, back);

describe('r32a 4: Greece’s ashes transfer certificate is for ashes brought to Greece to stay', () => {
  it('a visit from the UK to Greece and home again leaves it out, says why and whom to ask', () => {
    const out = there('GB', 'GR', 'BA', { loss_country: 'GB', cremated_in: 'GB' });
    expect(ruleIdsOn(out, 0)).not.toContain('gr-ashes-transfer-cert');
    expect(out.summary.map((line) => line.text).join('\n')).not.toMatch(/transfer certificate|exit permit/);
    expect(gapMessages(out, 0).join('\n')).toContain(
      'for ashes brought to Greece to stay there, so we leave them out, as the ashes come back out with you on this trip',
    );
    expect(gapMessages(out, 0).join('\n')).toContain(
      'The embassy or consulate of Greece in the United Kingdom',
    );
  });

  it('a family bringing the ashes to Greece to stay still hears it', () => {
    const out = there('GB', 'GR', 'BA', { loss_country: 'GB', cremated_in: 'GB' }, false);
    expect(ruleIdsOn(out, 0)).toContain('gr-ashes-transfer-cert');
    expect(gapMessages(out, 0).join('\n')).not.toMatch(/to stay there/);
  });
});

describe('r32a (low): the Dublin consulate’s fee is for its certificate for ashes brought to stay', () => {
  it('a visit from Ireland to Poland and home hears the urn may go as hand baggage, and no fee', () => {
    const out = there('IE', 'PL', 'FR', { loss_country: 'IE', cremated_in: 'IE' });
    expect(ruleIdsOn(out, 0)).toContain('pl-carry-ok');
    expect(ruleIdsOn(out, 0)).not.toContain('pl-consul-certificate-fee');
    expect(detailOn(out, 'pl-carry-ok')).toMatch(/hand baggage/);
    expect(detailOn(out, 'pl-carry-ok')).not.toMatch(/€50|certificate/);
  });

  it('ashes brought from Ireland to Poland to stay hear the fee beside the permits', () => {
    const out = there('IE', 'PL', 'FR', { loss_country: 'IE', cremated_in: 'IE' }, false);
    expect(ruleIdsOn(out, 0)).toEqual(
      expect.arrayContaining(['pl-permits', 'pl-carry-ok', 'pl-consul-certificate-fee']),
    );
    expect(detailOn(out, 'pl-consul-certificate-fee')).toMatch(
      /€50 for its certificate for bringing ashes to Poland/,
    );
  });
});

describe('r32a (low): Irish twins in one urn hear the note on twins as what the family told us', () => {
  const baby = (name: string) => ({
    name,
    kind: 'pregnancy_loss',
    gestation_weeks: 20,
    born_alive: false,
    loss_country: 'IE',
    cremated_in: 'IE',
  });
  const twins = (keepsakes: object[]) =>
    readTripOn(today, {
      home_country: 'IE',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'IE', to: 'ES', carrier: 'FR', bag: 'carry_on' }],
      keepsakes,
      loved_ones: [baby('Niamh'), baby('Aoife')],
    });
  const summaryText = (out: ReturnType<typeof twins>, name: string) =>
    out.summary.find((s) => s.loved_one === name)!.text;

  it('Niamh and Aoife share one urn: no "If Niamh was one of twins", and the note still says whom to ask', () => {
    const out = twins([
      { kind: 'ashes', container: 'wood', loved_one: ['Niamh', 'Aoife'], name: 'The twins’ urn' },
    ]);
    const niamh = summaryText(out, 'Niamh');
    expect(niamh).not.toMatch(/If Niamh was one of twins/);
    expect(niamh).toContain(
      "Niamh shares an urn with Aoife; for twins or more, other rules may apply (Ireland's government says a multiple pregnancy has further criteria, which we don't hold): a civil registration office can tell you.",
    );
  });

  it('two urns from the same loss: the family has not said twins, so it is still asked as "if"', () => {
    const out = twins([
      { kind: 'ashes', container: 'wood', loved_one: 'Niamh' },
      { kind: 'ashes', container: 'wood', loved_one: 'Aoife' },
    ]);
    expect(summaryText(out, 'Niamh')).toContain('If Niamh was one of twins or more, other rules may apply');
  });

  it('lint: if_sharing_urn goes with if_multiple and names the others', () => {
    const rule = RULES.find((r) => r.id === 'ie-below-threshold-not-registered')!;
    const [gap] = rule.document!.not_issued!;
    const broken = {
      ...rule,
      document: {
        ...rule.document,
        not_issued: [
          { ...gap!, if_sharing_urn: 'Together with another baby; ask a civil registration office' },
        ],
      },
    };
    expect(
      lintRules([broken], { today })
        .faults.map((f) => f.message)
        .join('\n'),
    ).toMatch(/if_sharing_urn/);
    expect(
      lintRules([rule], { today })
        .faults.map((f) => f.message)
        .join('\n'),
    ).not.toMatch(/if_sharing_urn/);
  });
});

describe('r32a (low): ashes sent to New Zealand with NZ Post from abroad', () => {
  // We found no NZ Post, MPI or NZ Customs page on NZ Post receiving ashes from abroad: NZ Post's
  // own words (nzpost-no) are for sending from New Zealand, and NZ Customs' clearance still holds.
  it.each(['GB', 'AU'])(
    'from %s: whom our NZ Post source speaks for, the unknown, and whom to ask',
    (from) => {
      const out = readShipmentOn(today, { from, to: 'NZ', carrier: 'NZ Post' });
      expect(out.requirements.map((r) => r.id)).toContain('nz-freight-customs');
      const gaps = out.gaps.map((g) => g.message).join('\n');
      expect(gaps).toContain('Our sources on NZ Post speak of sending ashes from New Zealand, not from');
      expect(gaps).toContain('none says whether NZ Post delivers ashes sent to New Zealand from abroad');
      expect(gaps).toMatch(
        /Please ask NZ Post, and the post office or courier you send with in (the United Kingdom|Australia), before you send anything\./,
      );
    },
  );

  it('from New Zealand, NZ Post’s own refusal is said as before', () => {
    const out = readShipmentOn(today, { from: 'NZ', to: 'AU', carrier: 'NZ Post' });
    expect(out.requirements.map((r) => r.id)).toContain('nzpost-no');
  });
});

describe('r32a tidy: a paper for leaving one country, asked for ashes staying in another, says which', () => {
  const coroner = RULES.find((r) => r.id === 'ie-export-coroner')!;
  const faultsOf = (rule: object) =>
    lintRules([rule], { today })
      .faults.map((f) => f.message)
      .join('\n');

  it('Ireland’s coroner’s certificate names Poland as where the ashes stay, and lint holds it to that', () => {
    expect(coroner.for_ashes_staying_in).toEqual(['PL']);
    expect(faultsOf(coroner)).not.toMatch(/for_ashes_staying/);
    // The old way, a bare for_ashes_staying on a rule for leaving Ireland, no longer reads.
    const { for_ashes_staying_in: _, ...bare } = coroner;
    expect(faultsOf({ ...bare, for_ashes_staying: true })).toMatch(/say for_ashes_staying_in/);
    expect(faultsOf({ ...coroner, for_ashes_staying_in: ['DE'] })).toMatch(/trip_reaches does not name/);
  });

  it('still left out of a visit to Poland and back, and kept for ashes staying there', () => {
    const visit = there('IE', 'PL', 'FR', { loss_country: 'IE', cremated_in: 'IE' });
    expect(ruleIdsOn(visit, 0)).not.toContain('ie-export-coroner');
    const stay = there('IE', 'PL', 'FR', { loss_country: 'IE', cremated_in: 'IE' }, false);
    expect(ruleIdsOn(stay, 0)).toContain('ie-export-coroner');
  });
});
