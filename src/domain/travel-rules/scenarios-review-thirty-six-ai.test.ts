import { describe, expect, it } from 'vitest';
import { lintRules } from './lint.js';
import { RULES } from './load-rules.js';
import {
  carryingTrip,
  gapMessages,
  readShipmentOn,
  readTripOn,
  ruleIdsOn,
  type TripReading,
} from './scenario-reading.js';

// Review 36, findings 4, 6 and 9 (Germany; helper fixAI).
// M4: an urn cremated in Rhineland-Palatinate opened with a 2017 report ("relatives may not be
// allowed to carry it") while the state's own page says its 2025 law allows an urn to be handed to
// certain people to keep: the state's page now speaks first and the 2017 report gives way to it.
// M6: DHL Paket from Germany to Greece said the urn parcel ended, then "We have no rule … DHL Paket
// from Germany": the report says the urn parcel, which went abroad too, ended; so it is said abroad.
// L9: a garden of remembrance in Bremen heard "Germany doesn't allow scattering ashes yourself",
// whose sources speak of a cemetery as the allowed place; Bremen's own page names the cemeteries'
// meadows for scattering ashes.

const today = '2026-12-07';
const summaryOf = (out: TripReading) => out.summary.map((s) => s.text).join(' ');
const titlesOf = (out: TripReading) => out.legs.flatMap((leg) => leg.requirements.map((r) => r.title));

/** t42: Vati's ashes, cremated in Rhineland-Palatinate, driven to a river there. */
const t42 = () =>
  readTripOn(today, {
    home_country: 'DE',
    legs: [{ mode: 'road', from: 'DE', to: 'DE' }],
    purpose: 'scatter',
    scatter: { country: 'DE', region: 'DE-RP', place: 'river_or_lake', ashes_come_home: false },
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Vati' }],
    loved_ones: [{ name: 'Vati', kind: 'adult', loss_country: 'DE', cremated_in: 'DE-RP' }],
  });

describe('M4: Rhineland-Palatinate’s own page, not the 2017 report, speaks first', () => {
  it('t42: the summary opens with the 2025 law, and the 2017 report is not said', () => {
    const out = t42();
    expect(summaryOf(out)).toMatch(
      /^Before anything else: in Rhineland-Palatinate, since its 2025 burial law, an urn may be handed to certain people to keep\./,
    );
    expect(summaryOf(out)).not.toContain('as reported in 2017');
    expect(ruleIdsOn(out)).toContain('de-rp-2025-urn-to-keep');
    expect(ruleIdsOn(out)).not.toContain('de-2017-no-carry-rp');
    const said = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('de-rp-2025-urn-to-keep'))!;
    expect(said.source_url).toBe('https://mwg.rlp.de/themen/gesundheit/bestattungsgesetz/flussbestattungen');
  });

  it('flying abroad with an urn cremated there, the same: the state’s page, not the 2017 report', () => {
    const out = readTripOn(
      today,
      carryingTrip('DE', [{ mode: 'air', from: 'DE', to: 'ES', carrier: 'LH', bag: 'carry_on' }], {
        name: 'Lola',
        cremated_in: 'DE-RP',
      }),
    );
    expect(summaryOf(out)).toMatch(
      /^Before anything else: in Rhineland-Palatinate, since its 2025 burial law/,
    );
    expect(summaryOf(out)).not.toContain('2017');
  });

  it('Saarland, whose law we hold nothing newer on, still hears the 2017 report first', () => {
    const out = readTripOn(
      today,
      carryingTrip('DE', [{ mode: 'road', from: 'DE', to: 'DE' }], { name: 'Lola', cremated_in: 'DE-SL' }),
    );
    expect(summaryOf(out)).toMatch(/^Before anything else: as reported in 2017/);
  });

  it('lint: a cremation state’s own rule may set aside an older rule for the same state only', () => {
    const rp = RULES.find((r) => r.id === 'de-rp-2025-urn-to-keep')!;
    const faults = (rule: object) =>
      lintRules([...RULES.filter((r) => r.id !== rp.id), rule], { today })
        .faults.map((f) => f.message)
        .join('\n');
    expect(faults(rp)).not.toMatch(/sets_aside/);
    expect(faults({ ...rp, sets_aside: ['de-2017-no-carry-sl'] })).toMatch(
      /sets_aside names "de-2017-no-carry-sl", which should be/,
    );
  });
});

describe('M6: DHL Paket from Germany to another country', () => {
  it('s12: to Greece, the urn parcel’s end is DHL Paket’s own rule, and no "no rule" gap', () => {
    const out = readShipmentOn(today, { from: 'DE', to: 'GR', carrier: 'DHL Paket' });
    const ids = out.requirements.flatMap((r) => r.rule_ids);
    expect(ids).toContain('dhl-paket-urn-parcel-ended-abroad');
    const gaps = out.gaps.map((g) => g.message).join(' ');
    expect(gaps).not.toContain('We have no rule from our research for sending ashes with DHL Paket');
  });

  it('"DHL" abroad is still DHL Express, as review 29 left it', () => {
    const out = readShipmentOn(today, { from: 'DE', to: 'FR', carrier: 'DHL' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toEqual(['dhl-no', 'de-sending-an-urn-abroad']);
  });
});

describe('L9: a garden of remembrance in Germany', () => {
  /** t76: Onkel Hans's ashes, cremated in Bremen, taken to a garden of remembrance there. */
  const t76 = (region: string) =>
    readTripOn(today, {
      home_country: 'DE',
      legs: [{ mode: 'road', from: 'DE', to: 'DE' }],
      purpose: 'scatter',
      scatter: { country: 'DE', region, place: 'garden_of_remembrance', ashes_come_home: false },
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Onkel Hans' }],
      loved_ones: [{ name: 'Onkel Hans', kind: 'adult', loss_country: 'DE', cremated_in: region }],
    });

  it('t76: Bremen hears its cemeteries’ meadows for scattering ashes, not "Germany doesn’t allow"', () => {
    const out = t76('DE-HB');
    expect(titlesOf(out).join('\n')).not.toMatch(/Germany doesn't allow scattering ashes yourself/);
    expect(ruleIdsOn(out)).toContain('de-hb-cemetery-meadows');
  });

  it('elsewhere in Germany, a garden of remembrance is not warned against, and whom to ask is named', () => {
    const out = t76('DE-NW');
    expect(titlesOf(out).join('\n')).not.toMatch(/Germany doesn't allow scattering ashes yourself/);
    expect(gapMessages(out).join(' ')).toContain('The crematorium or cemetery is the one to ask.');
  });

  it('on land or on a river, the warning stays', () => {
    for (const place of ['land', 'river_or_lake']) {
      const out = readTripOn(today, {
        home_country: 'DE',
        legs: [{ mode: 'road', from: 'DE', to: 'DE' }],
        purpose: 'scatter',
        scatter: { country: 'DE', region: 'DE-NW', place, ashes_come_home: false },
        keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Oma' }],
        loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'DE', cremated_in: 'DE-NW' }],
      });
      expect(titlesOf(out).join('\n')).toMatch(/Germany doesn't allow scattering ashes yourself/);
    }
  });
});
