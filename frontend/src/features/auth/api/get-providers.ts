import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

export type AuthProviders = ApiSchemas['AuthProviders'];

/** `GET /api/auth/providers` (anonymous): the ways to sign in; `oidc` is null unless single sign-on is set up. */
export function providersQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) => getJson<AuthProviders>('/api/auth/providers', { signal }),
    staleTime: Infinity,
  });
}

export function useProviders() {
  return useQuery(providersQueryOptions());
}
