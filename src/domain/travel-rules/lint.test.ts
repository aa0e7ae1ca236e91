import { describe, expect, it } from 'vitest';
import { RULE_FILES, RULES, coverageSummary, lintRuleFiles, lintRules } from './index.js';
import { monthsBefore } from './dates.js';

const TODAY = '2026-11-28';
/** The real data holds rules read up to 2026-12-07, so it is linted as of that day. */
const DATA_TODAY = '2026-12-07';
const good = (over: Record<string, unknown> = {}) => ({
  id: 'xx-sample',
  scope: 'airline:BA',
  conditions: { mode: ['air'], carrier: ['BA'] },
  title: 'A sample rule',
  detail: 'Used only by these tests.',
  severity: 'info',
  confidence: 'low',
  source_url: 'https://example.org/page',
  source_kind: 'retailer',
  source_date: null,
  read_on: '2026-06-01',
  ...over,
});
const faultsOf = (rules: unknown[]) => lintRules(rules, { today: TODAY }).faults.map((f) => f.message);

describe('the real rules data', () => {
  const report = lintRuleFiles(RULE_FILES, { today: DATA_TODAY });

  it('passes lint with zero faults', () => {
    expect(report.faults).toEqual([]);
  });

  it('lists every rule as stale until a person re-checks its live source (a warning, not a fault)', () => {
    expect(report.stale.length).toBe(RULES.length);
    expect(report.stale.every((s) => s.rechecked_on === null)).toBe(true);
    expect(report.stale.find((s) => s.rule_id === 'tsa-xray-required')).toEqual({
      rule_id: 'tsa-xray-required',
      source_date: '2018-07-10',
      read_on: '2026-11-26',
      rechecked_on: null,
    });
  });

  it('keeps the source’s own date apart from the day it was read: most sources are undated', () => {
    const undated = RULES.filter((rule) => rule.source_date === null);
    expect(undated.length).toBeGreaterThan(150);
    expect(RULES.every((rule) => rule.read_on >= '2026-11-26')).toBe(true);
  });

  it('gives coverage counts the team can quote', () => {
    const coverage = coverageSummary(RULES);
    expect(coverage.total_rules).toBe(RULES.length);
    expect(coverage.airlines).toBeGreaterThanOrEqual(35);
  });
});

