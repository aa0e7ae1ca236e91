import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn } from './scenario-reading.js';

// Review 35b (reviewer r35b, /tmp/r35b), finding 2 (medium), t56 and t44: a family bringing ashes
// home that were collected abroad heard "the border authorities of India (of Poland) can tell you",
// though home's own rules say the paper for ashes coming in is issued by home's mission abroad (a
// consular certificate): now home's embassy or consulate where the ashes set off. Finding 3
// (medium), t12: a Lithuanian family driving to Germany through Poland and back heard "Poland in
// Germany" on the drive back, though the way out named the mission where they live: now both do.

const today = '2026-12-07';

/** A family living in `home` flying out to `there` to collect a loved one's ashes, and home with them. */
const collecting = (home: string, there: string, kind: 'adult' | 'pet' = 'adult') =>
  readTripOn(today, {
    home_country: home,
    collect_in: there,
    legs: [
      { mode: 'air', from: home, to: there },
      { mode: 'air', from: there, to: home, bag: 'carry_on', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'plastic', loved_one: 'Papa' }],
    loved_ones: [
      kind === 'pet'
        ? { name: 'Papa', kind: 'pet', loss_country: there, cremated_in: there }
        : { name: 'Papa', kind: 'adult', loss_country: there, cremated_in: there, nationality: home },
    ],
  });

const entryGap = (out: ReturnType<typeof readTripOn>, country: string) =>
  gapMessages(out, 1).find((gap) => gap.includes(`ashes into ${country}`)) ?? '';

describe("r35b 2: coming home where home's paper is its mission's", () => {
  it("t56: an Indian family bringing Papa home from the US asks India's mission in the US", () => {
    const gap = entryGap(collecting('IN', 'US'), 'India');
    expect(gap).toContain(
      'The embassy or consulate of India in the United States can tell you, before you set off, what they need',
    );
    expect(gap).not.toContain('border authorities');
  });

  it("t44: a Polish family bringing Tata home from the UK asks Poland's mission in the UK", () => {
    const gap = entryGap(collecting('PL', 'GB'), 'Poland');
    expect(gap).toContain(
      'The embassy or consulate of Poland in the United Kingdom can tell you, before you set off, what they need',
    );
    expect(gap).not.toContain('border authorities');
  });

  it("a pet's ashes coming home to India still go to India's border authorities (review 35, t)", () => {
    const gaps = gapMessages(collecting('IN', 'US', 'pet'), 1).join('\n');
    expect(gaps).toContain('the border authorities of India can tell you, before you set off');
    expect(gaps).not.toContain('India in the United States');
  });

  it('a country with no consular certificate among its rules keeps its border authorities', () => {
    const gaps = gapMessages(collecting('KE', 'GB'), 1).join('\n');
    expect(gaps).toContain('The border authorities of Kenya can tell you, before you set off');
  });
});

describe('r35b 3: a round trip by road asks where the family lives, both ways', () => {
  const t12 = readTripOn(today, {
    home_country: 'LT',
    legs: [
      { mode: 'road', from: 'LT', to: 'PL' },
      { mode: 'road', from: 'PL', to: 'DE' },
      { mode: 'road', from: 'DE', to: 'PL' },
      { mode: 'road', from: 'PL', to: 'LT', way_home: true },
    ],
    keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Senelis' }],
    loved_ones: [
      { name: 'Senelis', kind: 'adult', loss_country: 'LT', cremated_in: 'LT', nationality: 'LT' },
    ],
  });

  it("t12: the drive back from Germany into Poland names Poland's mission in Lithuania, as the way out does", () => {
    const back = gapMessages(t12, 2).join('\n');
    expect(back).toContain('the embassy or consulate of Poland in Lithuania can tell you what they need');
    expect(back).not.toContain('Poland in Germany');
    expect(gapMessages(t12, 0).join('\n')).toContain('the embassy or consulate of Poland in Lithuania');
  });
});
