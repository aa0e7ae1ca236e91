import { describe, expect, it } from 'vitest';
import { parseShipmentInput, parseTravelRulesInput } from './index.js';
import { RULES } from './load-rules.js';
import {
  type TripReading,
  detailOn,
  gapMessages,
  readShipmentOn,
  readTripOn,
  ruleIdsOn,
} from './scenario-reading.js';

// The fifteenth reviewer's eight findings (/work/briefs/review15-findings.md), each as the trip or
// shipment they ran through the CLI (inputs in /tmp/r15), read the way the CLI reads it; some guard
// the opposite mistake. Finding 6 (the security note's French, German and Italian) is tested beside
// the note, in src/server/modules/travel-rules/security-note.test.ts.

const today = '2026-12-06';
type Out = TripReading;
const trip = (raw: unknown): Out => readTripOn(today, raw);
const ship = (raw: unknown) => readShipmentOn(today, raw);
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const detailOf = detailOn;

describe('1. MEDIUM: Singapore Airlines, where our sources disagree', () => {
  // t3: Grandad's metal urn and Rosie's pendant, Sydney to London via Singapore on SQ.
  const t3 = () =>
    trip({
      home_country: 'AU',
      loved_ones: [
        { name: 'Grandad', kind: 'adult', loss_country: 'AU', loss_region: 'AU-NSW' },
        { name: 'Rosie', kind: 'infant', born_alive: true, gestation_weeks: 19, loss_country: 'AU' },
      ],
      keepsakes: [
        { kind: 'ashes', container: 'metal', loved_one: 'Grandad', name: "Grandad's urn" },
        { kind: 'jewellery', container: 'metal', loved_one: 'Rosie', name: "Rosie's pendant" },
      ],
      legs: [
        { mode: 'air', from: 'AU', to: 'SG', carrier: 'SQ', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'SG', to: 'GB', carrier: 'SQ', bag: 'carry_on' },
      ],
    });

  it('no summary opens with "Before anything else" on the retailer’s 2021 line', () => {
    for (const summary of t3().summary) {
      expect(summary.text).not.toMatch(/^Before anything else/);
      expect(summary.text).not.toContain('Before anything else');
    }
  });

  it('Grandad’s summary leads with what to carry, then says plainly that our sources disagree', () => {
    const text = t3().summary[0]!.text;
    expect(text).toMatch(/^For Grandad, bring a death certificate/);
    expect(text).toContain(
      'Our sources disagree on whether Singapore Airlines carries ashes: one says “A 2021 report: Singapore Airlines may no longer accept ashes”, and others say it does; the notes on your journey give each with its date. Please ask Singapore Airlines in writing before you book.',
    );
  });

  it('the disagreement on the leg names all three reports, each with its date, all low', () => {
    const conflict = t3().legs[0]!.conflicts.find((c) => c.rule_ids.includes('sq-2021-stopped'))!;
    expect(conflict.rule_ids).toEqual([
      'sq-2017-allowed',
      'sq-2021-stopped',
      'sq-2022-traveller',
      'sq-rosy-copies',
    ]);
    expect(conflict.message).toContain('In 2017 Singapore Airlines allowed ashes');
    expect(conflict.message).toContain('A 2021 report');
    expect(conflict.message).toContain('In 2022 a family found');
    expect(conflict.message).toContain('Rosy International, undated');
    for (const id of conflict.rule_ids) expect(byId.get(id)!.confidence).toBe('low');
  });

  it('each new report carries its source, its own date (none) and the day it was read', () => {
    expect(byId.get('sq-2022-traveller')).toMatchObject({
      source_url: 'https://r.darrennathanael.com/r/Flights/rising',
      source_kind: 'forum',
      source_date: null,
      read_on: '2026-12-06',
    });
    expect(byId.get('sq-rosy-copies')).toMatchObject({
      source_url: 'https://rosyinternational.co.uk/taking-ashes-abroad/singapore-airlines/',
      source_kind: 'retailer',
      source_date: null,
      read_on: '2026-12-06',
    });
    for (const id of ['sq-2022-traveller', 'sq-rosy-copies'])
      expect(byId.get(id)!.rechecked_on).toBeUndefined();
  });

  it('the opposite: a "may" refusal nobody contradicts is still said first (Etihad’s cabin)', () => {
    const out = trip({
      home_country: 'GB',
      loved_one: { name: 'Dad', kind: 'adult', loss_country: 'GB' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'GB', to: 'AE', carrier: 'EY', bag: 'carry_on' }],
    });
    expect(out.summary[0]!.text).toMatch(/^Before anything else/);
  });
});

