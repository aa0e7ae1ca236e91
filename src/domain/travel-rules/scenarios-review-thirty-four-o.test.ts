import { describe, expect, it } from 'vitest';
import {
  carryingTrip,
  detailOn,
  gapMessages,
  readShipmentOn,
  readTripOn,
  ruleIdsOn,
} from './scenario-reading.js';

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

// M7: a US family visiting the Philippines with Lola's and Lolo's ashes, and taking them home again,
// was given the Los Angeles consulate's list (a burial transit permit to ask about, and the rest),
// though the page is for ashes shipped to the Philippines to stay, with a consignee there; and its
// Report of Death was said loosely ("if the person was Filipino").
describe('M7: the Philippine consulates’ lists are for ashes brought to the Philippines to stay', () => {
  const visit = (home: string) =>
    readTripOn(today, {
      home_country: home,
      purpose: 'carry',
      legs: [
        { mode: 'air', from: home, to: 'PH', carrier: 'PR', bag: 'carry_on' },
        { mode: 'air', from: 'PH', to: home, carrier: 'PR', bag: 'carry_on', way_home: true },
      ],
      keepsakes: [
        { kind: 'ashes', container: 'wood', loved_one: 'Lola' },
        { kind: 'ashes', container: 'wood', loved_one: 'Lolo' },
      ],
      loved_ones: [
        { name: 'Lola', kind: 'adult', loss_country: home, cremated_in: home },
        { name: 'Lolo', kind: 'adult', loss_country: home, cremated_in: home },
      ],
    });

  it.each([
    ['US', 'ph-docs', 'the Philippine consulate in Los Angeles'],
    ['AU', 'ph-consular-mortuary-cert', 'the Philippine consulate in Sydney'],
  ])('a visit from %s: %s is left out, and the leg says why', (home, id, speaker) => {
    const out = visit(home);
    expect(ruleIdsOn(out)).not.toContain(id);
    expect(out.documents.map((d) => d.key)).not.toContain('permit');
    expect(gapMessages(out).join('\n')).toContain(
      `The list of ${speaker} is for ashes brought to the Philippines to stay there, so we leave it out, as the ashes come back out with you on this trip`,
    );
  });

  it('ashes brought to stay still hear the list, with the Report of Death in the page’s own words', () => {
    const out = readTripOn(
      today,
      carryingTrip('US', [{ mode: 'air', from: 'US', to: 'PH', carrier: 'PR', bag: 'carry_on' }]),
    );
    expect(detailOn(out, 'ph-docs')).toContain(
      'four originals of the Report of Death form if the person died a Filipino citizen',
    );
    expect(out.documents.map((d) => d.key)).toContain('permit');
  });
});

// M5: a family sending ashes from Taiwan to France was sent to "the embassy or consulate of France
// in Taiwan", which does not exist: France is represented there by an office under another name, as
// most countries are. Nor has a territory (Bermuda) embassies of its own.
describe('M5: whom to ask where missions are not embassies', () => {
  const shipmentGaps = (from: string, to: string) =>
    readShipmentOn(today, { from, to, carrier: 'DHL' })
      .gaps.map((gap) => gap.message)
      .join('\n');

  it('from Taiwan: the office that represents France there, never an embassy or consulate', () => {
    const gaps = shipmentGaps('TW', 'FR');
    expect(gaps).toContain('The office that represents France in Taiwan can tell you what they need');
    expect(gaps).not.toMatch(/embassy or consulate of France in Taiwan/);
  });

  it('a family living in Taiwan, visiting Germany: the same words on the trip', () => {
    const out = readTripOn(
      today,
      carryingTrip('TW', [
        { mode: 'air', from: 'TW', to: 'DE', carrier: 'CI', bag: 'carry_on' },
        { mode: 'air', from: 'DE', to: 'TW', carrier: 'CI', bag: 'carry_on', way_home: true },
      ]),
    );
    const gaps = out.legs.flatMap((leg) => leg.gaps.map((gap) => gap.message)).join('\n');
    expect(gaps).toContain('For a family from Taiwan, the office that represents Germany in Taiwan');
    expect(gaps).not.toMatch(/(embassy|consulate) of [A-Za-z ]+ in Taiwan/);
  });

  it('from Bermuda: France’s embassy or consulate serving Bermuda, wherever it is', () => {
    expect(shipmentGaps('BM', 'FR')).toContain('The embassy or consulate of France serving Bermuda');
  });
});
