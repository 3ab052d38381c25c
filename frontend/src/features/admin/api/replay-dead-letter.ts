import { useMutation } from '@tanstack/react-query';
import { newIdempotencyKey, postJson, segment } from '@/lib/http';
import { useRefreshDeadLetters } from './get-dead-letters';

/**
 * `POST /api/admin/dead-letters/{id}/replay` → 202: the message goes back to the durable inbox and is handled
 * again (a replayed run resumes, or ends failed with its reason); 404 when no dead letter has that id. Each call is
 * one admin action, with its own `Idempotency-Key`.
 */
export function useReplayDeadLetter() {
  const refresh = useRefreshDeadLetters();
  return useMutation({
    mutationFn: (id: string) =>
      postJson<undefined>(`/api/admin/dead-letters/${segment(id)}/replay`, undefined, {
        idempotencyKey: newIdempotencyKey(),
      }),
    onSettled: refresh,
  });
}
