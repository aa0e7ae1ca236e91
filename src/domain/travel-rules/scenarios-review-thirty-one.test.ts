import { describe, expect, it } from 'vitest';
import { carryingTrip as carrying, detailOn, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 31 (reviewers r31a and r31b, trips in /tmp/r31a and /tmp/r31b), the finding fixed here:
// r31b, 6: "ashes can't be kept at home" (France's, and Germany's added after review 30) was said
// to families who already keep the urn, on a round trip and on a flight within France, where it
// reads as a reproach. It is for ashes first brought into the country: from abroad, or collected
// there (the ashes' trip starts where they are collected).

const today = '2026-12-07';
const roundTrip = (home: string, abroad: string, lovedOne: Record<string, unknown> = {}) =>
  readTripOn(
    today,
    carrying(
      home,
      [
        { mode: 'air', from: home, to: abroad, carrier: 'AF', bag: 'carry_on' },
        { mode: 'air', from: abroad, to: home, carrier: 'AF', bag: 'carry_on', way_home: true },
      ],
      lovedOne,
    ),
  );

describe('r31b finding 6: a home’s rule on keeping ashes at home, only for ashes first brought there', () => {
  it('not on a French family’s round trip, nor on a flight within France', () => {
    expect(ruleIdsOn(roundTrip('FR', 'ES'), 1)).not.toContain('fr-no-home');
    const domestic = readTripOn(
      today,
      carrying('FR', [{ mode: 'air', from: 'FR', to: 'FR', carrier: 'AF', bag: 'carry_on' }]),
    );
    expect(ruleIdsOn(domestic, 0)).not.toContain('fr-no-home');
  });

  it('said to a French family bringing home the ashes of someone who died in Spain', () => {
    const out = roundTrip('FR', 'ES', { loss_country: 'ES', cremated_in: 'ES' });
    expect(ruleIdsOn(out, 1)).toContain('fr-no-home');
    expect(detailOn(out, 'fr-no-home')).toMatch(
      /if you are bringing them to France hoping to keep them at home\.$/,
    );
  });

  it('not on a German family’s round trip with Opa’s urn from Germany', () => {
    expect(ruleIdsOn(roundTrip('DE', 'FR', { cremated_in: 'DE-NW' }), 1)).not.toContain('de-no-home');
  });

  it('said to a German family collecting in Austria the urn of someone who died in Germany', () => {
    const out = readTripOn(today, {
      ...carrying(
        'DE',
        [
          { mode: 'road', from: 'DE', to: 'AT' },
          { mode: 'road', from: 'AT', to: 'DE', way_home: true },
        ],
        { loss_country: 'DE', cremated_in: 'AT' },
      ),
      collect_in: 'AT',
    });
    expect(ruleIdsOn(out, 1)).toContain('de-no-home');
    expect(detailOn(out, 'de-no-home')).toMatch(
      /^MDR reported in July 2024 .*whoever dies in Germany is laid to rest in a cemetery.*if you are bringing the urn to Germany hoping to keep it at home\.$/,
    );
  });

  it('not for a pet, nor for someone who died abroad (MDR speaks of whoever dies in Germany)', () => {
    const collected = (lovedOne: Record<string, unknown>) =>
      readTripOn(today, {
        ...carrying(
          'DE',
          [
            { mode: 'road', from: 'DE', to: 'AT' },
            { mode: 'road', from: 'AT', to: 'DE', way_home: true },
          ],
          lovedOne,
        ),
        collect_in: 'AT',
      });
    expect(
      ruleIdsOn(collected({ kind: 'pet', name: 'Bello', loss_country: 'DE', cremated_in: 'AT' }), 1),
    ).not.toContain('de-no-home');
    expect(ruleIdsOn(collected({ loss_country: 'AT', cremated_in: 'AT' }), 1)).not.toContain('de-no-home');
  });
});
