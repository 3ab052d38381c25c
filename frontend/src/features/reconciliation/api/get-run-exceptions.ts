import { $api, type ApiSchemas } from '@/lib/api-client';

export type ExceptionItem = ApiSchemas['ExceptionItem'];
export type ExceptionStatus = ApiSchemas['ExceptionStatus'];

export const EXCEPTIONS_PAGE_SIZE = 50;

export type RunItemsSort = 'impact' | 'sequence';

export interface RunExceptionsRequest {
  runId: string;
  category?: string | null;
  status?: ExceptionStatus | null;
  sort?: RunItemsSort;
  limit?: number;
}

/**
 * `GET /api/runs/{runId}/exceptions`: a run's exceptions, filtered on the server, a page at a time. Each page
 * names the cursor of the next (`nextCursor`, null on the last); "Load more" asks for it.
 */
export function useRunExceptions({
  runId,
  category = null,
  status = null,
  sort = 'sequence',
  limit = EXCEPTIONS_PAGE_SIZE,
}: RunExceptionsRequest) {
  return $api.useInfiniteQuery(
    'get',
    '/api/runs/{runId}/exceptions',
    {
      params: {
        path: { runId },
        query: { category: category ?? undefined, status: status ?? undefined, sort, limit },
      },
    },
    {
      pageParamName: 'cursor',
      initialPageParam: null,
      getNextPageParam: (page) => page.nextCursor ?? null,
    },
  );
}
