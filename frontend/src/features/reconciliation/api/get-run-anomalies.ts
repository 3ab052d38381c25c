import { useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type RateAnomaly = ApiSchemas['RateAnomaly'];

/** `GET /api/runs/{runId}/anomalies`: the unit rates a run found far from their history, or trending. */
export function getRunAnomaliesQueryOptions(runId: string) {
  return $api.queryOptions('get', '/api/runs/{runId}/anomalies', {
    params: { path: { runId } },
  });
}

export function useRunAnomalies(runId: string) {
  return useQuery(getRunAnomaliesQueryOptions(runId));
}
