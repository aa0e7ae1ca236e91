import { describe, expect, it } from 'vitest';
import { placesVisited, type ResolvePlace, type TripTravelled } from './visited.js';

const madrid = { name: 'Madrid', region: 'Madrid', lat: 40.41, lon: -3.7 };
const resolve: ResolvePlace = (id) => (id === '3117735' ? madrid : null);
const jacks = new Set(['k-jack']);

const leg = (
  over: Partial<TripTravelled['legs'][number]> & { id: string },
): TripTravelled['legs'][number] => ({
  fromCountry: 'GB',
  toCountry: 'ES',
  toPlace: null,
  toPlaceId: null,
  isReturn: false,
  connection: false,
  ...over,
});
const trip = (over: Partial<TripTravelled> & { id: string }): TripTravelled => ({
  name: `Trip ${over.id}`,
  startsOn: '2026-07-01',
  purpose: 'carry',
  scatterCountry: null,
  keepsakeIds: ['k-jack'],
  legs: [],
  ...over,
});
const summerInSpain = trip({
  id: 't1',
  legs: [
    leg({ id: 'out', toPlace: 'Madrid', toPlaceId: '3117735' }),
    leg({ id: 'back', fromCountry: 'ES', toCountry: 'GB', toPlace: 'London', isReturn: true }),
  ],
});

describe('the places a loved one has been', () => {
  it('adds each trip destination, with the town as a pin when picked from the gazetteer', () => {
    const [spain, ...rest] = placesVisited([summerInSpain], jacks, 'GB', resolve);
    expect(rest).toEqual([]);
    expect(spain!.country).toBe('ES');
    expect(spain!.visits).toEqual([
      {
        tripId: 't1',
        tripName: 'Trip t1',
        startsOn: '2026-07-01',
        legId: 'out',
        scattered: false,
        // What was done on arriving there is added by the places module (rituals' marks).
        arrivals: [],
      },
    ]);
    expect(spain!.towns).toEqual([
      expect.objectContaining({ name: 'Madrid', placeId: '3117735', point: { lat: 40.41, lon: -3.7 } }),
    ]);
  });

  it('counts only trips on which one of that loved one’s keepsakes travelled', () => {
    const grandmasTrip = trip({
      id: 't2',
      keepsakeIds: ['k-grandma'],
      legs: [leg({ id: 'x', toCountry: 'FR' })],
    });
    const places = placesVisited([summerInSpain, grandmasTrip], jacks, 'GB', resolve);
    expect(places.map((p) => p.country)).toEqual(['ES']);
    expect(placesVisited([grandmasTrip], jacks, 'GB', resolve)).toEqual([]);
  });

  it('never adds home for coming home, whether or not the leg is marked as the way home', () => {
    const unmarked = trip({
      id: 't3',
      legs: [leg({ id: 'a', toCountry: 'IT' }), leg({ id: 'b', fromCountry: 'IT', toCountry: 'GB' })],
    });
    expect(placesVisited([unmarked], jacks, 'GB', resolve).map((p) => p.country)).toEqual(['IT']);
    // Without a home country on the family, the way home says where home is.
    expect(placesVisited([summerInSpain], jacks, null, resolve).map((p) => p.country)).toEqual(['ES']);
  });

  it('adds a town the family named at home, as on a trip within the country', () => {
    const edinburgh = trip({ id: 't4', legs: [leg({ id: 'a', toCountry: 'GB', toPlace: 'Edinburgh' })] });
    const [gb] = placesVisited([edinburgh], jacks, 'GB', resolve);
    expect(gb!.towns).toEqual([expect.objectContaining({ name: 'Edinburgh', point: null, placeId: null })]);
  });

  it('leaves out a change of planes, where the keepsake never entered the country', () => {
    const viaDoha = trip({
      id: 't5',
      legs: [
        leg({ id: 'a', toCountry: 'QA', connection: true }),
        leg({ id: 'b', fromCountry: 'QA', toCountry: 'AU' }),
      ],
    });
    expect(placesVisited([viaDoha], jacks, 'GB', resolve).map((p) => p.country)).toEqual(['AU']);
  });

  it('adds where the ashes were scattered, marked as such', () => {
    const scattering = trip({
      id: 't6',
      purpose: 'scatter',
      scatterCountry: 'IE',
      legs: [
        leg({ id: 'a', toCountry: 'IE', toPlace: 'Galway' }),
        leg({ id: 'b', fromCountry: 'IE', toCountry: 'GB', isReturn: true }),
      ],
    });
    const [ireland] = placesVisited([scattering], jacks, 'GB', resolve);
    expect(ireland!.visits).toEqual([expect.objectContaining({ tripId: 't6', legId: 'a', scattered: true })]);
    expect(ireland!.towns[0]!.visits[0]!.scattered).toBe(true);
    // Scattered in a country no leg names (the leg said only the nearest airport's country).
    const byRoad = trip({
      id: 't7',
      purpose: 'scatter',
      scatterCountry: 'FR',
      legs: [leg({ id: 'a', toCountry: 'BE' })],
    });
    const places = placesVisited([byRoad], jacks, 'GB', resolve);
    expect(places.map((p) => [p.country, p.visits[0]!.scattered])).toEqual([
      ['BE', false],
      ['FR', true],
    ]);
  });

  it('lists a town once with each trip that went there, and a typed name where the gazetteer has none', () => {
    const again = trip({
      id: 't8',
      startsOn: '2027-04-01',
      legs: [
        leg({ id: 'c', toPlaceId: '3117735', toPlace: 'Madrid' }),
        leg({ id: 'd', fromCountry: 'ES', toCountry: 'ES', toPlace: 'Cabo de Gata' }),
      ],
    });
    const [spain] = placesVisited([summerInSpain, again], jacks, 'GB', resolve);
    expect(spain!.visits.map((v) => v.tripId)).toEqual(['t1', 't8']);
    expect(spain!.towns.map((t) => [t.name, t.visits.length, t.point !== null])).toEqual([
      ['Madrid', 2, true],
      ['Cabo de Gata', 1, false],
    ]);
  });

  it('lists a picked place by its typed name when the gazetteer no longer has it', () => {
    const gone = trip({ id: 't9', legs: [leg({ id: 'a', toPlaceId: '999', toPlace: 'Old Town' })] });
    const [spain] = placesVisited([gone], jacks, 'GB', resolve);
    expect(spain!.towns).toEqual([expect.objectContaining({ name: 'Old Town', point: null })]);
  });
});
