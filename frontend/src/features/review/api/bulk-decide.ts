import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { newIdempotencyKey, postJson } from '@/lib/http';
import { invalidateData } from '@/lib/query-client';
import type { ResolveReasonCode } from './types';

/** The bulk decisions the queue offers (the schema's `BulkDecision`, narrowed to them). */
export type BulkDecision =
  | { kind: 'accept'; comment?: string }
  | { kind: 'resolve'; reasonCode: ResolveReasonCode; comment?: string }
  | { kind: 'assign'; assignee: string }
  | { kind: 'comment'; comment: string };

/** The outcomes docs/review.md names for each item (the schema types them as strings). */
export type BulkOutcome = 'applied' | 'pendingApproval' | 'conflict' | 'refused' | 'notFound';

export type BulkItemResult = ApiSchemas['BulkItemResult'];
export type BulkResult = ApiSchemas['BulkDecisionResult'];

export type BulkRequest = ApiSchemas['BulkDecisionRequest'] & {
  exceptionIds: string[];
  decision: BulkDecision;
};

/**
 * `POST /api/review-queue/bulk`: one decision on many exceptions (at most 1000). Each gets its own outcome; the
 * ones changed since they were listed answer `conflict`.
 */
export function useBulkDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkRequest) =>
      postJson<BulkResult>('/api/review-queue/bulk', request, {
        idempotencyKey: newIdempotencyKey(),
      }),
    onSettled: () => invalidateData(queryClient),
  });
}
