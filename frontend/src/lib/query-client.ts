import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isClientError, toProblem } from '@/lib/problem-details';

/** The React Query key of the signed-in user (`GET /api/auth/me`). */
export const SESSION_QUERY_KEY = ['auth', 'me'] as const;

function isSessionQuery(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === SESSION_QUERY_KEY[0] && queryKey[1] === SESSION_QUERY_KEY[1];
}

/**
 * The app's React Query client: a 4xx answer is final, anything else is retried twice. A 401 from any call means
 * the session ended (signed out elsewhere, timed out, user disabled): the signed-in user is asked for again, which
 * answers 401 too and sends the reader to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!isSessionQuery(query.queryKey)) {
          onUnauthorized(error);
        }
      },
    }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
      mutations: {
        retry: false,
      },
    },
  });

  function onUnauthorized(error: unknown) {
    if (toProblem(error).status === 401) {
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    }
  }

  return queryClient;
}

/** Marks every answer but the signed-in user stale after a change, so that every screen shows it. */
export function invalidateData(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
}
