import { describe, expect, it } from 'vitest';
import { gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 29 (brief fixA), the reviewer's trips rebuilt from their findings: 2, Germany's state
// rules on relatives carrying an urn speak of taking it to the cemetery, a journey within Germany
// too; 4, posting an urn within Germany; 5, the shipment gap's journeys come from where the trip's
// do; 9, twins in one urn hear Bavaria's warning once; review 28's 8, Vietnam's newspaper said once,
// and 9, Texas's reason said plainly.

const today = '2026-12-07';

const withinGermany = (mode: 'road' | 'rail' | 'air', crematedIn: string) =>
  readTripOn(today, {
    home_country: 'DE',
    purpose: 'carry',
    legs: [
      mode === 'air'
        ? { mode, from: 'DE', to: 'DE', carrier: 'LH', bag: 'carry_on' }
        : { mode, from: 'DE', to: 'DE' },
    ],
    keepsakes: [{ kind: 'ashes', container: 'wood', name: "Oma's urn", loved_one: 'Oma' }],
    loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'DE', cremated_in: crematedIn }],
  });

describe("finding 2: Germany's state rules on carrying an urn, on a journey within Germany", () => {
  it.each(['road', 'rail', 'air'] as const)('an urn cremated in Bavaria, by %s within Germany', (mode) => {
    const out = withinGermany(mode, 'DE-BY');
    expect(ruleIdsOn(out)).toContain('de-2017-no-carry-by');
    expect(out.summary[0]!.text).toMatch(
      /^Before anything else: as reported in 2017, relatives may not be allowed to carry an urn cremated in Bavaria\./,
    );
  });

  it.each([
    ['DE-HH', 'de-2017-no-carry-hh'],
    ['DE-BB', 'de-2017-no-carry-bb'],
    ['DE-BW', 'de-2017-no-carry-bw'],
    // Since review 36 (M4), Rhineland-Palatinate's own page on its 2025 law speaks in the 2017 report's place.
    ['DE-RP', 'de-rp-2025-urn-to-keep'],
    ['DE-SL', 'de-2017-no-carry-sl'],
    ['DE-HE', 'de-hesse-no-handover'],
    ['DE-BE', 'de-leaving-with-an-urn'],
  ])('cremated in %s, driving within Germany: %s', (region, id) => {
    expect(ruleIdsOn(withinGermany('road', region))).toContain(id);
  });

  it('the 2017 report is said as it speaks: carrying the urn to the cemetery too', () => {
    const card = withinGermany('road', 'DE-BY').legs[0]!.requirements.find((r) =>
      r.rule_ids.includes('de-2017-no-carry-by'),
    )!;
    expect(card.detail).toContain('could not carry an urn themselves, even to the cemetery');
    expect(card.source_url).toContain('wz.de');
  });

  it('the country-wide note no longer speaks of "taking an urn out of Germany" only', () => {
    const out = withinGermany('road', 'DE-BE');
    const card = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('de-leaving-with-an-urn'))!;
    expect(card.title).toBe('Carrying an urn cremated in Germany: ask the funeral home first');
  });

  it('the drive within Germany does not say "we have no rule" beside the state rule above', () => {
    const gaps = gapMessages(withinGermany('road', 'DE-BY'));
    expect(gaps).toContain(
      'Besides what is said above, we have no rule from our research for driving with ashes within Germany. Keep the papers you have with you in the car, in case anyone asks.',
    );
    expect(gaps.filter((gap) => gap.startsWith('We have no rule from our research for driving'))).toEqual([]);
  });

  it('with the state unsaid, a journey within Germany asks where Oma was cremated', () => {
    const out = withinGermany('rail', 'DE');
    expect(out.questions.map((q) => q.field)).toContain('cremated_in');
  });

  it('an urn cremated abroad, driven home within Germany, hears none of them', () => {
    const out = withinGermany('road', 'GB');
    expect(ruleIdsOn(out).filter((id) => id.startsWith('de-'))).toEqual([]);
  });
});

