import { useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey } from '@/lib/http';
import { CLIENT_VOCABULARY_QUERY_KEY } from './get-client-vocabulary';
import { RUN_DATA_QUALITY_QUERY_KEY } from './get-run-data-quality';

/** The headers of one user action's request: its own `Idempotency-Key`, so that a repeat is applied once. */
export function actionHeaders(): Record<string, string> {
  return { 'Idempotency-Key': newIdempotencyKey() };
}

/**
 * After a mapping changed (or was refused): asks again for the vocabularies, the client's sites and the runs'
 * data-quality findings, before the mutation settles.
 */
export function useRefreshVocabulary() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CLIENT_VOCABULARY_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: ['get', '/api/clients/{clientId}/sites'] }),
      queryClient.invalidateQueries({ queryKey: RUN_DATA_QUALITY_QUERY_KEY }),
    ]);
}
