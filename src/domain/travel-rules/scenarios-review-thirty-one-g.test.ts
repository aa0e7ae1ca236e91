import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 31 (reviewers r31a and r31b): rule scopes, shipments and conflicts.
// r31a 3: the Philippine consulate in Los Angeles's page is about shipping remains and ashes to the
// Philippines, so its list is said for a parcel sent from the US too.
// r31a 4: that list (a US burial transit permit, a US health certificate) is for ashes leaving the
// US, never for a grandmother who died and was cremated in the Philippines.
// r31a 6: the US funeral directors' list for Spain is for ashes sent from the US, whoever the family.
// r31b 4: with no carrier chosen, airlines' cargo rules are choices, and USPS's "only shipper" a
// disagreement. r31b 5: a road leg naming a car shuttle. r31b 7: a disagreement said once a trip.

const today = '2026-12-07';

describe('r31a findings 3 and 4: the Los Angeles consulate’s list speaks for ashes from the US', () => {
  it('a parcel posted from the US to the Philippines hears the consulate’s list, not "no rule"', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'PH', carrier: 'FedEx' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('ph-docs');
    expect(out.gaps.map((g) => g.message).join(' ')).not.toMatch(/receiving ashes sent to the Philippines/);
  });

  it('a parcel from Canada to the Philippines does not hear the US list', () => {
    const out = readShipmentOn(today, { from: 'CA', to: 'PH' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).not.toContain('ph-docs');
  });

  /** The reviewer's a63: a US family taking Lolo's (died in the US) and Lola's (died in the Philippines) ashes. */
  const lolas = {
    home_country: 'US',
    legs: [{ mode: 'air', from: 'US', to: 'PH', carrier: 'PR', bag: 'carry_on' }],
    keepsakes: [
      { kind: 'ashes', container: 'plastic', loved_one: 'Lolo' },
      { kind: 'ashes', container: 'plastic', loved_one: 'Lola' },
    ],
    loved_ones: [
      { name: 'Lolo', kind: 'adult', loss_country: 'US', cremated_in: 'US', nationality: 'PH' },
      { name: 'Lola', kind: 'adult', loss_country: 'PH', cremated_in: 'PH', nationality: 'PH' },
    ],
  };

  it('Lola, who died and was cremated in the Philippines, is not asked for a US burial transit permit', () => {
    const out = readTripOn(today, lolas);
    const lola = out.summary.find((s) => s.loved_one === 'Lola')!.text;
    expect(lola).not.toMatch(/burial transit permit/);
    expect(out.documents.filter((d) => d.loved_one === 'Lola').map((d) => d.title)).not.toContain(
      'A burial transit permit',
    );
    const lolo = out.summary.find((s) => s.loved_one === 'Lolo')!.text;
    expect(lolo).toMatch(/burial transit permit/);
  });

  it('for Lola, the gap says whom our sources speak for, with the US among them, and whom to ask', () => {
    const out = readTripOn(today, lolas);
    const forLola = gapMessages(out).find((g) => g.startsWith('For Lola'));
    expect(forLola).toMatch(/the United States whose loved one was cremated there/);
    expect(forLola).not.toMatch(/For a family from the United States/);
    expect(forLola).toMatch(/The embassy or consulate of the Philippines in the United States can tell you/);
  });
});

describe('r31a finding 6: Spain’s list from the US funeral directors speaks for ashes sent from the US', () => {
  it('a Spanish family bringing Abuela’s ashes home from Florida hears the list', () => {
    const out = readTripOn(
      today,
      carryingTrip(
        'ES',
        [{ mode: 'air', from: 'US', to: 'ES', carrier: 'IB', bag: 'carry_on', way_home: true }],
        {
          name: 'Abuela',
          loss_country: 'US',
          loss_region: 'US-FL',
          cremated_in: 'US-FL',
          nationality: 'ES',
        },
      ),
    );
    expect(ruleIdsOn(out)).toContain('es-docs');
    expect(gapMessages(out).join(' ')).not.toMatch(/speak only for families who live in the United States/);
  });

  it('a US family flying to Spain from Mexico (the ashes set off there) does not hear it', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [{ mode: 'air', from: 'MX', to: 'ES', bag: 'carry_on' }], {
        loss_country: 'MX',
        cremated_in: 'MX',
      }),
    );
    expect(ruleIdsOn(out)).not.toContain('es-docs');
  });
});

