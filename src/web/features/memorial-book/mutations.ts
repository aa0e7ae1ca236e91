import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Book, BookCandidatesQuery, MakeBook } from '../../../contracts/memorial-book.js';
import { call, endpoints } from '../../lib/client.js';

// Memorial books: a loved one's books, asking for one, and removing one. A book is made in the
// background without the family's revision moving, so the list asks again every few seconds while
// one is waiting or being made, and not at all otherwise.

export const bookKeys = {
  of: (lovedOneId: string) => ['memorial-books', lovedOneId] as const,
  candidates: (lovedOneId: string, query: BookCandidatesQuery | null) =>
    ['memorial-books', lovedOneId, 'candidates', query] as const,
};

const inProgress = (books: readonly Book[] | undefined) =>
  (books ?? []).some((b) => b.state === 'waiting' || b.state === 'making');

export const useBooks = (lovedOneId: string) =>
  useQuery({
    queryKey: bookKeys.of(lovedOneId),
    queryFn: () => call(endpoints.books.list, { params: { lovedOneId } }),
    refetchInterval: (query) => (inProgress(query.state.data?.books) ? 2000 : false),
  });

/** What could go in a book for these days (null: the days are not chosen yet), to choose from. */
export const useBookCandidates = (lovedOneId: string, query: BookCandidatesQuery | null) =>
  useQuery({
    queryKey: bookKeys.candidates(lovedOneId, query),
    queryFn: () => call(endpoints.books.candidates, { params: { lovedOneId }, query: query! }),
    enabled: query !== null,
    staleTime: 30_000,
  });

export function useMakeBook(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MakeBook) => call(endpoints.books.make, { params: { lovedOneId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookKeys.of(lovedOneId) }),
  });
}

export function useRemoveBook(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bookId: string) => call(endpoints.books.remove, { params: { bookId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: bookKeys.of(lovedOneId) }),
  });
}
