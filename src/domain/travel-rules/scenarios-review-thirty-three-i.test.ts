import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readTripOn, ruleIdsOn, type TripReading } from './scenario-reading.js';

// Review 32's leftovers (r32b), fixed by helper fixI in review 33's stop:
// r32b 4: a cruise calling at a port abroad before the scattering waters carried nothing after the
// port of call; the ashes are carried until the sailing on which they are scattered.
// r32b 6: New Zealand's "ask your airline, and airport security" was said on a cruise.

const today = '2026-12-07';

const requirementText = (out: TripReading, leg: number): string =>
  out.legs[leg]!.requirements.map((r) => `${r.title} ${r.detail}`).join('\n');

/** A US family scattering Grandpa at sea from a cruise, none of his ashes coming home. */
const scatteringCruise = (region: string, legs: readonly object[]) => ({
  ...carryingTrip('US', legs, { name: 'Grandpa' }),
  purpose: 'scatter',
  scatter: { country: 'US', region, place: 'sea', ashes_come_home: false },
});

describe('r32b 4: ashes are carried past a port of call abroad to the waters where they are scattered', () => {
  it('Seattle, calling at Victoria, scattered off Alaska, ashore in Vancouver', () => {
    const out = readTripOn(
      today,
      scatteringCruise('US-AK', [
        { mode: 'sea', from: 'US', to: 'CA', carrier: 'Princess', connection: true },
        { mode: 'sea', from: 'CA', to: 'US', carrier: 'Princess' },
        { mode: 'sea', from: 'US', to: 'CA', carrier: 'Princess' },
      ]),
    );
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true, false]);
    expect(ruleIdsOn(out, 0)).not.toContain('epa-3nm');
    expect(ruleIdsOn(out, 1)).toEqual(expect.arrayContaining(['epa-3nm', 'pcl-scattering']));
    expect(gapMessages(out, 1).join(' ')).toMatch(/Alaska's own rules on scattering ashes at sea/);
  });

  it('a Carnival round trip from Miami, calling in the Bahamas, scattered off Florida on the way back', () => {
    const out = readTripOn(
      today,
      scatteringCruise('US-FL', [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'CCL', connection: true },
        { mode: 'sea', from: 'BS', to: 'US', carrier: 'CCL' },
      ]),
    );
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, true]);
    // At the port of call the urn is aboard, where Carnival keeps it.
    expect(ruleIdsOn(out, 0)).toContain('ccl-no-ashore');
    expect(ruleIdsOn(out, 1)).toEqual(expect.arrayContaining(['ccl-scattering', 'epa-3nm']));
  });

  it('a cruise that sails first into the scattering waters still scatters there, and carries nothing after', () => {
    const out = readTripOn(
      today,
      scatteringCruise('US-AK', [
        { mode: 'sea', from: 'US', to: 'US', carrier: 'Princess', connection: true },
        { mode: 'sea', from: 'US', to: 'CA', carrier: 'Princess', connection: true },
        { mode: 'sea', from: 'CA', to: 'CA', carrier: 'Princess' },
      ]),
    );
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, false, false]);
  });

  it('a ferry out of the country with no port of call is still the scattering sailing', () => {
    const out = readTripOn(today, {
      ...carryingTrip('GB', [
        { mode: 'sea', from: 'GB', to: 'FR', carrier: 'Brittany Ferries' },
        { mode: 'sea', from: 'FR', to: 'GB', carrier: 'Brittany Ferries', way_home: true },
      ]),
      purpose: 'scatter',
      scatter: { country: 'GB', region: 'GB-ENG', place: 'sea', ashes_come_home: false },
    });
    expect(out.legs.map((leg) => leg.carries_ashes)).toEqual([true, false]);
  });
});

describe('r32b 6: New Zealand’s words on airlines and airport security are for a flight', () => {
  const toNewZealand = (mode: string, carrier: string) =>
    readTripOn(
      today,
      carryingTrip('AU', [
        { mode, from: 'AU', to: 'NZ', carrier, ...(mode === 'air' && { bag: 'carry_on' }) },
      ]),
    );

  it('a cruise from Sydney to Auckland hears no customs clearance is needed, and nothing of airlines', () => {
    const out = toNewZealand('sea', 'Princess');
    expect(ruleIdsOn(out, 0)).toContain('nz-import');
    expect(ruleIdsOn(out, 0)).not.toContain('nz-import-flying');
    const nz = out.legs[0]!.requirements.find((r) => r.id === 'nz-import')!;
    expect(`${nz.title} ${nz.detail}`).not.toMatch(/airline|airport/i);
  });

  it('a flight from Sydney to Auckland still hears to ask the airline and airport security', () => {
    const out = toNewZealand('air', 'NZ');
    expect(ruleIdsOn(out, 0)).toEqual(expect.arrayContaining(['nz-import', 'nz-import-flying']));
    expect(requirementText(out, 0)).toMatch(/asking your airline, and airport security/);
  });
});