describe('2. MEDIUM: Dominican Republic from the US, the consulate checks the papers before travel', () => {
  // t13: Pop, from the US to the Dominican Republic on Spirit.
  const t13 = () =>
    trip({
      home_country: 'US',
      loved_one: { name: 'Pop', kind: 'adult', loss_country: 'US' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'US', to: 'DO', carrier: 'NK', bag: 'carry_on' }],
    });

  it('the leg says the check happens before you travel, at the consulate serving where the family lives', () => {
    const detail = detailOf(t13(), 'do-chicago-papers')!;
    expect(detail).toMatch(
      /^Before you travel, the papers go to the Dominican consulate serving where you live, which checks them/,
    );
    expect(detail).toContain('US$250, 5 to 7 working days');
  });

  it('an apostilled paper is never "if you are asked for it": it is asked about before travel', () => {
    const carry = t13().summary[0]!.carry;
    expect(carry).toContain(
      'A certificate of non-communicable disease, apostilled: ask the consulate before you travel whether you need it',
    );
    expect(carry.filter((line) => /apostilled, if you are asked/.test(line))).toEqual([]);
  });

  it('papers with commas of their own are kept apart with semicolons in the summary', () => {
    expect(t13().summary[0]!.text).toContain(
      'a copy of Pop’s passport; a burial-transit permit, apostilled; and a certificate of non-communicable disease, apostilled:',
    );
  });
});

describe('3. LOW: Mexico, notarised translations are made before travel', () => {
  const t9 = () =>
    trip({
      home_country: 'US',
      loved_one: { name: 'Abuela', kind: 'adult', loss_country: 'US', loss_region: 'US-TX' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'US', to: 'MX', carrier: 'Y4', bag: 'carry_on' }],
    });

  it('"ask the consulate before you travel whether you need them", never "if you are asked for it"', () => {
    const summary = t9().summary[0]!;
    expect(summary.carry).toContain(
      'Notarised Spanish translations of each certificate: ask the consulate before you travel whether you need them',
    );
    expect(summary.text).toContain('translations of each certificate: our sources say only that');
    expect(summary.text).toMatch(
      /translations of each certificate: our sources say only that [^.]* may ask for them\./,
    );
  });

  it('the opposite: a paper got at the desk stays "if you are asked for it"', () => {
    const carry = t13Passport();
    expect(carry).toContain('A copy of Pop’s passport, if you are asked for it');
  });
});

function t13Passport(): string[] {
  return trip({
    home_country: 'US',
    loved_one: { name: 'Pop', kind: 'adult', loss_country: 'US' },
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    legs: [{ mode: 'air', from: 'US', to: 'DO', carrier: 'NK', bag: 'carry_on' }],
  }).summary[0]!.carry;
}

describe('4. LOW: ashes sent to India, beyond the eCARe clearance', () => {
  it('the gap says what the clearance leaves unknown, and whom to ask where you send from', () => {
    const out = ship({ from: 'US', to: 'IN', carrier: 'USPS' });
    expect(out.requirements.flatMap((r) => r.rule_ids)).toContain('in-ecare');
    const gaps = out.gaps.map((g) => g.message);
    expect(gaps.join(' ')).not.toContain(
      'We have no rule from our research for receiving ashes sent to India yet',
    );
    expect(gaps).toContain(
      "Beyond what is said above (“India: the Health Ministry's eCARe portal, for any health clearance the ashes need”), we have no rule from our research for receiving ashes sent to India. The embassy or consulate of India in the United States can tell you the rest before you send anything.",
    );
  });

  it('the opposite: a country we have nothing for still hears "no rule … yet"', () => {
    const gaps = ship({ from: 'US', to: 'KE' }).gaps.map((g) => g.message);
    expect(gaps.join(' ')).toContain(
      'We have no rule from our research for receiving ashes sent to Kenya yet.',
    );
  });
});

