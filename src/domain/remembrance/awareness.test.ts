import { describe, expect, it } from 'vitest';
import { awarenessDaysFor, awarenessEntries } from './awareness.js';
import { daySchema } from './day.js';
import { occurrencesBetween } from './occurrences.js';

const ids = (days: { key: string }[]) => days.map((d) => d.key.split(':').pop());

describe('awareness days', () => {
  it('loads a valid data file, each day with a source and the date it was checked', () => {
    expect(awarenessEntries.length).toBeGreaterThan(10);
    for (const entry of awarenessEntries) {
      expect(entry.source_url).toMatch(/^https?:\/\//);
      expect(entry.verified_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.description).not.toContain('!');
    }
    expect(new Set(awarenessEntries.map((e) => e.id)).size).toBe(awarenessEntries.length);
  });

  it('leaves out Bereaved Father’s Day: the research found no agreed date', () => {
    expect(awarenessEntries.some((e) => /father/i.test(e.name))).toBe(false);
  });

  it('gives a UK family the UK days and the international ones', () => {
    expect(ids(awarenessDaysFor('GB', 'Europe/London'))).toEqual([
      'wave-of-light',
      'baby-loss-awareness-week-uk',
      'sands-awareness-month',
      'international-bereaved-mothers-day',
      'worldwide-candle-lighting',
      'world-prematurity-day',
    ]);
    expect(ids(awarenessDaysFor('uk', 'Europe/London'))).toEqual(
      ids(awarenessDaysFor('GB', 'Europe/London')),
    );
  });

  it('gives a US family its remembrance day and October’s months', () => {
    const us = ids(awarenessDaysFor('US', 'America/New_York'));
    expect(us).toContain('pregnancy-infant-loss-remembrance-day-us');
    expect(us).toContain('pregnancy-infant-loss-awareness-month-us');
    expect(us).not.toContain('baby-loss-awareness-week-uk');
  });

  it('keeps to the family’s loss: days about babies for a baby, about children for a child, none for a grandparent', () => {
    const baby = ids(awarenessDaysFor('GB', 'Europe/London', { losses: ['pregnancy_loss'] }));
    expect(baby).toContain('wave-of-light');
    expect(baby).not.toContain('world-prematurity-day'); // a day for babies born alive too soon
    const child = ids(awarenessDaysFor('GB', 'Europe/London', { losses: ['child'] }));
    expect(child).toEqual(['international-bereaved-mothers-day', 'worldwide-candle-lighting']);
    expect(awarenessDaysFor('GB', 'Europe/London', { losses: ['adult', 'pet'] })).toEqual([]);
    expect(awarenessDaysFor('GB', 'Europe/London', { losses: [] })).toEqual([]);
  });

  it('every day names the losses it is about, and comes from its organiser or an official text', () => {
    for (const entry of awarenessEntries) expect(entry.losses.length).toBeGreaterThan(0);
    expect(awarenessEntries.map((e) => e.id)).not.toContain('samaritans-awareness-day');
  });

  it('keeps Ontario’s day to Ontario', () => {
    expect(ids(awarenessDaysFor('CA', 'America/Toronto', { region: 'CA-ON' }))).toContain(
      'pregnancy-infant-loss-awareness-day-ontario',
    );
    expect(ids(awarenessDaysFor('CA', 'America/Vancouver'))).not.toContain(
      'pregnancy-infant-loss-awareness-day-ontario',
    );
  });

  it('makes valid days in the family’s zone, with keys unique to the family', () => {
    const days = awarenessDaysFor('AU', 'Australia/Sydney', { keyPrefix: 'family-1' });
    for (const day of days) expect(daySchema.parse(day)).toEqual(day);
    const wave = days.find((d) => d.key === 'family-1:awareness:wave-of-light');
    expect(wave).toMatchObject({
      startTime: '19:00',
      durationMinutes: 60,
      zone: 'Australia/Sydney',
      recurrence: 'yearly',
    });
  });

  it('puts each day on the right dates', () => {
    const days = awarenessDaysFor('GB', 'Europe/London');
    const on = (id: string, year: number) =>
      occurrencesBetween(
        days.find((d) => d.key.endsWith(id))!,
        `${year}-01-01`,
        `${year}-12-31`,
      ).map((o) => o.date);
    expect(on('wave-of-light', 2026)).toEqual(['2026-10-15']);
    expect(on('baby-loss-awareness-week-uk', 2026)).toEqual(['2026-10-09']);
    expect(on('international-bereaved-mothers-day', 2026)).toEqual(['2026-05-03']);
    expect(on('international-bereaved-mothers-day', 2027)).toEqual(['2027-05-02']);
    expect(on('worldwide-candle-lighting', 2026)).toEqual(['2026-12-13']);
    expect(on('worldwide-candle-lighting', 2027)).toEqual(['2027-12-12']);
    expect(days.find((d) => d.key.endsWith('baby-loss-awareness-week-uk'))?.durationDays).toBe(7);
  });
});
