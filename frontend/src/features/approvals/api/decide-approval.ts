import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { newIdempotencyKey, postJson, segment } from '@/lib/http';
import { invalidateData } from '@/lib/query-client';
import type { PendingDecisionView } from './get-approvals';

export type ApprovalDecision =
  | ({ kind: 'approve' } & ApiSchemas['ApproveRequest'])
  | ({ kind: 'reject' } & ApiSchemas['RejectRequest']);

export interface ApprovalRequest {
  pending: Pick<PendingDecisionView, 'exceptionId' | 'decisionId'>;
  decision: ApprovalDecision;
}

/**
 * `POST /api/exceptions/{exceptionId}/approvals/{decisionId}/approve` (`{comment?}`) or `…/reject` (`{reason}`).
 * The maker of a decision may not decide it: 403 `self-approval`.
 */
export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pending, decision }: ApprovalRequest) => {
      const { kind, ...body } = decision;
      return postJson<ApiSchemas['DecisionResult']>(
        `/api/exceptions/${segment(pending.exceptionId)}/approvals/${segment(pending.decisionId)}/${kind}`,
        body,
        { idempotencyKey: newIdempotencyKey() },
      );
    },
    onSettled: () => invalidateData(queryClient),
  });
}
