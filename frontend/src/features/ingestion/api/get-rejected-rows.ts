import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type RejectedRow = ApiSchemas['RejectedRow'];
export type RowError = ApiSchemas['RowError'];

export const REJECTED_ROWS_PAGE_SIZE = 50;

export interface RejectedRowsRequest {
  batchId: string;
  page: number;
  pageSize?: number;
}

/** `GET /api/batches/{batchId}/rejected-rows`: one page of a batch's rejected rows, in file order. */
export function getRejectedRowsQueryOptions({
  batchId,
  page,
  pageSize = REJECTED_ROWS_PAGE_SIZE,
}: RejectedRowsRequest) {
  return $api.queryOptions('get', '/api/batches/{batchId}/rejected-rows', {
    params: { path: { batchId }, query: { page, pageSize } },
  });
}

/** One page of rejected rows; while the next page loads, the previous one stays on screen. */
export function useRejectedRows(request: RejectedRowsRequest) {
  return useQuery({ ...getRejectedRowsQueryOptions(request), placeholderData: keepPreviousData });
}
