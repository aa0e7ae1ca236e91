import { describe, expect, it } from 'vitest';
import { parseTravelRulesInput } from './index.js';
import { joinPapers } from './ordering.js';
import { readTripOn } from './scenario-reading.js';

// Review 22, findings 1, 2, 3 and 11 (brief fix22, helper fix22a).

const today = '2026-12-06';
type Out = ReturnType<typeof readTripOn>;
const gapsOf = (out: Out) => out.legs.flatMap((leg) => leg.gaps.map((g) => g.message)).join(' ');
const requirement = (out: Out, id: string) =>
  out.legs.flatMap((leg) => leg.requirements).find((r) => r.id === id);
const summaryOf = (out: Out, name: string) => out.summary.find((s) => s.loved_one === name)!.text;

describe('finding 1: scattering ashore at a port of call where the cruise line keeps the urn aboard', () => {
  const carnival = {
    home_country: 'US',
    legs: [
      { mode: 'sea' as const, from: 'US', to: 'MX', carrier: 'CCL' },
      { mode: 'sea' as const, from: 'MX', to: 'US', carrier: 'CCL', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes' as const, container: 'wood' as const, name: 'Grandpa', loved_one: 'Bill' }],
    purpose: 'scatter' as const,
    scatter: { country: 'MX', place: 'land' as const, ashes_come_home: false },
    loved_ones: [
      {
        name: 'Bill',
        kind: 'adult' as const,
        loss_country: 'US',
        loss_region: 'US-TX',
        cremated_in: 'US-TX',
      },
    ],
  };

  it('says first that Carnival keeps the urn aboard, so the plan cannot be made from this cruise', () => {
    const out = readTripOn(today, carnival);
    const text = summaryOf(out, 'Bill');
    expect(
      text.startsWith('Before anything else: Carnival keeps the urn on board at its ports of call'),
    ).toBe(true);
    expect(text).toContain("the ashes can't go ashore in Mexico to be scattered on land from this cruise");
    expect(text).toContain('Please ask Carnival before you plan it');
  });

  it('still names the unknown for scattering on land in Mexico, and what Mexico asks', () => {
    const out = readTripOn(today, carnival);
    expect(gapsOf(out)).toContain(
      'We have no rule from our research for scattering ashes on land in Mexico yet.',
    );
    expect(requirement(out, 'ccl-no-ashore')).toBeDefined();
    // The plan is shown as made: the ashes are scattered, so none go home.
    expect(out.legs[1]!.carries_ashes).toBe(false);
  });

  it('a scattering at sea from the same cruise is not told the urn cannot go ashore', () => {
    const out = readTripOn(today, { ...carnival, scatter: { ...carnival.scatter, place: 'sea' as const } });
    expect(summaryOf(out, 'Bill')).not.toContain('Before anything else');
  });

  it('a Royal Caribbean cruise, with no such rule, is not told so either', () => {
    const rcl = {
      ...carnival,
      legs: carnival.legs.map((leg) => ({ ...leg, carrier: 'RCL' })),
    };
    const out = readTripOn(today, rcl);
    expect(summaryOf(out, 'Bill')).not.toContain('keeps the urn on board');
  });
});

describe('finding 2: after changing planes airside, the mission to ask is where the family sets off', () => {
  // Coming home, South Korea's own border authorities, never a Korean post abroad, in Japan or in
  // the US (review 35, t; review 34b, finding 2).
  it('a Korean family flying home from the US through Narita asks South Korea’s border authorities', () => {
    const out = readTripOn(today, {
      home_country: 'KR',
      legs: [
        { mode: 'air', from: 'US', to: 'JP', carrier: 'JL', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'JP', to: 'KR', carrier: 'JL', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', name: "Halmeoni's urn", loved_one: 'Lee Soon-ja' }],
      loved_ones: [
        {
          name: 'Lee Soon-ja',
          kind: 'adult',
          loss_country: 'US',
          loss_region: 'US-CA',
          cremated_in: 'US-CA',
        },
      ],
    });
    const gaps = gapsOf(out);
    expect(gaps).toContain('The border authorities of South Korea can tell you, before you set off');
    expect(gaps).not.toContain('South Korea in Japan');
  });
});

describe('finding 3: a baby lost in pregnancy keeps its own caveat beside an adult', () => {
  const both = {
    home_country: 'GB',
    legs: [{ mode: 'air' as const, from: 'GB', to: 'IN', carrier: 'AI', bag: 'carry_on' as const }],
    keepsakes: [
      { kind: 'ashes' as const, container: 'metal' as const, name: "Nani's urn", loved_one: 'Kamla' },
      { kind: 'ashes' as const, container: 'wood' as const, name: "Baby Arjun's box", loved_one: 'Arjun' },
    ],
    loved_ones: [
      {
        name: 'Kamla',
        kind: 'adult' as const,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
        cremated_in: 'GB-ENG',
      },
      {
        name: 'Arjun',
        kind: 'pregnancy_loss' as const,
        gestation_weeks: 19,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
        cremated_in: 'GB-ENG',
      },
    ],
  };
  const caveat = 'if there is none for your baby, ask VFS Global what to bring instead';

  it('India’s No Objection Certificate still says to ask VFS Global what to bring for the baby', () => {
    const noc = requirement(readTripOn(today, both), 'in-london-noc')!;
    expect(noc.detail).toContain(caveat);
    // Kamla held a passport: the full list stays.
    expect(noc.detail).toContain('a death registration form if the person who died held an Indian passport');
  });

  it('the baby alone hears it once, and a grandmother alone not at all', () => {
    const baby = readTripOn(today, {
      ...both,
      keepsakes: [both.keepsakes[1]!],
      loved_ones: [both.loved_ones[1]!],
    });
    const detail = requirement(baby, 'in-london-noc')!.detail;
    expect(detail.split(caveat).length - 1).toBe(1);
    const grandma = readTripOn(today, {
      ...both,
      keepsakes: [both.keepsakes[0]!],
      loved_ones: [both.loved_ones[0]!],
    });
    expect(requirement(grandma, 'in-london-noc')!.detail).not.toContain(caveat);
  });
});

describe('finding 11: wording', () => {
  it('no doubled "for" where no papers are asked', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: [
        { mode: 'air', from: 'US', to: 'US', carrier: 'HA', bag: 'carry_on' },
        { mode: 'air', from: 'US', to: 'US', carrier: 'HA', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: "Tutu's urn", loved_one: 'Leilani' }],
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-HI', place: 'sea', ashes_come_home: false },
      loved_ones: [
        { name: 'Leilani', kind: 'adult', loss_country: 'US', loss_region: 'US-CA', cremated_in: 'US-CA' },
      ],
    });
    const text = summaryOf(out, 'Leilani');
    expect(text).toContain('For Leilani, we found no papers this journey asks for.');
    expect(text).not.toContain('asks for, for');
  });

  it('two papers with commas of their own are kept apart with a semicolon', () => {
    expect(joinPapers(['a burial-transit permit, apostilled', 'a certificate, apostilled'])).toBe(
      'a burial-transit permit, apostilled; and a certificate, apostilled',
    );
    expect(joinPapers(['a death certificate', 'a cremation certificate'])).toBe(
      'a death certificate and a cremation certificate',
    );
    const out = readTripOn(today, {
      home_country: 'US',
      legs: [{ mode: 'air', from: 'US', to: 'DO', carrier: 'B6', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: "Angelito's box", loved_one: 'Mateo' }],
      loved_ones: [
        {
          name: 'Mateo',
          kind: 'pregnancy_loss',
          gestation_weeks: 21,
          born_alive: false,
          loss_country: 'US',
          loss_region: 'US-NY',
          cremated_in: 'US-NY',
        },
      ],
    });
    expect(summaryOf(out, 'Mateo')).toContain(
      'a burial-transit permit, apostilled; and a certificate of non-communicable disease, apostilled',
    );
  });

  it('a right-to-left override in a name is called a hidden character', () => {
    const parsed = parseTravelRulesInput({
      legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: '\u202eevol' }],
    });
    expect(parsed).toEqual({
      ok: false,
      problems: ['keepsakes.0.name: The name has hidden characters we cannot show; please type it again.'],
    });
    for (const mark of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const again = parseTravelRulesInput({
        legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA' }],
        keepsakes: [{ kind: 'ashes', container: 'wood', name: `Jo${mark}` }],
      });
      expect(again.ok).toBe(false);
    }
  });
});

