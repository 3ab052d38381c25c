import { useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveRegion } from '@/components/ui/live-region';
import { useRequestRun } from '@/features/reconciliation/api/request-run';
import { toProblem } from '@/lib/problem-details';

interface RequestRunPanelProps {
  periodId: string;
  onRequested: (runId: string) => void;
}

/** Starts a reconciliation of the period's records as they are now. */
export function RequestRunPanel({ periodId, onRequested }: RequestRunPanelProps) {
  const titleId = useId();
  const requestRun = useRequestRun(periodId);
  const problem = requestRun.isError ? toProblem(requestRun.error) : null;

  function handleRun() {
    if (requestRun.isPending) {
      return;
    }
    requestRun.mutate(
      { params: { path: { periodId } } },
      { onSuccess: (accepted) => onRequested(accepted.runId) },
    );
  }

  return (
    <section className="card run-request" aria-labelledby={titleId}>
      <div className="run-request__body">
        <div className="card__header">
          <h2 className="card__title" id={titleId}>
            Reconcile
          </h2>
          <p className="card__lede">
            Match this period&rsquo;s client jobs with its ledger lines as they are now, and explain
            every difference.
          </p>
        </div>
        <Button busy={requestRun.isPending} onClick={handleRun}>
          {requestRun.isPending ? 'Requesting…' : 'Run reconciliation'}
        </Button>
      </div>

      {problem !== null && (
        <Alert
          tone="error"
          title={problem.status === 409 ? 'A reconciliation is already in progress' : problem.title}
        >
          <p>{problem.detail ?? problem.title}</p>
        </Alert>
      )}

      <LiveRegion className="outcome">
        {requestRun.isSuccess && (
          <Alert tone="success" title="Reconciliation queued">
            <p>
              Run <code>{requestRun.data.runId}</code> is shown below; its progress updates as it
              goes.
            </p>
          </Alert>
        )}
      </LiveRegion>
    </section>
  );
}