describe('5. LOW: ANA’s and JAL’s note speaks of security in Japan', () => {
  const flight = (from: string, to: string, carrier: string) =>
    trip({
      home_country: 'US',
      loved_one: {
        name: 'Sam',
        kind: 'pregnancy_loss',
        born_alive: false,
        gestation_weeks: 21,
        birth_weight_g: 300,
        loss_country: 'US',
        loss_region: 'US-CA',
      },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from, to, carrier, bag: 'carry_on' }],
    });

  it('a flight from the US, screened by TSA, hears neither', () => {
    expect(ruleIdsOn(flight('US', 'JP', 'NH'))).not.toContain('nh-papers');
    expect(ruleIdsOn(flight('US', 'JP', 'JL'))).not.toContain('jl-papers');
  });

  it('the opposite: a flight from Japan still hears it', () => {
    expect(ruleIdsOn(flight('JP', 'US', 'NH'))).toEqual(expect.arrayContaining(['nh-papers']));
    expect(ruleIdsOn(flight('JP', 'US', 'JL'))).toEqual(expect.arrayContaining(['jl-papers']));
  });

  it('both rules say so in their conditions', () => {
    for (const id of ['nh-papers', 'jl-papers']) expect(byId.get(id)!.conditions.screening).toEqual(['JP']);
  });
});

describe('7. LOW: a flight’s airline typed by name, as for a shipment', () => {
  const leg = (carrier: string) => ({
    home_country: 'GB',
    loved_one: { name: 'Dad', kind: 'adult', loss_country: 'GB' },
    keepsakes: [{ kind: 'ashes', container: 'plastic' }],
    legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier, bag: 'carry_on' }],
  });

  it('"British Airways" on a trip leg is read as BA, and its rules apply', () => {
    const parsed = parseTravelRulesInput(leg('British Airways'));
    expect(parsed.ok && parsed.value.legs[0]!.carrier).toBe('BA');
    expect(ruleIdsOn(trip(leg('British Airways')))).toEqual(ruleIdsOn(trip(leg('BA'))));
  });

  it('a full name a booking gives ("Delta Air Lines") is read as a shipment reads it', () => {
    const parsed = parseTravelRulesInput({
      ...leg('Delta Air Lines'),
      legs: [{ mode: 'air', from: 'US', to: 'GB', carrier: 'Delta Air Lines' }],
    });
    expect(parsed.ok && parsed.value.legs[0]!.carrier).toBe('DL');
    const sent = parseShipmentInput({ from: 'US', to: 'GB', carrier: 'Delta Air Lines' });
    expect(sent.ok && sent.value.carrier).toBe('DL');
  });

  it('the opposite: a name we do not know is refused kindly, said back as typed', () => {
    const parsed = parseTravelRulesInput(leg('Air Nowhere'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      'legs.0.carrier: We don\'t know an airline called "Air Nowhere". Please give its name as your booking shows it, or its two-character code, such as BA or U2; if we still don\'t know it, leave the airline out and ask them directly.',
    ]);
  });
});

describe('8. LOW: a Filipino family coming home hears whom our sources speak for', () => {
  const lola = (home: string, wayHome: boolean) =>
    trip({
      home_country: home,
      loved_one: { name: 'Lola', kind: 'adult', loss_country: 'AE' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [
        {
          mode: 'air',
          from: 'AE',
          to: 'PH',
          carrier: 'EK',
          bag: 'carry_on',
          ...(wayHome && { way_home: true }),
        },
      ],
    });

  it('coming home from the UAE: "speak only for …", never "no rule", with whom to ask before setting off', () => {
    const gaps = gapMessages(lola('PH', true)).join(' ');
    expect(gaps).not.toContain('We have no rule from our research for taking ashes into the Philippines');
    expect(gaps).toContain(
      // Coming home, the Philippines' post in the UAE: its consulate's mortuary certificate
      // (ph-consular-mortuary-cert) makes the paper its missions' (review 35b, finding 2).
      'Our sources on taking ashes into the Philippines speak only for families who live in Australia or the United States, or whose loved one died in one of them. The embassy or consulate of the Philippines in the United Arab Emirates can tell you, before you set off, what they need',
    );
  });

  it('the opposite: a UAE family hears the same list, and a country with no rules still hears "no rule"', () => {
    expect(gapMessages(lola('AE', false)).join(' ')).toContain(
      'Our sources on taking ashes into the Philippines speak only for families who live in Australia or the United States.',
    );
    const kenya = trip({
      home_country: 'KE',
      loved_one: { name: 'Bibi', kind: 'adult', loss_country: 'GB' },
      keepsakes: [{ kind: 'ashes', container: 'plastic' }],
      legs: [{ mode: 'air', from: 'GB', to: 'KE', carrier: 'BA', bag: 'carry_on', way_home: true }],
    });
    expect(gapMessages(kenya).join(' ')).toContain(
      'We have no rule from our research for taking ashes into Kenya yet.',
    );
  });
});
