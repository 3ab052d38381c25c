import { useMutation } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { postJson, segment } from '@/lib/http';

/** `POST /api/admin/users/{userName}/password` → 204. */
export function useSetPassword() {
  return useMutation({
    mutationFn: ({ userName, password }: { userName: string } & ApiSchemas['SetUserPassword']) =>
      postJson<undefined>(`/api/admin/users/${segment(userName)}/password`, { password }),
  });
}
