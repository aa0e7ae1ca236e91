import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TributeBody, TributeLinkBody } from '../../../contracts/tributes.js';
import { call, endpoints } from '../../lib/client.js';

// Tributes: the family's tributes, the photos a tribute can be drawn on, and share links.

export const tributeKeys = {
  all: ['tributes'] as const,
  one: (tributeId: string) => ['tributes', 'one', tributeId] as const,
  links: (tributeId: string) => ['tributes', 'links', tributeId] as const,
  photos: ['media'] as const,
};

export const useTributes = () =>
  useQuery({ queryKey: tributeKeys.all, queryFn: () => call(endpoints.tributes.list) });

export const useTribute = (tributeId: string) =>
  useQuery({
    queryKey: tributeKeys.one(tributeId),
    queryFn: () => call(endpoints.tributes.get, { params: { tributeId } }),
  });

/** The family's photos, to draw a tribute on. */
export const useFamilyPhotos = () =>
  useQuery({ queryKey: tributeKeys.photos, queryFn: () => call(endpoints.media.list) });

export const useTributeLinks = (tributeId: string, enabled: boolean) =>
  useQuery({
    queryKey: tributeKeys.links(tributeId),
    queryFn: () => call(endpoints.tributes.links, { params: { tributeId } }),
    enabled,
  });

/** Makes a tribute, or (with `tributeId`) saves one; the pictures are drawn afresh from it. */
export function useSaveTribute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ tributeId, body }: { tributeId?: string; body: TributeBody }) =>
      tributeId
        ? call(endpoints.tributes.update, { params: { tributeId }, body })
        : call(endpoints.tributes.create, { body }),
    onSuccess: async (answer) => {
      client.setQueryData(tributeKeys.one(answer.tribute.id), answer);
      await client.invalidateQueries({ queryKey: tributeKeys.all, exact: true });
    },
  });
}

export function useMakeLink(tributeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TributeLinkBody) =>
      call(endpoints.tributes.createLink, { params: { tributeId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: tributeKeys.links(tributeId) }),
  });
}

export function useRevokeLink(tributeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tributeLinkId: string) => call(endpoints.tributes.revokeLink, { params: { tributeLinkId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: tributeKeys.links(tributeId) }),
  });
}
