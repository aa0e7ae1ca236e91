import { describe, expect, it } from 'vitest';
import { RULES } from './load-rules.js';
import { readTripOn } from './scenario-reading.js';
import { disputedByOwnSources } from './speakers.js';

// Finding 18.7 (brief fix20a): a disagreement between two speakers is shown as a conflict without
// weakening either one's papers; only a speaker's own sources disagreeing make it "may ask for".
// And a sentence naming several speakers says so in its verb.

const today = '2026-12-06';

describe('Royal Caribbean scattering at sea off England', () => {
  const out = readTripOn(today, {
    home_country: 'GB',
    legs: [{ mode: 'sea', from: 'GB', to: 'GB', carrier: 'RCL' }],
    keepsakes: [{ kind: 'ashes', container: 'biodegradable', name: 'Grandad' }],
    purpose: 'scatter',
    scatter: { country: 'GB', region: 'GB-ENG', place: 'sea', ashes_come_home: false },
    loved_one: { name: 'Grandad', kind: 'adult', loss_country: 'GB' },
  });

  it('shows the disagreement: what Royal Caribbean does, what England’s advice says, and whom to ask', () => {
    const conflicts = out.legs[0]!.conflicts;
    expect(conflicts.map((c) => c.rule_ids)).toEqual([['gb-water-guidance', 'rcl-scattering']]);
    const message = conflicts[0]!.message;
    expect(message).toContain(
      '“Royal Caribbean: a biodegradable urn, released whole, arranged with the Front Desk”',
    );
    expect(message).toContain(
      '“On water in England: close to the surface, with no urn, wreath or plastic bag in the water”',
    );
    // At sea nobody owns the water as a landowner owns a field (review data, "UK: asking the landowner").
    expect(message).toMatch(/Please check with Royal Caribbean and the local authority before you travel\.$/);
    expect(message).not.toMatch(/landowner/);
  });

  it('still says plainly that Royal Caribbean asks for the death and cremation certificates', () => {
    const death = out.documents.find((d) => d.key === 'death_certificate')!;
    const cremation = out.documents.find((d) => d.key === 'cremation_certificate')!;
    expect(death.detail).toContain('Asked for by Royal Caribbean.');
    expect(cremation.detail).toContain('Asked for by Royal Caribbean.');
    expect(`${death.detail} ${cremation.detail}`).not.toMatch(/may ask/);
    expect(out.summary[0]!.text).toBe('For Grandad, bring a death certificate and a cremation certificate.');
    expect(out.summary[0]!.carry).toEqual(['A death certificate', 'A cremation certificate']);
  });

  it('keeps both rules as their sources say them, each naming the other', () => {
    const byId = new Map(RULES.map((rule) => [rule.id, rule]));
    expect(byId.get('rcl-scattering')!.conflicts_with).toEqual(['gb-water-guidance']);
    expect(byId.get('gb-water-guidance')!.conflicts_with).toEqual(['rcl-scattering']);
    expect(byId.get('gb-water-guidance')!.detail).toMatch(/no wreaths, urns or plastic bags/);
  });
});

describe('only a speaker’s own sources disagreeing weaken how firmly it asks', () => {
  const disputed = disputedByOwnSources(RULES);

  it('Mexico City airport’s two pages, and Qatar Airways’ page and a retailer’s report of it, are in doubt', () => {
    for (const id of [
      'mx-aicm-papers-xray',
      'mx-aicm-no-sanitary-authorisation',
      'qr-checked',
      'vn-quarantine-permit',
    ])
      expect(disputed.has(id)).toBe(true);
  });

  it('Royal Caribbean and England’s advice, two speakers, are not; nor TSA beside a page on Italy', () => {
    for (const id of ['rcl-scattering', 'gb-water-guidance', 'tsa-xray-required', 'it-real-urn'])
      expect(disputed.has(id)).toBe(false);
  });

  it('Mexico City airport still only may ask for its papers', () => {
    const out = readTripOn(today, {
      home_country: 'US',
      legs: [{ mode: 'air', from: 'MX', to: 'US', carrier: 'AA', bag: 'carry_on' }],
      keepsakes: [{ kind: 'ashes', container: 'wood', name: 'Papá' }],
      loved_one: { name: 'Papá', kind: 'adult', loss_country: 'MX' },
    });
    const notes = out.documents.map((d) => d.detail).join(' ');
    expect(notes).toMatch(/Mexico City airport may ask for it/);
  });
});

describe('a sentence naming several speakers, asking with different firmness', () => {
  it('says each as firmly as it asks, with its own verb, never "asks for , and …"', () => {
    // Without the retailer's report, Qatar Airways' own page asks firmly; Emirates, for a baby, may ask.
    const rules = RULES.filter((rule) => rule.id !== 'qr-retailer-cabin-only');
    const out = readTripOn(
      today,
      {
        home_country: 'GB',
        legs: [
          { mode: 'air', from: 'GB', to: 'QA', carrier: 'QR', connection: true, bag: 'checked' },
          { mode: 'air', from: 'QA', to: 'AE', carrier: 'EK', bag: 'checked' },
        ],
        keepsakes: [{ kind: 'ashes', container: 'plastic', name: 'Mia' }],
        purpose: 'carry',
        loved_one: {
          name: 'Mia',
          kind: 'pregnancy_loss',
          loss_country: 'GB',
          loss_region: 'GB-ENG',
          gestation_weeks: 16,
          born_alive: false,
        },
      },
      rules,
    );
    const text = out.summary[0]!.text;
    expect(text).toContain(
      'Qatar Airways asks for all of its papers together for the way you are travelling, and Emirates may ask for all of its papers together too, so that way may not be open to you',
    );
    expect(text).not.toMatch(/ for , /);
    const closed = out.legs.flatMap((leg) => leg.exceptions.map((e) => e.message)).join(' ');
    expect(closed).toContain(
      'Qatar Airways asks for every paper together, so this way may not be open to you',
    );
    expect(closed).toContain('Emirates may ask for every paper together, so this way may not be open to you');
  });
});