describe('Texas’s words on a cremation there are not said for a baby cremated in Oklahoma', () => {
  const texasBaby = (crematedIn: string) =>
    readTripOn(
      today,
      carryingTrip(
        'US',
        [
          { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' },
          { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on', way_home: true },
        ],
        {
          name: 'Mia',
          kind: 'pregnancy_loss',
          born_alive: false,
          gestation_weeks: 19,
          birth_weight_g: 300,
          loss_region: 'US-TX',
          cremated_in: crematedIn,
        },
      ),
    );
  const everything = (out: TripReading): string => JSON.stringify(out);

  it('cremated in Oklahoma: the reason says only what Texas registers', () => {
    const out = texasBaby('US-OK');
    expect(everything(out)).not.toMatch(/cremated there/);
    expect(out.summary[0]!.not_issued[0]!.reason).toBe(
      'in Texas a baby born without signs of life under 350 g does not have to be registered',
    );
  });

  it('cremated in Texas: the funeral home’s Certificate of Fetal Death is still said', () => {
    expect(texasBaby('US-TX').summary[0]!.not_issued[0]!.reason).toMatch(
      /for a baby cremated there, the funeral home files a Certificate of Fetal Death/,
    );
  });
});

describe('Bremen: the state where scattering is allowed is not also said to have no source', () => {
  const scatterInGermany = (region: string) =>
    readTripOn(today, {
      ...carryingTrip('DE', [{ mode: 'road', from: 'DE', to: 'DE' }], { name: 'Oma', cremated_in: region }),
      purpose: 'scatter',
      scatter: { country: 'DE', region, place: 'land', ashes_come_home: false },
    });

  it('scattering on land in Bremen hears Bremen’s own page, and no “no source for Bremen”', () => {
    const out = scatterInGermany('DE-HB');
    expect(ruleIdsOn(out)).toContain('de-hb-scattering-allowed');
    expect(gapMessages(out).join(' ')).not.toMatch(/no source for Bremen/);
  });

  it('another state is still named as unknown, with Bremen among those we have', () => {
    expect(gapMessages(scatterInGermany('DE-NW')).join(' ')).toContain(
      "We have no source for North Rhine-Westphalia's own rules on scattering ashes on land (we have a state's own only for Bremen and Rhineland-Palatinate)",
    );
  });
});

describe('a state’s rule on an urn cremated there is said once, on the first leg it is met on', () => {
  /** A US family collects Oma's urn in Germany, takes the train, changes planes in Germany, flies home. */
  const collectOma = (crematedIn: string) =>
    readTripOn(today, {
      ...carryingTrip(
        'US',
        [
          { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
          { mode: 'rail', from: 'DE', to: 'DE' },
          { mode: 'air', from: 'DE', to: 'DE', carrier: 'LH', bag: 'carry_on', connection: true },
          { mode: 'air', from: 'DE', to: 'US', carrier: 'LH', bag: 'carry_on', way_home: true },
        ],
        { name: 'Oma', loss_country: 'DE', cremated_in: crematedIn },
      ),
      collect_in: 'DE',
    });
  const legsSaying = (out: TripReading, id: string): number[] =>
    out.legs.filter((leg) => leg.requirements.some((r) => r.id === id)).map((leg) => leg.index);

  it('cremated in Bavaria: the 2017 report is said on the train, not again on each flight', () => {
    const out = collectOma('DE-BY');
    expect(legsSaying(out, 'de-2017-six-states-no-carry')).toEqual([1]);
    expect(out.summary[0]!.text).toMatch(/relatives may not be allowed to carry an urn cremated in Bavaria/);
    // Leaving Germany is still spoken for: no "we have no rule for taking ashes out of Germany".
    expect(gapMessages(out, 3).join(' ')).not.toMatch(/taking ashes out of Germany/);
  });

  it('cremated in Bremen: the country-wide note on the states is said once too', () => {
    expect(legsSaying(collectOma('DE-HB'), 'de-leaving-with-an-urn')).toEqual([1]);
  });
});

describe('why a baby has no death certificate is said in full once, and later legs point to it', () => {
  it('a baby cremated in Texas, flying to London and home: the flight home says “as said for” the flight out', () => {
    const out = readTripOn(
      today,
      carryingTrip(
        'US',
        [
          { mode: 'air', from: 'US', to: 'GB', carrier: 'BA', bag: 'carry_on' },
          { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on', way_home: true },
        ],
        {
          name: 'Mia',
          kind: 'pregnancy_loss',
          born_alive: false,
          gestation_weeks: 19,
          birth_weight_g: 300,
          loss_region: 'US-TX',
          cremated_in: 'US-TX',
        },
      ),
    );
    const notes = out.legs.map((leg) => leg.exceptions.map((e) => e.message).join(' '));
    expect(notes[0]).toMatch(
      /There isn't one for Mia: in Texas a baby born without signs of life under 350 g/,
    );
    expect(notes[1]).not.toMatch(/in Texas/);
    expect(notes[1]).toContain(
      "British Airways may ask for a death certificate. There isn't one for Mia, as said for the flight from the United States to the United Kingdom. The papers list says what to carry instead",
    );
  });
});
