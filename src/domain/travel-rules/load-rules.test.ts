import { describe, expect, it } from 'vitest';
import { RULES, RULES_BY_ID, RuleDataError, loadRuleFiles, ruleSchema } from './index.js';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'zz-one',
  scope: 'country:ZZ',
  conditions: { to: ['ZZ'] },
  title: 'A sample rule',
  detail: 'Used only by these tests.',
  severity: 'info',
  confidence: 'low',
  source_url: 'https://example.org/',
  source_kind: 'official',
  source_date: null,
  read_on: '2026-01-01',
  ...over,
});

describe('loading the rules', () => {
  it('loads every data file, ids unique and sorted', () => {
    expect(RULES.length).toBe(RULES_BY_ID.size);
    expect(RULES.map((r) => r.id)).toEqual([...RULES.map((r) => r.id)].sort());
    for (const r of RULES) expect(ruleSchema.safeParse(r).success).toBe(true);
  });

  it('every rule that names a conflict has the other rule name it back', () => {
    for (const r of RULES) {
      for (const other of r.conflicts_with ?? []) {
        expect(RULES_BY_ID.get(other)?.conflicts_with, `${r.id} ↔ ${other}`).toContain(r.id);
      }
    }
  });

  it('a bad rule stops loading with the file and rule named', () => {
    expect(() =>
      loadRuleFiles({ 'bad.json': { version: 1, rules: [rule({ source_url: 'not a url' })] } }),
    ).toThrow(
      new RuleDataError(
        'Travel rules file bad.json, rule zz-one: source_url should be an http or https address.',
      ),
    );
  });

  it('a bad file shape, a duplicate id and a dangling conflict each stop loading', () => {
    expect(() => loadRuleFiles({ 'a.json': { rules: [] } })).toThrow(/Travel rules file a\.json: version/);
    expect(() =>
      loadRuleFiles({ 'a.json': { version: 1, rules: [rule()] }, 'b.json': { version: 2, rules: [rule()] } }),
    ).toThrow('Travel rules file b.json, rule zz-one: the id is already used in a.json.');
    expect(() =>
      loadRuleFiles({ 'a.json': { version: 1, rules: [rule({ conflicts_with: ['zz-two'] })] } }),
    ).toThrow(
      'Travel rules file a.json, rule zz-one: conflicts_with names "zz-two", which is not another rule.',
    );
  });

  it('records each file version', () => {
    expect(loadRuleFiles({ 'a.json': { version: 3, rules: [rule()] } }).versions).toEqual({ 'a.json': 3 });
  });
});
