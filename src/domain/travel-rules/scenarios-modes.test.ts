import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip as evaluate } from './index.js';

const evaluateTrip = (input: Parameters<typeof evaluate>[0]) => evaluate(input, { today: '2026-11-28' });

// Trains, cars and ships; scattering; and keepsakes that are not an urn of ashes.

const plastic = [{ kind: 'ashes' as const, container: 'plastic' as const }];
const ids = (out: ReturnType<typeof evaluateTrip>, index = 0) =>
  out.legs[index]!.requirements.map((r) => r.id);
const gapText = (out: ReturnType<typeof evaluateTrip>, index = 0) =>
  out.legs[index]!.gaps.map((g) => g.message).join('\n');

describe('rail', () => {
  it('Amtrak: no policy found, keep the urn with you', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'rail', from: 'US', to: 'US', carrier: 'amtrak' }],
      keepsakes: plastic,
    });
    expect(ids(out)).toContain('rail-amtrak-unknown');
    expect(gapText(out)).toBe('');
  });

  it('Amtrak is also found by its two-character code, as the trips form stores it', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'rail', from: 'US', to: 'US', carrier: '2v' }],
      keepsakes: plastic,
    });
    expect(ids(out)).toContain('rail-amtrak-unknown');
  });

  it('Russian trains: an accompanying person with a ticket', () => {
    const out = evaluateTrip({ legs: [{ mode: 'rail', from: 'FI', to: 'RU' }], keepsakes: plastic });
    expect(ids(out)).toContain('rail-ru-accompanied');
  });

  it('any other train is a gap naming the operator', () => {
    const out = evaluateTrip({
      home_country: 'GB',
      legs: [{ mode: 'rail', from: 'FR', to: 'GB', carrier: 'SNCF' }],
      keepsakes: plastic,
    });
    expect(gapText(out)).toContain(
      'We have no rule from our research for ashes on SNCF yet. Please ask the rail company',
    );
    expect(ids(out)).toContain('gb-import-docs');
    // The prefect's permission is for ashes leaving France for good, not a British family's own.
    expect(ids(out)).not.toContain('fr-prefect-exit');
  });

  it('a train code is never read as an airline: DB is shown as typed, not as Brit Air', () => {
    const out = evaluateTrip({
      home_country: 'DE',
      legs: [{ mode: 'rail', from: 'DE', to: 'FR', carrier: 'DB' }],
      keepsakes: plastic,
    });
    expect(gapText(out)).toContain('We have no rule from our research for ashes on DB yet.');
    expect(gapText(out)).not.toContain('Brit Air');
  });
});

describe('road', () => {
  it('driving within the US: no federal permit, bring the papers (and any state permit)', () => {
    const out = evaluateTrip({ legs: [{ mode: 'road', from: 'US', to: 'US' }], keepsakes: plastic });
    expect(ids(out)).toEqual(['road-us-no-permit', 'cont-plastic-travels-well']);
    expect(out.documents.map((d) => d.title)).toContain(
      'Any state disposition or transit permit you were given',
    );
  });

  it('driving into Poland from Ireland: a private car is fine, the Polish permits still apply', () => {
    const out = evaluateTrip({
      home_country: 'IE',
      legs: [{ mode: 'road', from: 'IE', to: 'PL' }],
      keepsakes: plastic,
    });
    expect(ids(out)).toEqual(expect.arrayContaining(['road-pl-private-car', 'pl-permits']));
    expect(ids(out)).not.toContain('pl-carry-ok');
  });

  it('from Germany, the Polish consulate in Dublin does not speak: a gap instead', () => {
    const out = evaluateTrip({ legs: [{ mode: 'road', from: 'DE', to: 'PL' }], keepsakes: plastic });
    expect(ids(out)).not.toContain('pl-permits');
    expect(gapText(out)).toContain('driving with ashes from Germany to Poland');
  });

  it('other roads are a gap, said once (review 12, finding 7: Ireland speaks only of air and sea)', () => {
    const out = evaluateTrip({ legs: [{ mode: 'road', from: 'GB', to: 'IE' }], keepsakes: plastic });
    expect(gapText(out)).toContain(
      'Our sources on taking ashes into Ireland speak only about arriving by air and by sea.',
    );
    expect(gapText(out)).not.toContain('driving with ashes from the United Kingdom to Ireland');
  });
});

