import { Alert } from '@/components/ui/alert';
import { conflictCurrent } from '@/features/review/api/decide';
import type { DecisionResult } from '@/features/review/api/types';
import { toProblem } from '@/lib/problem-details';

/** What became of the last decision: the outcome of a success or the failure. */
export type DecisionFeedback =
  | { kind: 'result'; result: DecisionResult | undefined; action: string }
  | { kind: 'error'; error: unknown; action: string };

export const CONFLICT_MESSAGE = 'Someone changed this exception — here is the current state';

/**
 * The outcome of a decision, for a live region: applied, awaiting an approver, or refused. A 409 says that the
 * exception changed under the reader and that the screen now shows its current state.
 */
export function DecisionOutcome({ feedback }: { feedback: DecisionFeedback | null }) {
  if (feedback === null) {
    return null;
  }
  if (feedback.kind === 'result') {
    if (feedback.result?.outcome === 'pendingApproval') {
      return (
        <Alert tone="info" title={`${feedback.action}: submitted for approval`}>
          <p>
            This decision awaits an approver. It takes effect once another user with the approver
            role approves it.
          </p>
        </Alert>
      );
    }
    return <Alert tone="success" title={`${feedback.action}: done`} />;
  }
  if (conflictCurrent(feedback.error) !== null || toProblem(feedback.error).status === 409) {
    return (
      <Alert tone="error" title={CONFLICT_MESSAGE}>
        <p>
          Your decision ({feedback.action.toLowerCase()}) was not applied. Check the exception as it
          is now and decide again if it still applies.
        </p>
      </Alert>
    );
  }
  const problem = toProblem(feedback.error);
  return (
    <Alert tone="error" title={`${feedback.action}: refused`}>
      <p>{problem.detail ?? problem.title}</p>
    </Alert>
  );
}
