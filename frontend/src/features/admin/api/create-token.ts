import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { newIdempotencyKey, postJson } from '@/lib/http';
import { tokensQueryOptions } from './get-tokens';

export type CreateTokenRequest = ApiSchemas['IssueToken'];
/** A new token and its bearer secret (`recon_…`): the secret is in this answer only. */
export type CreatedToken = ApiSchemas['IssuedToken'];

/** `POST /api/admin/tokens` → 201 `{token, secret}`. The secret is in this answer only. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTokenRequest) =>
      postJson<CreatedToken>('/api/admin/tokens', request, { idempotencyKey: newIdempotencyKey() }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQueryOptions().queryKey }),
  });
}
