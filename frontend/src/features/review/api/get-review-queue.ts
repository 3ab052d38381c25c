import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';
import type { ReviewStatus } from './types';

/** The queue's `status` filter: a case status, `active` (open or pending approval) or `all`. */
export type QueueStatusFilter = 'active' | ReviewStatus | 'all';

/** The queue's filters as `GET /api/review-queue` takes them; null means "any". */
export interface ReviewQueueFilters {
  periodId: string | null;
  clientId: string | null;
  category: string | null;
  site: string | null;
  /** A user name, `me` or `none`. */
  assignee: string | null;
  /** `active` (open and pending approval) when null. */
  status: QueueStatusFilter | null;
  minImpact: number | null;
  maxImpact: number | null;
  q: string | null;
}

export const NO_QUEUE_FILTERS: ReviewQueueFilters = {
  periodId: null,
  clientId: null,
  category: null,
  site: null,
  assignee: null,
  status: null,
  minImpact: null,
  maxImpact: null,
  q: null,
};

export type ReviewQueuePage = ApiSchemas['ReviewQueuePage'];

export const REVIEW_QUEUE_PAGE_SIZE = 50;

export const REVIEW_QUEUE_QUERY_KEY = ['review-queue'] as const;

/**
 * `GET /api/review-queue`: the exceptions to review, largest impact first, a page at a time ("Load more" asks for
 * the next with `nextCursor`).
 */
export function useReviewQueue(filters: ReviewQueueFilters) {
  return useInfiniteQuery({
    queryKey: [...REVIEW_QUEUE_QUERY_KEY, filters],
    queryFn: ({ pageParam, signal }) =>
      getJson<ReviewQueuePage>('/api/review-queue', {
        query: { ...filters, cursor: pageParam, limit: REVIEW_QUEUE_PAGE_SIZE },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}
