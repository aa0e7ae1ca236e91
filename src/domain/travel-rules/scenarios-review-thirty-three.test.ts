import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn, ruleIdsOn } from './scenario-reading.js';

// Review 33 (reviewer r33a, /tmp/r33a), the findings the lead fixed on main; the helpers' fixes
// have files of their own (scenarios-review-thirty-three-<letter>.test.ts).

const today = '2026-12-07';

describe('r33a M3: a baby born without signs of life was never anyone’s national', () => {
  // t59: a Brazilian family scattering Gabriel's ashes off Portugal. Portugal's consulate in Rio
  // speaks only for "a Portuguese national": its list is not for Gabriel, and his parents are not
  // asked his nationality.
  const gabriel = (bornAlive: boolean) =>
    readTripOn(today, {
      home_country: 'BR',
      legs: [
        { mode: 'air', from: 'BR', to: 'PT', carrier: 'TP', bag: 'carry_on' },
        { mode: 'air', from: 'PT', to: 'BR', carrier: 'TP', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Gabriel' }],
      purpose: 'scatter',
      scatter: { country: 'PT', place: 'sea', ashes_come_home: false },
      loved_ones: [
        {
          name: 'Gabriel',
          kind: 'pregnancy_loss',
          gestation_weeks: 20,
          born_alive: bornAlive,
          loss_country: 'BR',
          cremated_in: 'BR',
        },
      ],
    });

  it('no nationality question, no list for a national, and whom that list speaks for', () => {
    const out = gabriel(false);
    expect(out.questions.filter((q) => q.field === 'nationality')).toEqual([]);
    expect(ruleIdsOn(out, 0)).not.toContain('pt-rio-death-certificate');
    expect(JSON.stringify(out)).not.toMatch(/Portuguese national/);
    expect(gapMessages(out, 0).join('\n')).toContain(
      'Our sources on taking ashes into Portugal speak only for families who live in Brazil whose loved one was a national of Portugal',
    );
  });

  it('a baby born alive, however early, is asked about as before', () => {
    const out = gabriel(true);
    expect(out.questions.filter((q) => q.field === 'nationality').map((q) => q.loved_one)).toEqual([
      'Gabriel',
    ]);
    expect(ruleIdsOn(out, 0)).toContain('pt-rio-death-certificate');
  });
});

describe('r33a M1, after fixL: a pet’s family at Mexico City airport hears whose ashes its pages speak of', () => {
  // t21: Canela's ashes flying from Mexico. The airport's pages speak of "human ashes", so they are
  // not said for her; "we have no rule for airport security in Mexico" would not be true either.
  const canela = (kind: 'pet' | 'adult') =>
    readTripOn(today, {
      home_country: 'MX',
      legs: [
        { mode: 'air', from: 'MX', to: 'US', carrier: 'Y4', bag: 'checked' },
        { mode: 'air', from: 'US', to: 'MX', carrier: 'Y4', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Canela' }],
      loved_ones: [{ name: 'Canela', kind, loss_country: 'MX', cremated_in: 'MX' }],
    });

  it('says the sources speak of a person’s ashes, and whom to ask, for a pet', () => {
    const gaps = gapMessages(canela('pet'), 0).join('\n');
    expect(gaps).toContain(
      "Our sources on airport security in Mexico speak about a person's ashes, not a pet's. For Canela, please ask the airport or your airline how they screen ashes before you fly.",
    );
    expect(gaps).not.toMatch(/no rule from our research for airport security in Mexico/);
  });

  it('gives a person’s family the airport’s own rules, and no such note', () => {
    const out = canela('adult');
    expect(ruleIdsOn(out, 0)).toContain('mx-aicm-papers-xray');
    expect(gapMessages(out, 0).join('\n')).not.toMatch(/airport security in Mexico/);
  });
});
