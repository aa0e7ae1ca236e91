import { describe, expect, it } from 'vitest';
import { lintRules } from './lint.js';
import { RULES } from './load-rules.js';
import {
  carryingTrip,
  gapMessages,
  readShipmentOn,
  readTripOn,
  ruleFixture,
  type TripReading,
} from './scenario-reading.js';

// Review 35b's unfixed lows (helper fixAE).
// 1. A family sending ashes to India heard India's eCARe note say "It does not say whether ashes a
//    family carries need one": nobody carries anything. A shipment now hears the same facts said of
//    ashes sent by post, courier or air cargo (`when_sent`), and a trip still hears the old words.
// 2. Delta, ANA and Emirates take a death or a cremation certificate, but the family's list said
//    only "Some accept a cremation certificate instead" under the death certificate, and nothing
//    under the cremation certificate, as if it would not do. Both entries now name who takes which.
// 3. A gap said word for word on every leg (no rule for Kenya Airways on each of three flights) is
//    said in full once, naming the other legs; later legs point back to it.

const today = '2026-12-07';

describe('r35b (fixAE) 1: India’s eCARe note, said to a family sending ashes', () => {
  const ecareOf = (out: ReturnType<typeof readShipmentOn>) =>
    out.requirements.find((r) => r.rule_ids.includes('in-ecare'))!.detail;

  it('sending from Canada with FedEx: said of ashes sent, never of ashes a family carries', () => {
    const detail = ecareOf(readShipmentOn(today, { from: 'CA', to: 'IN', carrier: 'FedEx' }));
    expect(detail).not.toMatch(/carr(y|ies)/);
    expect(detail).toContain(
      'It does not say whether ashes sent to India by post, courier or air cargo need one, and we found no page that does; the Indian embassy or consulate where you send them from can tell you.',
    );
    // The facts are the same: the portal and its link, from the same consulate.
    expect(detail).toContain('https://ecare.mohfw.gov.in');
    expect(detail).toContain("India's consulate in Toronto");
  });

  it('sending from the United States by post: the same words', () => {
    expect(ecareOf(readShipmentOn(today, { from: 'US', to: 'IN', carrier: 'USPS' }))).toContain(
      'ashes sent to India by post, courier or air cargo',
    );
  });

  it('the opposite: a family flying to India with the urn still hears about ashes a family carries', () => {
    const trip = readTripOn(
      today,
      carryingTrip('CA', [{ mode: 'air', from: 'CA', to: 'IN', carrier: 'AC', bag: 'carry_on' }]),
    );
    const detail = trip.legs[0]!.requirements.find((r) => r.rule_ids.includes('in-ecare'))!.detail;
    expect(detail).toContain('It does not say whether ashes a family carries need one');
  });

  it('lint keeps when_sent to rules said to both, in words for sending', () => {
    const trip = RULES.find((rule) => rule.id === 'in-ecare')!;
    const onlyTrips = ruleFixture({
      id: 'xx-sent-only-trip',
      scope: 'country:IN',
      conditions: { to: ['IN'] },
      title: 'A note',
      detail: 'A note for families carrying ashes.',
    });
    const faults = lintRules(
      [
        { ...onlyTrips, when_sent: { detail: 'A note for families sending ashes.' } },
        { ...trip, id: 'xx-still-carries', when_sent: { detail: 'Whether ashes you carry need one.' } },
      ],
      { today },
    ).faults.map((f) => `${f.rule_id}: ${f.message}`);
    expect(faults.some((f) => f.startsWith('xx-sent-only-trip: says when_sent'))).toBe(true);
    expect(faults.some((f) => f.startsWith('xx-still-carries: says when_sent'))).toBe(true);
  });
});

