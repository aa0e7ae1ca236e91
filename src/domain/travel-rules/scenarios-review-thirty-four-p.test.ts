import { describe, expect, it } from 'vitest';
import { carryingTrip as carrying, gapMessages, readTripOn, type TripReading } from './scenario-reading.js';

// Reviews 33a and 33b, the findings fixed by helper fixP.
// 33b M2: a trip that lands in a country and goes on to a third was told as a fact that the family
// "only pass[es] through" it, though they had not said so: a tour of the UK and Ireland stays in both.
// 33a M4: a pregnancy loss whose death certificate may not exist had "a death certificate, if you
// have it" on the carry list, and nothing to carry in its place.

const today = '2026-12-07';
const everything = (out: TripReading): string => JSON.stringify(out);
/** Said as what the family does, never asked: "You only pass through …", "… when you only pass through …". */
const SAID_AS_FACT = /You only pass through|when you only pass through/;

describe('33b M2: passing through is said as an "if", never as what the family does', () => {
  it('a US family visiting the UK, then Ireland, hears the UK’s papers apply if they stay there', () => {
    const out = readTripOn(
      today,
      carrying('US', [
        { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' },
        { mode: 'air', from: 'GB', to: 'IE', carrier: 'EI', bag: 'carry_on' },
        { mode: 'air', from: 'IE', to: 'US', carrier: 'EI', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(everything(out)).not.toMatch(SAID_AS_FACT);
    const uk = out.legs[0]!.requirements.find((r) => r.rule_ids.includes('gb-from-us-docs'))!;
    expect(uk.for_this_family).toBe(
      "If you stay in the United Kingdom, this applies to you. If you only pass through, our sources don't say whether it does, so ask before you travel whether you need these papers.",
    );
  });

  it('a family from Germany on a road and rail tour hears Italy’s mission can tell them either way', () => {
    const out = readTripOn(
      today,
      carrying('DE', [
        { mode: 'road', from: 'DE', to: 'AT' },
        { mode: 'rail', from: 'AT', to: 'IT' },
        { mode: 'road', from: 'IT', to: 'CH' },
        { mode: 'road', from: 'CH', to: 'DE', way_home: true },
      ]),
    );
    expect(everything(out)).not.toMatch(SAID_AS_FACT);
    expect(gapMessages(out, 1).join('\n')).toContain(
      'the embassy or consulate of Italy in Germany can tell you what they need, whether you stay there or only pass through on the way to Switzerland;',
    );
    const austria = out.legs[0]!.requirements.find((r) => r.id === 'at-lay-carriage');
    expect(austria?.for_this_family).toMatch(
      /^If you stay in Austria, this applies to you\. If you only pass through/,
    );
  });

  it('a UK family going on from Greece to Poland hears Greece’s sources leave out a stay as well as passing through', () => {
    const out = readTripOn(
      today,
      carrying('GB', [
        { mode: 'air', from: 'GB', to: 'GR', carrier: 'BA', bag: 'carry_on' },
        { mode: 'air', from: 'GR', to: 'PL', carrier: 'A3', bag: 'carry_on' },
        { mode: 'air', from: 'PL', to: 'GB', carrier: 'LO', bag: 'carry_on', way_home: true },
      ]),
    );
    expect(gapMessages(out, 0)).toContain(
      "Our sources on taking ashes into Greece speak of ashes that stay there; they don't say what is needed if the ashes go on with you to Poland, whether you stay there a while first or only pass through. The embassy or consulate of Greece in the United Kingdom can tell you before you set off; take the documents listed below with you.",
    );
  });

  it('Germany’s refusal, met landing in Frankfurt and taking the train on, is a question for passing through', () => {
    const out = readTripOn(
      today,
      carrying('US', [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'AT' },
      ]),
    );
    expect(everything(out)).not.toMatch(SAID_AS_FACT);
    expect(out.summary[0]!.text).toContain(
      "and don't say whether that applies if you only pass through on the way to Austria.",
    );
  });

  it('a change of planes marked as one never enters Germany, so nothing is said of staying there', () => {
    const out = readTripOn(
      today,
      carrying('GB', [
        { mode: 'air', from: 'GB', to: 'DE', carrier: 'LH', bag: 'carry_on', connection: true },
        { mode: 'air', from: 'DE', to: 'AT', carrier: 'LH', bag: 'carry_on' },
      ]),
    );
    expect(everything(out)).not.toMatch(/stay in Germany|whether you stay there/);
  });
});

describe('33a M4: a pregnancy loss’s carry list says what stands in for a death certificate', () => {
  const hope = (home: string, abroad: string, carrier: string, lovedOne: Record<string, unknown> = {}) =>
    readTripOn(
      today,
      carrying(home, [{ mode: 'air', from: home, to: abroad, carrier, bag: 'carry_on' }], {
        name: 'Hope',
        kind: 'pregnancy_loss',
        ...lovedOne,
      }),
    );

  it('a loss in France, where we have no rule on the papers: the hospital’s papers are on the list', () => {
    const carry = hope('FR', 'IT', 'AF').summary[0]!.carry;
    expect(carry[0]).toMatch(
      /^Whatever paperwork the hospital, crematorium or funeral director gave you about your baby\./,
    );
    expect(carry).toContain('A death certificate, if you have it');
  });

  it('a loss in the UK, weeks not given: both ways round are on the list, with the crematorium’s certificate', () => {
    const out = hope('GB', 'ES', 'BA');
    expect(out.summary[0]!.carry[0]).toMatch(
      /^Before 24 weeks: whatever the hospital gave you about your baby, with the crematorium's certificate\..* From 24 weeks: your baby's stillbirth certificate, with the crematorium's certificate\./,
    );
    expect(out.summary[0]!.text).toMatch(
      /^For Hope, what to carry depends on how many weeks into the pregnancy Hope was born\. Before 24 weeks:/,
    );
  });

  it('where everyone asking takes the cremation certificate in its place, "or else" still says it', () => {
    const out = hope('US', 'US', 'DL', {
      born_alive: false,
      gestation_weeks: 12,
      birth_weight_g: 50,
      loss_region: 'US-CA',
    });
    expect(out.summary[0]!.text).toMatch(
      /^For Hope, bring a death certificate if you have it, or else a cremation certificate, which Delta accepts in its place\./,
    );
  });
});
