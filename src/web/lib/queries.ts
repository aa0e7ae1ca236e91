import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { membersResponse, SessionResponse } from '../../contracts/accounts.js';
import type { lovedOneResponse, lovedOnesResponse, keepsakesResponse } from '../../contracts/loved-ones.js';
import type { Checklist, TripDetail, templatesResponse, tripsResponse } from '../../contracts/trips.js';
import type { z } from 'zod';
import { api, isApiError, setCsrfToken } from './api.js';

type Members = z.infer<typeof membersResponse>;
type LovedOnes = z.infer<typeof lovedOnesResponse>;
type LovedOneWithKeepsakes = z.infer<typeof lovedOneResponse>;
type Keepsakes = z.infer<typeof keepsakesResponse>;
type Trips = z.infer<typeof tripsResponse>;
type Templates = z.infer<typeof templatesResponse>;

export const keys = {
  session: ['session'] as const,
  members: ['members'] as const,
  lovedOnes: ['loved-ones'] as const,
  lovedOne: (id: string) => ['loved-ones', id] as const,
  keepsakes: ['keepsakes'] as const,
  trips: ['trips'] as const,
  trip: (id: string) => ['trips', id] as const,
  checklist: (id: string) => ['trips', id, 'checklist'] as const,
  templates: ['templates'] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A missing or forbidden thing will not appear by asking again; a network blip might.
        retry: (count, error) =>
          count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/** Keeps the CSRF token in step with whatever session the app holds. */
export function rememberSession(client: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  client.setQueryData(keys.session, session);
}

/** The signed-in session, or null when signed out (the server answers 401). */
export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async (): Promise<SessionResponse | null> => {
      try {
        const session = await api.get<SessionResponse>('/api/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export const useMembers = () =>
  useQuery({ queryKey: keys.members, queryFn: () => api.get<Members>('/api/family/members') });

export const useLovedOnes = () =>
  useQuery({ queryKey: keys.lovedOnes, queryFn: () => api.get<LovedOnes>('/api/loved-ones') });

export const useLovedOne = (id: string) =>
  useQuery({
    queryKey: keys.lovedOne(id),
    queryFn: () => api.get<LovedOneWithKeepsakes>(`/api/loved-ones/${encodeURIComponent(id)}`),
  });

export const useKeepsakes = () =>
  useQuery({ queryKey: keys.keepsakes, queryFn: () => api.get<Keepsakes>('/api/keepsakes') });

export const useTrips = () => useQuery({ queryKey: keys.trips, queryFn: () => api.get<Trips>('/api/trips') });

export const useTrip = (id: string) =>
  useQuery({
    queryKey: keys.trip(id),
    queryFn: () => api.get<TripDetail>(`/api/trips/${encodeURIComponent(id)}`),
  });

export const useChecklist = (tripId: string) =>
  useQuery({
    queryKey: keys.checklist(tripId),
    queryFn: () => api.get<Checklist>(`/api/trips/${encodeURIComponent(tripId)}/checklist`),
  });

export const useTemplates = () =>
  useQuery({ queryKey: keys.templates, queryFn: () => api.get<Templates>('/api/checklist-templates') });

/**
 * Every trip change answers with the whole trip: put it in the cache as the one truth, and let the
 * lists that summarise it (trips, checklist progress) refresh.
 */
export function useTripAnswer() {
  const client = useQueryClient();
  return (detail: TripDetail) => {
    client.setQueryData(keys.trip(detail.trip.id), detail);
    void client.invalidateQueries({ queryKey: keys.trips, exact: true });
    void client.invalidateQueries({ queryKey: keys.checklist(detail.trip.id) });
  };
}
