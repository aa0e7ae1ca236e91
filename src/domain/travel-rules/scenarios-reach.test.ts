import { describe, expect, it } from 'vitest';
import type { TravelLegInput, TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip as evaluate } from './index.js';

// Rules added from pages read on 2026-12-05, while checking the largest airlines and a few more
// places (see data/README.md, "The largest airlines"): each fires for its own airline or country
// and no other, and the ones we found no source for stay gaps.

const TODAY = { today: '2026-12-05' };
type Trip = Omit<TravelRulesInput, 'legs' | 'keepsakes'>;
const fly = (leg: Partial<TravelLegInput> & Pick<TravelLegInput, 'from' | 'to'>, trip: Trip = {}) =>
  evaluate(
    { ...trip, legs: [{ mode: 'air', ...leg }], keepsakes: [{ kind: 'ashes', container: 'wood' }] },
    TODAY,
  ).legs[0]!;
const ruleIds = (leg: ReturnType<typeof fly>) => leg.requirements.flatMap((r) => r.rule_ids);
const gapText = (leg: ReturnType<typeof fly>) => leg.gaps.map((g) => g.message).join(' ');

describe('Air China', () => {
  it('its advice against checked bags fires on its own flights, from its own page', () => {
    const leg = fly({ from: 'CN', to: 'GB', carrier: 'CA' });
    expect(ruleIds(leg)).toContain('ca-ashes-not-checked');
    const advice = leg.requirements.find((r) => r.rule_ids.includes('ca-ashes-not-checked'));
    expect(advice).toMatchObject({ severity: 'recommended', confidence: 'high' });
    expect(gapText(leg)).not.toContain('We have no rule from our research for Air China');
  });

  it('stays silent for another airline', () => {
    for (const carrier of ['MU', 'CZ', 'CX']) {
      expect(ruleIds(fly({ from: 'CN', to: 'GB', carrier }))).not.toContain('ca-ashes-not-checked');
    }
  });
});

describe('ranked airlines we found no source for stay gaps', () => {
  it.each([
    ['CZ', 'China Southern Airlines'],
    ['MU', 'China Eastern Airlines'],
    ['G4', 'Allegiant Air'],
  ])('%s (%s)', (carrier, name) => {
    const leg = fly({ from: 'US', to: 'CN', carrier });
    expect(gapText(leg)).toContain(`We have no rule from our research for ${name}`);
  });
});

describe('Portugal, from Brazil (the Portuguese consulate in Rio de Janeiro)', () => {
  const lovedOne = (lossCountry: string): Trip => ({
    home_country: 'BR',
    loved_one: { name: 'Avó', kind: 'adult', loss_country: lossCountry },
  });

  it('asks for a recent death certificate, legalised at the consulate', () => {
    const leg = fly({ from: 'BR', to: 'PT', carrier: 'TP' }, lovedOne('BR'));
    expect(ruleIds(leg)).toContain('pt-rio-death-certificate');
    const rule = leg.requirements.find((r) => r.rule_ids.includes('pt-rio-death-certificate'));
    expect(rule).toMatchObject({ severity: 'required', confidence: 'medium' });
  });

  it('speaks only for families living in Brazil', () => {
    const leg = fly({ from: 'BR', to: 'PT', carrier: 'TP' }, { ...lovedOne('BR'), home_country: 'GB' });
    expect(ruleIds(leg)).not.toContain('pt-rio-death-certificate');
  });

  it('speaks only for a death in Brazil', () => {
    const leg = fly({ from: 'BR', to: 'PT', carrier: 'TP' }, lovedOne('FR'));
    expect(ruleIds(leg)).not.toContain('pt-rio-death-certificate');
  });

  it('does not apply when entering another country', () => {
    const leg = fly({ from: 'BR', to: 'ES', carrier: 'IB' }, lovedOne('BR'));
    expect(ruleIds(leg)).not.toContain('pt-rio-death-certificate');
  });
});

describe('airport security we found no source for', () => {
  it.each([
    ['IN', 'GB'],
    ['CH', 'GB'],
  ])('departing %s is still reported as a gap', (from, to) => {
    const leg = fly({ from, to, carrier: 'BA' });
    expect(leg.requirements.some((r) => r.rule_ids.some((id) => id.startsWith('tsa-')))).toBe(false);
    expect(gapText(leg)).toMatch(/We have no rule from our research for airport security/);
  });
});
