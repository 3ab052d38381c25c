import { useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type RunView = ApiSchemas['RunView'];
export type RunStatus = ApiSchemas['RunStatus'];
export type RunKpis = ApiSchemas['RunKpis'];

/** Whether a run may still change: it is waiting for the worker or being worked on. */
export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** `GET /api/periods/{periodId}/runs`: every reconciliation run of a period, newest first. */
export function getRunsQueryOptions(periodId: string) {
  return $api.queryOptions('get', '/api/periods/{periodId}/runs', {
    params: { path: { periodId } },
  });
}

export function useRuns(periodId: string) {
  return useQuery(getRunsQueryOptions(periodId));
}
