import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson, segment } from '@/lib/http';
import type { ExceptionDetail } from './types';

/** `GET /api/exceptions/{exceptionId}`: one exception with both sides' records, its explanation and history. */
export function exceptionQueryOptions(exceptionId: string) {
  return queryOptions({
    queryKey: ['exception', exceptionId],
    queryFn: ({ signal }) =>
      getJson<ExceptionDetail>(`/api/exceptions/${segment(exceptionId)}`, { signal }),
  });
}

export function useException(exceptionId: string) {
  return useQuery(exceptionQueryOptions(exceptionId));
}