describe('sea', () => {
  const cruise: TravelRulesInput = {
    legs: [
      { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL' },
      { mode: 'sea', from: 'BS', to: 'US', carrier: 'carnival' },
    ],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
  };

  it('Carnival: papers, container, custody, and the urn stays aboard at ports (warning)', () => {
    const out = evaluateTrip(cruise);
    expect(ids(out)).toEqual(expect.arrayContaining(['ccl-docs', 'ccl-container', 'ccl-custody']));
    expect(out.legs[0]!.requirements[0]).toMatchObject({ id: 'ccl-no-ashore', severity: 'warning' });
    expect(ids(out, 1)).toContain('ccl-no-ashore');
    expect(ids(out)).not.toContain('ccl-scattering');
  });

  it('Carnival scattering: arranged on board, with the disagreement about releasing the urn shown', () => {
    const out = evaluateTrip({ ...cruise, purpose: 'scatter', scatter: { country: 'US', place: 'sea' } });
    expect(ids(out)).toEqual(
      expect.arrayContaining(['ccl-scattering', 'ccl-12mi', 'ccl-private-scatter-fine']),
    );
    expect(out.legs[0]!.conflicts.map((c) => c.rule_ids)).toContainEqual([
      'ccl-guest-loose-only',
      'ccl-scattering',
    ]);
    expect(gapText(out)).not.toMatch(/scattering ashes in/);
  });

  // Royal Caribbean's own FAQ now stands behind its rule: see scenarios-more-places.test.ts.
  it.each(['NCL', 'PCL', 'DCL'])('%s scattering ceremonies are reported (low confidence)', (line) => {
    const out = evaluateTrip({
      legs: [{ mode: 'sea', from: 'US', to: 'US', carrier: line }],
      keepsakes: plastic,
      purpose: 'scatter',
      scatter: { country: 'US', place: 'sea' },
    });
    expect(
      out.legs[0]!.requirements.find((r) => r.id === `${line.toLowerCase()}-scattering`)?.confidence,
    ).toBe('low');
  });

  it('ports of call where the urn stays aboard are not arrivals: no entry rules, no "no rule" gaps', () => {
    const calls: TravelRulesInput = {
      home_country: 'US',
      legs: [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'BS', to: 'MX', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'MX', to: 'US', carrier: 'CCL' },
      ],
      keepsakes: plastic,
    };
    const out = evaluateTrip(calls);
    const all = out.legs.flatMap((leg) => leg.requirements.map((r) => r.id));
    expect(all).not.toContain('mx-translations');
    expect(all).toContain('ccl-no-ashore');
    expect(out.legs.map((_, index) => gapText(out, index)).join('\n')).not.toMatch(/taking ashes into/);
    // Coming home to the US is an arrival, with its rules.
    expect(ids(out, 2)).toContain('us-import-none');
    // Going ashore with the urn in Cozumel is an arrival: Mexico's rules for entering are weighed.
    // Its consulates' lists speak of ashes brought to Mexico to stay (review 32), so for a visit
    // ashore they are left out, and that is said, with whom to ask.
    const ashore = evaluateTrip({
      ...calls,
      legs: calls.legs.map((leg, index) => (index === 1 ? { ...leg, connection: false } : leg)),
    });
    expect(ids(ashore, 1)).not.toContain('mx-translations');
    expect(gapText(ashore, 1)).toMatch(/for ashes brought to Mexico to stay there, so we leave them out/);
    // A port we know nothing about says so, and how to say the ashes stay aboard.
    const nassau = evaluateTrip({
      ...calls,
      legs: [{ ...calls.legs[0]!, connection: false }, calls.legs[1]!, calls.legs[2]!],
    });
    expect(gapText(nassau)).toContain(
      'If the ashes stay on board while the ship is in port, mark this stop as a port of call.',
    );
  });

  it('an unknown or unnamed ship is a gap', () => {
    const named = evaluateTrip({
      legs: [{ mode: 'sea', from: 'GB', to: 'FR', carrier: 'BRITTANY' }],
      keepsakes: plastic,
    });
    expect(gapText(named)).toContain(
      'We have no rule from our research on carrying ashes aboard BRITTANY yet. Please ask them before you sail',
    );
    const unnamed = evaluateTrip({ legs: [{ mode: 'sea', from: 'GB', to: 'FR' }], keepsakes: plastic });
    expect(gapText(unnamed)).toContain("You haven't said which cruise line or ferry this is.");
  });
});

