import { describe, expect, it } from 'vitest';
import { carryingTrip, gapMessages, readTripOn } from './scenario-reading.js';

// Review 34b, the findings fixed by helper fixT (review 35, t):
// 2: a pet's ashes coming home were sent to the family's own embassy abroad, while a person's got
// the home border authorities: whoever's ashes they are, the country that decides what it needs at
// its own border is asked, through its border authorities, before the family sets off.
// 3: that must not turn on how the trip is written: a leg arriving at the family's home with ashes
// collected elsewhere is the way home, marked `way_home` or not, and whether the trip began at home,
// in the country of collection or in a third country.

const today = '2026-12-07';

/** Biscuit, a family's dog, who died and was cremated in Spain. */
const biscuit = { name: 'Biscuit', kind: 'pet', loss_country: 'ES', cremated_in: 'ES' };
/** Mam, who died and was cremated in Spain. */
const mam = { name: 'Mam', loss_country: 'ES', cremated_in: 'ES' };

/** A family living at `home` collects the ashes in Spain and brings them home on `legs`. */
const homeFromSpain = (home: string, legs: readonly object[], lovedOne: Record<string, unknown>) =>
  readTripOn(today, {
    ...carryingTrip(home, legs, lovedOne),
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: lovedOne.name }],
    collect_in: 'ES',
  });

/** The flight home from Spain, with the ashes in the cabin, as the family wrote it. */
const flightHome = (home: string, more: Record<string, unknown> = {}) => ({
  mode: 'air',
  from: 'ES',
  to: home,
  carrier: 'FR',
  bag: 'carry_on',
  ...more,
});

describe('finding 2: a pet’s ashes and a person’s coming home are asked about alike, at home', () => {
  it('a UK family flying Biscuit’s ashes home from Spain asks the UK’s border authorities', () => {
    const said = gapMessages(homeFromSpain('GB', [flightHome('GB')], biscuit), 0).join('\n');
    expect(said).toContain(
      "For Biscuit, the border authorities of the United Kingdom can tell you, before you set off, what they need for a pet's ashes",
    );
    expect(said).not.toContain('United Kingdom in Spain');
  });

  it('an Irish family flying Biscuit’s ashes home asks as they would for Mam’s: Ireland’s border authorities', () => {
    const pet = gapMessages(homeFromSpain('IE', [flightHome('IE')], biscuit), 0).join('\n');
    const person = gapMessages(homeFromSpain('IE', [flightHome('IE')], mam), 0).join('\n');
    expect(pet).toContain(
      "For Biscuit, the border authorities of Ireland can tell you, before you set off, what they need for a pet's ashes",
    );
    expect(person).toContain(
      'We have no rule from our research for taking ashes into Ireland yet. The border authorities of Ireland can tell you, before you set off, what they need',
    );
    for (const said of [pet, person]) expect(said).not.toContain('Ireland in Spain');
  });

  it('a pet’s ashes that left home and come back are still for home’s customs (review 30, finding 6)', () => {
    const out = readTripOn(
      today,
      carryingTrip(
        'IE',
        [
          { mode: 'air', from: 'IE', to: 'ES', carrier: 'FR', bag: 'carry_on' },
          { mode: 'air', from: 'ES', to: 'IE', carrier: 'FR', bag: 'carry_on' },
        ],
        { name: 'Biscuit', kind: 'pet', loss_country: 'IE', cremated_in: 'IE' },
      ),
    );
    expect(gapMessages(out, 1).join('\n')).toContain(
      "For Biscuit, the customs service of Ireland can tell you, before you set off, whether anything is needed bringing a pet's ashes back",
    );
  });

  it('where the family has not said where they live, Biscuit and Mam are asked about alike', () => {
    const unsaid = (lovedOne: Record<string, unknown>) => {
      const trip = {
        ...carryingTrip(
          'NL',
          [{ mode: 'air', from: 'NL', to: 'ES', carrier: 'KL' }, flightHome('NL')],
          lovedOne,
        ),
        keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: lovedOne.name }],
        collect_in: 'ES',
      };
      delete (trip as { home_country?: string }).home_country;
      return gapMessages(readTripOn(today, trip), 1).join('\n');
    };
    expect(unsaid(biscuit)).toContain(
      "For Biscuit, the embassy or consulate of the Netherlands where you live can tell you what they need for a pet's ashes",
    );
    expect(unsaid(mam)).toContain(
      'The embassy or consulate of the Netherlands where you live can tell you what they need',
    );
  });
});

describe('finding 3: the leg home is any leg arriving home with ashes collected elsewhere', () => {
  const dutchBorder =
    'We have no rule from our research for taking ashes into the Netherlands yet. The border authorities of the Netherlands can tell you, before you set off, what they need';

  it('out to Spain and home, the last leg not marked way_home: the Netherlands’ border authorities', () => {
    const out = homeFromSpain(
      'NL',
      [{ mode: 'air', from: 'NL', to: 'ES', carrier: 'KL' }, flightHome('NL', { carrier: 'KL' })],
      mam,
    );
    expect(gapMessages(out, 1).join('\n')).toContain(dutchBorder);
  });

  it('already in Spain, one flight home, marked way_home or not: the Netherlands’ border authorities', () => {
    for (const more of [{}, { way_home: true }]) {
      const said = gapMessages(homeFromSpain('NL', [flightHome('NL', more)], mam), 0).join('\n');
      expect(said).toContain(dutchBorder);
      expect(said).not.toContain('the Netherlands in Spain');
    }
  });

  it('setting off from France to collect the ashes in Spain, then home: the Netherlands’ border authorities', () => {
    const out = homeFromSpain(
      'NL',
      [{ mode: 'air', from: 'FR', to: 'ES', carrier: 'VY' }, flightHome('NL')],
      mam,
    );
    const said = gapMessages(out, 1).join('\n');
    expect(said).toContain(dutchBorder);
    expect(said).not.toContain('the Netherlands in Spain');
  });

  it('a stay in France on the way home from Spain: still the Netherlands’ border authorities, not its post in France', () => {
    const out = homeFromSpain(
      'NL',
      [
        { mode: 'air', from: 'ES', to: 'FR', carrier: 'VY', bag: 'carry_on' },
        { mode: 'air', from: 'FR', to: 'NL', carrier: 'KL', bag: 'carry_on' },
      ],
      mam,
    );
    const said = gapMessages(out, 1).join('\n');
    expect(said).toContain(dutchBorder);
    expect(said).not.toContain('the Netherlands in France');
  });

  it('driving home from Spain through France and Belgium: the drive home names the Netherlands’ border authorities', () => {
    const out = homeFromSpain(
      'NL',
      [
        { mode: 'road', from: 'ES', to: 'FR' },
        { mode: 'road', from: 'FR', to: 'BE' },
        { mode: 'road', from: 'BE', to: 'NL' },
      ],
      mam,
    );
    const said = gapMessages(out, 2).join('\n');
    expect(said).toContain('The border authorities of the Netherlands can tell you, before you set off');
    expect(said).not.toContain('the Netherlands in');
  });
});
