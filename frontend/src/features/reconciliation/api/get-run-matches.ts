import { $api, type ApiSchemas } from '@/lib/api-client';
import type { RunItemsSort } from './get-run-exceptions';

export type MatchItem = ApiSchemas['MatchItem'];
export type MatchMethod = ApiSchemas['MatchMethod'];
export type MatchExplanation = ApiSchemas['MatchExplanation'];

export const MATCHES_PAGE_SIZE = 50;

export interface RunMatchesRequest {
  runId: string;
  category?: string | null;
  method?: MatchMethod | null;
  sort?: RunItemsSort;
  limit?: number;
}

/**
 * `GET /api/runs/{runId}/matches`: a run's matches with their explanations, filtered on the server, a page at a
 * time (see `useRunExceptions`).
 */
export function useRunMatches({
  runId,
  category = null,
  method = null,
  sort = 'sequence',
  limit = MATCHES_PAGE_SIZE,
}: RunMatchesRequest) {
  return $api.useInfiniteQuery(
    'get',
    '/api/runs/{runId}/matches',
    {
      params: {
        path: { runId },
        query: { category: category ?? undefined, method: method ?? undefined, sort, limit },
      },
    },
    {
      pageParamName: 'cursor',
      initialPageParam: null,
      getNextPageParam: (page) => page.nextCursor ?? null,
    },
  );
}
