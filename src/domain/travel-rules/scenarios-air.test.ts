import { describe, expect, it } from 'vitest';
import type { TravelContainer, TravelLegInput } from '../../contracts/travel-rules.js';
import { evaluateTrip as evaluate } from './index.js';

const evaluateTrip = (input: Parameters<typeof evaluate>[0]) => evaluate(input, { today: '2026-11-28' });

// Flights: security screening by departure country, airline policies, containers and X-ray.

const ashesIn = (container: TravelContainer) => [{ kind: 'ashes' as const, container }];
const fly = (
  leg: Partial<TravelLegInput> & Pick<TravelLegInput, 'from' | 'to'>,
  container: TravelContainer = 'wood',
) => evaluateTrip({ legs: [{ mode: 'air', ...leg }], keepsakes: ashesIn(container) }).legs[0]!;

describe('US domestic flight with a metal urn (TSA)', () => {
  const leg = evaluateTrip({
    legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' }],
    keepsakes: ashesIn('metal'),
  }).legs[0]!;

  it('warns kindly that the X-ray may not see inside, merging the sources that say so', () => {
    const warning = leg.requirements.find((r) => r.id === 'container-xray-risk');
    expect(warning?.severity).toBe('warning');
    expect(warning?.rule_ids).toEqual(['cont-metal-xray-risk', 'tsa-light-material']);
    expect(warning?.title).toBe('This container may not show clearly on the X-ray');
    expect(warning?.detail).toMatch(/temporary wood, plastic or cardboard container/);
    expect(warning?.detail).not.toMatch(/must|!/i);
  });

  it('says what to do: a temporary travel container from the funeral home', () => {
    const temp = leg.requirements.find((r) => r.id === 'temporary-container');
    expect(temp?.rule_ids).toEqual(['cont-temporary-container']);
    expect(temp?.detail).toContain('Funeral homes usually have temporary containers');
  });

  it('puts warnings first, then required, recommended and info', () => {
    const ranks = leg.requirements.map((r) =>
      ['warning', 'required', 'recommended', 'info'].indexOf(r.severity),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(leg.requirements[0]?.id).toBe('container-xray-risk');
  });

  it('shows that TSA itself asks for no papers, and that some funeral homes disagree', () => {
    expect(leg.conflicts.map((c) => c.rule_ids)).toContainEqual([
      'tsa-no-paperwork',
      'us-funeral-homes-say-papers',
    ]);
  });

  it('takes Delta at its word: a death or a cremation certificate', () => {
    expect(leg.requirements.map((r) => r.id)).toEqual(expect.arrayContaining(['dl-docs', 'dl-carriage']));
  });
});

describe.each([
  {
    airline: 'WN',
    bag: 'checked',
    warning: 'wn-no-checked',
    rule_ids: ['wn-no-checked'],
    words: /Southwest may not take ashes in checked bags/,
  },
  {
    airline: 'B6',
    bag: 'checked',
    warning: 'b6-cabin-only',
    rule_ids: ['b6-carryon-only', 'b6-no-checked'],
    words: /JetBlue doesn't take ashes in checked bags/,
  },
  {
    airline: 'HV',
    bag: 'checked',
    warning: 'hv-cabin-only',
    rule_ids: ['hv-cabin-only', 'hv-no-checked'],
    words: /Transavia doesn't take an urn in checked baggage/,
  },
  {
    airline: 'FR',
    bag: 'checked',
    warning: 'fr-no-hold',
    rule_ids: ['fr-no-hold'],
    words: /Ryanair doesn't take ashes in the hold/,
  },
  {
    airline: 'U6',
    bag: 'carry_on',
    warning: 'u6-hold-only',
    rule_ids: ['u6-hold-only', 'u6-no-cabin'],
    words: /Ural Airlines doesn't allow an urn in the cabin/,
  },
] as const)('$airline refuses ashes in a $bag bag', ({ airline, bag, warning, rule_ids, words }) => {
  it('comes out as a warning with the rules behind it', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: airline, bag });
    const requirement = leg.requirements.find((r) => r.id === warning);
    expect(requirement?.severity).toBe('warning');
    expect(requirement?.rule_ids).toEqual(rule_ids);
    expect(requirement?.title).toMatch(words);
  });

  it('raises no such warning for the other bag', () => {
    const other = bag === 'checked' ? 'carry_on' : 'checked';
    const leg = fly({ from: 'US', to: 'US', carrier: airline, bag: other });
    expect(leg.requirements.filter((r) => r.severity === 'warning')).toEqual([]);
  });
});

