import { QueryClient } from '@tanstack/react-query';
import { isClientError } from '@/lib/problem-details';

/** The app's React Query client: a 4xx answer is final, anything else is retried twice. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}
