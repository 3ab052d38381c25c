import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type PeriodSummary = ApiSchemas['PeriodDetails'];

export const PERIODS_PAGE_SIZE = 25;

export interface PeriodsPageRequest {
  page: number;
  pageSize?: number;
}

/** `GET /api/periods`: one page of periods, newest first. */
export function getPeriodsQueryOptions({ page, pageSize = PERIODS_PAGE_SIZE }: PeriodsPageRequest) {
  return $api.queryOptions('get', '/api/periods', { params: { query: { page, pageSize } } });
}

/** The key prefix shared by every page of the list: invalidate it when periods change. */
export const periodsListQueryKey = $api.queryOptions('get', '/api/periods').queryKey;

/** One page of periods; while the next page loads, the previous one stays on screen. */
export function usePeriods(request: PeriodsPageRequest) {
  return useQuery({ ...getPeriodsQueryOptions(request), placeholderData: keepPreviousData });
}