describe.each([
  { from: 'US', body: 'TSA', expected: ['container-xray', 'tsa-never-opened', 'tsa-cares'] },
  { from: 'CA', body: 'CATSA', expected: ['container-xray', 'catsa-not-opened', 'catsa-failed-no-checked'] },
  { from: 'GB', body: 'UK', expected: ['uk-screening-secondary'] },
  { from: 'FI', body: 'EU', expected: ['container-xray'] },
  { from: 'NO', body: 'EU (EEA)', expected: ['container-xray'] },
] as const)('screening when departing $from ($body)', ({ from, expected }) => {
  it('applies the right screening rules and has no screening gap', () => {
    const leg = fly({ from, to: from, carrier: 'AY', bag: 'carry_on' });
    expect(leg.requirements.map((r) => r.id)).toEqual(expect.arrayContaining([...expected]));
    expect(leg.gaps.map((g) => g.message).join(' ')).not.toMatch(/airport security in/);
  });
});

describe('screening and airlines we do not know', () => {
  it('an unknown airline is a gap, worded kindly, pointing to the documents list', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'XY', bag: 'carry_on' }],
      keepsakes: ashesIn('wood'),
    });
    expect(out.legs[0]!.gaps.map((g) => g.message)).toContain(
      'We have no rule from our research for flynas yet. Please ask them before you fly, and take the documents listed below.',
    );
    expect(out.documents.length).toBeGreaterThan(0);
  });

  it('airline codes are read case-insensitively', () => {
    expect(fly({ from: 'US', to: 'US', carrier: 'wn', bag: 'checked' }).requirements[0]?.id).toBe(
      'wn-no-checked',
    );
  });

  it('a flight with no airline given asks the family to check with theirs', () => {
    const leg = fly({ from: 'US', to: 'US' });
    expect(leg.gaps.map((g) => g.message).join(' ')).toContain("You haven't said which airline");
    expect(leg.requirements.some((r) => r.rule_ids.some((id) => id.startsWith('dl-')))).toBe(false);
  });

  it("departing a country whose screening we haven't checked is a gap", () => {
    const leg = fly({ from: 'BR', to: 'BR', carrier: 'DL' });
    expect(leg.gaps.map((g) => g.message)).toContain(
      'We have no rule from our research for airport security in Brazil yet. Please ask the airport or your airline how they screen ashes before you fly, and take the documents listed below.',
    );
  });

  it('an urn of unknown material: we say we do not know', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' }, 'unknown');
    expect(leg.gaps.map((g) => g.message).join(' ')).toContain("We don't know what the container is made of");
    expect(leg.requirements.map((r) => r.id)).toContain('temporary-container');
    expect(leg.requirements.find((r) => r.id === 'container-xray-risk')).toBeUndefined();
  });
});

describe('containers on the X-ray', () => {
  it.each([
    ['stone', 'container-xray-risk', ['cont-stone-ceramic-risk', 'tsa-light-material']],
    ['ceramic', 'container-xray-risk', ['cont-stone-ceramic-risk', 'tsa-light-material']],
    ['glass', 'cont-glass', ['cont-glass']],
    ['plastic', 'cont-light-materials', ['cont-light-materials']],
    ['biodegradable', 'cont-light-materials', ['cont-light-materials']],
    ['cardboard', 'cont-light-materials', ['cont-light-materials']],
  ] as const)('%s gives %s', (container, id, ruleIds) => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' }, container);
    expect(leg.requirements.find((r) => r.id === id)?.rule_ids).toEqual(ruleIds);
  });

  // The 2004 Denver test covered marble (stone), not ceramic (review 22, finding 6). It was a test
  // with TSA, so it speaks at US checkpoints (review 29, finding 7): this was a flight within the UK,
  // now one within the US, where TSA's own guidance disagrees with it too.
  it('stone surfaces the disagreement between sources about it', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' }, 'stone');
    const conflict = leg.conflicts.find((c) => c.rule_ids.includes('cont-denver-test'));
    expect(conflict?.rule_ids).toEqual(['cont-denver-test', 'cont-stone-ceramic-risk', 'tsa-light-material']);
    expect(conflict?.message).toMatch(/^Our sources disagree: “In a 2004 airport test, a marble urn/);
  });

  it('clear glass is described as it is in the research, with its metallised caveat', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'DL', bag: 'carry_on' }, 'glass');
    expect(leg.requirements.find((r) => r.id === 'cont-glass')?.title).toContain('metallised glass may not');
    expect(leg.requirements.some((r) => r.severity === 'warning')).toBe(false);
  });

  it('a metal urn in a checked bag gets no checkpoint X-ray warning', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'DL', bag: 'checked' }, 'metal');
    expect(leg.requirements.find((r) => r.id === 'container-xray-risk')).toBeUndefined();
    expect(leg.requirements.map((r) => r.id)).toContain('tsa-seal-and-label');
  });
});

