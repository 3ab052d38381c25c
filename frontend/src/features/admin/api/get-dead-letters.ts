import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

/** A message that failed every retry: a run whose failure could not even be recorded, say. */
export type DeadLetter = ApiSchemas['DeadLetteredMessage'];
export type DeadLettersList = ApiSchemas['DeadLetteredMessageList'];

/** `GET /api/admin/dead-letters` (admins): the dead-lettered messages, newest first. */
export function deadLettersQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'dead-letters'],
    queryFn: ({ signal }) => getJson<DeadLettersList>('/api/admin/dead-letters', { signal }),
  });
}

export function useDeadLetters() {
  return useQuery(deadLettersQueryOptions());
}

/** Asks for the dead letters again, after a replay. */
export function useRefreshDeadLetters() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: deadLettersQueryOptions().queryKey });
}
