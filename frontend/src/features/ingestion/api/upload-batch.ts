import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { UploadAbortedError, uploadFile, type UploadPath, type UploadProgress } from '@/lib/upload';
import { getBatchesQueryOptions } from './get-batches';

export type IngestionResult = ApiSchemas['IngestionResult'];

/** What a period ingests from a file. */
export type UploadKind = 'clientJobs' | 'ledgerLines';

const uploadPaths = {
  clientJobs: '/api/periods/{periodId}/client-jobs',
  ledgerLines: '/api/periods/{periodId}/ledger-lines',
} as const satisfies Record<UploadKind, UploadPath>;

export interface UploadBatchInput {
  file: File;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * `POST /api/periods/{periodId}/client-jobs` or `…/ledger-lines` with a CSV file, reporting upload progress.
 * Answers 201 for a new batch and 200 (`duplicate: true`) for a file already ingested. On success the batch
 * history is refetched before the mutation settles, so the new batch is listed when the outcome shows. A
 * refused file (400) changes nothing, so nothing is refetched.
 */
export function useUploadBatch(periodId: string, kind: UploadKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      file,
      onProgress,
      signal,
    }: UploadBatchInput): Promise<IngestionResult> => {
      const { data } = await uploadFile(uploadPaths[kind], {
        params: { path: { periodId } },
        file,
        onProgress,
        signal,
      });
      return data;
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: getBatchesQueryOptions(periodId).queryKey }),
    // A cancelled upload may have reached the server in full; a refused one (4xx) changed nothing.
    onError: (error) =>
      error instanceof UploadAbortedError
        ? queryClient.invalidateQueries({ queryKey: getBatchesQueryOptions(periodId).queryKey })
        : undefined,
  });
}
