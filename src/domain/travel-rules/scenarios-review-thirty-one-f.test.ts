import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from './load-rules.js';
import { carryingTrip, gapMessages, readTripOn, ruleIdsOn, type TripReading } from './scenario-reading.js';

// Review 31 (reviewer r31a, trips in /tmp/fix31/a/trips): findings 1, 2, 5 and 8.
// 1: a round trip with the urn is not given the lists for ashes brought to stay and be buried
// (Poland's permit from the starosta; Vietnam's embassy in Tokyo's consent to burial).
// 2: Texas babies: where the baby was cremated decides what to carry (a Certificate of Fetal Death
// filed for a cremation in Texas; cremated elsewhere, that place named as unknown), said once.
// 5: twins in Ireland (one urn, or two babies of the same loss) hear Ireland's note on twins.
// 8: twins sharing an urn: a note the same for both said once, naming both; the same summary not twice.

const today = '2026-12-07';

const summaryOf = (out: TripReading, name: string) => out.summary.find((s) => s.loved_one === name)!;
const air = (from: string, to: string, carrier: string, more: object = {}) => ({
  mode: 'air',
  from,
  to,
  carrier,
  bag: 'carry_on',
  ...more,
});

/** A baby born without signs of life at 21 weeks in Ireland, cremated there (the reviewer's Ola and Ela). */
const baby = (name: string, more: object = {}) => ({
  name,
  kind: 'pregnancy_loss',
  born_alive: false,
  gestation_weeks: 21,
  loss_country: 'IE',
  cremated_in: 'IE',
  ...more,
});

describe('finding 1: a visit the urn comes back out of is not given the lists for ashes brought to be buried', () => {
  const toPoland = air('IE', 'PL', 'FR');
  const home = air('PL', 'IE', 'FR', { way_home: true });
  const babcia = { name: 'Babcia', loss_country: 'IE', cremated_in: 'IE' };

  it('Ireland to Poland and home with the urn: no burial permit, and the visit named as unknown', () => {
    const out = readTripOn(today, carryingTrip('IE', [toPoland, home], babcia));
    expect(ruleIdsOn(out, 0)).not.toContain('pl-permits');
    expect(out.documents.map((d) => d.title).join(' ')).not.toMatch(/starosta|Polish consul/);
    expect(summaryOf(out, 'Babcia').text).not.toMatch(/starosta|Polish consul/);
    // Poland's note that an urn may travel as hand baggage still speaks (review 32, r32b finding 3).
    expect(gapMessages(out, 0)).toContain(
      "The list of Poland's mission in Ireland is for ashes brought to Poland to stay there, so we leave it out, as the ashes come back out with you on this trip; the other rules above for bringing ashes into Poland still hold, and our sources don't say what else a visit needs. The embassy or consulate of Poland in Ireland can tell you before you set off; take the documents listed below with you.",
    );
  });

  it('one way to Poland, the urn staying there, the list is still said', () => {
    const out = readTripOn(today, carryingTrip('IE', [toPoland], babcia));
    expect(ruleIdsOn(out, 0)).toContain('pl-permits');
    expect(summaryOf(out, 'Babcia').text).toContain(
      'a burial permit from the Polish starosta or city president',
    );
    expect(gapMessages(out, 0).join(' ')).not.toMatch(/for a visit/);
  });

  it('Japan to Vietnam and back: the embassy in Tokyo’s consent to burial is left out, the entry permit stays', () => {
    const out = readTripOn(
      today,
      carryingTrip('JP', [air('JP', 'VN', 'VN'), air('VN', 'JP', 'VN', { way_home: true })], {
        name: 'Ba',
        loss_country: 'JP',
        cremated_in: 'JP',
      }),
    );
    expect(ruleIdsOn(out, 0)).toContain('vn-entry-permit');
    expect(ruleIdsOn(out, 0)).not.toContain('vn-tokyo-permit');
    expect(gapMessages(out, 0).join(' ')).toMatch(
      /The list of Vietnam's embassy in Tokyo is for ashes brought to Vietnam to stay there/,
    );
  });
});

describe('finding 2: a Texas baby, where the cremation was decides what to carry', () => {
  const texasBaby = (more: object) =>
    carryingTrip('US', [air('US', 'CA', 'AC')], {
      name: 'Grace',
      kind: 'pregnancy_loss',
      born_alive: false,
      gestation_weeks: 18,
      loss_country: 'US',
      loss_region: 'US-TX',
      ...more,
    });
  const carryOf = (out: TripReading) => summaryOf(out, 'Grace').carry.join(' ');

  it('cremated in Oklahoma: what the hospital gave you, and Oklahoma named as unknown', () => {
    const out = readTripOn(today, texasBaby({ birth_weight_g: 300, cremated_in: 'US-OK' }));
    expect(carryOf(out)).not.toMatch(/if your baby was cremated in Texas/);
    expect(carryOf(out)).toContain(
      "Whatever the hospital gave you about your baby's birth and loss, with the crematorium's certificate. We have no rule on what Oklahoma asks before a cremation: the crematorium there can tell you which papers were filed for your baby.",
    );
  });

  it('cremated in Texas: the Certificate of Fetal Death filed for the cremation, one way only', () => {
    const out = readTripOn(today, texasBaby({ birth_weight_g: 300, cremated_in: 'US-TX' }));
    expect(carryOf(out)).toContain(
      "The Certificate of Fetal Death the funeral home filed for the cremation, with the crematorium's certificate.",
    );
    expect(carryOf(out)).not.toMatch(/or else/);
  });

  it('where the cremation was is not said: both ways round, as before', () => {
    const out = readTripOn(today, texasBaby({ birth_weight_g: 300 }));
    expect(carryOf(out)).toMatch(
      /if your baby was cremated in Texas, or else whatever the hospital gave you/,
    );
  });

  it('weight not known: the reason says "when the weight is not known" once, and the rule names the Certificate of Fetal Death', () => {
    const out = readTripOn(today, texasBaby({ gestation_weeks: 19, cremated_in: 'US-TX' }));
    const text = summaryOf(out, 'Grace').text;
    expect(text).toContain(
      'If the weight is not known, in Texas a baby born without signs of life before 20 weeks does not have to be registered',
    );
    expect(text).not.toMatch(/weight is not known, in Texas, when the weight is not known/);
    for (const id of ['us-fetal-death-texas-under-350g', 'us-fetal-death-texas-weight-unknown-under-20'])
      expect(RULES_BY_ID.get(id)!.detail).toMatch(
        /the State Registrar says the funeral home "should issue" one: for a baby born without signs of life, that is the Certificate of Fetal Death, not a death certificate/,
      );
  });
});

