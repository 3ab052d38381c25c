import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

export type Dashboard = ApiSchemas['Dashboard'];
export type DashboardPeriod = ApiSchemas['DashboardPeriod'];
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
