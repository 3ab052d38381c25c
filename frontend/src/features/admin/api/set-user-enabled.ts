import { useMutation } from '@tanstack/react-query';
import { postJson, segment } from '@/lib/http';
import { useRefreshUsers, type UserView } from './get-users';

/** `POST /api/admin/users/{userName}/disable` or `/enable` → 200 `UserView`; disabling ends their sessions. */
export function useSetUserEnabled() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userName, enabled }: { userName: string; enabled: boolean }) =>
      postJson<UserView>(`/api/admin/users/${segment(userName)}/${enabled ? 'enable' : 'disable'}`),
    onSettled: refresh,
  });
}