describe('finding 9: a train or boat company we have no rule for is kept, and the family told to ask it', () => {
  const gapsFor = (leg: Record<string, unknown>) => {
    const input = {
      home_country: 'FR',
      legs: [leg],
      keepsakes: [{ kind: 'ashes', container: 'wood' }],
      loved_one: { name: 'Mamie', kind: 'adult', loss_country: 'FR' },
    };
    const parsed = parseTravelRulesInput(input);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    return gapsOf(readTripOn(today, input));
  };

  it('SNCF by train is named in the answer, with the rail company to ask', () => {
    expect(gapsFor({ mode: 'rail', from: 'FR', to: 'CH', carrier: 'SNCF' })).toContain(
      'We have no rule from our research for ashes on SNCF yet. Please ask the rail company before you travel',
    );
  });

  it('"BF" on a ferry (also an airline code we have no rule for) is read as the ferry company', () => {
    expect(gapsFor({ mode: 'sea', from: 'FR', to: 'IE', carrier: 'BF' })).toContain(
      'We have no rule from our research on carrying ashes aboard BF yet. Please ask them before you sail',
    );
  });

  it('the opposite mistake: an airline our rules speak for, on a train, is still a slip of the mode', () => {
    const parsed = parseTravelRulesInput({
      legs: [{ mode: 'rail', from: 'GB', to: 'FR', carrier: 'BA' }],
      keepsakes: [],
    });
    expect(parsed.ok).toBe(false);
  });
});
