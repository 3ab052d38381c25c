import { useMutation } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { putJson, segment } from '@/lib/http';
import { useRefreshUsers, type UserView } from './get-users';

/** `PUT /api/admin/users/{userName}/roles` → 200 `UserView`. */
export function useChangeRoles() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userName, roles }: { userName: string } & ApiSchemas['ChangeUserRoles']) =>
      putJson<UserView>(`/api/admin/users/${segment(userName)}/roles`, { roles }),
    onSettled: refresh,
  });
}