describe('airline details that depend on the family', () => {
  it('a pet on JetBlue is a warning', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'US', to: 'US', carrier: 'B6', bag: 'carry_on' }],
      keepsakes: ashesIn('wood'),
      loved_one: { kind: 'pet' },
    });
    expect(out.legs[0]!.requirements.find((r) => r.id === 'b6-no-pets')?.severity).toBe('warning');
  });

  it('Emirates asks for one document in the cabin, which a cremation certificate satisfies', () => {
    const out = evaluateTrip({
      legs: [{ mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag: 'carry_on' }],
      keepsakes: ashesIn('wood'),
      loved_one: {
        name: 'Jack',
        kind: 'pregnancy_loss',
        gestation_weeks: 22,
        born_alive: false,
        loss_country: 'GB',
      },
    });
    const leg = out.legs[0]!;
    expect(leg.requirements.map((r) => r.id)).toContain('ek-docs-cabin');
    expect(leg.exceptions.some((e) => e.rule_ids.includes('ek-docs-cabin'))).toBe(false);
    const death = out.documents.find((d) => d.title.startsWith('Death certificate'));
    // A baby has no passport, so only the cremation certificate is offered as the alternative.
    expect(death?.detail).toContain('For Emirates, a cremation certificate is enough in its place.');
    expect(death?.status).toBe('not_issued');
  });

  it('a change of planes brings the transit-screening advice', () => {
    const out = evaluateTrip({
      legs: [
        { mode: 'air', from: 'US', to: 'NL', carrier: 'KL', connection: true },
        { mode: 'air', from: 'NL', to: 'IT', carrier: 'KL' },
      ],
      keepsakes: ashesIn('wood'),
    });
    expect(out.legs[0]!.requirements.map((r) => r.id)).not.toContain('eu-transit-reinspection');
    expect(out.legs[1]!.requirements.map((r) => r.id)).toContain('eu-transit-reinspection');
  });

  it('a return flight is not a change of planes', () => {
    const out = evaluateTrip({
      legs: [
        { mode: 'air', from: 'GB', to: 'ES', carrier: 'VY' },
        { mode: 'air', from: 'ES', to: 'GB', carrier: 'VY' },
      ],
      keepsakes: ashesIn('wood'),
    });
    expect(out.legs[1]!.requirements.map((r) => r.id)).not.toContain('eu-transit-reinspection');
  });

  it('conflicting reports about United and checked bags are both kept and shown', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'UA', bag: 'checked' });
    expect(leg.requirements.map((r) => r.id)).toEqual(
      expect.arrayContaining(['ua-checked-ok', 'ua-carry-on-only']),
    );
    const conflict = leg.conflicts.find((c) => c.rule_ids.includes('ua-checked-ok'));
    expect(conflict?.rule_ids).toEqual(['ua-carry-on-only', 'ua-checked-ok']);
    expect(conflict?.message).toContain('Please check with United before you travel.');
  });

  it('with no bag given, bag-specific rules still show so the family can choose', () => {
    const leg = fly({ from: 'US', to: 'US', carrier: 'WN' });
    expect(leg.requirements.map((r) => r.id)).toEqual(
      expect.arrayContaining(['wn-no-checked', 'wn-carryon-container']),
    );
  });
});
