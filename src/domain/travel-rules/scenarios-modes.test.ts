import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';

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
      legs: [{ mode: 'rail', from: 'FR', to: 'GB', carrier: 'EUROSTAR' }],
      keepsakes: plastic,
    });
    expect(gapText(out)).toContain(
      'We have no checked rule for ashes on EUROSTAR yet — please ask the rail company',
    );
    expect(ids(out)).toEqual(expect.arrayContaining(['gb-import-docs', 'fr-prefect-exit']));
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

  it('driving into Poland: a private car is fine, the Polish permits still apply', () => {
    const out = evaluateTrip({ legs: [{ mode: 'road', from: 'DE', to: 'PL' }], keepsakes: plastic });
    expect(ids(out)).toEqual(expect.arrayContaining(['road-pl-private-car', 'pl-permits']));
    expect(ids(out)).not.toContain('pl-carry-ok');
  });

  it('other roads are a gap', () => {
    const out = evaluateTrip({ legs: [{ mode: 'road', from: 'GB', to: 'IE' }], keepsakes: plastic });
    expect(gapText(out)).toContain(
      'We have no checked rule for driving with ashes from the United Kingdom to Ireland yet.',
    );
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
    const out = evaluateTrip({ ...cruise, purpose: 'scatter' });
    expect(ids(out)).toEqual(
      expect.arrayContaining(['ccl-scattering', 'ccl-12mi', 'ccl-private-scatter-fine']),
    );
    expect(out.legs[0]!.conflicts.map((c) => c.rule_ids)).toContainEqual([
      'ccl-guest-loose-only',
      'ccl-scattering',
    ]);
    expect(gapText(out)).not.toMatch(/scattering ashes in/);
  });

  it.each(['RCL', 'NCL', 'PCL', 'DCL'])('%s scattering ceremonies are reported (low confidence)', (line) => {
    const out = evaluateTrip({
      legs: [{ mode: 'sea', from: 'US', to: 'US', carrier: line }],
      keepsakes: plastic,
      purpose: 'scatter',
    });
    expect(
      out.legs[0]!.requirements.find((r) => r.id === `${line.toLowerCase()}-scattering`)?.confidence,
    ).toBe('low');
  });

  it('an unknown or unnamed ship is a gap', () => {
    const named = evaluateTrip({
      legs: [{ mode: 'sea', from: 'GB', to: 'FR', carrier: 'BRITTANY' }],
      keepsakes: plastic,
    });
    expect(gapText(named)).toContain(
      'We have no checked rule for BRITTANY yet — please ask them before you sail',
    );
    const unnamed = evaluateTrip({ legs: [{ mode: 'sea', from: 'GB', to: 'FR' }], keepsakes: plastic });
    expect(gapText(unnamed)).toContain("You haven't said which cruise line or ferry this is.");
  });
});

describe('scattering at the destination', () => {
  const scatterIn = (to: string, from = 'GB') =>
    evaluateTrip({
      legs: [
        { mode: 'air', from, to, carrier: 'BA' },
        { mode: 'air', from: to, to: from, carrier: 'BA' },
      ],
      keepsakes: plastic,
      purpose: 'scatter',
    });

  it('US: the EPA rules apply on the way there, not on the way home', () => {
    const out = scatterIn('US');
    expect(ids(out)).toEqual(
      expect.arrayContaining([
        'epa-3nm',
        'epa-report-30d',
        'epa-decomposable',
        'epa-foreign-12nm',
        'nps-permit',
      ]),
    );
    expect(ids(out, 1).some((id) => id.startsWith('epa-'))).toBe(false);
    expect(out.legs[0]!.conflicts.map((c) => c.rule_ids)).toEqual(
      expect.arrayContaining([
        ['ca-sea-500-yards', 'epa-3nm'],
        ['epa-as-notify-before', 'epa-report-30d'],
      ]),
    );
  });

  it('ashes starting in the US need no 12-mile special permit', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'road', from: 'US', to: 'US' }],
      keepsakes: plastic,
      purpose: 'scatter',
    });
    expect(ids(out)).toContain('epa-3nm');
    expect(ids(out)).not.toContain('epa-foreign-12nm');
  });

  it('UK: ask the landowner; guidance for water; the 3-mile claim is shown as disputed', () => {
    const out = scatterIn('GB', 'IE');
    expect(ids(out)).toEqual(expect.arrayContaining(['gb-landowner', 'gb-water-guidance', 'gb-ea-position']));
    expect(out.legs[0]!.conflicts.map((c) => c.rule_ids)).toContainEqual([
      'gb-sea-3nm-claim',
      'gb-tidal-no-licence',
    ]);
  });

  it('France: not on public roads', () => {
    expect(ids(scatterIn('FR'))).toContain('fr-scatter-nature');
  });

  it('a pet scattered at sea in the US is outside the EPA permit (warning)', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'DL' }],
      keepsakes: plastic,
      purpose: 'scatter',
      loved_one: { kind: 'pet' },
    });
    expect(out.legs[0]!.requirements.find((r) => r.id === 'epa-no-pets')?.severity).toBe('warning');
  });

  it('anywhere else, scattering is a gap', () => {
    expect(gapText(scatterIn('GR'))).toContain('We have no checked rule for scattering ashes in Greece yet.');
  });
});

describe('keepsakes that are not an urn', () => {
  it('jewellery holding ashes: the ashes rules apply, with a gap about screening jewellery', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'VY', bag: 'carry-on' }],
      keepsakes: [{ kind: 'jewellery', container: 'metal' }],
    });
    expect(ids(out)).toEqual(expect.arrayContaining(['es-docs', 'vy-docs']));
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
      requirements: [],
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
