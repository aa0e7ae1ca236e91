import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 35b (reviewer r35b, /tmp/r35b), finding 4 (medium), t09: a Danish family scattering Mormor's
// ashes at sea in Sweden heard "The local authority for that coast is the one to ask", though in
// Sweden the county board (Länsstyrelsen) gives permission, not the town. Now the county board's own
// page is a rule, and where no rule of ours speaks for a place, no level of authority is named.
// And the lows: a stillborn baby's summary read "carry Ask the crematorium …" (t39); a dog was told
// "Some accept a death certificate instead" (t04); a pet's drive named the same office twice (t07, t33).

const today = '2026-12-07';

/** A Danish family taking Mormor by train to scatter her ashes in `country`, at `place`. */
const scatteringFromDenmark = (country: string, place: string, kind = 'adult') =>
  readTripOn(today, {
    home_country: 'DK',
    purpose: 'scatter',
    scatter: { country, place, ashes_come_home: false },
    legs: [
      { mode: 'rail', from: 'DK', to: country },
      { mode: 'rail', from: country, to: 'DK', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Mormor' }],
    loved_ones: [{ name: 'Mormor', kind, loss_country: 'DK', cremated_in: 'DK' }],
  });

describe('r35b 4: scattering where the permission is not the town’s', () => {
  it('at sea in Sweden, the county board’s permission, from its own page', () => {
    const out = scatteringFromDenmark('SE', 'sea');
    expect(ruleIdsOn(out, 0)).toContain('se-county-board-permit');
    expect(gapMessages(out, 0).join(' ')).not.toContain('scattering ashes');
    const rule = out.legs[0]!.requirements.find((r) => r.id === 'se-county-board-permit')!;
    expect(rule.detail).toContain('applies to the county board first');
    expect(rule.source_url).toBe(
      'https://www.lansstyrelsen.se/stockholm/privat/livshandelser/begravningar.html',
    );
  });

  // Norway was the place here until its county governors' page became a rule (review 36, fixAF).
  it('where no rule speaks (at sea in the Netherlands), no level of authority is named', () => {
    const gaps = gapMessages(scatteringFromDenmark('NL', 'sea'), 0);
    expect(gaps).toContain(
      'We have no rule from our research for scattering ashes at sea in the Netherlands yet. The authority that gives permission to scatter there is the one to ask; a funeral director there can tell you which one that is.',
    );
    expect(gaps.join(' ')).not.toContain('local authority');
  });

  it('a pet’s ashes in Sweden: the county board’s page speaks of a person, and that is said', () => {
    const gaps = gapMessages(scatteringFromDenmark('SE', 'land', 'pet'), 0);
    expect(gaps).toContain(
      "Our sources on scattering ashes on land in Sweden speak about a person's ashes, not a pet's. For Mormor, the authority that gives permission to scatter there, or whoever owns the land or water, is the one to ask; a funeral director there can tell you which one that is.",
    );
  });
});

describe('r35b lows', () => {
  it('t39: a baby’s summary never reads "carry Ask …"', () => {
    const out = readTripOn(today, {
      home_country: 'NZ',
      legs: [
        { mode: 'air', from: 'NZ', to: 'SG', carrier: 'SQ', bag: 'carry_on' },
        { mode: 'air', from: 'SG', to: 'NZ', carrier: 'SQ', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Baby Tui' }],
      loved_ones: [
        {
          name: 'Baby Tui',
          kind: 'pregnancy_loss',
          born_alive: false,
          gestation_weeks: 19,
          birth_weight_g: 300,
          loss_country: 'NZ',
          cremated_in: 'NZ',
        },
      ],
    });
    const text = out.summary[0]!.text;
    expect(text).not.toMatch(/carry [A-Z]/);
    expect(text).toContain(
      'For Baby Tui, carry whatever paperwork the hospital or funeral director gave you about your baby.',
    );
    expect(text).toContain('Ask the crematorium for its certificate, or a letter confirming the cremation.');
  });

  it('t04: a dog’s cremation certificate is not said to be replaceable by a death certificate', () => {
    const out = readTripOn(today, {
      home_country: 'CA',
      legs: [
        { mode: 'air', from: 'CA', to: 'IN', carrier: 'AC', bag: 'carry_on' },
        { mode: 'air', from: 'IN', to: 'CA', carrier: 'AC', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Bruno' }],
      loved_ones: [{ name: 'Bruno', kind: 'pet', loss_country: 'CA', cremated_in: 'CA' }],
    });
    const cremation = out.documents.find((d) => d.key === 'cremation_certificate')!;
    expect(cremation.detail).toContain('Air Canada may ask for it.');
    expect(cremation.detail).not.toContain('death certificate');
  });

  /** Max, a dog, driven from home (the Netherlands) to Germany and back. */
  const drivingMax = readTripOn(today, {
    home_country: 'NL',
    legs: [
      { mode: 'road', from: 'NL', to: 'DE' },
      { mode: 'road', from: 'DE', to: 'NL', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Max' }],
    loved_ones: [{ name: 'Max', kind: 'pet', loss_country: 'NL', cremated_in: 'NL' }],
  });

  it('t07: driving a pet’s ashes into Germany, its embassy in the Netherlands is named once', () => {
    const gaps = gapMessages(drivingMax, 0);
    expect(gaps.filter((gap) => gap.includes('the embassy or consulate of Germany'))).toEqual([
      "We have no rule from our research for driving with ashes from the Netherlands to Germany yet, and our sources on taking ashes into Germany speak about a person's ashes. For Max, the embassy or consulate of Germany in the Netherlands can tell you, before you set off, what they need for a pet's ashes.",
    ]);
  });

  it('t07: driving home, Dutch customs is named once', () => {
    expect(gapMessages(drivingMax, 1)).toEqual([
      "We have no rule from our research for driving with ashes from Germany to the Netherlands, or for taking a person's or a pet's ashes into the Netherlands, yet. For Max, the customs service of the Netherlands can tell you, before you set off, whether anything is needed bringing a pet's ashes back.",
    ]);
  });
});
