import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

/**
 * A period as the API sends it: a period never reconciled has `latestRun` and `review` null (the OpenAPI document
 * marks them optional only).
 */
export type DashboardPeriod = Omit<ApiSchemas['DashboardPeriod'], 'latestRun' | 'review'> & {
  latestRun?: ApiSchemas['LatestRun'] | null;
  review?: ApiSchemas['ReviewKpis'] | null;
};
export interface Dashboard {
  periods: DashboardPeriod[];
}
export type ReviewKpis = ApiSchemas['ReviewKpis'];
export type LatestRunStatus = ApiSchemas['RunStatus'];

/** `GET /api/dashboard`: every period with its latest run and its variance before and after review. */
export function dashboardQueryOptions() {
  return queryOptions({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => getJson<Dashboard>('/api/dashboard', { signal }),
  });
}

export function useDashboard() {
  return useQuery(dashboardQueryOptions());
}
