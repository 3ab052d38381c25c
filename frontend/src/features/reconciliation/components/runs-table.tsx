import { LoadError } from '@/components/ui/load-error';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/loading';
import { isActive, useRuns, type RunView } from '@/features/reconciliation/api/get-runs';
import { formatCount, formatDateTime, formatMoney, formatRatio } from '@/lib/format';
import { phaseLabel } from './labels';
import { RunStatusBadge } from './run-status-badge';

interface RunsTableProps {
  periodId: string;
  /** The run shown below the list. */
  selectedRunId: string | null;
  onSelectRun: (runId: string) => void;
}

/** The period's runs, newest first, with their loading, error and empty states. */
export function RunsTable({ periodId, selectedRunId, onSelectRun }: RunsTableProps) {
  const runs = useRuns(periodId);

  if (runs.isPending) {
    return <Loading label="Loading the runs…" />;
  }

  if (runs.isError) {
    return (
      <LoadError
        title="The runs could not be loaded"
        error={runs.error}
        onRetry={() => void runs.refetch()}
      />
    );
  }

  const { items } = runs.data;
  if (items.length === 0) {
    return (
      <EmptyState title="Not reconciled yet">
        <p>Run a reconciliation once the client jobs and the ledger lines are in.</p>
      </EmptyState>
    );
  }

  return (
    <div className="table-scroll" aria-busy={runs.isFetching || undefined}>
      <table className="table runs-table">
        <caption className="visually-hidden">
          Reconciliation runs of this period, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Requested</th>
            <th scope="col">Status</th>
            <th scope="col" className="table__number">
              Client jobs
            </th>
            <th scope="col" className="table__number">
              Ledger lines
            </th>
            <th scope="col" className="table__number">
              Variance
            </th>
            <th scope="col" className="table__number">
              Exceptions
            </th>
            <th scope="col" className="table__number">
              Auto-match rate
            </th>
            <th scope="col">
              <span className="visually-hidden">Show</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((run) => (
            <RunRow
              key={run.runId}
              run={run}
              selected={run.runId === selectedRunId}
              onSelect={onSelectRun}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RunRowProps {
  run: RunView;
  selected: boolean;
  onSelect: (runId: string) => void;
}

function RunRow({ run, selected, onSelect }: RunRowProps) {
  const requestedAt = formatDateTime(run.requestedAt);
  const kpis = run.kpis ?? null;
  return (
    <tr
      className={selected ? 'table__row--selected' : undefined}
      aria-current={selected || undefined}
    >
      <th scope="row">
        <time dateTime={run.requestedAt}>{requestedAt}</time>
        <span className="table__note">by {run.requestedBy}</span>
      </th>
      <td>
        <RunStatusBadge status={run.status} />
        {isActive(run.status) && <span className="table__note">{phaseLabel(run.phase)}</span>}
      </td>
      <td className="table__number">{formatCount(run.clientJobs)}</td>
      <td className="table__number">{formatCount(run.ledgerLines)}</td>
      <td className="table__number">
        {kpis === null ? '—' : formatMoney(kpis.variance, kpis.currency, { signed: true })}
      </td>
      <td className="table__number">{kpis === null ? '—' : formatCount(kpis.exceptions)}</td>
      <td className="table__number">{kpis === null ? '—' : formatRatio(kpis.autoMatchRate)}</td>
      <td>
        {!selected && (
          <Button variant="secondary" className="button--small" onClick={() => onSelect(run.runId)}>
            Show <span className="visually-hidden">the run requested {requestedAt}</span>
          </Button>
        )}
      </td>
    </tr>
  );
}
