import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readShipmentOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 35, Poland (helper fixV):
// v7 (review 34b, finding 7): a family in Ireland collecting Jan's ashes in the US and flying them
// to Poland heard nothing of what Poland asks; Poland's embassy in Washington's page says it.
// v4 (review 34, finding 4): a family scattering in Poland heard of Ireland's coroner's certificate,
// which Poland's mission in Ireland lists for ashes brought to Poland to be buried.
// v7b (review 34, finding 7): passing through Poland, the lists left out were not said to be.
// v10 (review 34, finding 10): posting ashes from Ireland to Poland heard "no rule" for Poland.

const today = '2026-12-07';

/** A family in Ireland flies out without the ashes, collects Jan's in the US and flies them to Poland. */
const jan = () =>
  readTripOn(today, {
    ...carryingTrip(
      'IE',
      [
        { mode: 'air', from: 'IE', to: 'US', carrier: 'EI' },
        { mode: 'air', from: 'US', to: 'PL', carrier: 'LO', bag: 'carry_on' },
      ],
      { name: 'Jan', loss_country: 'US', cremated_in: 'US', nationality: 'PL' },
    ),
    collect_in: 'US',
  });

/** A family in Ireland flying Babcia's ashes to Poland, to scatter them there when `place` is said. */
const toPoland = (place?: string) =>
  readTripOn(today, {
    ...carryingTrip(
      'IE',
      [
        { mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' },
        ...(place ? [{ mode: 'air', from: 'PL', to: 'IE', carrier: 'FR', way_home: true }] : []),
      ],
      { name: 'Babcia' },
    ),
    ...(place && { purpose: 'scatter', scatter: { country: 'PL', place, ashes_come_home: false } }),
  });

describe('v7: ashes collected in the US and flown to Poland', () => {
  it('hears Poland’s embassy in Washington on the permit, beside why Dublin’s list is left out', () => {
    const out = jan();
    expect(ruleIdsOn(out, 1)).toContain('pl-washington-permit');
    expect(ruleIdsOn(out, 1)).not.toContain('pl-permits');
    expect(out.summary[0]!.text).toContain(
      'a transportation permit for the ashes from a Polish consular office in the US',
    );
    expect(gapMessages(out, 1).join('\n')).toContain(
      "The list of Poland's mission in Ireland is for ashes taken from Ireland to Poland, so we leave it out",
    );
  });

  it('a family in the US flying the ashes to Poland hears it too', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [{ mode: 'air', from: 'US', to: 'PL', carrier: 'LO', bag: 'carry_on' }]),
    );
    expect(ruleIdsOn(out, 0)).toContain('pl-washington-permit');
  });

  it('ashes cremated in the US but setting off from Ireland get Dublin’s list, not Washington’s', () => {
    const out = readTripOn(
      today,
      carryingTrip('IE', [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' }], {
        name: 'Jan',
        loss_country: 'US',
        cremated_in: 'US',
      }),
    );
    expect(ruleIdsOn(out, 0)).not.toContain('pl-washington-permit');
  });
});

describe('v4: Ireland’s coroner’s certificate is on Poland’s list for ashes brought to be buried', () => {
  for (const place of ['sea', 'garden_of_remembrance', 'land'])
    it(`scattering (${place}) in Poland: left out with the rest of the list, and said so`, () => {
      const out = toPoland(place);
      expect(ruleIdsOn(out, 0)).not.toContain('ie-export-coroner');
      expect(out.summary[0]!.text).not.toContain('coroner');
      expect(gapMessages(out, 0).join('\n')).toContain(
        "The list of Poland's mission in Ireland is for ashes brought to Poland to be buried, so we leave it out, as you are scattering them",
      );
    });

  it('ashes brought to Poland to stay still hear the coroner’s certificate', () => {
    expect(ruleIdsOn(toPoland(), 0)).toContain('ie-export-coroner');
  });
});

describe('v7b: passing through Poland, its lists for ashes that stay are said to be left out', () => {
  for (const onward of [
    { mode: 'road', from: 'PL', to: 'LT' },
    { mode: 'air', from: 'PL', to: 'LT', carrier: 'LO', bag: 'carry_on' },
  ])
    it(`Ireland, Poland and on to Lithuania by ${onward.mode}`, () => {
      const out = readTripOn(
        today,
        carryingTrip('IE', [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' }, onward], {
          name: 'Jan',
        }),
      );
      expect(ruleIdsOn(out, 0)).not.toContain('pl-permits');
      expect(gapMessages(out, 0)).toContain(
        "The list of Poland's mission in Ireland is for ashes brought to Poland to stay there, so we leave it out, as the ashes go on with you to Lithuania; the other rules above for bringing ashes into Poland still hold, and our sources don't say what else is needed, whether you stay there a while first or only pass through. The embassy or consulate of Poland in Ireland can tell you before you set off; take the documents listed below with you.",
      );
    });
});

describe('v10: ashes sent to Poland', () => {
  it('from Ireland: the Dublin mission’s permit and certificate, not "no rule" for Poland', () => {
    const out = readShipmentOn(today, { from: 'IE', to: 'PL' });
    const ids = out.requirements.flatMap((r) => r.rule_ids);
    expect(ids).toEqual(expect.arrayContaining(['pl-permits', 'pl-consul-certificate-fee']));
    expect(out.gaps.map((g) => g.message).join('\n')).not.toContain('for receiving ashes sent to Poland');
  });

  it('from the US: the embassy in Washington’s permit', () => {
    const out = readShipmentOn(today, { from: 'US', to: 'PL' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('pl-washington-permit');
  });
});
