import { describe, expect, it } from 'vitest';
import type { TravelLegInput } from '../../contracts/travel-rules.js';
import { evaluateShipment as ship, evaluateTrip as evaluate } from './index.js';

// Airlines added from sources read on 2026-12-04: each rule fires for its own airline and no other.

const TODAY = { today: '2026-12-04' };
const fly = (leg: Partial<TravelLegInput> & Pick<TravelLegInput, 'from' | 'to'>) =>
  evaluate(
    {
      home_country: leg.from,
      legs: [{ mode: 'air', ...leg }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
    },
    TODAY,
  ).legs[0]!;
const ruleIds = (leg: ReturnType<typeof fly>) => leg.requirements.flatMap((r) => r.rule_ids);

const NEW_AIRLINE_RULES = {
  JL: ['jl-cabin', 'jl-papers'],
  NH: ['nh-cabin', 'nh-papers'],
  AI: ['ai-carriage', 'ai-docs'],
  EY: ['ey-checked-docs'],
  W6: ['w6-cabin-docs'],
  NK: ['nk-screened'],
  LA: ['la-carriage', 'la-docs'],
  VN: ['vn-carriage', 'vn-quarantine-permit', 'vn-no-permit'],
} as const;

describe.each(Object.entries(NEW_AIRLINE_RULES))('%s', (airline, ids) => {
  it('its rules fire on its own flights, and it is no longer a gap', () => {
    // JAL's and ANA's note speaks of security in Japan, so their flights leave from there (review 15, 5).
    const leg = fly({
      ...(airline === 'JL' || airline === 'NH' ? { from: 'JP', to: 'JP' } : { from: 'GB', to: 'FR' }),
      carrier: airline,
    });
    expect(ruleIds(leg)).toEqual(expect.arrayContaining([...ids]));
    expect(leg.gaps.map((g) => g.message).join(' ')).not.toMatch(
      /We have no rule from our research for (?!airport|taking ashes into)/,
    );
  });

  it('its rules stay silent for another airline', () => {
    const other = airline === 'JL' ? 'NH' : 'JL';
    const leg = fly({ from: 'GB', to: 'FR', carrier: other });
    for (const id of ids) expect(ruleIds(leg)).not.toContain(id);
  });
});

describe.each([
  {
    airline: 'EY',
    bag: 'carry_on',
    warning: 'ey-no-cabin',
    ask: 'Etihad',
    words: /Etihad and Abu Dhabi airport reportedly don't allow ashes in the cabin/,
  },
  {
    airline: 'W6',
    bag: 'checked',
    warning: 'w6-no-hold',
    ask: 'Wizz Air',
    words: /Wizz Air doesn't take ashes in checked bags/,
  },
] as const)('$airline refuses ashes in a $bag bag', ({ airline, bag, warning, ask, words }) => {
  it('is a warning that says whom to ask, since it rests on a retailer', () => {
    const requirement = fly({ from: 'GB', to: 'AE', carrier: airline, bag }).requirements.find((r) =>
      r.rule_ids.includes(warning),
    );
    expect(requirement?.severity).toBe('warning');
    expect(requirement?.title).toMatch(words);
    expect(requirement).toMatchObject({ confidence: 'low', awaiting_official: ask });
  });

  it('raises no warning for the other bag', () => {
    const other = bag === 'checked' ? 'carry_on' : 'checked';
    const leg = fly({ from: 'GB', to: 'AE', carrier: airline, bag: other });
    expect(leg.requirements.filter((r) => r.severity === 'warning')).toEqual([]);
  });
});

describe('details that depend on the route', () => {
  it("Vietnam Airlines' own pages disagree about a health permit, and both are shown", () => {
    const leg = fly({ from: 'FR', to: 'VN', carrier: 'VN', bag: 'carry_on' });
    const conflict = leg.conflicts.find((c) => c.rule_ids.includes('vn-quarantine-permit'));
    expect(conflict?.rule_ids).toEqual(['vn-no-permit', 'vn-quarantine-permit']);
    expect(conflict?.message).toContain('Vietnam Airlines');
  });

  it('LATAM points to ANVISA only on flights into Brazil', () => {
    expect(ruleIds(fly({ from: 'CL', to: 'BR', carrier: 'LA' }))).toContain('la-brazil-anvisa');
    expect(ruleIds(fly({ from: 'BR', to: 'CL', carrier: 'LA' }))).not.toContain('la-brazil-anvisa');
  });

  it("Japan Airlines' papers are a recommendation, from a professional source quoting JAL", () => {
    // Said once with the memorial company's rule from the same article (review 7, finding 10).
    const papers = fly({ from: 'JP', to: 'JP', carrier: 'JL', bag: 'carry_on' }).requirements.find((r) =>
      r.rule_ids.includes('jl-papers'),
    );
    expect(papers).toMatchObject({
      severity: 'recommended',
      confidence: 'medium',
      source_date: '2022-12-17',
    });
  });

  it('Korean Air and Asiana speak only for Hong Kong to Incheon', () => {
    expect(ruleIds(fly({ from: 'HK', to: 'KR', carrier: 'KE' }))).toContain('ke-hk-incheon-cabin');
    expect(ruleIds(fly({ from: 'HK', to: 'KR', carrier: 'OZ' }))).toContain('oz-hk-incheon-cabin');
    const elsewhere = fly({ from: 'US', to: 'KR', carrier: 'KE' });
    expect(ruleIds(elsewhere)).not.toContain('ke-hk-incheon-cabin');
    expect(elsewhere.gaps.map((g) => g.message).join(' ')).toContain(
      'We have no rule from our research for Korean Air',
    );
  });

  it('an airline we found no source for stays a gap (Allegiant)', () => {
    const gaps = fly({ from: 'US', to: 'US', carrier: 'G4' }).gaps.map((g) => g.message);
    expect(gaps.join(' ')).toContain(
      'We have no rule from our research for Allegiant Air yet. Please ask them before you fly',
    );
  });
});

describe('airline cargo', () => {
  // IndiGo's page speaks of ashes brought into India, so its rule is for shipments to India.
  it.each([
    ['6E', 'GB', 'IN', '6e-cargo-urn'],
    ['TK', 'TR', 'GB', 'tk-cargo-ashes'],
  ])('%s cargo from %s to %s gives %s, and another carrier does not', (carrier, from, to, id) => {
    const ids = (c: string) => ship({ from, to, carrier: c }, TODAY).requirements.map((r) => r.id);
    expect(ids(carrier)).toContain(id);
    expect(ids('AV')).not.toContain(id);
  });
});
