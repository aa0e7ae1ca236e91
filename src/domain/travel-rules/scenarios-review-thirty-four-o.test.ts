import { describe, expect, it } from 'vitest';
import { carryingTrip, detailOn, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 33b, the findings fixed by helper fixO:
// M1: a Canadian family collecting Lola's ashes in the US, where she died, and flying them to the
// Philippines was neither given nor asked about the Philippine consulate in Los Angeles' list for
// ashes leaving the US (a consulate's list held for families living elsewhere only on the way
// home), and was sent to "the embassy of the Philippines in Canada" though the ashes leave from the US.

const today = '2026-12-07';

/** A family living in Canada flies out to collect Lola's ashes where she died, and on to the Philippines. */
const collectingFor = (diedIn: string) =>
  readTripOn(today, {
    ...carryingTrip(
      'CA',
      [
        { mode: 'air', from: 'CA', to: diedIn, carrier: 'AC' },
        { mode: 'air', from: diedIn, to: 'PH', carrier: 'PR', bag: 'carry_on' },
      ],
      { loss_country: diedIn, cremated_in: diedIn },
    ),
    collect_in: diedIn,
  });

describe('M1: where the ashes set off decides whose consulate speaks, not only where the family lives', () => {
  it('collected in the US after a death there: the Los Angeles list holds, asking the consulate where Lola died', () => {
    const out = collectingFor('US');
    expect(ruleIdsOn(out, 1)).toContain('ph-docs');
    expect(detailOn(out, 'ph-docs')).toContain('so ask the one serving where Lola died');
    expect(gapMessages(out, 1).join('\n')).not.toContain('the Philippines in Canada');
  });

  it('collected in the UK, where no list of ours speaks: the Philippines’ mission in the UK is whom to ask', () => {
    const gaps = gapMessages(collectingFor('GB'), 1).join('\n');
    expect(gaps).toContain(
      'For a family from Canada, the embassy or consulate of the Philippines in the United Kingdom can tell you what they need',
    );
  });

  it('ashes brought from home, only stopping in the US: the Los Angeles list is not theirs', () => {
    const out = readTripOn(
      today,
      carryingTrip(
        'CA',
        [
          { mode: 'air', from: 'CA', to: 'US', carrier: 'AC' },
          { mode: 'air', from: 'US', to: 'PH', carrier: 'PR', bag: 'carry_on' },
        ],
        { loss_country: 'US', cremated_in: 'US' },
      ),
    );
    expect(ruleIdsOn(out, 1)).not.toContain('ph-docs');
    expect(gapMessages(out, 1).join('\n')).toContain('the embassy or consulate of the Philippines in Canada');
  });

  it('a US family’s own flight to the Philippines reads as before: the consulate serving where they live', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [{ mode: 'air', from: 'US', to: 'PH', carrier: 'PR', bag: 'carry_on' }]),
    );
    expect(ruleIdsOn(out)).toContain('ph-docs');
    expect(detailOn(out, 'ph-docs')).toContain('so ask the one serving where you live');
  });
});
