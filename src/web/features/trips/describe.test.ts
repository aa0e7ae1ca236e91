import { describe, expect, it } from 'vitest';
import type { Leg } from '../../../contracts/trips.js';
import { legKind, legTitle } from './describe.js';

const leg = (over: Partial<Leg>): Leg => ({
  id: '0190a0a0-0000-7000-8000-000000000001',
  position: 0,
  label: null,
  mode: 'air',
  fromCountry: 'GB',
  toCountry: 'ES',
  fromPlace: null,
  toPlace: null,
  carrier: null,
  bag: 'carry_on',
  departureLocal: '2026-07-01T09:30',
  departureZone: 'Europe/London',
  departureUtc: '2026-07-01T08:30:00.000Z',
  isReturn: false,
  connection: false,
  checks: [],
  ...over,
});

describe('a leg in words', () => {
  it('is headed with its places, as people think of it', () => {
    expect(legTitle(leg({ fromPlace: 'Heathrow', toPlace: 'Madrid' }))).toBe('Heathrow to Madrid');
    expect(legKind(leg({ fromPlace: 'Heathrow', toPlace: 'Madrid' }))).toBe(
      'Flight · United Kingdom to Spain',
    );
  });

  it('falls back to the country for an end with no place', () => {
    expect(legTitle(leg({ fromPlace: 'Heathrow' }))).toBe('Heathrow to Spain');
    expect(legTitle(leg({ mode: 'rail', fromCountry: 'FR', toCountry: 'BE' }))).toBe('France to Belgium');
    expect(legKind(leg({ mode: 'rail', fromCountry: 'FR', toCountry: 'BE' }))).toBe('Train');
  });
});
