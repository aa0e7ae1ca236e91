import { describe, expect, it } from 'vitest';
import { readTripOn, ruleIdsOn, type TripReading } from './scenario-reading.js';

// Review 32 (reviewer r32b), fixed at review 33 by fixJ:
// r32b 5 (medium): where the loved one died was never asked when a rule turns on it. The Philippine
// consulate in Los Angeles' list (for families taking ashes home after a death in the US) was left
// out, unasked, for a family living in the Philippines who had not said where Lola died; Japan's
// embassy in Canada's note for a death outside Japan was said flatly for ashes cremated in Japan.
// Now such a rule is shown with its condition, and "Where did Lola die?" is asked once.
// Low: the Los Angeles list said "required" while its papers are ones it "may ask for"; a JAL
// flight's summary named "JAL and ANA" where only JAL's words speak.

const today = '2026-12-07';

const flight = (
  home: string,
  legs: readonly { from: string; to: string; carrier: string }[],
  name: string,
  lovedOne: Record<string, unknown> = {},
): TripReading =>
  readTripOn(today, {
    home_country: home,
    purpose: 'carry',
    legs: legs.map((leg) => ({ mode: 'air', bag: 'carry_on', ...leg })),
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: name }],
    loved_ones: [{ name, kind: 'adult', ...lovedOne }],
  });

const requirement = (out: TripReading, id: string) =>
  out.legs.flatMap((leg) => leg.requirements).find((r) => r.rule_ids.includes(id));
const whereDied = (out: TripReading) => out.questions.filter((q) => q.field === 'loss_country');

describe('r32b 5: a rule that turns on where the loved one died, while the family has not said', () => {
  const lola = (lovedOne: Record<string, unknown> = {}) =>
    flight('PH', [{ from: 'US', to: 'PH', carrier: 'PR' }], 'Lola', lovedOne);

  it('the Los Angeles list, for a family in the Philippines: shown as holding after a death in the US, and asked', () => {
    const out = lola();
    const list = requirement(out, 'ph-docs');
    expect(list?.for_this_family).toContain('This applies only if Lola died in the United States');
    // Said to a family living elsewhere, whom to ask is the consulate where Lola died.
    expect(list?.detail).toContain('ask the one serving where Lola died');
    expect(whereDied(out)).toEqual([
      expect.objectContaining({ loved_one: 'Lola', message: expect.stringMatching(/^Where did Lola die\?/) }),
    ]);
    expect(whereDied(out)[0]!.message).toContain('applies only if Lola died in the United States');
  });

  it('said, the answer decides: a death in the US keeps the list without the condition, a death at home leaves it out', () => {
    const inUs = lola({ loss_country: 'US' });
    expect(requirement(inUs, 'ph-docs')?.for_this_family ?? '').not.toMatch(/only if Lola died/);
    expect(whereDied(inUs)).toEqual([]);
    const atHome = lola({ loss_country: 'PH', cremated_in: 'US' });
    expect(ruleIdsOn(atHome)).not.toContain('ph-docs');
    expect(whereDied(atHome)).toEqual([]);
  });

  it('Japan’s note for a death outside Japan, for ashes cremated in Japan: said with its condition, and asked', () => {
    const home = (lovedOne: Record<string, unknown>) =>
      // Japan's embassy in Canada speaks for families in Canada, ashes from there (review 35, finding 6).
      flight('CA', [{ from: 'CA', to: 'JP', carrier: 'JL' }], 'Obaachan', { cremated_in: 'CA', ...lovedOne });
    const unsaid = home({});
    expect(requirement(unsaid, 'jp-declare')?.for_this_family).toContain(
      'This applies only if Obaachan died outside Japan',
    );
    expect(whereDied(unsaid)).toHaveLength(1);
    expect(ruleIdsOn(home({ loss_country: 'JP' }))).not.toContain('jp-declare');
    expect(whereDied(home({ loss_country: 'JP' }))).toEqual([]);
    const abroad = home({ loss_country: 'CA' });
    expect(requirement(abroad, 'jp-declare')?.for_this_family ?? '').not.toMatch(/only if/);
  });

  it('asked once for the trip, however many legs and rules turn on it', () => {
    const out = flight(
      'CA',
      [
        { from: 'CA', to: 'JP', carrier: 'JL' },
        { from: 'JP', to: 'CA', carrier: 'JL' },
        { from: 'CA', to: 'JP', carrier: 'JL' },
      ],
      'Obaachan',
    );
    expect(
      out.legs.filter((leg) => leg.requirements.some((r) => r.rule_ids.includes('jp-declare'))),
    ).toHaveLength(2);
    expect(whereDied(out)).toHaveLength(1);
  });
});

describe('r32b low: the Los Angeles list is said as firmly as its papers are', () => {
  it('one consulate’s list for its district, whose papers the family’s own consulate “may ask for”, is not “Needed”', () => {
    const out = flight('US', [{ from: 'US', to: 'PH', carrier: 'PR' }], 'Lola', { loss_country: 'US' });
    expect(requirement(out, 'ph-docs')?.severity).toBe('warning');
    expect(out.summary[0]!.text).toContain('the Philippine consulate in Los Angeles may ask for them');
  });
});

describe('r32b low: a JAL flight names JAL only', () => {
  const within = (carrier: string) =>
    flight('JP', [{ from: 'JP', to: 'JP', carrier }], 'Obaachan', { loss_country: 'JP', cremated_in: 'JP' });

  it('JAL from Tokyo to Osaka: the company quoting JAL, never “JAL and ANA”', () => {
    const summary = within('JL').summary[0]!.text;
    // Said first, it names whom it is for (review 35, t27).
    expect(summary).toContain('For Obaachan, a Japanese memorial company quoting JAL suggests');
    expect(summary).not.toContain('ANA');
  });

  it('ANA within Japan: ANA’s own note, in full, and not JAL’s', () => {
    const summary = within('NH').summary[0]!;
    expect(summary.text).toBe(
      'For Obaachan, a Japanese funeral company quoting ANA suggests carrying a death or cremation certificate.',
    );
    expect(summary.carry).toEqual(['A death or cremation certificate (suggested)']);
  });
});