describe('scattering: the rules of the place where the ashes are scattered', () => {
  const scatter = (scatterInput: NonNullable<TravelRulesInput['scatter']>, from = 'GB', extra = {}) =>
    evaluateTrip({
      legs: [
        { mode: 'air', from, to: scatterInput.country, carrier: 'BA' },
        { mode: 'air', from: scatterInput.country, to: from, carrier: 'BA' },
      ],
      keepsakes: plastic,
      purpose: 'scatter',
      scatter: scatterInput,
      ...extra,
    });

  it('at sea in the US: the EPA rules, on the way there only', () => {
    const out = scatter({ country: 'US', place: 'sea' });
    // Ashes brought from abroad: 12 nautical miles, not 3 (review 6, finding 2).
    expect(ids(out)).toEqual(
      expect.arrayContaining(['epa-report-30d', 'epa-decomposable', 'epa-foreign-12nm']),
    );
    expect(ids(out)).not.toContain('epa-3nm');
    expect(ids(out, 1).some((id) => id.startsWith('epa-'))).toBe(false);
    // California, national parks, American Samoa and inland waters speak for other places.
    for (const id of [
      'ca-sea-500-yards',
      'ca-land-permission',
      'nps-permit',
      'nps-denali',
      'epa-as-notify-before',
      'epa-inland',
    ]) {
      expect(ids(out)).not.toContain(id);
    }
    expect(out.legs[0]!.conflicts).toEqual([]);
  });

  it('at sea off California: the federal distance and California’s own 500 yards, which it meets, not a disagreement', () => {
    // Ashes brought from the UK: the federal distance is 12 nautical miles, so "3 nautical miles
    // meets both" would be wrong for them (review 6, finding 2).
    const out = scatter({ country: 'US', region: 'US-CA', place: 'sea' });
    expect(ids(out)).toEqual(expect.arrayContaining(['epa-foreign-12nm', 'ca-sea-500-yards']));
    expect(out.legs[0]!.conflicts).toEqual([]);
    const california = out.legs[0]!.requirements.find((r) => r.id === 'ca-sea-500-yards');
    expect(california?.detail).toContain('The federal EPA rules on distance from land still apply as well');
    expect(california?.detail).not.toContain('meets both');
  });

  it('on land in California: the written permission of the owner, and no sea rules', () => {
    const out = scatter({ country: 'US', region: 'US-CA', place: 'land' });
    expect(ids(out)).toContain('ca-land-permission');
    expect(ids(out).some((id) => id.startsWith('epa-'))).toBe(false);
  });

  it('in a national park: the park named speaks for itself; another park is a gap naming the park', () => {
    const denali = ids(scatter({ country: 'US', place: 'national_park', site: 'nps:dena' }));
    expect(denali).toContain('nps-denali');
    expect(denali).not.toContain('nps-permit');
    const other = scatter({ country: 'US', place: 'national_park', site: 'nps:grca' });
    expect(ids(other).some((id) => id.startsWith('nps-'))).toBe(false);
    expect(gapText(other)).toContain(
      // The park named is said too, never dropped without a word (review 23, finding 6).
      'We have no rule from our research for scattering ashes in a national park in the United States yet, nor for the park you named (nps:grca). The park itself is the one to ask.',
    );
  });

  it('at sea off American Samoa: its own EPA beside the US EPA, no disagreement made up', () => {
    // American Samoa's EPA page says the US EPA's general permit covers burial at sea there; the US
    // report's "within 30 days after" is left to its own rule, which says to ask (review 35, ab).
    const out = scatter({ country: 'AS', place: 'sea' }, 'US');
    expect(ids(out)).toEqual(expect.arrayContaining(['epa-as-notify-before', 'epa-3nm']));
    expect(ids(out)).not.toContain('epa-report-30d');
    const scatteringConflicts = out.legs[0]!.conflicts.filter((c) =>
      c.rule_ids.some((id) => id.startsWith('epa-')),
    );
    expect(scatteringConflicts).toEqual([]);
  });

  it('ashes starting in the US need no 12-mile special permit', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      keepsakes: plastic,
      scatter: { country: 'US', place: 'sea' },
    });
    expect(ids(out)).toContain('epa-3nm');
    expect(ids(out)).not.toContain('epa-foreign-12nm');
  });

  it('a pet scattered at sea in the US is outside the EPA permit (warning)', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'DL' }],
      keepsakes: plastic,
      scatter: { country: 'US', place: 'sea' },
      loved_one: { kind: 'pet' },
    });
    expect(out.legs[0]!.requirements.find((r) => r.id === 'epa-no-pets')?.severity).toBe('warning');
  });

  it('on a river in England: ask the landowner, the Environment Agency’s guidance for water', () => {
    const out = scatter({ country: 'GB', region: 'GB-ENG', place: 'river_or_lake' }, 'IE');
    expect(ids(out)).toEqual(expect.arrayContaining(['gb-landowner', 'gb-water-guidance', 'gb-ea-position']));
  });

  it('in Scotland: the landowner, never England’s Environment Agency', () => {
    const out = scatter({ country: 'GB', region: 'GB-SCT', place: 'river_or_lake' }, 'IE');
    expect(ids(out)).toContain('gb-landowner');
    expect(ids(out)).not.toContain('gb-water-guidance');
    expect(ids(out)).not.toContain('gb-ea-position');
  });

  it('at sea off England: the marine licensing body says no licence is needed, and no one is said to disagree', () => {
    const out = scatter({ country: 'GB', region: 'GB-ENG', place: 'sea' }, 'IE');
    expect(ids(out)).toContain('gb-tidal-no-licence');
    expect(ids(out)).not.toContain('gb-sea-3nm-claim');
    expect(out.legs[0]!.conflicts).toEqual([]);
  });

  it('France and Germany: their rules wherever you scatter there, and no "no rule" gap beside them', () => {
    const france = scatter({ country: 'FR', place: 'land' });
    const germany = scatter({ country: 'DE', place: 'river_or_lake' });
    // A funeral firm's words (fr-scatter-nature) are said within the government's guidance (review 36, L10).
    expect(ids(france)).toContain('fr-scatter-declare-birthplace');
    expect(ids(germany)).toContain('de-no-scattering');
    expect(gapText(france)).not.toMatch(/no rule from our research for scattering/);
    expect(gapText(germany)).not.toMatch(/no rule from our research for scattering/);
  });

  it('anywhere else, scattering is a gap naming whom to ask', () => {
    expect(gapText(scatter({ country: 'GR', place: 'sea' }))).toContain(
      'We have no rule from our research for scattering ashes at sea in Greece yet. The authority that gives permission to scatter there is the one to ask; a funeral director there can tell you which one that is.',
    );
  });

  it('where the family has not said, place rules wait and the family is asked', () => {
    const out = evaluateTrip({
      home_country: 'GB',
      legs: [
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA' },
        { mode: 'air', from: 'US', to: 'GB', carrier: 'BA' },
      ],
      keepsakes: plastic,
      purpose: 'scatter',
    });
    expect(ids(out).some((id) => id.startsWith('epa-') || id.startsWith('nps-'))).toBe(false);
    expect(out.questions.map((q) => q.field)).toEqual(['scatter_place']);
  });

  it('when every ash stays, the way home carries nothing and lists no carrying rules', () => {
    const out = scatter({ country: 'ES', place: 'sea', ashes_come_home: false });
    expect(out.legs[0]!.carries_ashes).toBe(true);
    expect(out.legs[1]).toMatchObject({ carries_ashes: false, requirements: [], gaps: [], exceptions: [] });
    const kept = scatter({ country: 'ES', place: 'sea' });
    expect(kept.legs[1]!.carries_ashes).toBe(true);
    expect(kept.legs[1]!.requirements.length).toBeGreaterThan(0);
  });
});

