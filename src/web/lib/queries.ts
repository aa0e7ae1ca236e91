import { QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '../../contracts/accounts.js';
import type { Checklist, ChecklistItem, TripDetail } from '../../contracts/trips.js';
import { currentSessionEpoch, isApiError, send, setCsrfToken } from './api.js';
import type { AnyEndpoint, ResponseOf } from '../../contracts/endpoints.js';
import * as typedClient from './client.js';
import { endpoints, settleSoon } from './client.js';
import { SESSION_PATH, tripPath } from './trip-reads.js';

type TypedClient = typeof typedClient;

/** Reads through the typed client: answers are checked against their contract. */
async function read<T>(ask: (client: TypedClient) => Promise<T>): Promise<T> {
  return ask(typedClient);
}

/** The app's query client (createQueryClient), so a first answer found broken can be read again. */
let appClient: QueryClient | null = null;

/**
 * A first-screen read: the trip's pages, the ones opened at the airport. Asked at once, drawn from
 * the answer as it comes and checked when the contracts have arrived (client.ts, settleSoon); one
 * that breaks its contract is read again, and that answer is checked before it is used. `path` is
 * the endpoint's path with its values filled in (the type keeps its shape in step).
 */
async function readNow<E extends AnyEndpoint>(
  path: string,
  endpoint: E,
  queryKey: readonly unknown[],
): Promise<ResponseOf<E>> {
  return settleSoon(endpoint, await send('GET', path), () => {
    void appClient?.invalidateQueries({ queryKey, exact: true });
  });
}

export const keys = {
  session: ['session'] as const,
  members: ['members'] as const,
  lovedOnes: ['loved-ones'] as const,
  lovedOne: (id: string) => ['loved-ones', id] as const,
  keepsakes: ['keepsakes'] as const,
  trips: ['trips'] as const,
  trip: (id: string) => ['trips', id] as const,
  checklist: (id: string) => ['trips', id, 'checklist'] as const,
  /** Under the trip's key, so refreshing a trip refreshes what it asks of the family too. */
  travelRules: (id: string) => ['trips', id, 'travel-rules'] as const,
  templates: ['templates'] as const,
  carriers: ['carriers'] as const,
  calendar: ['calendar'] as const,
  reminderPreferences: ['reminders', 'preferences'] as const,
  inbox: ['inbox'] as const,
  feed: ['calendar-feed'] as const,
  placeSearch: (country: string, q: string) => ['places', country, q] as const,
  /** Under the loved one's key, so a change to the loved one refreshes the places page too. */
  lovedOnePlaces: (id: string) => ['loved-ones', id, 'places'] as const,
  /** What deleting a loved one would remove (asked as the question is). */
  lovedOneRemoval: (id: string) => ['loved-ones', id, 'removal'] as const,
  /** The family's room for photos and recordings, and how much of it is used. */
  mediaUsage: ['media', 'usage'] as const,
};

export function createQueryClient(): QueryClient {
  return (appClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A missing or forbidden thing will not appear by asking again; a network blip might.
        retry: (count, error) =>
          count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: true,
        // Always ask: with no signal the service worker answers from its offline copy (see
        // vite.config.ts), so a query must not wait for the browser to say it is online again.
        networkMode: 'always',
      },
      // A change made with no signal says so at once instead of waiting; ticks go to the outbox.
      mutations: { retry: false, networkMode: 'always' },
    },
  }));
}

/** Keeps the CSRF token in step with whatever session the app holds. */
export function rememberSession(client: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  // A session check still on its way (sent before this sign-in) must not land on top of it.
  void client.cancelQueries({ queryKey: keys.session, exact: true });
  client.setQueryData(keys.session, session);
}

