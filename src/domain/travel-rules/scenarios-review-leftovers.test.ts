import { describe, expect, it } from 'vitest';
import type { TravelRulesInput } from '../../contracts/travel-rules.js';
import { evaluateTrip } from './index.js';
import { lintRules } from './lint.js';

// The four leftovers of the seventh review (issue 7), each as the trip that showed it with the CLI.

const today = '2026-12-05';
type Out = ReturnType<typeof evaluateTrip>;
const trip = (input: TravelRulesInput): Out => evaluateTrip(input, { today });
const gapsOf = (out: Out, leg = 0) => out.legs[leg]!.gaps.map((g) => g.message);
const ruleIds = (out: Out, leg = 0) => out.legs[leg]!.requirements.flatMap((r) => r.rule_ids);

describe("3. a ship's or train's rules for an urn are not said for keepsake jewellery", () => {
  const locket = [{ kind: 'jewellery' as const, container: 'metal' as const, name: 'Mum’s locket' }];

  it('a US family on a Carnival cruise with only Mum’s locket hears no urn rule, and no "no rule for Carnival"', () => {
    const out = trip({
      home_country: 'US',
      legs: [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'BS', to: 'US', carrier: 'CCL', way_home: true },
      ],
      keepsakes: locket,
      loved_one: { name: 'Mum', kind: 'adult' },
    });
    for (const leg of [0, 1]) {
      expect(ruleIds(out, leg).filter((id) => id.startsWith('ccl-'))).toEqual([]);
      const urns = out.legs[leg]!.requirements.filter((r) => /\burn\b/i.test(`${r.title} ${r.detail}`));
      expect(urns.map((r) => r.id)).toEqual([]);
      const gaps = gapsOf(out, leg).join(' ');
      expect(gaps).toContain('it may help to ask Carnival');
      expect(gaps).not.toContain('We have no rule from our research on carrying ashes aboard Carnival');
    }
  });

  it('the same cruise with Mum’s urn still hears all of Carnival’s rules', () => {
    const out = trip({
      home_country: 'US',
      legs: [{ mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Mum', kind: 'adult' },
    });
    expect(ruleIds(out)).toEqual(
      expect.arrayContaining(['ccl-container', 'ccl-custody', 'ccl-docs', 'ccl-no-ashore']),
    );
  });

  it.each([
    ['AMTRAK', 'US', 'rail-amtrak-unknown', 'Amtrak'],
    ['VIA', 'CA', 'rail-via-carry-on', 'VIA Rail'],
  ])(
    'a locket on %s is not told where to keep "the urn", nor that we have no rule',
    (carrier, at, id, name) => {
      const out = trip({
        home_country: at,
        legs: [{ mode: 'rail', from: at, to: at, carrier }],
        keepsakes: locket,
        loved_one: { name: 'Mum', kind: 'adult' },
      });
      expect(ruleIds(out)).not.toContain(id);
      const gaps = gapsOf(out).join(' ');
      expect(gaps).toContain(`ask ${name}`);
      expect(gaps).not.toContain('We have no rule from our research for ashes on');
    },
  );

  it('a locket on a Russian train is not told the urn needs a ticketed companion', () => {
    const out = trip({
      home_country: 'RU',
      legs: [{ mode: 'rail', from: 'RU', to: 'RU' }],
      keepsakes: locket,
      loved_one: { name: 'Mum', kind: 'adult' },
    });
    expect(ruleIds(out)).not.toContain('rail-ru-accompanied');
  });

  it('lint refuses a ship’s rule about an urn that would be said for jewellery', () => {
    const rule = {
      id: 'xx-ship-urn',
      scope: 'cruise:CCL',
      conditions: { mode: ['sea'], carrier: ['CCL'] },
      title: 'The urn stays on board',
      detail: 'Used only by this test.',
      severity: 'info',
      confidence: 'high',
      source_url: 'https://example.org/page',
      source_kind: 'official',
      source_date: null,
      read_on: '2026-06-01',
    };
    const faults = (r: unknown) => lintRules([r], { today }).faults.map((f) => f.message);
    expect(faults(rule).join(' ')).toMatch(/speaks of an urn.*"keepsake": \["ashes"\]/);
    expect(faults({ ...rule, conditions: { ...rule.conditions, keepsake: ['ashes'] } })).toEqual([]);
  });
});
