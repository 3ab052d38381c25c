import { useQuery } from '@tanstack/react-query';
import { $api, type ApiSchemas } from '@/lib/api-client';

export type ClientVocabulary = ApiSchemas['ClientVocabularyView'];
export type ServiceVocabulary = ApiSchemas['ServiceVocabularyView'];
export type SiteVocabulary = ApiSchemas['SiteVocabularyView'];
export type Mapping = ApiSchemas['MappingView'];

/** The key every client's vocabulary answer starts with. */
export const CLIENT_VOCABULARY_QUERY_KEY = ['get', '/api/clients/{clientId}/vocabulary'] as const;

/**
 * `GET /api/clients/{clientId}/vocabulary`: the client's services (as its jobs name them) and sites, each with the
 * ledger texts mapped onto it — learned by recon-run (with their support) or confirmed by a user, revoked or not.
 */
export function getClientVocabularyQueryOptions(clientId: string) {
  return $api.queryOptions('get', '/api/clients/{clientId}/vocabulary', {
    params: { path: { clientId } },
  });
}

export function useClientVocabulary(clientId: string) {
  return useQuery(getClientVocabularyQueryOptions(clientId));
}
