import { useId } from 'react';
import { useRuns } from '@/features/reconciliation/api/get-runs';
import { useCan } from '@/lib/session';
import { RequestRunPanel } from './request-run-panel';
import { RunDetails, type RunPanelsRenderer, type RunResultsNavigation } from './run-details';
import { RunsTable } from './runs-table';

interface ReconciliationWorkspaceProps extends RunResultsNavigation {
  periodId: string;
  /** The run chosen by the reader; the newest run when null. */
  selectedRunId: string | null;
  onSelectRun: (runId: string) => void;
  /** What a completed run shows besides its figures and lists (the app layer's data-quality panel). */
  renderRunPanels?: RunPanelsRenderer;
}

/** Everything about reconciling a period: starting a run, the runs so far, and one run's progress and results. */
export function ReconciliationWorkspace({
  periodId,
  selectedRunId,
  onSelectRun,
  renderRunPanels,
  ...navigation
}: ReconciliationWorkspaceProps) {
  const runsTitleId = useId();
  const runs = useRuns(periodId);
  const shownRunId = selectedRunId ?? runs.data?.items[0]?.runId ?? null;
  // Auditors read the runs; running one is for the roles that operate.
  const canRun = useCan('operate');

  return (
    <div className="reconciliation">
      {canRun && <RequestRunPanel periodId={periodId} onRequested={onSelectRun} />}
      <section className="card" aria-labelledby={runsTitleId}>
        <h2 className="card__title" id={runsTitleId}>
          Runs
        </h2>
        <RunsTable periodId={periodId} selectedRunId={shownRunId} onSelectRun={onSelectRun} />
      </section>
      {shownRunId !== null && (
        <RunDetails
          key={shownRunId}
          runId={shownRunId}
          periodId={periodId}
          renderRunPanels={renderRunPanels}
          {...navigation}
        />
      )}
    </div>
  );
}