describe('keepsakes that are not an urn', () => {
  it('jewellery holding ashes: no papers asked for an urn, with a gap about jewellery', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'VY', bag: 'carry_on' }],
      keepsakes: [{ kind: 'jewellery', container: 'metal' }],
    });
    // Vueling's papers are asked for ashes in an urn; no source says they are asked for a pendant.
    expect(ids(out)).not.toContain('vy-docs');
    expect(ids(out)).toContain('vy-check-consulate');
    expect(ids(out)).not.toContain('container-xray-risk');
    expect(gapText(out)).toContain('not keepsake jewellery');
  });

  it('"other" keepsakes carry no ashes and need nothing', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'US', to: 'DE', carrier: 'LH' }],
      keepsakes: [{ kind: 'other', container: 'unknown' }],
    });
    expect(out.legs[0]).toEqual({
      index: 0,
      carries_ashes: true,
      requirements: [],
      exceptions: [],
      gaps: [
        {
          message:
            "None of the keepsakes on this trip hold ashes, so the rules for carrying ashes don't apply to them. Pack them as you would anything precious.",
        },
      ],
      conflicts: [],
    });
    expect(out.documents).toEqual([]);
  });

  it('no keepsakes at all: nothing looked up, and we say so', () => {
    const out = evaluateTrip({ legs: [{ mode: 'air', from: 'US', to: 'DE' }], keepsakes: [] });
    expect(out.legs[0]!.requirements).toEqual([]);
    expect(gapText(out)).toContain('No keepsakes are listed for this trip yet');
  });
});
