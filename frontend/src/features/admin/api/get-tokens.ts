import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

export type TokenAccess = ApiSchemas['ApiTokenAccess'];
export type TokenView = ApiSchemas['TokenView'];
export type TokensList = ApiSchemas['TokenList'];

/** `GET /api/admin/tokens` (admins). */
export function tokensQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'tokens'],
    queryFn: ({ signal }) => getJson<TokensList>('/api/admin/tokens', { signal }),
  });
}

export function useTokens() {
  return useQuery(tokensQueryOptions());
}
