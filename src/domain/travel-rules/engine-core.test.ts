import { describe, expect, it } from 'vitest';
import { evaluateTrip, ruleSchema, type Rule } from './index.js';

// The engine's own mechanics on a small, made-up rule set (the real data is tested elsewhere):
// merging rules that say the same thing, grouping disagreements, and judging "or" documents.

const make = (id: string, over: Record<string, unknown>): Rule =>
  ruleSchema.parse({
    id,
    scope: 'airline:ZZ',
    conditions: { mode: ['air'], carrier: ['ZZ'] },
    title: `Title of ${id}`,
    detail: `Detail of ${id}.`,
    severity: 'info',
    confidence: 'medium',
    source_url: `https://example.org/${id}`,
    source_kind: 'official',
    source_date: null,
    read_on: '2026-01-01',
    ...over,
  });

const trip = {
  legs: [{ mode: 'air' as const, from: 'US', to: 'US', carrier: 'zz' }],
  keepsakes: [{ kind: 'ashes' as const, container: 'wood' as const }],
};
const TODAY = '2026-11-28';
const run = (input: Parameters<typeof evaluateTrip>[0], rules: Rule[]) =>
  evaluateTrip(input, { today: TODAY, rules });

describe('merging', () => {
  it('takes the most serious, best-sourced rule as the voice of the group and lists every rule', () => {
    const rules = [
      make('a-low-warning', { merge_key: 'same-thing', severity: 'warning', confidence: 'low' }),
      make('b-high-warning', {
        merge_key: 'same-thing',
        severity: 'warning',
        confidence: 'high',
        source_date: '2025-05',
        rechecked_on: '2026-02-01',
      }),
      make('c-high-info', { merge_key: 'same-thing', severity: 'info', confidence: 'high' }),
    ];
    const [requirement] = run(trip, rules).legs[0]!.requirements;
    expect(requirement).toEqual({
      id: 'same-thing',
      severity: 'warning',
      title: 'Title of b-high-warning',
      detail: 'Detail of b-high-warning.',
      source_url: 'https://example.org/b-high-warning',
      source_date: '2025-05',
      read_on: '2026-01-01',
      rechecked_on: '2026-02-01',
      stale: false,
      confidence: 'high',
      awaiting_official: null,
      rule_ids: ['a-low-warning', 'b-high-warning', 'c-high-info'],
      about: [],
      for_this_family: null,
    });
  });
});

describe('provenance', () => {
  it('is stale until a person re-checks the live source, and again 12 months after', () => {
    const requirement = (over: Record<string, unknown>) =>
      run(trip, [make('p-one', over)]).legs[0]!.requirements[0]!;
    expect(requirement({})).toMatchObject({ rechecked_on: null, stale: true, source_date: null });
    expect(requirement({ rechecked_on: '2026-01-01' })).toMatchObject({ stale: false });
    expect(requirement({ rechecked_on: '2025-11-27' })).toMatchObject({ stale: true });
    expect(requirement({ rechecked_on: '2025-11-28' })).toMatchObject({ stale: false });
  });
});

describe('conflicts', () => {
  it('groups a chain of disagreements into one conflict, and ignores a side that does not apply', () => {
    const rules = [
      make('x-one', { conflicts_with: ['x-two'] }),
      make('x-two', { conflicts_with: ['x-one', 'x-three'] }),
      make('x-three', { conflicts_with: ['x-two'] }),
      make('y-one', { conflicts_with: ['y-absent'] }),
      make('y-absent', { conditions: { mode: ['sea'] }, conflicts_with: ['y-one'] }),
    ];
    const { conflicts } = run(trip, rules).legs[0]!;
    expect(conflicts.map((c) => c.rule_ids)).toEqual([['x-one', 'x-three', 'x-two']]);
    expect(conflicts[0]!.message).toMatch(
      /^Our sources about ZZ disagree: “Title of x-one” \(example\.org, medium confidence\)/,
    );
    expect(conflicts[0]!.message).toMatch(/Please check with ZZ before you travel\.$/);
  });
});

describe('documents with alternatives', () => {
  const asks = (or?: string[]) =>
    make('d-asks', { document: { asks_for: [{ key: 'death_certificate', ...(or ? { or } : {}) }] } });
  const nzBaby = {
    ...trip,
    loved_one: {
      name: 'Aroha',
      kind: 'pregnancy_loss' as const,
      gestation_weeks: 12,
      born_alive: false,
      loss_country: 'NZ',
    },
  };
  const noCerts = make('n-none', {
    scope: 'documents:NZ',
    conditions: { loss_country: ['NZ'], born_alive: false, gestation_weeks_lt: 20 },
    document: {
      not_issued: [
        { key: 'death_certificate', reason: 'none is issued', instead: 'Carry this.' },
        { key: 'cremation_certificate', reason: 'none is issued', instead: 'Carry that.' },
      ],
    },
  });

  it('a paper that does not exist, with no alternative, is an exception, never a disagreement', () => {
    const out = run(nzBaby, [asks(), noCerts]);
    expect(out.legs[0]!.conflicts).toEqual([]);
    expect(out.legs[0]!.exceptions.map((e) => e.rule_ids)).toEqual([['d-asks', 'n-none']]);
    expect(out.legs[0]!.exceptions[0]!.message).toMatch(
      // The rule is `info`: it suggests a paper, it does not ask for one (review 6, finding 3).
      /^ZZ suggests a death certificate\. There isn't one for Aroha: none is issued\./,
    );
    expect(out.documents[0]).toMatchObject({
      status: 'not_issued',
      reason: 'none is issued',
      instead: 'Carry this.',
    });
    expect(out.legs[0]!.requirements[0]!.for_this_family).toBe(
      'For Aroha there is no death certificate; the papers list says what to carry instead.',
    );
  });

  it('an alternative the family has settles it; one they may also lack does not', () => {
    expect(run(nzBaby, [asks(['funeral_director_declaration']), noCerts]).legs[0]!.exceptions).toEqual([]);
    expect(run(nzBaby, [asks(['cremation_certificate']), noCerts]).legs[0]!.exceptions).toHaveLength(1);
  });

  it('when a deciding fact is missing, the paper may not exist and the family is asked, once', () => {
    const { born_alive: _, ...unknownBirth } = nzBaby.loved_one;
    const out = run({ ...trip, loved_one: unknownBirth }, [asks(), noCerts]);
    expect(out.documents[0]).toMatchObject({ status: 'may_not_exist' });
    expect(out.questions).toEqual([
      { loved_one: 'Aroha', field: 'born_alive', message: expect.stringMatching(/^Was Aroha born alive/) },
    ]);
  });
});
