import { $api, type ApiSchemas } from '@/lib/api-client';
import { actionHeaders, useRefreshVocabulary } from './refresh';

export type ConfirmServiceMappingInput = ApiSchemas['ConfirmServiceMapping'];

/** The request of one "this description means that service" action, with its own `Idempotency-Key`. */
export function confirmServiceMappingRequest(clientId: string, body: ConfirmServiceMappingInput) {
  return { params: { path: { clientId } }, body, headers: actionHeaders() };
}

/**
 * `POST /api/clients/{clientId}/vocabulary/services` → 201 with the mapping: a ledger description now means one of
 * the client's services; the next run reads it (a finished run's findings stay as they were). 404 for a service
 * the client's jobs do not carry, 409 for a text already mapped or already a service's name. The vocabulary and the
 * data-quality findings are asked for again whatever the outcome. Send `confirmServiceMappingRequest(…)`.
 */
export function useConfirmServiceMapping() {
  const refresh = useRefreshVocabulary();
  return $api.useMutation('post', '/api/clients/{clientId}/vocabulary/services', {
    onSettled: refresh,
  });
}
