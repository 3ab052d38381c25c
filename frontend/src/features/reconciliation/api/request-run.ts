import { useQueryClient } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';
import { getRunsQueryOptions } from './get-runs';

export type RunAccepted = ApiSchemas['RunAccepted'];

/**
 * `POST /api/periods/{periodId}/runs`: queues a reconciliation of the period's records as they are now (202). Refused
 * with 409 while another run of the period is queued or running. On success the runs list is refetched before the
 * mutation settles, so the new run is listed when it is shown.
 */
export function useRequestRun(periodId: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/periods/{periodId}/runs', {
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: getRunsQueryOptions(periodId).queryKey }),
  });
}
