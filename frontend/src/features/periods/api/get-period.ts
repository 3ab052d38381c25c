import { useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type Period = ApiSchemas['PeriodDetails'];

/** `GET /api/periods/{periodId}`: one period. */
export function getPeriodQueryOptions(periodId: string) {
  return $api.queryOptions('get', '/api/periods/{periodId}', {
    params: { path: { periodId } },
  });
}

export function usePeriod(periodId: string) {
  return useQuery(getPeriodQueryOptions(periodId));
}
