import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 33b's findings on scattering, fixed by helper fixN:
// H2: ashes scattered in home waters from a ship sailing abroad were given the destination's entry
// papers and home's exit gaps, as if they had left home.

const today = '2026-12-07';

/** A family scattering all of their loved one's ashes at sea in `waters`, on these legs. */
const scatteringAtSea = (
  home: string,
  waters: string,
  legs: readonly object[],
  name: string,
  ashesComeHome = false,
) =>
  readTripOn(today, {
    ...carryingTrip(home, legs, { name }),
    purpose: 'scatter',
    scatter: { country: waters, place: 'sea', ashes_come_home: ashesComeHome },
  });

const cunardToHamburg = { mode: 'sea', from: 'GB', to: 'DE', carrier: 'Cunard' };
const flightHome = { mode: 'air', from: 'DE', to: 'GB', carrier: 'BA', way_home: true };

describe('H2: ashes scattered in home waters from a ship sailing abroad never leave home', () => {
  it('Southampton to Hamburg, scattering Mum off England: no papers for leaving the UK or entering Germany', () => {
    const out = scatteringAtSea('GB', 'GB', [cunardToHamburg, flightHome], 'Mum');
    const ids = ruleIdsOn(out, 0);
    expect(ids).toContain('gb-sea-no-law');
    expect(ids).not.toContain('uk-overseas-certificate');
    expect(ids).not.toContain('docs-standard-set');
    const gaps = gapMessages(out, 0).join('\n');
    expect(gaps).not.toMatch(/taking ashes into Germany/);
    expect(gaps).toContain(
      'The ashes are all scattered at sea in the waters of the United Kingdom, before the ship leaves them, so they never leave the United Kingdom or arrive in Germany',
    );
    // Cunard's own rules for carrying ashes aboard are still unknown, and said.
    expect(gaps).toMatch(/carrying ashes aboard Cunard/);
    expect(out.summary[0]!.text).not.toMatch(/bring a death certificate/);
  });

  it('a one-way crossing that scatters in the waters it leaves is read, not refused', () => {
    const out = scatteringAtSea('GB', 'GB', [cunardToHamburg], 'Mum');
    expect(ruleIdsOn(out, 0)).not.toContain('uk-overseas-certificate');
    expect(gapMessages(out, 0).join('\n')).toMatch(/never leave the United Kingdom or arrive in Germany/);
  });

  it('Rosslare to Cherbourg, scattering Nana in Irish waters: no “into France” or “out of Ireland”', () => {
    const out = scatteringAtSea(
      'IE',
      'IE',
      [
        { mode: 'sea', from: 'IE', to: 'FR', carrier: 'Irish Ferries' },
        { mode: 'sea', from: 'FR', to: 'IE', carrier: 'Irish Ferries', way_home: true },
      ],
      'Nana',
    );
    const gaps = gapMessages(out, 0).join('\n');
    expect(gaps).not.toMatch(/taking ashes into France|taking ashes out of Ireland/);
    expect(gaps).toMatch(/never leave Ireland or arrive in France/);
    expect(gaps).toMatch(/scattering ashes at sea in Ireland/);
  });

  it('keeping some of the ashes, the rest cross: leaving the UK and entering Germany are still said', () => {
    const out = scatteringAtSea('GB', 'GB', [cunardToHamburg, flightHome], 'Mum', true);
    expect(ruleIdsOn(out, 0)).toContain('uk-overseas-certificate');
    const gaps = gapMessages(out, 0).join('\n');
    expect(gaps).toMatch(/taking ashes into Germany/);
    expect(gaps).not.toMatch(/never leave the United Kingdom/);
  });
});
