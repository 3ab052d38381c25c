import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

export type PendingDecisionView = ApiSchemas['PendingDecisionView'];
export type ApprovalsPage = ApiSchemas['ApprovalsPage'];

export const APPROVALS_QUERY_KEY = ['approvals'] as const;

/** `GET /api/approvals` (approvers): the decisions waiting for a second pair of eyes, a page at a time. */
export function useApprovals() {
  return useInfiniteQuery({
    queryKey: APPROVALS_QUERY_KEY,
    queryFn: ({ pageParam, signal }) =>
      getJson<ApprovalsPage>('/api/approvals', { query: { cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}
