import { useMutation } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { putJson, segment } from '@/lib/http';
import { useRefreshUsers, type UserView } from './get-users';

/** `PUT /api/admin/users/{userName}/clients` → 200 `UserView`: all clients, or only some (the user's tokens follow). */
export function useChangeClients() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({
      userName,
      allClients,
      clientIds,
    }: { userName: string } & ApiSchemas['ChangeUserClients']) =>
      putJson<UserView>(`/api/admin/users/${segment(userName)}/clients`, {
        allClients,
        clientIds,
      }),
    onSettled: refresh,
  });
}
