import { useQueryClient } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';
import { periodsListQueryKey } from './get-periods';

export type OpenPeriodInput = ApiSchemas['OpenPeriod'];
export type PeriodOpened = ApiSchemas['PeriodOpenedResponse'];

/**
 * `POST /api/periods`: opens a period for one client and month. On success the periods list is refetched
 * before the mutation settles, so the new period is on screen when the success message is.
 */
export function useOpenPeriod() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/periods', {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: periodsListQueryKey }),
  });
}
