import type { endpoints } from '../../contracts/endpoints.js';

// Which trip page an address is, and what that page reads first. Kept free of React, zod and
// TanStack Query: boot.ts asks for these reads before any of them has arrived.

type Endpoints = typeof endpoints;

/** The pages of a trip that can be opened cold at the airport, by the last part of their address. */
export type TripPageName = '' | 'checklist' | 'carry' | 'people';

/** The trip page an address shows ("/trips/<id>/checklist"), or null for any other address. */
export function tripAt(pathname: string): { tripId: string; page: TripPageName } | null {
  const match = /^\/trips\/([0-9a-f]{8}-[0-9a-f-]{27})(?:\/(checklist|carry|people))?\/?$/i.exec(pathname);
  if (!match?.[1]) return null;
  return { tripId: match[1], page: (match[2] ?? '') as TripPageName };
}

// The endpoints' own paths: the compiler says so if one of them moves.
const tripPaths = {
  trip: '/api/trips/:tripId',
  checklist: '/api/trips/:tripId/checklist',
  travelRules: '/api/trips/:tripId/travel-rules',
} as const satisfies {
  trip: Endpoints['trips']['get']['path'];
  checklist: Endpoints['checklist']['get']['path'];
  travelRules: Endpoints['travelRules']['get']['path'];
};

/** The address of one of a trip's reads, as the app asks for it. */
export const tripPath = (which: keyof typeof tripPaths, tripId: string): string =>
  tripPaths[which].replace(':tripId', encodeURIComponent(tripId));

export const SESSION_PATH = '/api/session' satisfies Endpoints['accounts']['session']['path'];

/** What a trip's pages read before anything shows: the session, the trip, its packing list and what to carry. */
export const firstReadsOfTrip = (tripId: string): string[] => [
  SESSION_PATH,
  tripPath('trip', tripId),
  tripPath('checklist', tripId),
  tripPath('travelRules', tripId),
];
