import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 34, the findings fixed by helper fixS:
// 2: a family collecting the ashes in a third country still got their home post's list (the
// Philippine consulate in Sydney's, Poland's mission in Dublin's), though those lists are for
// ashes leaving Australia or Ireland; they should hear that it is left out and whom to ask where
// the ashes set off.
// 6: coming home with ashes they went out from home to collect, a family was sent to their own
// country's embassy in the country they collected them in.

const today = '2026-12-07';

/** A family flies out from home without the ashes, collects them where their loved one died, and flies on. */
const collecting = (
  home: string,
  there: string,
  onward: readonly object[],
  lovedOne: Record<string, unknown>,
) =>
  readTripOn(today, {
    ...carryingTrip(home, [{ mode: 'air', from: home, to: there, carrier: 'XX' }, ...onward], {
      loss_country: there,
      cremated_in: there,
      ...lovedOne,
    }),
    collect_in: there,
  });

/** t29: a family in Australia collects Lolo's ashes in New Zealand and flies them to the Philippines. */
const lolo = () =>
  collecting('AU', 'NZ', [{ mode: 'air', from: 'NZ', to: 'PH', carrier: 'PR', bag: 'carry_on' }], {
    name: 'Lolo',
    nationality: 'PH',
  });

/** t28 and t11: a family in Ireland collects Jan's ashes in the US and flies them to Poland (and home). */
const jan = (home = false) =>
  collecting(
    'IE',
    'US',
    [
      { mode: 'air', from: 'US', to: 'PL', carrier: 'LO', bag: 'carry_on' },
      ...(home ? [{ mode: 'air', from: 'PL', to: 'IE', carrier: 'FR', way_home: true }] : []),
    ],
    { name: 'Jan', nationality: 'PL' },
  );

describe('finding 2: a home post’s list is for ashes leaving home, not ashes collected elsewhere', () => {
  it('collected in New Zealand: no Sydney certificate; the Philippine mission in New Zealand is named', () => {
    const out = lolo();
    expect(ruleIdsOn(out, 1)).not.toContain('ph-consular-mortuary-cert');
    expect(out.summary[0]!.text).not.toContain('Sydney');
    expect(gapMessages(out, 1)).toContain(
      'The list of the Philippine consulate in Sydney is for ashes taken from Australia to the Philippines, so we leave it out, as the ashes set off with you from New Zealand. The embassy or consulate of the Philippines in New Zealand can tell you what they need; take the documents listed below with you.',
    );
    expect(gapMessages(out, 1).join('\n')).not.toContain('speak only for families who live in');
  });

  it('collected in the US: no Dublin list, fee or consul’s certificate; Poland’s mission in the US is named', () => {
    const out = jan();
    for (const id of ['pl-permits', 'pl-consul-certificate-fee', 'pl-carry-ok'])
      expect(ruleIdsOn(out, 1)).not.toContain(id);
    // Review 35 (v7): Washington's consular permit is now said; Dublin's consul's certificate never.
    expect(out.summary[0]!.text).not.toContain("consul's certificate");
    const said = gapMessages(out, 1).join('\n');
    expect(said).toContain(
      "The list of Poland's mission in Ireland is for ashes taken from Ireland to Poland, so we leave it out, as the ashes set off with you from the United States. The embassy or consulate of Poland in the United States can tell you what they need",
    );
    expect(said).not.toContain('We have no rule from our research for taking ashes into Poland');
  });

  it('ashes that set off from home still get the home post’s list', () => {
    const out = readTripOn(
      today,
      carryingTrip('IE', [{ mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' }], {
        name: 'Jan',
      }),
    );
    expect(ruleIdsOn(out, 0)).toContain('pl-permits');
    expect(gapMessages(out, 0).join('\n')).not.toContain('so we leave it out, as the ashes set off');
  });

  it('collected abroad and taken home first, the next journey from home gets the home post’s list', () => {
    const out = collecting(
      'IE',
      'US',
      [
        { mode: 'air', from: 'US', to: 'IE', carrier: 'EI', bag: 'carry_on' },
        { mode: 'air', from: 'IE', to: 'PL', carrier: 'FR', bag: 'carry_on' },
      ],
      { name: 'Jan' },
    );
    expect(ruleIdsOn(out, 2)).toContain('pl-permits');
  });
});

describe('finding 6: coming home with ashes collected abroad, the family asks at home', () => {
  it('US to Poland and home to Ireland: Ireland’s own authorities, not its embassy in the US', () => {
    const said = gapMessages(jan(true), 2).join('\n');
    expect(said).not.toContain('Ireland in the United States');
    expect(said).toContain(
      'We have no rule from our research for taking ashes into Ireland yet. The border authorities of Ireland can tell you, before you set off, what they need',
    );
  });
});
