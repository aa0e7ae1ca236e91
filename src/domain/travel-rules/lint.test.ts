import { describe, expect, it } from 'vitest';
import { RULE_FILES, RULES, coverageSummary, lintRuleFiles, lintRules } from './index.js';
import { monthsBefore } from './dates.js';

const TODAY = '2026-11-27';
const good = (over: Record<string, unknown> = {}) => ({
  id: 'xx-sample',
  scope: 'airline:XX',
  conditions: { mode: ['air'], carrier: ['XX'] },
  title: 'A sample rule',
  detail: 'Used only by these tests.',
  severity: 'info',
  confidence: 'low',
  source_url: 'https://example.org/page',
  verified_on: '2026-06-01',
  source_date: 'n/d',
  ...over,
});

describe('the real rules data', () => {
  const report = lintRuleFiles(RULE_FILES, { today: TODAY });

  it('passes lint with zero faults', () => {
    expect(report.faults).toEqual([]);
  });

  it('lists stale rules (allowed, but to re-check), oldest first', () => {
    expect(report.stale.length).toBe(56);
    expect(report.stale[0]).toEqual({ rule_id: 'mx-translations', verified_on: '2001-01-01' });
    expect(report.stale.map((s) => s.rule_id)).toEqual(
      expect.arrayContaining([
        'tsa-cares-72h',
        'tsa-never-opened',
        'de-no-private',
        'ccl-docs',
        'cont-denver-test',
      ]),
    );
    // Read from archives on 2026-11-26 with no date of their own: not stale yet.
    expect(report.stale.map((s) => s.rule_id)).not.toContain('tsa-cares');
  });

  it('gives the coverage counts the team quotes', () => {
    expect(coverageSummary(RULES)).toEqual({
      screening_bodies: 5,
      airlines: 35,
      countries: 23,
      carriers: 8,
      cruise_lines: 5,
      rail_rules: 2,
      road_rules: 2,
      scattering_rules: 21,
      document_rules: 11,
      container_rules: 7,
      total_rules: 225,
    });
  });
});

describe('lintRules finds each kind of fault', () => {
  it.each([
    ['a schema error', good({ severity: 'urgent' }), /severity/],
    ['a missing source', good({ source_url: undefined }), /source_url/],
    [
      'a non-http source',
      good({ source_url: 'ftp://example.org/x' }),
      /source_url should be an http or https address/,
    ],
    ['a date that does not exist', good({ verified_on: '2026-02-30' }), /verified_on should be a real date/],
    ['a date in the future', good({ verified_on: '2026-11-28' }), /verified_on 2026-11-28 is after today/],
    ['an id that is not kebab-case', good({ id: 'Not_Kebab' }), /id should be kebab-case/],
    ['an unknown condition', good({ conditions: { weather: ['rain'] } }), /conditions/],
  ])('%s', (_, rule, message) => {
    const { faults } = lintRules([rule], { today: TODAY });
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.map((f) => f.message).join('\n')).toMatch(message);
  });

  it('duplicate ids', () => {
    const { faults } = lintRules([good(), good()], { today: TODAY });
    expect(faults).toEqual([{ rule_id: 'xx-sample', message: 'The id "xx-sample" is used more than once.' }]);
  });

  it('conflicts_with pointing nowhere', () => {
    const { faults } = lintRules([good({ conflicts_with: ['nobody'] })], { today: TODAY });
    expect(faults).toEqual([
      { rule_id: 'xx-sample', message: 'conflicts_with names "nobody", which is not another rule.' },
    ]);
  });

  it('names the file in file mode, and a malformed file', () => {
    const report = lintRuleFiles(
      { 'bad.json': { rules: [] }, 'x.json': { version: 1, rules: [good({ source_url: 'nope' })] } },
      { today: TODAY },
    );
    expect(report.faults).toEqual([
      { file: 'bad.json', message: 'The file should be {"version": <whole number>, "rules": [...]}.' },
      { rule_id: 'xx-sample', file: 'x.json', message: 'source_url should be an http or https address' },
    ]);
  });

  it('stale means more than 12 months before today, not exactly 12', () => {
    const rules = [
      good({ id: 'aa-edge', verified_on: '2025-11-27' }),
      good({ id: 'bb-old', verified_on: '2025-11-26' }),
    ];
    expect(lintRules(rules, { today: TODAY }).stale).toEqual([
      { rule_id: 'bb-old', verified_on: '2025-11-26' },
    ]);
  });

  it('counts months on the calendar, leap days included', () => {
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
  });
});
