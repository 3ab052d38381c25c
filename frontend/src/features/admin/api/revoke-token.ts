import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteJson, segment } from '@/lib/http';
import { tokensQueryOptions, type TokenView } from './get-tokens';

/** `DELETE /api/admin/tokens/{tokenId}` → 200 the revoked `TokenView`. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => deleteJson<TokenView>(`/api/admin/tokens/${segment(tokenId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensQueryOptions().queryKey }),
  });
}
