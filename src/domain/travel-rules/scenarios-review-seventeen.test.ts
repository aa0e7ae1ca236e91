import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { parseShipmentInput, parseTravelRulesInput } from './parse-input.js';
import { type TripReading, detailOn, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// The seventeenth reviewer's findings (/work/briefs/review17-findings.md), each as the trip they ran
// through the CLI (inputs in /tmp/review17), read the way the CLI reads it. Finding 6 (the note for
// security) is not here: the note is being changed elsewhere.

const today = '2026-12-06';
type Out = TripReading;
const trip = (raw: unknown): Out => readTripOn(today, raw);
const byId = new Map(RULES.map((rule) => [rule.id, rule]));
const nocRequirement = (out: Out, id: string) =>
  out.legs.flatMap((leg) => leg.requirements).find((r) => r.rule_ids.includes(id))!;

describe('1. India’s No Objection Certificates from London and The Hague say only what their pages say', () => {
  // t14: Nani's ashes, from England to be scattered in a river in India, via Dubai on Emirates.
  const nani = trip({
    home_country: 'GB',
    legs: [
      { mode: 'air', from: 'GB', to: 'AE', carrier: 'EK', bag: 'carry_on', connection: true },
      { mode: 'air', from: 'AE', to: 'IN', carrier: 'EK', bag: 'carry_on' },
    ],
    keepsakes: [{ kind: 'ashes', container: 'metal', name: 'Nani', loved_one: 'Nani' }],
    purpose: 'scatter',
    scatter: { country: 'IN', place: 'river_or_lake', ashes_come_home: false },
    loved_ones: [
      { name: 'Nani', kind: 'adult', loss_country: 'GB', loss_region: 'GB-ENG', cremated_in: 'GB' },
    ],
  });

  it('t14: the pages say the missions issue one, not that a family must have one: suggested, never required', () => {
    for (const id of ['in-london-noc', 'in-hague-noc']) {
      expect(byId.get(id)).toMatchObject({ severity: 'recommended', confidence: 'high' });
      expect(byId.get(id)!.title).not.toMatch(/must|required/);
      expect(byId.get(id)!.detail).toContain("Its page doesn't say you must have one");
    }
    expect(nocRequirement(nani, 'in-london-noc').severity).toBe('recommended');
    expect(nani.summary[0]!.text).not.toMatch(/bring[^.]*No Objection Certificate/);
    // Said in its page's own words, that the missions issue one (review 33, r33a finding M2).
    expect(nani.summary[0]!.text).toContain(
      "India's High Commission in London and its consulates in the UK issue a No Objection Certificate",
    );
  });

  it('an adult’s detail keeps the High Commission’s list and fee', () => {
    expect(detailOn(nani, 'in-london-noc')).toContain('£17');
    expect(detailOn(nani, 'in-london-noc')).not.toContain('We could not read its whole list');
  });
});

describe('2. a baby with no death certificate hears that the mission’s list could not be read whole', () => {
  const baby = (home: string, from: string, name: string, weeks: number) =>
    trip({
      home_country: home,
      legs: [
        { mode: 'air', from, to: 'TR', carrier: 'TK', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'TR', to: 'IN', carrier: 'TK', bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', name, loved_one: name }],
      purpose: 'carry',
      loved_ones: [
        {
          name,
          kind: 'pregnancy_loss',
          gestation_weeks: weeks,
          born_alive: false,
          loss_country: from,
          ...(from === 'GB' && { loss_region: 'GB-ENG' }),
        },
      ],
    });

  it('t46: Anaya, 23 weeks, from England: ask VFS Global what to bring instead', () => {
    const out = baby('GB', 'GB', 'Anaya', 23);
    expect(ruleIdsOn(out, 1)).toContain('in-london-noc');
    const detail = detailOn(out, 'in-london-noc')!;
    expect(detail).toContain(
      "We could not read its whole list, so we can't say if it asks for a death certificate",
    );
    expect(detail).toContain('if there is none for your baby, ask VFS Global what to bring instead');
    expect(detail).not.toMatch(/passport holder|held an Indian passport/);
  });

  it('t18: Meera, 21 weeks, from the Netherlands: ask the embassy', () => {
    const out = baby('NL', 'NL', 'Meera', 21);
    expect(ruleIdsOn(out, 1)).toContain('in-hague-noc');
    expect(detailOn(out, 'in-hague-noc')).toContain(
      'if there is none for your baby, ask the embassy what to bring instead',
    );
  });
});

describe('3. an airline that doesn’t take ashes in the hold the family chose: said first, as for the cabin', () => {
  const checked = (home: string, from: string, to: string, carrier: string, name: string) =>
    trip({
      home_country: home,
      legs: [{ mode: 'air', from, to, carrier, bag: 'checked' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name, loved_one: name }],
      purpose: 'carry',
      loved_ones: [{ name, kind: 'adult', loss_country: home }],
    });

  it('t56: Ryanair, checked, to Portugal: the summary opens with the cabin, and whom to ask', () => {
    const text = checked('GB', 'GB', 'PT', 'FR', 'Grandma').summary[0]!.text;
    expect(text).toMatch(
      /^Before anything else: Ryanair doesn't take ashes in the hold, so plan to keep the ashes with you in the cabin\. The notes on your journey say whom to ask before you plan it\. For Grandma, bring /,
    );
  });

  it('t57: American, checked, within the US: "may not", said first, before "no papers"', () => {
    const text = checked('US', 'US', 'US', 'AA', 'Dad').summary[0]!.text;
    expect(text).toMatch(
      /^Before anything else: American may not take ashes in a checked bag, so plan to keep the ashes with you in the cabin\./,
    );
  });

  it('Ryanair in the cabin: nothing to move, so no such opening', () => {
    const out = trip({
      home_country: 'GB',
      legs: [{ mode: 'air', from: 'GB', to: 'PT', carrier: 'FR', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Grandma', loved_one: 'Grandma' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Grandma', kind: 'adult', loss_country: 'GB' }],
    });
    expect(out.summary[0]!.text).not.toContain('Before anything else');
  });
});

describe('5. LOW: hidden characters in a name are refused, never repeated back', () => {
  const jo = (second: string) => ({
    home_country: 'GB',
    legs: [{ mode: 'air', from: 'GB', to: 'ES', carrier: 'BA', bag: 'carry_on' }],
    keepsakes: [
      { kind: 'ashes', container: 'wood', loved_one: 'Jo' },
      { kind: 'ashes', container: 'metal', loved_one: second },
    ],
    loved_ones: [
      { name: 'Jo', kind: 'adult', loss_country: 'GB' },
      {
        name: second,
        kind: 'pregnancy_loss',
        gestation_weeks: 20,
        born_alive: false,
        loss_country: 'GB',
        loss_region: 'GB-ENG',
      },
    ],
  });
  const problemsOf = (raw: unknown): string[] => {
    const parsed = parseTravelRulesInput(raw);
    return parsed.ok ? [] : parsed.problems;
  };

  it('m21: "Jo" and "Jo" with a zero-width space are not two loved ones both shown as "Jo"', () => {
    for (const hidden of ['\u200b', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200d']) {
      // Inside the name: at its end, a byte-order mark is trimmed as space, and "Jo" is then
      // refused as a second "Jo" (see below).
      const problems = problemsOf(jo(`J${hidden}o`));
      expect(problems.length, JSON.stringify(hidden)).toBeGreaterThan(0);
      expect(problems.join(' ')).toContain('hidden characters we cannot show; please type it again');
      expect(problems.join(' ')).not.toContain(hidden);
    }
  });

  it('at either end, what trimming removes leaves the name itself, and two "Jo"s are refused', () => {
    expect(problemsOf(jo('Jo\ufeff')).join(' ')).toContain('Two loved ones are called "Jo"');
    expect(problemsOf(jo('Jo\u200b')).join(' ')).toContain('hidden characters we cannot show');
  });

  it('s_m22: a carrier with a hidden character is refused, never read as another or repeated', () => {
    for (const carrier of ['Pony\u200bExpress', 'US\u200bPS']) {
      const parsed = parseShipmentInput({ from: 'US', to: 'DE', carrier });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problems.join(' ')).toContain('hidden characters we cannot show');
        expect(parsed.problems.join(' ')).not.toContain('\u200b');
      }
    }
  });

  it('joiners that belong in a name (Persian) or an emoji are kept', () => {
    expect(problemsOf(jo('محمد\u200cرضا'))).toEqual([]);
    expect(problemsOf(jo('Baby 👨\u200d👩\u200d👧'))).toEqual([]);
  });
});

describe('7. LOW: a pet’s ashes on Emirates: the summary says what to bring', () => {
  it('t38: Max, from the UAE to the UK in the cabin: the cremation certificate Emirates accepts', () => {
    const out = trip({
      home_country: 'AE',
      legs: [{ mode: 'air', from: 'AE', to: 'GB', carrier: 'EK', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Max', loved_one: 'Max' }],
      purpose: 'carry',
      loved_ones: [{ name: 'Max', kind: 'pet', loss_country: 'AE' }],
    });
    const summary = out.summary[0]!;
    // A pet has no death certificate (review 35, t17): what stands in for it is said as what to carry.
    expect(summary.text).toMatch(
      /^For Max, carry a cremation certificate, which Emirates accepts in place of a death certificate\./,
    );
    expect(summary.carry[0]).toBe(
      'A cremation certificate, which Emirates accepts in place of a death certificate.',
    );
  });
});

describe('8. LOW: a family living in Japan bringing ashes home', () => {
  // t23: part of Obaachan's ashes scattered off Hawaii, the rest coming home to Japan.
  const obaachan = (crematedIn: string) =>
    trip({
      home_country: 'JP',
      legs: [
        { mode: 'air', from: 'JP', to: 'US', carrier: 'NH', bag: 'carry_on' },
        { mode: 'air', from: 'US', to: 'JP', carrier: 'NH', bag: 'carry_on' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'ceramic', name: 'Obaachan', loved_one: 'Obaachan' }],
      purpose: 'scatter',
      scatter: { country: 'US', region: 'US-HI', place: 'sea', ashes_come_home: true },
      loved_ones: [{ name: 'Obaachan', kind: 'adult', loss_country: crematedIn, cremated_in: crematedIn }],
    });

  it('t23: coming back to Japan, Japan’s customs are whom to ask, not its consulate in the US', () => {
    const gaps = gapMessages(obaachan('JP'), 1).join(' ');
    expect(gaps).toContain(
      'We have no rule from our research for bringing ashes back into Japan after they have left it. The customs service of Japan can tell you, before you set off',
    );
    expect(gaps).not.toContain('The embassy or consulate of Japan in the United States');
  });
});
