import { $api, type ApiSchemas } from '@/lib/api-client';
import { actionHeaders, useRefreshVocabulary } from './refresh';

export type SiteView = ApiSchemas['SiteView'];

/** The request of one "this name is that site" action, with its own `Idempotency-Key`. */
export function addSiteAliasRequest(clientId: string, siteCode: string, alias: string) {
  return { params: { path: { clientId, siteCode } }, body: { alias }, headers: actionHeaders() };
}

/**
 * `POST /api/clients/{clientId}/sites/{siteCode}/aliases` → 201 with the site: another name of a client's site,
 * which later ledger ingestions and runs resolve. 404 for an unknown site, 409 for a name already taken. The
 * vocabulary and the data-quality findings are asked for again whatever the outcome. Send `addSiteAliasRequest(…)`.
 */
export function useAddSiteAlias() {
  const refresh = useRefreshVocabulary();
  return $api.useMutation('post', '/api/clients/{clientId}/sites/{siteCode}/aliases', {
    onSettled: refresh,
  });
}