describe('r35b (fixAE) 2: a death or cremation certificate, either one enough for the airline', () => {
  const flying = (carrier: string, from = 'US', to = 'JP'): TripReading =>
    readTripOn(
      today,
      carryingTrip(from, [{ mode: 'air', from, to, carrier, bag: 'carry_on' }], { name: 'Dad' }),
    );
  const entry = (out: TripReading, key: string) =>
    out.documents.find((d) => d.loved_one === 'Dad' && d.key === key)!;

  it('ANA (from Japan): the cremation certificate’s own entry says it is enough in place of a death certificate', () => {
    const out = flying('NH', 'JP', 'US');
    expect(entry(out, 'cremation_certificate').detail).toContain(
      'For a Japanese funeral company quoting ANA, it is enough in place of a death certificate.',
    );
    const death = entry(out, 'death_certificate').detail;
    expect(death).toContain(
      'For a Japanese funeral company quoting ANA, a cremation certificate is enough in its place.',
    );
    expect(death).not.toContain('Some accept');
  });

  it('Emirates in the cabin: the cremation certificate is enough for Emirates, and said so on its entry', () => {
    const out = flying('EK');
    expect(entry(out, 'cremation_certificate').detail).toContain(
      'For Emirates, it is enough in place of a death certificate.',
    );
    expect(entry(out, 'death_certificate').detail).toContain(
      'For Emirates, a cremation certificate or the passport of the person who died is enough in its place.',
    );
  });

  it('Delta, which says "either one is enough", is listed the same way', () => {
    const out = flying('DL');
    expect(entry(out, 'cremation_certificate').detail).toContain(
      'For Delta, it is enough in place of a death certificate.',
    );
    expect(entry(out, 'death_certificate').detail).toContain(
      'For Delta, a cremation certificate is enough in its place.',
    );
  });

  it('the opposite: JetBlue names a death certificate and nothing in its place, so no such words', () => {
    const out = flying('B6', 'US', 'MX');
    expect(entry(out, 'cremation_certificate').detail).not.toContain('enough in place of');
    expect(entry(out, 'death_certificate').detail).not.toContain('enough in its place');
  });
});

describe('r35b (fixAE) 3: a gap the same on every leg is said in full once', () => {
  const kenyaRoundTrip = () =>
    readTripOn(
      today,
      carryingTrip('GB', [
        { mode: 'air', from: 'GB', to: 'KE', carrier: 'KQ', bag: 'carry_on' },
        { mode: 'air', from: 'KE', to: 'TZ', carrier: 'KQ', bag: 'carry_on' },
        { mode: 'air', from: 'TZ', to: 'GB', carrier: 'KQ', bag: 'carry_on', way_home: true },
      ]),
    );
  const full =
    'We have no rule from our research for Kenya Airways yet. Please ask them before you fly, and take the documents listed below.';

  it('three Kenya Airways flights: in full on the first, naming the others; a pointer on each later one', () => {
    const out = kenyaRoundTrip();
    expect(gapMessages(out, 0)).toContain(
      `${full} This goes for the flight from Kenya to Tanzania and the flight from Tanzania to the United Kingdom too.`,
    );
    for (const leg of [1, 2]) {
      expect(gapMessages(out, leg)).not.toContain(full);
      expect(gapMessages(out, leg)).toContain(
        'As said for the flight from the United Kingdom to Kenya, we have no rule from our research for Kenya Airways yet; whom to ask is said there.',
      );
    }
  });

  it('a train journey through Belgium to France: the rail gap is said once, the later leg pointing back', () => {
    const out = readTripOn(
      today,
      carryingTrip('NL', [
        { mode: 'rail', from: 'NL', to: 'BE' },
        { mode: 'rail', from: 'BE', to: 'FR' },
      ]),
    );
    expect(gapMessages(out, 0).join(' ')).toContain(
      'This goes for the train journey from Belgium to France too.',
    );
    expect(gapMessages(out, 1)).toContain(
      'As said for the train journey from the Netherlands to Belgium, we have no rule from our research for ashes on this train journey yet; whom to ask is said there.',
    );
  });

  it('the opposite: gaps that differ from leg to leg are each said in full', () => {
    const out = kenyaRoundTrip();
    expect(gapMessages(out, 1).join(' ')).toContain(
      'We have no rule from our research for airport security in Kenya yet. Please ask the airport or your airline',
    );
    expect(gapMessages(out, 2).join(' ')).toContain(
      'We have no rule from our research for airport security in Tanzania yet. Please ask the airport or your airline',
    );
  });
});