describe('finding 4: posting an urn within Germany', () => {
  const ship = (carrier?: string) =>
    readShipmentOn(today, { from: 'DE', to: 'DE', ...(carrier !== undefined && { carrier }) });
  const ids = (out: ReturnType<typeof ship>) => out.requirements.flatMap((r) => r.rule_ids);

  it('"DHL" within Germany is DHL Paket as well as DHL Express, and the urn parcel\'s end is said', () => {
    const out = ship('DHL');
    expect(ids(out)).toEqual(expect.arrayContaining(['dhl-no', 'dhl-paket-urn-parcel-ended']));
    const paket = out.requirements.find((r) => r.rule_ids.includes('dhl-paket-urn-parcel-ended'))!;
    expect(paket.title).toBe('DHL Paket: no urn parcel since 1 October 2025');
    expect(paket.detail).toContain('not DHL Express');
    expect(paket.detail).toContain('An urn may not simply go in an ordinary DHL parcel.');
    expect(paket.source_url).toContain('inside-digital.de');
  });

  it('"DHL Paket" by name is known, and is not read as DHL Express', () => {
    const out = ship('DHL Paket');
    expect(ids(out)).toEqual(['dhl-paket-urn-parcel-ended']);
    expect(out.gaps).toEqual([]);
  });

  it('with no carrier said, the choices include DHL Paket, so no "no rule for the post" gap', () => {
    const out = ship();
    expect(ids(out)).toContain('dhl-paket-urn-parcel-ended');
    expect(out.gaps.map((g) => g.message).join(' ')).not.toContain('by post from Germany');
  });

  it('abroad, the country note says the end once, and "DHL" stays DHL Express', () => {
    const out = readShipmentOn(today, { from: 'DE', to: 'FR', carrier: 'DHL' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toEqual(['dhl-no', 'de-sending-an-urn-abroad']);
  });
});

describe("finding 5: the shipment gap for Germany names the places Germany's sources speak for", () => {
  it('names Mexico and South Africa beside Canada, Singapore and the United States', () => {
    const gaps = readShipmentOn(today, { from: 'FR', to: 'DE' }).gaps.map((g) => g.message);
    expect(gaps).toContain(
      'Our sources on ashes sent to Germany speak only for ashes sent from Canada, Denmark, Mexico, Singapore, South Africa or the United States. From France, the embassy or consulate of Germany in France can tell you what they need before you send anything.',
    );
  });

  it("says the same places as the trip's gap for an urn flown from France to Germany", () => {
    const trip = readTripOn(today, {
      home_country: 'FR',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'FR', to: 'DE', carrier: 'AF', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Mamie' }],
      loved_ones: [{ name: 'Mamie', kind: 'adult', loss_country: 'FR', cremated_in: 'FR' }],
    });
    const tripGap = gapMessages(trip).find((g) => g.startsWith('Our sources on taking ashes into Germany'))!;
    const journeys = /or for ashes going from ([^.]+)\./.exec(tripGap)![1];
    const shipGap = readShipmentOn(today, { from: 'FR', to: 'DE' })
      .gaps.map((g) => g.message)
      .find((g) => g.startsWith('Our sources on ashes sent to Germany'))!;
    expect(shipGap).toContain(`speak only for ashes sent from ${journeys}.`);
  });
});

describe('finding 9: twins in one urn hear the Bavarian warning once', () => {
  const twins = (crematedIn: string, urns: 'one' | 'two' = 'one') =>
    readTripOn(today, {
      home_country: 'DE',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'DE', to: 'ES', carrier: 'LH', bag: 'carry_on' }],
      keepsakes:
        urns === 'one'
          ? [{ kind: 'ashes', container: 'wood', name: "The twins' urn", loved_one: ['Rosie', 'Lily'] }]
          : [
              { kind: 'ashes', container: 'wood', name: "Rosie's urn", loved_one: 'Rosie' },
              { kind: 'ashes', container: 'wood', name: "Lily's urn", loved_one: 'Lily' },
            ],
      loved_ones: [
        { name: 'Rosie', kind: 'infant', loss_country: 'DE', cremated_in: crematedIn },
        { name: 'Lily', kind: 'infant', loss_country: 'DE', cremated_in: crematedIn },
      ],
    });
  const summaries = (out: ReturnType<typeof twins>) => out.summary.map((s) => s.text).join(' ');

  it('said once, naming both', () => {
    const out = twins('DE-BY');
    const all = summaries(out);
    expect(all.match(/an urn cremated in Bavaria/g)).toHaveLength(1);
    expect(out.summary[0]!.text).toMatch(
      /^Before anything else, for Rosie and Lily: as reported in 2017, relatives may not be allowed to carry an urn cremated in Bavaria\./,
    );
    expect(out.summary[1]!.text).toMatch(/^For Lily, bring /);
  });

  it("Hesse's, where the urn is sent instead: said once, and both twins' papers are still to have ready", () => {
    const out = twins('DE-HE');
    expect(summaries(out).match(/in Hesse, since March 2019/g)).toHaveLength(1);
    for (const summary of out.summary) expect(summary.text).toContain('have ready');
  });

  it('two urns, each cremated in Bavaria: each urn is still named in its own summary', () => {
    const out = twins('DE-BY', 'two');
    expect(summaries(out).match(/an urn cremated in Bavaria/g)).toHaveLength(2);
  });
});

