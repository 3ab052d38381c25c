import { $api } from '@/lib/api-client';
import { actionHeaders, useRefreshVocabulary } from './refresh';

/** The request of one revocation of a description's mapping, with its own `Idempotency-Key`. */
export function revokeServiceMappingRequest(clientId: string, text: string) {
  return { params: { path: { clientId } }, body: { text }, headers: actionHeaders() };
}

/**
 * `POST /api/clients/{clientId}/vocabulary/services/revoke` → 200 with the revoked mapping: runs stop reading the
 * description as that service and do not learn it again; 404 when no mapping of it is in force. The vocabulary is
 * asked for again whatever the outcome. Send `revokeServiceMappingRequest(…)`.
 */
export function useRevokeServiceMapping() {
  const refresh = useRefreshVocabulary();
  return $api.useMutation('post', '/api/clients/{clientId}/vocabulary/services/revoke', {
    onSettled: refresh,
  });
}