describe('finding 5: Ireland’s note on twins is said where the trip shows twins', () => {
  const twins = (keepsakes: object[], ela: object = {}) => ({
    home_country: 'IE',
    purpose: 'carry',
    legs: [air('IE', 'ES', 'FR')],
    keepsakes,
    loved_ones: [baby('Ola'), baby('Ela', ela)],
  });
  const note = (name: string) =>
    `If ${name} was one of twins or more, other rules may apply (Ireland's government says a multiple pregnancy has further criteria, which we don't hold): a civil registration office can tell you.`;

  it('twins in one urn: each one’s summary says it, as the family told us (review 32: no "if")', () => {
    const out = readTripOn(
      today,
      twins([{ kind: 'ashes', container: 'wood', loved_one: ['Ola', 'Ela'], name: "Twins' urn" }]),
    );
    const shared = (name: string, other: string) =>
      `${name} shares an urn with ${other}; for twins or more, other rules may apply (Ireland's government says a multiple pregnancy has further criteria, which we don't hold): a civil registration office can tell you.`;
    expect(summaryOf(out, 'Ola').text).toContain(shared('Ola', 'Ela'));
    // Ela's summary points to Ola's (finding 8); her own "there is no" reason says it too.
    expect(summaryOf(out, 'Ela').not_issued[0]!.reason).toContain(shared('Ela', 'Ola').slice(0, -1));
  });

  it('two urns, two babies of the same loss: said too; a different loss, or one baby alone: not', () => {
    const urns = [
      { kind: 'ashes', container: 'wood', loved_one: 'Ola' },
      { kind: 'ashes', container: 'wood', loved_one: 'Ela' },
    ];
    expect(summaryOf(readTripOn(today, twins(urns)), 'Ola').text).toContain(note('Ola'));
    expect(summaryOf(readTripOn(today, twins(urns, { gestation_weeks: 16 })), 'Ola').text).not.toMatch(
      /twins/,
    );
    const alone = readTripOn(today, carryingTrip('IE', [air('IE', 'ES', 'FR')], baby('Ola')));
    expect(summaryOf(alone, 'Ola').text).not.toMatch(/twins/);
  });
});

describe('finding 8: twins sharing an urn, said once', () => {
  // The reviewer's a22: Ireland to Poland with Ola and Ela in one urn, and home again.
  const a22 = (urns: object[]) =>
    readTripOn(today, {
      home_country: 'IE',
      legs: [air('IE', 'PL', 'FR'), air('PL', 'IE', 'FR', { way_home: true })],
      keepsakes: urns,
      loved_ones: [baby('Ola', { nationality: 'PL' }), baby('Ela', { nationality: 'PL' })],
    });
  const oneUrn = [{ kind: 'ashes', container: 'wood', loved_one: ['Ola', 'Ela'], name: "Twins' urn" }];

  it('the coroner’s note and "there is no death certificate" name both, once', () => {
    // One way: a visit to Poland and back leaves the coroner's certificate out (review 32).
    const out = readTripOn(today, {
      home_country: 'IE',
      legs: [air('IE', 'PL', 'FR')],
      keepsakes: oneUrn,
      loved_ones: [baby('Ola', { nationality: 'PL' }), baby('Ela', { nationality: 'PL' })],
    });
    const notes = out.legs[0]!.requirements.map((r) => r.for_this_family ?? '');
    const coroner = notes.find((n) => /coroner/.test(n))!;
    expect(coroner).toMatch(/^For Ola and Ela: Poland's mission in Ireland lists the coroner's certificate/);
    expect(coroner.match(/coroner's certificate allowing/g)).toHaveLength(1);
    expect(notes).toContain(
      'For Ola and Ela there is no death certificate; the papers list says what to carry instead.',
    );
  });

  it('the second twin’s summary points to the first, keeping their own papers list', () => {
    const out = a22(oneUrn);
    const ola = summaryOf(out, 'Ola');
    const ela = summaryOf(out, 'Ela');
    expect(ela.text).toBe(
      'For Ela, everything said for Ola holds too: their ashes share one urn, and the same papers and notes apply to each.',
    );
    expect(ola.text).toMatch(/^For Ola, what to carry depends on what Ola weighed\./);
    expect(ela.carry).toEqual(ola.carry);
    expect(ela.not_issued.length).toBe(1);
  });

  it('twins in two urns each keep their own full summary', () => {
    const out = a22([
      { kind: 'ashes', container: 'wood', loved_one: 'Ola' },
      { kind: 'ashes', container: 'wood', loved_one: 'Ela' },
    ]);
    expect(summaryOf(out, 'Ela').text).toMatch(/^For Ela, what to carry depends on what Ela weighed\./);
  });
});
