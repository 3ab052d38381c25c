import { useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type BatchSummary = ApiSchemas['BatchSummary'];
export type BatchSource = BatchSummary['source'];
export type BatchStatus = ApiSchemas['BatchStatus'];

/** `GET /api/periods/{periodId}/batches`: every batch of a period, newest first. */
export function getBatchesQueryOptions(periodId: string) {
  return $api.queryOptions('get', '/api/periods/{periodId}/batches', {
    params: { path: { periodId } },
  });
}

export function useBatches(periodId: string) {
  return useQuery(getBatchesQueryOptions(periodId));
}
