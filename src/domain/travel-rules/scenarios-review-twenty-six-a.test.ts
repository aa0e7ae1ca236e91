import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 26, findings 1 and 5 (brief fix26a; inputs in /tmp/r26): "going home" is judged by where
// the journey ends, not by the one leg; and on the way home every gap names the mission where the
// journey sets off, not the one in the home country.

const today = '2026-12-07';
type Out = ReturnType<typeof readTripOn>;
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!.text;
const ashes = (name: string) => ({
  keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: name }],
  purpose: 'carry',
});

describe("finding 1: Ireland's coroner's certificate on the way home to Poland through a third country", () => {
  // t91: a Ryanair flight to Germany, then driving home to Poland.
  const t91 = () =>
    readTripOn(today, {
      home_country: 'PL',
      legs: [
        { mode: 'air', from: 'IE', to: 'DE', carrier: 'FR', bag: 'carry_on' },
        { mode: 'road', from: 'DE', to: 'PL', way_home: true },
      ],
      ...ashes('Babcia'),
      loved_ones: [{ name: 'Babcia', kind: 'adult', loss_country: 'IE', cremated_in: 'IE' }],
    });
  // t94: the Irish Ferries sailing to France, then driving through Germany.
  const t94 = () =>
    readTripOn(today, {
      home_country: 'PL',
      legs: [
        { mode: 'sea', from: 'IE', to: 'FR', carrier: 'Irish Ferries' },
        { mode: 'road', from: 'FR', to: 'DE' },
        { mode: 'road', from: 'DE', to: 'PL', way_home: true },
      ],
      ...ashes('Dziadek'),
      loved_ones: [{ name: 'Dziadek', kind: 'adult', loss_country: 'IE', cremated_in: 'IE' }],
    });

  it('t91: the leg leaving Ireland asks for the coroner’s certificate, with no “no rule for taking ashes out of Ireland”', () => {
    const out = t91();
    expect(ruleIdsOn(out, 0)).toContain('ie-export-coroner');
    expect(gapMessages(out, 0).join('\n')).not.toContain('taking ashes out of Ireland');
    expect(summaryOf(out, 'Babcia')).toContain(
      "the coroner's certificate allowing the ashes to leave Ireland",
    );
  });

  it('t94: by ferry to France and driving home, the same', () => {
    const out = t94();
    expect(ruleIdsOn(out, 0)).toContain('ie-export-coroner');
    expect(gapMessages(out, 0).join('\n')).not.toContain('taking ashes out of Ireland');
    expect(summaryOf(out, 'Dziadek')).toContain(
      "the coroner's certificate allowing the ashes to leave Ireland",
    );
  });

  it('a family living in Germany, on a trip that does not end in Poland, does not hear it', () => {
    const out = readTripOn(today, {
      home_country: 'DE',
      legs: [{ mode: 'air', from: 'IE', to: 'DE', carrier: 'FR', bag: 'carry_on', way_home: true }],
      ...ashes('Babcia'),
      loved_ones: [{ name: 'Babcia', kind: 'adult', loss_country: 'IE', cremated_in: 'IE' }],
    });
    expect(ruleIdsOn(out, 0)).not.toContain('ie-export-coroner');
  });
});

