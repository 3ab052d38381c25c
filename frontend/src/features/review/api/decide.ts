import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiSchemas } from '@/lib/api-client';
import { newIdempotencyKey, postJson, segment } from '@/lib/http';
import { problemExtension, toProblem } from '@/lib/problem-details';
import { invalidateData } from '@/lib/query-client';
import { exceptionQueryOptions } from './get-exception';
import type { DecisionResult, ReviewItem } from './types';

/** Each decision's request body, as the schema states it. */
interface DecisionBodies {
  accept: ApiSchemas['AcceptRequest'];
  overrideCategory: ApiSchemas['OverrideCategoryRequest'];
  link: ApiSchemas['LinkRequest'];
  unlink: ApiSchemas['UnlinkRequest'];
  resolve: ApiSchemas['ResolveRequest'];
  reopen: ApiSchemas['ReopenRequest'];
  assign: ApiSchemas['AssignRequest'];
  unassign: ApiSchemas['UnassignRequest'];
  comment: ApiSchemas['CommentRequest'];
}

/** A decision on one exception: which one (`kind`) and its body, without `expectedVersion` (added on sending). */
export type Decision = {
  [Kind in keyof DecisionBodies]: { kind: Kind } & Omit<DecisionBodies[Kind], 'expectedVersion'>;
}[keyof DecisionBodies];

const routes: Record<keyof DecisionBodies, string> = {
  accept: 'accept',
  overrideCategory: 'override-category',
  link: 'link',
  unlink: 'unlink',
  resolve: 'resolve',
  reopen: 'reopen',
  assign: 'assign',
  unassign: 'unassign',
  comment: 'comments',
};

export interface DecideRequest {
  /** The exception as the reader saw it: its `version` is sent as `expectedVersion`. */
  exception: Pick<ReviewItem, 'exceptionId' | 'version'>;
  decision: Decision;
}

function bodyOf(decision: Decision, version: number): Record<string, unknown> {
  const { kind, ...fields } = decision;
  // A comment adds to the history without changing the case: it need not be refused when the case moved on.
  return kind === 'comment' ? fields : { ...fields, expectedVersion: version };
}

/** The current state of the exception a 409 carries (`current`), when the decision came too late. */
export function conflictCurrent(error: unknown): ReviewItem | null {
  if (toProblem(error).status !== 409) {
    return null;
  }
  const current = problemExtension(error, 'current');
  return typeof current === 'object' && current !== null ? (current as ReviewItem) : null;
}

/**
 * `POST /api/exceptions/{exceptionId}/{accept|override-category|link|unlink|resolve|reopen|assign|unassign|comments}`.
 * Each call is one user action: it carries a new `Idempotency-Key`, so a repeat is applied once. A stale version
 * is refused with 409 and the exception's current state (`conflictCurrent`), which replaces the one on screen.
 * Whatever happens, every list and the exception are asked for again.
 */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ exception, decision }: DecideRequest) =>
      postJson<DecisionResult>(
        `/api/exceptions/${segment(exception.exceptionId)}/${routes[decision.kind]}`,
        bodyOf(decision, exception.version),
        { idempotencyKey: newIdempotencyKey() },
      ),
    onError: (error, { exception }) => {
      const current = conflictCurrent(error);
      if (current !== null) {
        queryClient.setQueryData(exceptionQueryOptions(exception.exceptionId).queryKey, (detail) =>
          detail === undefined ? detail : { ...detail, exception: current },
        );
      }
    },
    onSuccess: (result, { exception }) => {
      queryClient.setQueryData(exceptionQueryOptions(exception.exceptionId).queryKey, (detail) =>
        detail === undefined ? detail : { ...detail, exception: result.exception },
      );
    },
    onSettled: () => invalidateData(queryClient),
  });
}
