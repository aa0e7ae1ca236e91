import { describe, expect, it } from 'vitest';
import { sharesLandBorder } from './land-borders.js';
import { driveOn, gapMessages, readTripOn } from './scenario-reading.js';

const today = '2026-12-07';
const drive = (from: string, to: string) => driveOn(today, from, to);
// Either note: countries joined by land through others, or not joined by land at all. The note
// once said "crosses the sea (by a bridge, a tunnel or a ferry)" for every pair, Japan too, where
// no bridge or tunnel reaches (review 29, finding 8).
const NO_LAND_BORDER =
  /share no land border, so this drive|are not joined by land, even through other countries/;

describe('which countries share a land border', () => {
  it('knows neighbours, islands and the countries it has no shape for', () => {
    expect(sharesLandBorder('GB', 'IE')).toBe(true);
    expect(sharesLandBorder('FR', 'ES')).toBe(true);
    expect(sharesLandBorder('ES', 'GI')).toBe(true);
    expect(sharesLandBorder('GB', 'JP')).toBe(false);
    expect(sharesLandBorder('GB', 'FR')).toBe(false);
    expect(sharesLandBorder('FR', 'PL')).toBe(false);
    expect(sharesLandBorder('SG', 'MY')).toBe(false);
    // Kosovo has no ISO code of its own in the shapes: nothing is said rather than a guess.
    expect(sharesLandBorder('XK', 'RS')).toBeNull();
  });
});

describe('a drive between countries that share no land border (issue 7: GB to JP by road was taken as it stood)', () => {
  it('the United Kingdom to Japan: said, with how to have each crossing read', () => {
    const gaps = gapMessages(drive('GB', 'JP')).join('\n');
    expect(gaps).toMatch(NO_LAND_BORDER);
    expect(gaps).toContain(
      'The United Kingdom and Japan are not joined by land, even through other countries, so this leg crosses the sea.',
    );
    expect(gaps).toContain('if part of the way is by ferry, train or plane, add that part as its own leg');
    expect(gaps).not.toMatch(/bridge|tunnel/);
  });

  it('France to Poland: the countries driven through are not read, and that is said', () => {
    const gaps = gapMessages(drive('FR', 'PL')).join('\n');
    expect(gaps).toMatch(NO_LAND_BORDER);
    expect(gaps).toContain(
      'France and Poland share no land border, so this drive goes through another country on the way, or crosses the sea.',
    );
    expect(gaps).toContain(
      'if you drive through another country, or take a ferry or a tunnel shuttle, add that part as its own leg',
    );
  });

  it('neighbours, and a drive within one country, say nothing of it', () => {
    for (const [from, to] of [
      ['FR', 'ES'],
      ['DE', 'PL'],
      ['IE', 'GB'],
      ['US', 'US'],
    ] as const) {
      expect(gapMessages(drive(from, to)).join('\n')).not.toMatch(NO_LAND_BORDER);
    }
  });

  it('a flight or a ferry between the same countries says nothing of it', () => {
    for (const leg of [
      { mode: 'air', from: 'GB', to: 'JP', carrier: 'BA', bag: 'carry_on' },
      { mode: 'sea', from: 'GB', to: 'FR', carrier: 'P&O Ferries' },
    ]) {
      const out = readTripOn(today, {
        home_country: 'GB',
        purpose: 'carry',
        legs: [leg],
        keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nan' }],
        loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: 'GB' }],
      });
      expect(JSON.stringify(out)).not.toMatch(NO_LAND_BORDER);
    }
  });
});

describe('a train between countries that share no land border (review 33a, low: Japan to South Korea was taken as it stood)', () => {
  const train = (from: string, to: string, carrier?: string) =>
    readTripOn(today, {
      home_country: from,
      purpose: 'carry',
      legs: [{ mode: 'rail', from, to, ...(carrier && { carrier }) }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Sora' }],
      loved_ones: [{ name: 'Sora', kind: 'adult', loss_country: from }],
    });

  it('Japan to South Korea: said that only a tunnel could carry a train across, none claimed', () => {
    const gaps = gapMessages(train('JP', 'KR')).join('\n');
    expect(gaps).toContain(
      'Japan and South Korea are not joined by land, even through other countries, so a train between them would have to go under the sea.',
    );
    expect(gaps).toContain('if part of the way is by ferry or plane, add that part as its own leg');
  });

  it('France to Poland: the countries the train goes through are not read, and that is said', () => {
    expect(gapMessages(train('FR', 'PL')).join('\n')).toContain(
      'France and Poland share no land border, so this train goes through another country on the way.',
    );
  });

  it('neighbours, and Eurostar under the Channel, say nothing of it', () => {
    expect(gapMessages(train('FR', 'DE')).join('\n')).not.toMatch(NO_LAND_BORDER_TRAIN);
    expect(gapMessages(train('GB', 'FR', 'Eurostar')).join('\n')).not.toMatch(NO_LAND_BORDER_TRAIN);
  });
});

const NO_LAND_BORDER_TRAIN = /so this train goes through|so a train between them/;
