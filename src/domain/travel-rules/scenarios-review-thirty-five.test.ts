import { describe, expect, it } from 'vitest';
import { readTripOn } from './scenario-reading.js';

// Review 35, finding 4: a Japanese family scattering Otōsan's ashes from a boat leaving Honolulu was
// told, as a requirement, to go 12 nautical miles out. The EPA's page gives the general permit to
// "all persons transporting human remains from the United States" and withholds it from "human
// remains transported from a location outside of the United States" within 12 miles; which covers
// ashes flown in and taken out from a US harbour, it does not say. So the 12 miles are a warning
// that says the doubt and whom to ask, and no sentence points to a 3-mile rule not shown.

const today = '2026-12-07';

const otosan = () =>
  readTripOn(today, {
    home_country: 'JP',
    purpose: 'scatter',
    scatter: { country: 'US', region: 'US-HI', place: 'sea', ashes_come_home: false },
    legs: [
      { mode: 'air', from: 'JP', to: 'US', carrier: 'JL', bag: 'carry_on' },
      { mode: 'air', from: 'US', to: 'JP', carrier: 'JL', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'ceramic', loved_one: 'Otōsan' }],
    loved_ones: [{ name: 'Otōsan', kind: 'adult', loss_country: 'JP', cremated_in: 'JP', nationality: 'JP' }],
  });

describe('finding 4: the EPA’s 12 nautical miles for ashes brought from abroad are said with their doubt', () => {
  it('a warning that names the doubt, the safe distance and the EPA region to ask', () => {
    const rule = otosan().legs[0]!.requirements.find((r) => r.id === 'epa-foreign-12nm');
    expect(rule?.severity).toBe('warning');
    expect(rule?.title).toBe(
      'Ashes brought from abroad: go at least 12 nautical miles out, or ask the EPA first',
    );
    expect(rule?.detail).toContain(
      "it doesn't say which of the two applies to ashes you brought from abroad",
    );
    expect(rule?.detail).toContain('ask the EPA region for where you scatter before you go');
    expect(rule?.detail).not.toContain('So 3 nautical miles is not enough');
  });
});