describe("review 28, finding 8: Vietnam's airlines, as Tiền Phong reports them, named once", () => {
  it('a flight within Vietnam names them once, with the papers in their own words', () => {
    const out = readTripOn(today, {
      home_country: 'VN',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'VN', to: 'VN', carrier: 'VN', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Bà' }],
      loved_ones: [{ name: 'Bà', kind: 'adult', loss_country: 'VN', cremated_in: 'VN' }],
    });
    const text = out.summary[0]!.text;
    expect(text.match(/each airline within Vietnam/g)).toHaveLength(1);
    expect(text).toBe(
      "For Bà, bring what each airline within Vietnam (as the newspaper Tiền Phong reports it) asks for: the death certificate, or the extract of the death registration (trích lục khai tử); and the cremation certificate and the crematorium's handover record (giấy chứng nhận hỏa táng, biên bản bàn giao).",
    );
  });
});

describe("review 28, finding 9: Texas's reason, said plainly", () => {
  const rosa = (grams?: number) =>
    readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Rosa' }],
      loved_ones: [
        {
          name: 'Rosa',
          kind: 'pregnancy_loss',
          gestation_weeks: 18,
          born_alive: false,
          ...(grams !== undefined && { birth_weight_g: grams }),
          loss_country: 'US',
          loss_region: 'US-TX',
          cremated_in: 'US-TX',
        },
      ],
    });
  const reason = (out: ReturnType<typeof rosa>) =>
    out.documents.find((d) => d.key === 'death_certificate')!.reason!;

  it('under 350 g: not registered; for a baby cremated there, the funeral home files one for the crematorium', () => {
    expect(reason(rosa(300))).toBe(
      'in Texas a baby born without signs of life under 350 g does not have to be registered; for a baby cremated there, the funeral home files a Certificate of Fetal Death for the crematorium',
    );
  });

  it('weight not known, before 20 weeks: the same, saying when it holds, without "then … though … as"', () => {
    const text = reason(rosa());
    expect(text).toContain(
      // Review 31, finding 2: the case's "If the weight is not known" is said once, not twice.
      'If the weight is not known, in Texas a baby born without signs of life before 20 weeks does not have to be registered',
    );
    expect(text).not.toMatch(/\bthough\b|all the same|\bthen does\b/);
  });
});
