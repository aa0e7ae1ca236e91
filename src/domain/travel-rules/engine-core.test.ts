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
    verified_on: '2026-01-01',
    source_date: 'n/d',
    ...over,
  });

const trip = {
  legs: [{ mode: 'air' as const, from: 'US', to: 'US', carrier: 'zz' }],
  keepsakes: [{ kind: 'ashes' as const, container: 'wood' as const }],
};

describe('merging', () => {
  it('takes the most serious, best-sourced rule as the voice of the group and lists every rule', () => {
    const rules = [
      make('a-low-warning', { merge_key: 'same-thing', severity: 'warning', confidence: 'low' }),
      make('b-high-warning', { merge_key: 'same-thing', severity: 'warning', confidence: 'high' }),
      make('c-high-info', { merge_key: 'same-thing', severity: 'info', confidence: 'high' }),
    ];
    const [requirement] = evaluateTrip(trip, rules).legs[0]!.requirements;
    expect(requirement).toEqual({
      id: 'same-thing',
      severity: 'warning',
      title: 'Title of b-high-warning',
      detail: 'Detail of b-high-warning.',
      source_url: 'https://example.org/b-high-warning',
      verified_on: '2026-01-01',
      confidence: 'high',
      rule_ids: ['a-low-warning', 'b-high-warning', 'c-high-info'],
    });
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
    const { conflicts } = evaluateTrip(trip, rules).legs[0]!;
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
    loved_one: { kind: 'pregnancy_loss' as const, gestation_weeks: 12, loss_country: 'NZ' },
  };
  const noCerts = make('n-none', {
    scope: 'documents:NZ',
    conditions: { loss_country: ['NZ'], gestation_weeks_lt: 20 },
    document: {
      not_issued: [
        { key: 'death_certificate', reason: 'none is issued', instead: 'Carry this.' },
        { key: 'cremation_certificate', reason: 'none is issued', instead: 'Carry that.' },
      ],
    },
  });

  it('a paper that may be missing, with no alternative, is a conflict', () => {
    const out = evaluateTrip(nzBaby, [asks(), noCerts]);
    expect(out.legs[0]!.conflicts.map((c) => c.rule_ids)).toEqual([['d-asks', 'n-none']]);
    expect(out.documents[0]).toMatchObject({ may_be_missing: true, instead: 'Carry this.' });
  });

  it('an alternative the family has settles it; one they may also lack does not', () => {
    expect(
      evaluateTrip(nzBaby, [asks(['funeral_director_declaration']), noCerts]).legs[0]!.conflicts,
    ).toEqual([]);
    expect(evaluateTrip(nzBaby, [asks(['cremation_certificate']), noCerts]).legs[0]!.conflicts).toHaveLength(
      1,
    );
  });
});
