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

describe('Carnival with a pet’s ashes: what is shown agrees with the gap (finding 6)', () => {
  // help.goccl.com a_id/1132: bringing remains aboard speaks of "the deceased's Death Certificate"
  // and "cremated human remains"; scattering allows "human or animal ashes".
  const cruise = [
    { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
    { mode: 'sea', from: 'BS', to: 'US', carrier: 'CCL' },
  ];

  it('Buddy carried on a cruise: no rule for a person’s urn is shown, and the family is told to ask Carnival', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: cruise,
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      loved_one: { name: 'Buddy', kind: 'pet', loss_country: 'US' },
    });
    const ids = out.legs.flatMap((leg) => leg.requirements.flatMap((r) => r.rule_ids));
    for (const id of ['ccl-container', 'ccl-custody', 'ccl-no-ashore', 'ccl-docs']) {
      expect(ids).not.toContain(id);
    }
    const gaps = gapMessages(out);
    // Said in full on this sailing, naming the way back, which points to it (review 35b, fixAE 3).
    expect(gaps).toContain(
      "Our sources on Carnival speak about a person's ashes here, not a pet's. For Buddy, please ask them before you sail. This goes for the sailing from the Bahamas to the United States too.",
    );
    expect(gaps.filter((g) => g.includes('Carnival'))).toHaveLength(2);
  });

  it('Lucky scattered from the ship: the scattering rule is shown, and the gap says what it leaves unsaid', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: cruise,
      keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
      loved_one: { name: 'Lucky', kind: 'pet', loss_country: 'US' },
      purpose: 'scatter',
      scatter: { country: 'BS', place: 'sea', ashes_come_home: false },
    });
    const ids = out.legs[0]!.requirements.flatMap((r) => r.rule_ids);
    expect(ids).toContain('ccl-scattering');
    expect(ids).not.toContain('ccl-container');
    const gaps = gapMessages(out);
    expect(gaps).toContain(
      "Our sources on Carnival speak about a pet's ashes only for scattering them; what they say about bringing ashes on board is about a person's. For Lucky, please ask them before you sail.",
    );
    expect(gaps.join(' ')).not.toMatch(/not a pet's/);
  });

  it('Grandpa beside Lucky: Carnival’s urn rules are about Grandpa’s ashes', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: cruise,
      keepsakes: [
        { kind: 'ashes', container: 'biodegradable', loved_one: 'Grandpa' },
        { kind: 'ashes', container: 'biodegradable', loved_one: 'Lucky' },
      ],
      loved_ones: [
        { name: 'Grandpa', kind: 'adult', loss_country: 'US' },
        { name: 'Lucky', kind: 'pet', loss_country: 'US' },
      ],
      purpose: 'scatter',
      scatter: { country: 'BS', place: 'sea', ashes_come_home: false },
    });
    const byId = new Map(out.legs[0]!.requirements.map((r) => [r.id, r]));
    for (const id of ['ccl-container', 'ccl-custody', 'ccl-no-ashore']) {
      expect(byId.get(id)!.about).toEqual(['Grandpa’s ashes']);
    }
  });
});

describe('a family in the Philippines bringing ashes home from California (finding 7)', () => {
  it('is told to let the consulate that asks know, not the authorities at home', () => {
    const out = readTripOn(today, {
      home_country: 'PH',
      legs: [{ mode: 'air', from: 'US', to: 'PH', carrier: 'PR', bag: 'checked', way_home: true }],
      keepsakes: [
        { kind: 'ashes', container: 'wood', loved_one: 'Lolo' },
        { kind: 'ashes', container: 'wood', loved_one: 'Angel' },
      ],
      loved_ones: [
        { name: 'Lolo', kind: 'adult', loss_country: 'US', loss_region: 'US-CA' },
        {
          name: 'Angel',
          kind: 'pregnancy_loss',
          loss_country: 'US',
          loss_region: 'US-CA',
          gestation_weeks: 24,
        },
      ],
    });
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/let the authorities in the Philippines know/);
    const notes = out.legs[0]!.exceptions.map((e) => e.message);
    expect(notes.join(' ')).toMatch(
      /The Philippine consulate in Los Angeles may ask for a death certificate\. .*it may help to let the Philippine consulate in Los Angeles know before you travel\./,
    );
  });
});

describe('saying what a source speaks for (finding 8)', () => {
  it('driving from Türkiye to Greece: the Greek register’s flight details are said as the register says them', () => {
    const out = readTripOn(today, {
      home_country: 'TR',
      legs: [{ mode: 'road', from: 'TR', to: 'GR' }],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Yiayia', kind: 'adult', loss_country: 'TR' },
    });
    const greece = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('gr-ashes-transfer-cert'))!;
    expect(greece.detail).not.toMatch(/; and the flight details\./);
    expect(greece.detail).toMatch(/the details of the journey \(the register, written for flights/);
  });

  it('a family from Spain hears that Portugal’s consulate in Rio speaks for a Portuguese national who died in Brazil', () => {
    const out = readTripOn(today, {
      home_country: 'ES',
      legs: [{ mode: 'road', from: 'ES', to: 'PT' }],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable' }],
      loved_one: { name: 'Abuela', kind: 'adult', loss_country: 'ES' },
      purpose: 'scatter',
      scatter: { country: 'PT', place: 'river_or_lake', ashes_come_home: false },
    });
    expect(gapMessages(out)).toContain(
      'Our sources on taking ashes into Portugal speak only for families who live in Brazil whose loved one was a national of Portugal and died there. For a family from Spain, the embassy or consulate of Portugal in Spain can tell you what they need; take the documents listed below with you.',
    );
  });
});
