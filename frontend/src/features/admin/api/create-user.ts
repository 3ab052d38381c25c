import { useMutation } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { newIdempotencyKey, postJson } from '@/lib/http';
import { useRefreshUsers, type UserView } from './get-users';

export type CreateUserRequest = ApiSchemas['CreateUser'];

/** `POST /api/admin/users` → 201 `UserView`. */
export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (request: CreateUserRequest) =>
      postJson<UserView>('/api/admin/users', request, { idempotencyKey: newIdempotencyKey() }),
    onSettled: refresh,
  });
}