/** The signed-in session from the server (null when signed out), with its CSRF token remembered. */
export async function fetchSession(): Promise<SessionResponse | null> {
  const epoch = currentSessionEpoch();
  try {
    // Asked at once, while the typed client loads; its answer is then checked like any other.
    const session = await settleSoon(endpoints.accounts.session, await send('GET', SESSION_PATH), () => {
      void appClient?.invalidateQueries({ queryKey: keys.session, exact: true });
    });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // Signed out, as far as this check knows; a sign-in since then is not undone by it.
      if (epoch === currentSessionEpoch()) setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session, or null when signed out (the server answers 401). */
export function useSession() {
  return useQuery({ queryKey: keys.session, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export const useMembers = () =>
  useQuery({ queryKey: keys.members, queryFn: () => read((c) => c.call(c.endpoints.accounts.members)) });

export const useLovedOnes = () =>
  useQuery({ queryKey: keys.lovedOnes, queryFn: () => read((c) => c.call(c.endpoints.lovedOnes.list)) });

export const useLovedOne = (id: string) =>
  useQuery({
    queryKey: keys.lovedOne(id),
    queryFn: () => read((c) => c.call(c.endpoints.lovedOnes.get, { params: { lovedOneId: id } })),
  });

export const useKeepsakes = () =>
  useQuery({ queryKey: keys.keepsakes, queryFn: () => read((c) => c.call(c.endpoints.lovedOnes.keepsakes)) });

export const useTrips = () =>
  useQuery({ queryKey: keys.trips, queryFn: () => read((c) => c.call(c.endpoints.trips.list)) });

export const tripQuery = (tripId: string) =>
  queryOptions({
    queryKey: keys.trip(tripId),
    queryFn: () => readNow(tripPath('trip', tripId), endpoints.trips.get, keys.trip(tripId)),
  });

export const useTrip = (id: string, options: { enabled?: boolean } = {}) =>
  useQuery({ ...tripQuery(id), enabled: options.enabled ?? true });

export const checklistQuery = (tripId: string) =>
  queryOptions({
    queryKey: keys.checklist(tripId),
    queryFn: () => readNow(tripPath('checklist', tripId), endpoints.checklist.get, keys.checklist(tripId)),
  });

export const useChecklist = (tripId: string) => useQuery(checklistQuery(tripId));

export const travelRulesQuery = (tripId: string) =>
  queryOptions({
    queryKey: keys.travelRules(tripId),
    queryFn: () =>
      readNow(tripPath('travelRules', tripId), endpoints.travelRules.get, keys.travelRules(tripId)),
  });

/**
 * On opening the app at a trip's page (a cold start at the airport), asks for the trip, its
 * packing list and what to carry at once, before the page's code has arrived. The pages read the
 * same queries, so nothing is asked twice.
 */
export function prefetchTrip(client: QueryClient, tripId: string): void {
  void client.prefetchQuery(tripQuery(tripId));
  void client.prefetchQuery(checklistQuery(tripId));
  void client.prefetchQuery(travelRulesQuery(tripId));
}

export const useTravelRules = (tripId: string) => useQuery(travelRulesQuery(tripId));

export const useTemplates = () =>
  useQuery({ queryKey: keys.templates, queryFn: () => read((c) => c.call(c.endpoints.checklist.templates)) });

/** The companies a leg can name, for suggestions: the same for everyone, kept for the session. */
export const useCarriers = () =>
  useQuery({
    queryKey: keys.carriers,
    queryFn: () => read((c) => c.call(c.endpoints.travelRules.carriers)),
    staleTime: Infinity,
  });

/** The coming year of days. Always asked again when the page opens: any change may move a day. */
export const useCalendar = () =>
  useQuery({
    queryKey: keys.calendar,
    queryFn: () => read((c) => c.call(c.endpoints.remembrance.calendar)),
    staleTime: 0,
  });

export const useReminderPreferences = () =>
  useQuery({
    queryKey: keys.reminderPreferences,
    queryFn: () => read((c) => c.call(c.endpoints.remembrance.preferences)),
  });

/** The member's reminders; the header shows how many are new, so it looks again now and then. */
export const useInbox = () =>
  useQuery({
    queryKey: keys.inbox,
    queryFn: () => read((c) => c.call(c.endpoints.remembrance.inbox)),
    refetchInterval: 5 * 60_000,
  });

export const useFeedStatus = () =>
  useQuery({ queryKey: keys.feed, queryFn: () => read((c) => c.call(c.endpoints.remembrance.feedStatus)) });

/** Puts one changed checklist item into the cached list, with the counts that follow from it. */
export function putChecklistItem(client: QueryClient, tripId: string, item: ChecklistItem): void {
  client.setQueryData<Checklist>(keys.checklist(tripId), (list) => {
    if (!list) return list;
    const items = list.items.map((i) => (i.id === item.id ? item : i));
    return { items, progress: { done: items.filter((i) => i.checked).length, total: items.length } };
  });
}

/**
 * A list read again after a change, whether its page is on screen or not. Invalidating a list whose
 * page is closed only marks it old: its last answer stays, and is what the page draws first when it
 * next opens, before the fresh one replaces it. A family that has just added their first loved one
 * would see "Add the person you carry with you" for a moment, and a tap on its button could land as
 * the page is redrawn (it did, in a browser test on a busy machine). A list that a change adds to or
 * takes from is therefore read again at once; awaited, it is fresh before the app moves on.
 */
export const refreshList = (client: QueryClient, queryKey: readonly unknown[]): Promise<void> =>
  client.invalidateQueries({ queryKey, exact: true, refetchType: 'all' });

/**
 * Every trip change answers with the whole trip: put it in the cache as the one truth, and let the
 * lists that summarise it (trips, checklist progress) and what it asks of the family refresh. The
 * trip itself is read once more in the background, so the service worker's offline copy of it is
 * the trip as it is now, not as it was when last read.
 */
export function putTrip(client: QueryClient, detail: TripDetail): void {
  client.setQueryData(keys.trip(detail.trip.id), detail);
  void client.invalidateQueries({ queryKey: keys.trip(detail.trip.id), exact: true });
  void refreshList(client, keys.trips);
  void client.invalidateQueries({ queryKey: keys.checklist(detail.trip.id) });
  void client.invalidateQueries({ queryKey: keys.travelRules(detail.trip.id) });
}

/** Gazetteer places starting with the text, in the country: searched on the server (GET /api/places). */
export const usePlaceSearch = (country: string, q: string) =>
  useQuery({
    queryKey: keys.placeSearch(country, q),
    queryFn: () =>
      read((c) => c.call(c.endpoints.places.search, { query: { q, ...(country && { country }) } })),
    enabled: q.trim().length >= 2,
    staleTime: Infinity,
    // The suggestions for "Mad" stay while those for "Madr" are asked for.
    placeholderData: (previous) => previous,
  });

/** Where a loved one's keepsakes have travelled ("Places Jack has been"). */
export const useLovedOnePlaces = (id: string) =>
  useQuery({
    queryKey: keys.lovedOnePlaces(id),
    queryFn: () => read((c) => c.call(c.endpoints.places.ofLovedOne, { params: { lovedOneId: id } })),
  });
