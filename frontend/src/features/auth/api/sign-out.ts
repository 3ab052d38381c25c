import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '@/lib/http';
import { SESSION_QUERY_KEY } from '@/lib/query-client';

/** `POST /api/auth/sign-out` (204): ends the session; everything loaded for the user is forgotten. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postJson<undefined>('/api/auth/sign-out'),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
  });
}
