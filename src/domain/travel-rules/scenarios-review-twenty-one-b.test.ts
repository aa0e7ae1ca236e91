import { describe, expect, it } from 'vitest';
import { parseTravelRulesInput } from './parse-input.js';
import { readTripOn } from './scenario-reading.js';
import { tripFacts } from './trip-facts.js';

// Review 21, findings 4–8 (brief fix21b).

const today = '2026-12-06';

const gapMessages = (out: ReturnType<typeof readTripOn>): string[] =>
  out.legs.flatMap((leg) => leg.gaps.map((gap) => gap.message));

describe('a region said without its country names the country too (finding 4)', () => {
  it('Isla, lost in England: the family is not asked where she was born', () => {
    const out = readTripOn(today, {
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: {
        name: 'Isla',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 20,
        loss_region: 'GB-ENG',
      },
    });
    const text = out.summary[0]!.text;
    expect(text).not.toMatch(/don't know yet where Isla was born/);
    expect(text).toMatch(/In England/);
    expect(text).toMatch(/There is no death certificate for Isla/);
    expect(out.questions.map((q) => q.field)).not.toContain('loss_country');
  });

  it('a loved one who died in New York and was cremated in Quebec is read as both', () => {
    // Dying in one country and being cremated in another happens (a body brought home), so the
    // two are not a contradiction; the region's country is the one the family said.
    const parsed = parseTravelRulesInput({
      legs: [{ mode: 'air', from: 'CA', to: 'US', carrier: 'AC' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { kind: 'adult', cremated_in: 'CA-QC', loss_region: 'US-NY' },
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const lovedOne = tripFacts(parsed.value).lovedOnes[0]!;
    expect(lovedOne.lossCountry).toBe('US');
    expect(lovedOne.lossRegion).toBe('US-NY');
    expect(lovedOne.cremationCountry).toBe('CA');
    expect(lovedOne.cremationRegion).toBe('CA-QC');
  });

  it('a region that is not in the country given is still refused, naming the field', () => {
    const parsed = parseTravelRulesInput({
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { kind: 'adult', loss_country: 'IE', loss_region: 'GB-ENG' },
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join(' ')).toMatch(/^loved_one\.loss_region: .*loss_country/);
  });
});

describe('Japan’s airline papers at security speak of a person’s remains (finding 5)', () => {
  for (const [carrier, name] of [
    ['NH', 'All Nippon Airways'],
    ['JL', 'Japan Airlines'],
  ] as const) {
    it(`a pet flying ${carrier} from Japan is not told to bring a death certificate, and is told whom to ask`, () => {
      const out = readTripOn(today, {
        home_country: 'CA',
        legs: [{ mode: 'air', from: 'JP', to: 'CA', carrier, bag: 'carry_on', way_home: true }],
        keepsakes: [{ kind: 'ashes', container: 'wood' }],
        loved_one: { name: 'Sakura', kind: 'pet', loss_country: 'JP' },
      });
      const ids = out.legs[0]!.requirements.flatMap((r) => r.rule_ids);
      expect(ids).not.toContain('nh-papers');
      expect(ids).not.toContain('jl-papers');
      expect(ids).not.toContain('jp-certificate-at-security');
      expect(out.summary[0]!.text).not.toMatch(/death certificate if you have it/);
      expect(gapMessages(out)).toContain(
        `Our sources on ${name} speak about a person's ashes here, not a pet's. For Sakura, please ask them before you fly.`,
      );
    });
  }
});
