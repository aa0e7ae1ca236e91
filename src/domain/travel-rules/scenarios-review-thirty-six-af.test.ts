import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 36, fixAF (Norway): a family scattering ashes in Norway heard "We have no rule from our
// research for scattering ashes at sea in Norway yet", though Norway's county governors
// (Statsforvalteren) give the permission, and their own page says how. Now that page is a rule,
// `no-county-governor-permit`, shaped like Sweden's county board (`se-county-board-permit`).
// (The other half of the brief, the EPA's reach into Puerto Rico, the US Virgin Islands, Guam and the
// Northern Mariana Islands, found no official source that says it, so those rules are unchanged:
// see scenarios-review-thirty-five-ab.test.ts.)

const today = '2026-12-07';
const source = 'https://www.statsforvalteren.no/nn/troms-finnmark/folk-og-samfunn/oskespreiing/';

/** A Danish family taking Mormor by train to scatter her ashes in Norway, at `place`. */
const scatteringInNorway = (place: string, kind = 'adult') =>
  readTripOn(today, {
    home_country: 'DK',
    purpose: 'scatter',
    scatter: { country: 'NO', place, ashes_come_home: false },
    legs: [
      { mode: 'rail', from: 'DK', to: 'NO' },
      { mode: 'rail', from: 'NO', to: 'DK', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', loved_one: 'Mormor' }],
    loved_ones: [{ name: 'Mormor', kind, loss_country: 'DK', cremated_in: 'DK' }],
  });

describe('fixAF: scattering in Norway needs the county governor’s permission', () => {
  it.each(['sea', 'river_or_lake', 'land'])('%s: the county governor’s own page is said', (place) => {
    const out = scatteringInNorway(place);
    expect(ruleIdsOn(out, 0)).toContain('no-county-governor-permit');
    const rule = out.legs[0]!.requirements.find((r) => r.id === 'no-county-governor-permit')!;
    expect(rule.title).toBe('Norway: scattering ashes needs the county governor’s permission');
    expect(rule.detail).toContain(
      'the county governor (Statsforvalteren) for the county where the ashes are to be scattered',
    );
    expect(rule.detail).toContain('The ashes are not divided');
    expect(rule.source_url).toBe(source);
    expect(gapMessages(out, 0).join(' ')).not.toContain('scattering ashes');
  });

  it('a pet’s ashes: the page speaks of a person, and that is said, not applied', () => {
    const out = scatteringInNorway('sea', 'pet');
    expect(ruleIdsOn(out, 0)).not.toContain('no-county-governor-permit');
    expect(gapMessages(out, 0)).toContain(
      "Our sources on scattering ashes at sea in Norway speak about a person's ashes, not a pet's. For Mormor, the authority that gives permission to scatter there is the one to ask; a funeral director there can tell you which one that is.",
    );
  });
});
