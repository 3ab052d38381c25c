import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { postJson } from '@/lib/http';
import { SESSION_QUERY_KEY } from '@/lib/query-client';
import type { CurrentUser } from './get-current-user';

export type SignInRequest = ApiSchemas['SignInRequest'];

/**
 * `POST /api/auth/sign-in`: starts a cookie session (401 "user name or password is wrong" otherwise). What an
 * earlier user had loaded is dropped, and the new user becomes the session's.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: SignInRequest) =>
      postJson<CurrentUser>('/api/auth/sign-in', credentials),
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(SESSION_QUERY_KEY, user);
    },
  });
}
