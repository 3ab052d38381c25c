import { useQuery } from '@tanstack/react-query';
import { $api } from '@/lib/api-client';
import { isActive } from './get-runs';

/** How often a queued or running run is asked for again. */
export const RUN_POLL_INTERVAL_MS = 1000;

/** `GET /api/runs/{runId}`: one run with its phase, progress and, once completed, its KPIs. */
export function getRunQueryOptions(runId: string) {
  return $api.queryOptions('get', '/api/runs/{runId}', { params: { path: { runId } } });
}

/** One run, asked for again every second while it is queued or running, and no more once it has finished. */
export function useRun(runId: string) {
  return useQuery({
    ...getRunQueryOptions(runId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === undefined || isActive(status) ? RUN_POLL_INTERVAL_MS : false;
    },
  });
}