// r31b finding 4: a shipment with no carrier (s20, US to Italy) listed every US airline's cargo rule
// (Delta's as "required") beside USPS's "the only shipper that allows ashes", with no conflict named.
describe('r31b finding 4: a shipment with no carrier chosen', () => {
  const s20 = readShipmentOn(today, { from: 'US', to: 'IT' });
  const ids = s20.requirements.flatMap((r) => r.rule_ids);

  it('lists no airline’s cargo rule as the family’s to follow, and names the airlines as choices', () => {
    for (const id of ['dl-cargo-shipper', 'aa-cargo', 'ua-cargo', 'as-cargo']) expect(ids).not.toContain(id);
    expect(s20.gaps.map((g) => g.message)).toContain(
      "Some airlines' cargo services take ashes on the routes they fly; our research has rules for American Airlines, Delta, Qatar Airways, Turkish Airlines and United. If you are sending by air cargo, say which airline and we'll show its rules.",
    );
  });

  it('does not name Alaska Air Cargo, whose page speaks of its destinations across North America', () => {
    expect(s20.gaps.map((g) => g.message).join(' ')).not.toContain('Alaska');
    expect(
      readShipmentOn(today, { from: 'US', to: 'IT', carrier: 'AS' }).requirements.flatMap((r) => r.rule_ids),
    ).not.toContain('as-cargo');
  });

  it('names the disagreement between USPS’s "only shipper" and the airlines’ cargo pages', () => {
    const conflict = s20.conflicts.find((c) => c.rule_ids.includes('usps-only-us-carrier'));
    expect(conflict?.rule_ids).toEqual(['aa-cargo', 'dl-cargo-shipper', 'ua-cargo', 'usps-only-us-carrier']);
    expect(conflict?.message).toMatch(
      /^Our sources disagree: .*“USPS says it is the only shipper that allows ashes”/,
    );
  });

  it('with Delta chosen, its rule is shown, and no disagreement with a carrier not chosen', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'IT', carrier: 'DL' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('dl-cargo-shipper');
    expect(out.conflicts).toEqual([]);
  });

  it('a refusal still closes a choice: Alaska from Canada to the US is listed as a warning', () => {
    const out = readShipmentOn(today, { from: 'CA', to: 'US' });
    expect(out.requirements.find((r) => r.rule_ids.includes('as-cargo-not-from-ca-mx'))?.severity).toBe(
      'warning',
    );
  });
});

// r31b finding 5: a road leg with "Eurotunnel Le Shuttle" (t07) was told the UK and France "are not
// joined by land … add that part as its own leg", and the company was dropped without a word.
describe('r31b finding 5: a road leg naming the company that carries the car across', () => {
  const t07 = readTripOn(
    today,
    carryingTrip('GB', [
      { mode: 'road', from: 'GB', to: 'FR', carrier: 'Eurotunnel Le Shuttle' },
      { mode: 'road', from: 'FR', to: 'GB', carrier: 'Eurotunnel Le Shuttle', way_home: true },
    ]),
  );

  it('is not told the two are not joined by land, and hears the company named as one we hold nothing for', () => {
    for (const leg of [0, 1]) {
      const gaps = gapMessages(t07, leg);
      expect(gaps.join(' ')).not.toContain('not joined by land');
      // Said in full on the way out; the way home points back to it (review 35b, fixAE finding 3).
      expect(gaps.join(' ')).toContain(
        leg === 0
          ? 'We have no rule from our research on carrying ashes with Eurotunnel Le Shuttle yet. Please ask them before you travel, and take the documents listed below.'
          : 'As said for the drive from the United Kingdom to France, we have no rule from our research on carrying ashes with Eurotunnel Le Shuttle yet; whom to ask is said there.',
      );
    }
  });

  it('with no company named, the crossing is still pointed out', () => {
    const out = readTripOn(today, carryingTrip('GB', [{ mode: 'road', from: 'GB', to: 'FR' }]));
    expect(gapMessages(out).join(' ')).toContain('The United Kingdom and France are not joined by land');
  });

  it('a company on a drive through other countries still hears that those countries are not read', () => {
    const out = readTripOn(
      today,
      carryingTrip('FR', [{ mode: 'road', from: 'FR', to: 'PL', carrier: 'Flixbus' }]),
    );
    const gaps = gapMessages(out).join(' ');
    expect(gaps).toContain('France and Poland share no land border');
    expect(gaps).toContain('We have no rule from our research on carrying ashes with Flixbus yet.');
  });
});

// r31b finding 7: the Singapore Airlines disagreement (four sources) was said in full on every leg
// of t38 (Australia to the UK through Singapore and back).
describe('r31b finding 7: a disagreement is said in full once a trip', () => {
  const t38 = readTripOn(today, {
    home_country: 'AU',
    purpose: 'carry',
    legs: [
      { mode: 'air', from: 'AU', to: 'SG', bag: 'carry_on', carrier: 'SQ', connection: true },
      { mode: 'air', from: 'SG', to: 'GB', bag: 'carry_on', carrier: 'SQ' },
      { mode: 'air', from: 'GB', to: 'SG', bag: 'carry_on', carrier: 'SQ', connection: true },
      { mode: 'air', from: 'SG', to: 'AU', bag: 'carry_on', carrier: 'SQ', way_home: true },
    ],
    keepsakes: [{ kind: 'jewellery', container: 'metal', name: "Mum's pendant", loved_one: 'Mum' }],
    loved_ones: [{ name: 'Mum', kind: 'adult', loss_country: 'AU' }],
  });
  const sq = (leg: number) => t38.legs[leg]!.conflicts.find((c) => c.rule_ids.includes('sq-2021-stopped'))!;

  it('on the first leg it applies to, with every source', () => {
    expect(sq(0).message).toMatch(/^Our sources about Singapore Airlines disagree: “In 2017/);
    expect(sq(0).message).toContain('rosyinternational.co.uk');
  });

  it('on each later leg, a reference to that leg, with whom to ask, and the same rules', () => {
    for (const leg of [1, 2, 3]) {
      expect(sq(leg).message).toBe(
        'Our sources about Singapore Airlines disagree, as set out in full for the flight from Australia to Singapore. Please check with Singapore Airlines before you travel.',
      );
      expect(sq(leg).rule_ids).toEqual(sq(0).rule_ids);
    }
  });
});
