import { useQueryClient } from '@tanstack/react-query';
import { $api } from '@/lib/api-client';
import { getBatchesQueryOptions } from './get-batches';

/**
 * `POST /api/periods/{periodId}/client-jobs/fetch`: pulls the period's jobs from the client's API. A failure
 * (502) is recorded as a failed batch too, so the batch history is refetched whatever the outcome, before the
 * mutation settles.
 */
export function useFetchClientJobs(periodId: string) {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/periods/{periodId}/client-jobs/fetch', {
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: getBatchesQueryOptions(periodId).queryKey }),
  });
}
