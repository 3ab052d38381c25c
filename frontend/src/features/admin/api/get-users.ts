import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { getJson } from '@/lib/http';

export type UserView = ApiSchemas['UserView'];
export type UsersList = ApiSchemas['UserList'];

/** `GET /api/admin/users` (admins): every user, enabled or not. */
export function usersQueryOptions() {
  return queryOptions({
    queryKey: ['admin', 'users'],
    queryFn: ({ signal }) => getJson<UsersList>('/api/admin/users', { signal }),
  });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}

/** Asks for the users again, after a change. */
export function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey });
}