describe('finding 5: on the way home, gaps name the mission where the journey sets off', () => {
  const gapsOf = (out: Out, leg: number) => gapMessages(out, leg).join('\n');

  it('t04: a Belgian family from the US by Paris: France in the United States', () => {
    const out = readTripOn(today, {
      home_country: 'BE',
      legs: [
        { mode: 'air', from: 'US', to: 'FR', carrier: 'AF', bag: 'carry_on' },
        { mode: 'rail', from: 'FR', to: 'BE', carrier: 'SNCF', way_home: true },
      ],
      ...ashes('Papa'),
      loved_ones: [{ name: 'Papa', kind: 'adult', loss_country: 'US', cremated_in: 'US', nationality: 'BE' }],
    });
    expect(gapsOf(out, 0)).toContain('The embassy or consulate of France in the United States can tell you');
    expect(gapsOf(out, 0)).not.toContain('France in Belgium');
  });

  // The leg home: Spain's own border authorities, not its post in the UK (review 35, t).
  it('t82: a Spanish family driving from the UK through France: France in the United Kingdom', () => {
    const out = readTripOn(today, {
      home_country: 'ES',
      legs: [
        { mode: 'road', from: 'GB', to: 'FR' },
        { mode: 'road', from: 'FR', to: 'ES', way_home: true },
      ],
      ...ashes('Abuela'),
      loved_ones: [{ name: 'Abuela', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(gapsOf(out, 0)).toContain('The embassy or consulate of France in the United Kingdom can tell you');
    expect(gapsOf(out, 1)).toContain('The border authorities of Spain can tell you, before you set off');
    expect(gapsOf(out, 1)).not.toContain('Spain in');
  });

  // Coming home, Denmark's own border authorities, never a Danish post abroad (review 35, t).
  it('t06: a Danish family from the US by Frankfurt, driving home: Denmark’s border authorities', () => {
    const out = readTripOn(today, {
      home_country: 'DK',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'UA', bag: 'carry_on' },
        { mode: 'road', from: 'DE', to: 'DK', way_home: true },
      ],
      ...ashes('Farfar'),
      loved_ones: [{ name: 'Farfar', kind: 'adult', loss_region: 'US-MN', cremated_in: 'US' }],
    });
    expect(gapsOf(out, 1)).toContain('The border authorities of Denmark can tell you, before you set off');
    expect(gapsOf(out, 1)).not.toContain('Denmark in Germany');
  });

  it('t83: a Dutch family on Eurostar to Brussels, then home: Belgium in the United Kingdom', () => {
    const out = readTripOn(today, {
      home_country: 'NL',
      legs: [
        { mode: 'rail', from: 'GB', to: 'BE', carrier: 'Eurostar' },
        { mode: 'rail', from: 'BE', to: 'NL', way_home: true },
      ],
      ...ashes('Oma'),
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(gapsOf(out, 0)).toContain(
      'For a family from the Netherlands, the embassy or consulate of Belgium in the United Kingdom',
    );
  });

  it('t91: Ireland by Germany to Poland: Germany in Ireland', () => {
    const out = readTripOn(today, {
      home_country: 'PL',
      legs: [
        { mode: 'air', from: 'IE', to: 'DE', carrier: 'FR', bag: 'carry_on' },
        { mode: 'road', from: 'DE', to: 'PL', way_home: true },
      ],
      ...ashes('Babcia'),
      loved_ones: [{ name: 'Babcia', kind: 'adult', loss_country: 'IE', cremated_in: 'IE' }],
    });
    expect(gapsOf(out, 0)).toContain('Germany in Ireland');
    expect(gapsOf(out, 0)).not.toContain('Germany in Poland');
  });

  it('t92: a Vietnamese family from France by Bangkok: Thailand in France', () => {
    const out = readTripOn(today, {
      home_country: 'VN',
      legs: [
        { mode: 'air', from: 'FR', to: 'TH', carrier: 'TG', bag: 'carry_on' },
        { mode: 'air', from: 'TH', to: 'VN', carrier: 'VN', bag: 'carry_on', way_home: true },
      ],
      ...ashes('Bà'),
      loved_ones: [{ name: 'Bà', kind: 'adult', loss_country: 'FR', cremated_in: 'FR' }],
    });
    expect(gapsOf(out, 0)).toContain(
      'For a family from Vietnam, the embassy or consulate of Thailand in France',
    );
  });

  it('a family not going home still asks the missions where they live', () => {
    const out = readTripOn(today, {
      home_country: 'BE',
      legs: [
        { mode: 'air', from: 'BE', to: 'US', carrier: 'UA', bag: 'carry_on' },
        { mode: 'air', from: 'US', to: 'FR', carrier: 'AF', bag: 'carry_on' },
      ],
      ...ashes('Papa'),
      loved_ones: [{ name: 'Papa', kind: 'adult', loss_country: 'BE', cremated_in: 'BE' }],
    });
    expect(gapsOf(out, 1)).toContain('France in Belgium');
  });
});
