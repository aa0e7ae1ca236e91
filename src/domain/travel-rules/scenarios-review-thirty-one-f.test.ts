import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readTripOn, ruleIdsOn, type TripReading } from './scenario-reading.js';

// Review 31 (reviewer r31a, trips in /tmp/fix31/a/trips): findings 1, 2, 5 and 8.
// 1: a round trip with the urn is not given the lists for ashes brought to stay and be buried
// (Poland's permit from the starosta; Vietnam's embassy in Tokyo's consent to burial).

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

describe('finding 1: a visit the urn comes back out of is not given the lists for ashes brought to be buried', () => {
  const toPoland = air('IE', 'PL', 'FR');
  const home = air('PL', 'IE', 'FR', { way_home: true });
  const babcia = { name: 'Babcia', loss_country: 'IE', cremated_in: 'IE' };

  it('Ireland to Poland and home with the urn: no burial permit, and the visit named as unknown', () => {
    const out = readTripOn(today, carryingTrip('IE', [toPoland, home], babcia));
    expect(ruleIdsOn(out, 0)).not.toContain('pl-permits');
    expect(out.documents.map((d) => d.title).join(' ')).not.toMatch(/starosta|Polish consul/);
    expect(summaryOf(out, 'Babcia').text).not.toMatch(/starosta|Polish consul/);
    expect(gapMessages(out, 0)).toContain(
      "Poland's mission in Ireland's list is for ashes brought to Poland to stay there, so we leave it out, as the ashes come back out with you on this trip; our sources don't say what is needed for a visit. The embassy or consulate of Poland in Ireland can tell you before you set off; take the documents listed below with you.",
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
      /Vietnam's embassy in Tokyo's list is for ashes brought to Vietnam to stay there/,
    );
  });
});
