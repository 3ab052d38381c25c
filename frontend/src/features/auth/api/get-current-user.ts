import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';
import { toProblem } from '@/lib/problem-details';
import { SESSION_QUERY_KEY } from '@/lib/query-client';

/** Who is signed in: `authentication` is `cookie`, `token` or `oidc`. */
export type CurrentUser = ApiSchemas['CurrentUser'];

/** How long the signed-in user is trusted before being asked for again (a 401 anywhere asks at once). */
const SESSION_STALE_MS = 5 * 60_000;

/**
 * `GET /api/auth/me`: the signed-in user, or null when nobody is (401). Null is an answer, not a failure: the app
 * sends the reader to the sign-in page.
 */
export function currentUserQueryOptions() {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async ({ signal }): Promise<CurrentUser | null> => {
      try {
        return await getJson<CurrentUser>('/api/auth/me', { signal });
      } catch (error) {
        if (toProblem(error).status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: SESSION_STALE_MS,
  });
}

export function useCurrentUser() {
  return useQuery(currentUserQueryOptions());
}
