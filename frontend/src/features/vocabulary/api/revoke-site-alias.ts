import { $api } from '@/lib/api-client';
import { actionHeaders, useRefreshVocabulary } from './refresh';

/** The request of one revocation of a site's alias, with its own `Idempotency-Key`. */
export function revokeSiteAliasRequest(clientId: string, siteCode: string, alias: string) {
  return { params: { path: { clientId } }, body: { siteCode, alias }, headers: actionHeaders() };
}

/**
 * `POST /api/clients/{clientId}/vocabulary/sites/revoke` → 200 with the revoked alias: runs stop reading the name as
 * that site and do not learn it again; 404 when no such alias is in force. The vocabulary is asked for again
 * whatever the outcome. Send `revokeSiteAliasRequest(…)`.
 */
export function useRevokeSiteAlias() {
  const refresh = useRefreshVocabulary();
  return $api.useMutation('post', '/api/clients/{clientId}/vocabulary/sites/revoke', {
    onSettled: refresh,
  });
}
