import { describe, expect, it } from 'vitest';
import { gapMessages, readTripOn } from './scenario-reading.js';

// Review 29 (brief fixB), findings 3, 6, 7, 8, 10 and 11, and review 28's finding 5: a reviewer ran
// realistic trips through the CLI; their inputs are lost, so each trip here is rebuilt from the
// finding's words.

const today = '2026-12-07';

describe("finding 3: a pet's ashes home on a cruise from and back to the United States", () => {
  const out = () =>
    readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [
        { mode: 'sea', from: 'US', to: 'BS', carrier: 'Carnival', connection: true },
        { mode: 'sea', from: 'BS', to: 'US', carrier: 'Carnival', way_home: true },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Buddy' }],
      loved_ones: [{ name: 'Buddy', kind: 'pet', loss_country: 'US', cremated_in: 'US' }],
    });

  it('names no mission of the United States in the United States', () => {
    const text = JSON.stringify(out());
    expect(text).not.toMatch(/embassy or consulate of the United States in the United States/);
  });

  it("sends the family to the United States' own border authorities, before they set off", () => {
    expect(gapMessages(out(), 1)).toContain(
      "Our sources on taking ashes into the United States speak about a person's ashes. For Buddy, the border authorities of the United States can tell you, before you set off, what they need for a pet's ashes.",
    );
  });

  it('still names the mission where the ashes set off, coming home from abroad', () => {
    const abroad = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [{ mode: 'sea', from: 'GB', to: 'US', carrier: 'Cunard', way_home: true }],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Buddy' }],
      loved_ones: [{ name: 'Buddy', kind: 'pet', loss_country: 'GB', cremated_in: 'GB' }],
    });
    expect(gapMessages(abroad).join(' ')).toContain(
      'the embassy or consulate of the United States in the United Kingdom can tell you, before you set off',
    );
  });
});

describe('finding 6: landing in the United States and driving on to Canada', () => {
  const out = () =>
    readTripOn(today, {
      home_country: 'GB',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'GB', to: 'US', carrier: 'BA', bag: 'carry_on' },
        { mode: 'road', from: 'US', to: 'CA' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Nan' }],
      loved_ones: [{ name: 'Nan', kind: 'adult', loss_country: 'GB', cremated_in: 'GB' }],
    });

  it("is entering the United States: its rules for arriving apply, with no 'you only pass through'", () => {
    const arriving = out().legs[0]!.requirements.find((r) => r.id === 'us-import-none')!;
    expect(arriving.for_this_family).toBeNull();
    expect(JSON.stringify(out())).not.toMatch(/pass(ing)? through the United States/);
  });

  it('a flight to Germany and the train on to Austria is still passing through Germany', () => {
    const germany = readTripOn(today, {
      home_country: 'US',
      purpose: 'carry',
      legs: [
        { mode: 'air', from: 'US', to: 'DE', carrier: 'LH', bag: 'carry_on' },
        { mode: 'rail', from: 'DE', to: 'AT' },
      ],
      keepsakes: [{ kind: 'ashes', container: 'wood', loved_one: 'Oma' }],
      loved_ones: [{ name: 'Oma', kind: 'adult', loss_country: 'US', cremated_in: 'US' }],
    });
    const notes = germany.legs[0]!.requirements.map((r) => r.for_this_family).filter((n) => n !== null);
    expect(notes.some((note) => note.startsWith('You only pass through Germany:'))).toBe(true);
  });
});
