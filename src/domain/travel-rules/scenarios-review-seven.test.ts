import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateShipment, evaluateTrip } from './index.js';

// The seventh reviewer's findings, each as the trip or shipment they tried with the CLI.

const today = '2026-12-05';
type Out = ReturnType<typeof evaluateTrip>;
const trip = (input: TravelRulesInput): Out => evaluateTrip(input, { today });
const gapsOf = (out: Out, leg = 0) => out.legs[leg]!.gaps.map((g) => g.message);
const ruleIds = (out: Out, leg = 0) => out.legs[leg]!.requirements.flatMap((r) => r.rule_ids);
const shipped = (from: string, to: string, carrier?: string) =>
  evaluateShipment(carrier ? { from, to, carrier } : { from, to }, { today });

describe('1. Alaska Air Cargo from Canada or Mexico', () => {
  it.each(['MX', 'CA'])('from %s it says Alaska does not accept ashes from there', (from) => {
    const out = shipped(from, 'US', 'AS');
    expect(out.requirements.map((r) => r.id)).toEqual(['as-cargo-not-from-ca-mx']);
    expect(out.requirements[0]!.severity).toBe('warning');
    expect(out.gaps.map((g) => g.message).join(' ')).not.toContain('sending ashes with Alaska Airlines');
  });

  it('from the US it still gives the usual cargo rule, not the refusal', () => {
    expect(shipped('US', 'MX', 'AS').requirements.map((r) => r.id)).toEqual(['as-cargo']);
  });
});

describe('2. keepsake jewellery on an airline whose rules ask papers for an urn', () => {
  it.each([
    ['FR', 'Ryanair'],
    ['BA', 'British Airways'],
  ])('%s is not called an airline we have no rule for', (carrier, name) => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier, bag: 'carry_on' }],
      keepsakes: [{ kind: 'jewellery', container: 'metal', name: "Mum's locket" }],
      loved_one: { name: 'Mum', kind: 'adult', loss_country: 'GB' },
    });
    const gaps = gapsOf(out).join(' ');
    expect(gaps).not.toContain(`We have no rule from our research for ${name}`);
    expect(gaps).toContain(`Our sources on ${name} speak about urns and boxes of ashes, not keepsake jewellery.`);
  });
});