describe('each lint check can fail (a fixture per check)', () => {
  it.each([
    ['a schema error', good({ severity: 'urgent' }), /severity/],
    [
      'a "most states" paper not issued, said flatly (review 9, finding 2)',
      good({
        scope: 'documents:US',
        conditions: { loved_one: ['pregnancy_loss'], loss_country: ['US'], born_alive: false },
        source_kind: 'professional',
        confidence: 'medium',
        document: {
          not_issued: [
            {
              key: 'death_certificate',
              reason: 'in most US states a sample baby is not registered',
              instead: 'Whatever the hospital gave you.',
            },
          ],
        },
      }),
      /says "in most" places.*"varies": true/,
    ],
    [
      'an airline that refuses the hold without sending the family to the cabin (review 9, finding 1)',
      good({
        conditions: { mode: ['air'], carrier: ['BA'], bag: ['checked'] },
        title: "A sample airline doesn't take ashes in checked bags",
        severity: 'warning',
        confidence: 'medium',
        source_kind: 'professional',
      }),
      /refuses ashes in the hold.*add "moves_to_cabin": true/,
    ],
    [
      'an airline that refuses the cabin without sending the family to the hold (review 13, finding 16)',
      good({
        conditions: { mode: ['air'], carrier: ['BA'], bag: ['carry_on'] },
        title: "A sample airline doesn't allow ashes in the cabin",
        severity: 'warning',
        confidence: 'medium',
        source_kind: 'professional',
      }),
      /refuses ashes in the cabin.*add "moves_to_hold": true/,
    ],
    ['a missing source', good({ source_url: undefined }), /source_url/],
    [
      'a non-http source',
      good({ source_url: 'ftp://example.org/x' }),
      /source_url should be an http or https address/,
    ],
    ['a read date that does not exist', good({ read_on: '2026-02-30' }), /read_on should be a real date/],
    ['a read date in the future', good({ read_on: '2026-11-29' }), /read_on 2026-11-29 is after today/],
    [
      'a re-check in the future',
      good({ rechecked_on: '2026-12-01' }),
      /rechecked_on 2026-12-01 is after today/,
    ],
    [
      'a source date after it was read',
      good({ source_date: '2026-07' }),
      /source_date 2026-07 is after the day it was read/,
    ],
    ['a source date that is not a date', good({ source_date: 'n/d' }), /source_date should be YYYY/],
    ['an id that is not kebab-case', good({ id: 'Not_Kebab' }), /id should be kebab-case/],
    ['an unknown condition', good({ conditions: { weather: ['rain'] } }), /conditions/],
    [
      'a required rule on a low-confidence source',
      good({ severity: 'required' }),
      /is "required" but rests on a low-confidence source/,
    ],
    [
      'a warning on a low-confidence source',
      good({ severity: 'warning' }),
      /is "warning" but rests on a low-confidence source/,
    ],
    [
      'awaiting an official source where none is needed',
      good({ severity: 'info', awaiting_official: 'British Airways' }),
      /has awaiting_official but is not a required or warning rule/,
    ],
    [
      'words speaking for two sources beside one source_url (review 22 leftovers, finding 3)',
      good({ detail: 'Two retailers report this.' }),
      /speaks for more than one source/,
    ],
    [
      'a retailer claiming high confidence',
      good({ confidence: 'high' }),
      /a retailer source can carry at most "low"/,
    ],
    [
      'a consulate list that ignores where the family lives',
      good({
        scope: 'country:MX',
        conditions: { to: ['MX'] },
        source_kind: 'consulate',
        confidence: 'high',
      }),
      /consulate or embassy page.*add "home"/,
    ],
    [
      'a mission abroad speaking of a flight within its country (review 30, finding 2)',
      good({
        scope: 'country:PH',
        conditions: { to: ['PH'], home: ['AU'] },
        source_kind: 'consulate',
        confidence: 'high',
        speaker: 'the Philippine consulate in Sydney',
      }),
      /would apply to a journey within it; add "international": true/,
    ],
    [
      'a consulate or embassy page with no speaker, so the whole country would be named as asking',
      good({
        scope: 'country:PL',
        conditions: { to: ['PL'], home: ['IE'] },
        source_kind: 'consulate',
        confidence: 'high',
      }),
      /consulate or embassy page: set "speaker" to that mission/,
    ],
    [
      "one consulate's own checklist named as the whole country (review 8, finding 6)",
      good({
        scope: 'country:IN',
        conditions: { to: ['IN'], home: ['CA'] },
        detail: "This is the Vancouver consulate's process; please ask the consulate serving where you live.",
        source_kind: 'consulate',
        confidence: 'high',
      }),
      /one consulate's own checklist.*set "speaker" to that consulate/,
    ],
    [
      'a consulate speaking for part of the home country with no speaker (review 8, finding 6)',
      good({
        scope: 'country:IT',
        conditions: { to: ['IT'], home: ['GB'] },
        source_kind: 'consulate',
        confidence: 'high',
        serves_part_of_home: true,
      }),
      /one consulate's own checklist.*set "speaker" to that consulate/,
    ],
    [
      'home_or_death_there on a source that is not a consulate (review 7, finding 4)',
      good({ scope: 'country:MX', conditions: { to: ['MX'], home: ['US'], home_or_death_there: true } }),
      /home_or_death_there.*needs a consulate source and "home"/,
    ],
    [
      'home_or_death_there with a paper titled "where you live" (review 13, finding 5)',
      good({
        scope: 'country:IN',
        conditions: { to: ['IN'], home: ['DE'], home_or_death_there: true },
        source_kind: 'consulate',
        confidence: 'high',
        speaker: "India's embassy in Berlin",
        document: {
          asks_for: [
            {
              key: 'consular_certificate',
              title: 'An attestation from the consulate serving where you live',
            },
          ],
        },
      }),
      /a paper's title says "where you live"/,
    ],
    [
      'an unknown country code',
      good({ scope: 'country:XX', conditions: { to: ['XX'] } }),
      /"XX", which is not an ISO 3166-1 country code/,
    ],
    [
      'a reserved code used as a country',
      good({ conditions: { to: ['EU'] } }),
      /"EU", which is not an ISO 3166-1/,
    ],
    [
      'an unknown region code',
      good({ scope: 'scattering:GB', conditions: { scatter_country: ['GB'], scatter_region: ['GB-XXX'] } }),
      /"GB-XXX", which is not an ISO 3166-2 region code/,
    ],
    [
      'a regional scattering rule that would apply to the whole country',
      good({ scope: 'scattering:US-CA', conditions: { scatter_country: ['US'], scatter_place: ['sea'] } }),
      /speaks for US-CA but would apply outside it/,
    ],
    [
      '"lost" where a baby\'s ashes may be (review 8, finding 13)',
      good({ detail: "The airline isn't liable if they're lost or damaged in a checked bag." }),
      /says "lost", and can be shown beside a child's ashes/,
    ],
    [
      'a scattering rule that says nowhere',
      good({ scope: 'scattering:GB', conditions: { scatter_place: ['sea'] } }),
      /is a scattering rule but says neither/,
    ],
    [
      "a country's rule that never names the country",
      good({ scope: 'country:ES', conditions: { to: ['FR'] } }),
      /speaks for ES but none of its conditions names ES/,
    ],
    [
      'a baby with no death certificate, without saying born without signs of life',
      good({
        scope: 'documents:GB',
        conditions: { loved_one: ['pregnancy_loss'], loss_country: ['GB'], gestation_weeks_lt: 24 },
        document: {
          not_issued: [{ key: 'death_certificate', reason: 'none is issued', instead: 'Carry this.' }],
        },
      }),
      /does not say "born_alive": false; a baby born alive is registered/,
    ],
    [
      'a child who lived said to have no death certificate',
      good({
        scope: 'documents:GB',
        conditions: { loved_one: ['infant'], loss_country: ['GB'] },
        document: {
          not_issued: [{ key: 'death_certificate', reason: 'none is issued', instead: 'Carry this.' }],
        },
      }),
      /no death certificate for an infant, who was born alive/,
    ],
    [
      'a list with the passport of the person who died, and no words for a baby who never had one',
      good({ detail: 'Bring the death certificate and the passport of the person who died.' }),
      /asks for the passport of the person who died; add without_passport/,
    ],
    [
      "what to carry instead naming the crematorium's certificate, without saying so",
      good({
        scope: 'documents:GB',
        conditions: { loved_one: ['pregnancy_loss'], loss_country: ['GB'], born_alive: false },
        document: {
          not_issued: [
            {
              key: 'death_certificate',
              reason: 'none is issued',
              instead: "The hospital's letter, with the crematorium's certificate.",
            },
          ],
        },
      }),
      /add "instead_includes": \["cremation_certificate"\]/,
    ],
    [
      'another paper with no name',
      good({ document: { asks_for: [{ key: 'other_paper' }] } }),
      /asks for "other_paper" without a title/,
    ],
    [
      'all papers required, of one paper',
      good({ document: { asks_for: [{ key: 'death_certificate' }], all_required: true } }),
      /says all_required/,
    ],
    [
      'all papers required, with a choice between them',
      good({
        document: {
          asks_for: [
            { key: 'death_certificate', or: ['cremation_certificate'] },
            { key: 'funeral_director_declaration' },
          ],
          all_required: true,
        },
      }),
      /says all_required/,
    ],
    [
      'words for a family living elsewhere, on a rule only said to its home',
      good({ living_elsewhere: 'Its list assumes the relative lives in Canada.' }),
      /says living_elsewhere/,
    ],
    [
      'a paper with no substitute, offering a substitute',
      good({
        document: {
          asks_for: [{ key: 'death_certificate', or: ['cremation_certificate'] }],
          no_substitute: true,
        },
      }),
      /says no_substitute/,
    ],
    [
      'a paper with no substitute, of several papers',
      good({
        document: {
          asks_for: [{ key: 'death_certificate' }, { key: 'cremation_certificate' }],
          no_substitute: true,
        },
      }),
      /says no_substitute/,
    ],
    [
      'words for a baby that still ask for the passport',
      good({
        detail: 'Bring the death certificate and the passport of the person who died.',
        without_passport: { detail: 'Bring the death certificate and a passport.' },
      }),
      /without_passport still asks for the passport of the person who died/,
    ],
    [
      "a state's own law with no country for it",
      good({
        scope: 'country:DE',
        conditions: { from: ['DE'], ashes_from_region: ['DE-HE'], international: true },
      }),
      /names the state DE-HE in ashes_from_region; add its country to ashes_from/,
    ],
  ])('%s', (_, rule, message) => {
    const faults = faultsOf([rule]);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.join('\n')).toMatch(message);
  });

  it('a country\'s "weeks or grams" with only the weeks encoded (review 8, finding 1)', () => {
    const paperwork = (id: string, conditions: Record<string, unknown>) =>
      good({
        id,
        scope: 'documents:US',
        conditions: { loved_one: ['pregnancy_loss'], loss_country: ['US'], born_alive: false, ...conditions },
        document: {
          not_issued: [
            { key: 'death_certificate', reason: 'a reason', instead: 'Whatever the hospital gave you.' },
          ],
        },
      });
    const before = paperwork('xx-before', { gestation_weeks_lt: 20, birth_weight_g_lt: 350 });
    const weeks = paperwork('xx-weeks', { gestation_weeks_gte: 20 });
    expect(faultsOf([before, weeks]).join('\n')).toMatch(
      /no paperwork rule for US speaks for a baby born without signs of life at 19 weeks and 350 g/,
    );
    expect(faultsOf([before, weeks, paperwork('xx-weight', { birth_weight_g_gte: 350 })])).toEqual([]);
    // The earliest losses may stay unknown: nothing smaller is covered (Australia).
    expect(faultsOf([weeks, paperwork('xx-weight', { birth_weight_g_gte: 400 })])).toEqual([]);
  });

  it('a clean rule has no faults', () => {
    expect(faultsOf([good()])).toEqual([]);
    expect(faultsOf([good({ severity: 'warning', awaiting_official: 'British Airways' })])).toEqual([]);
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

  it('a disagreement named on one side only', () => {
    const faults = faultsOf([good({ conflicts_with: ['xx-other'] }), good({ id: 'xx-other' })]);
    expect(faults).toEqual([
      'conflicts_with names "xx-other", but "xx-other" does not name "xx-sample" back; name a disagreement on both sides.',
    ]);
  });

  it('merged rules that disagree with different things (the X-ray warning for metal once lacked the Denver test)', () => {
    const faults = faultsOf([
      good({ id: 'xx-metal', merge_key: 'xray', conflicts_with: ['xx-test'] }),
      good({ id: 'xx-stone', merge_key: 'xray' }),
      good({ id: 'xx-test', conflicts_with: ['xx-metal'] }),
    ]);
    expect(faults.filter((f) => f.includes('merge_key "xray"'))).toHaveLength(2);
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

  it('stale: never re-checked, or re-checked more than 12 months ago (not exactly 12); never a fault', () => {
    const rules = [
      good({ id: 'aa-edge', rechecked_on: '2025-11-28' }),
      good({ id: 'bb-old', rechecked_on: '2025-11-27' }),
      good({ id: 'cc-never' }),
    ];
    const report = lintRules(rules, { today: TODAY });
    expect(report.faults).toEqual([]);
    expect(report.stale.map((s) => s.rule_id)).toEqual(['bb-old', 'cc-never']);
  });

  it('counts months on the calendar, leap days included', () => {
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
  });
});
