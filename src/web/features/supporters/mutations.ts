import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSupporterBody,
  SupporterDaysBody,
  SupporterReplyBody,
} from '../../../contracts/supporters.js';
import { call, endpoints } from '../../lib/client.js';
import { keys } from '../../lib/queries.js';

// Supporters: the family's list, and the pages a supporter opens from an e-mail, as TanStack Query
// queries and mutations that say what they refresh.

export const supporterKeys = {
  list: ['supporters', 'list'] as const,
  replies: ['supporters', 'replies'] as const,
  replyPreview: (token: string) => ['supporters', 'reply-preview', token] as const,
};

export const useSupporters = () =>
  useQuery({ queryKey: supporterKeys.list, queryFn: () => call(endpoints.supporters.list) });

export const useSupporterReplies = () =>
  useQuery({ queryKey: supporterKeys.replies, queryFn: () => call(endpoints.supporters.replies) });

function useListChange<T>(mutationFn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => client.invalidateQueries({ queryKey: supporterKeys.list }),
  });
}

export const useAddSupporter = () =>
  useListChange((body: CreateSupporterBody) => call(endpoints.supporters.add, { body }));

export const useSetSupporterDays = () =>
  useListChange(({ supporterId, body }: { supporterId: string; body: SupporterDaysBody }) =>
    call(endpoints.supporters.setDays, { params: { supporterId }, body }),
  );

export const useResendSupporter = () =>
  useListChange((supporterId: string) => call(endpoints.supporters.resend, { params: { supporterId } }));

export function useRemoveSupporter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (supporterId: string) => call(endpoints.supporters.remove, { params: { supporterId } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: supporterKeys.list });
      void client.invalidateQueries({ queryKey: supporterKeys.replies });
    },
  });
}

/** Accepting puts the message in everyone's inbox, so the inbox is read again too. */
export function useDecideReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ replyId, accept }: { replyId: string; accept: boolean }) =>
      call(accept ? endpoints.supporters.accept : endpoints.supporters.decline, { params: { replyId } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: supporterKeys.replies });
      void client.invalidateQueries({ queryKey: keys.inbox });
    },
  });
}

export const useConfirmSupporter = () =>
  useMutation({ mutationFn: (token: string) => call(endpoints.supporters.confirm, { body: { token } }) });

export const useReplyPreview = (token: string | null) =>
  useQuery({
    queryKey: supporterKeys.replyPreview(token ?? ''),
    queryFn: () => call(endpoints.supporters.replyPreview, { body: { token: token! } }),
    enabled: token !== null,
    retry: false,
  });

export const useSendReply = () =>
  useMutation({ mutationFn: (body: SupporterReplyBody) => call(endpoints.supporters.reply, { body }) });

export const useStopSupporterEmails = () =>
  useMutation({ mutationFn: (token: string) => call(endpoints.supporters.stop, { body: { token } }) });
