import { LoadError } from '@/components/ui/load-error';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { LiveRegion } from '@/components/ui/live-region';
import { Loading } from '@/components/ui/loading';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useRun } from '@/features/reconciliation/api/get-run';
import type { ExceptionItem } from '@/features/reconciliation/api/get-run-exceptions';
import {
  getRunsQueryOptions,
  isActive,
  type RunStatus,
  type RunView,
} from '@/features/reconciliation/api/get-runs';
import { formatCount, formatDateTime } from '@/lib/format';
import { ExceptionsList, type ExceptionFilters } from './exceptions-list';
import { phaseLabel } from './labels';
import { MatchesList, type MatchFilters } from './matches-list';
import { RateAnomalies } from './rate-anomalies';
import { RunKpisView } from './run-kpis';
import { RunStatusBadge } from './run-status-badge';
import { VarianceDecomposition } from './variance-decomposition';

/** Which of a completed run's lists is shown. */
export type RunResultsView = 'exceptions' | 'matches';

export interface RunResultsNavigation {
  view: RunResultsView;
  /** The address (a search string such as `?view=matches`) of each list, for the links between them. */
  hrefs: Record<RunResultsView, string>;
  exceptionFilters: ExceptionFilters;
  onExceptionFiltersChange: (filters: ExceptionFilters) => void;
  matchFilters: MatchFilters;
  onMatchFiltersChange: (filters: MatchFilters) => void;
  focusMatchId: string | null;
  onShowMatch: (exception: ExceptionItem) => void;
}

/** What a completed run's page shows besides its figures and lists, composed by the app layer (data quality). */
export type RunPanelsRenderer = (run: { runId: string; currency: string }) => ReactNode;

interface RunDetailsProps extends RunResultsNavigation {
  runId: string;
  periodId: string;
  /** Shown under a completed run's rate anomalies. */
  renderRunPanels?: RunPanelsRenderer;
}

/**
 * One run: its progress while it is queued or running (asked for every second), why it failed, or, once it has
 * completed, its figures, the variance by category, its rate anomalies, exceptions and matches.
 */
export function RunDetails({ runId, periodId, renderRunPanels, ...navigation }: RunDetailsProps) {
  const titleId = useId();
  const run = useRun(runId);
  useRefreshRunsWhenFinished(periodId, run.data?.status);

  let body: ReactNode;
  if (run.isPending) {
    body = <Loading label="Loading the run…" />;
  } else if (run.isError) {
    body = (
      <LoadError
        title="The run could not be loaded"
        error={run.error}
        onRetry={() => void run.refetch()}
      />
    );
  } else {
    body = <RunBody run={run.data} navigation={navigation} renderRunPanels={renderRunPanels} />;
  }

  return (
    <section className="card run-details" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 className="card__title" id={titleId}>
          {run.data === undefined ? 'Run' : `Run requested ${formatDateTime(run.data.requestedAt)}`}
        </h2>
        {run.data !== undefined && (
          <p className="card__lede">
            by {run.data.requestedBy} · {formatCount(run.data.clientJobs)} client jobs and{' '}
            {formatCount(run.data.ledgerLines)} ledger lines
            {(run.data.ruleConfigurationVersion ?? null) !== null &&
              ` · rules version ${String(run.data.ruleConfigurationVersion)}`}
          </p>
        )}
      </div>
      <LiveRegion className="run-details__status">
        {run.data !== undefined && (
          <p>
            Status: <RunStatusBadge status={run.data.status} />
          </p>
        )}
      </LiveRegion>
      {body}
    </section>
  );
}

/** Once a run this screen watched finishes, the runs list is asked for again to show its outcome. */
function useRefreshRunsWhenFinished(periodId: string, status: RunStatus | undefined) {
  const queryClient = useQueryClient();
  const previous = useRef(status);
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (before !== undefined && isActive(before) && status !== undefined && !isActive(status)) {
      void queryClient.invalidateQueries({ queryKey: getRunsQueryOptions(periodId).queryKey });
    }
  }, [periodId, queryClient, status]);
}

function RunBody({
  run,
  navigation,
  renderRunPanels,
}: {
  run: RunView;
  navigation: RunResultsNavigation;
  renderRunPanels: RunPanelsRenderer | undefined;
}) {
  if (isActive(run.status)) {
    return <ProgressBar label={phaseLabel(run.phase)} value={run.progress} />;
  }
  if (run.status === 'failed') {
    return (
      <Alert tone="error" title="The run failed">
        <p>{run.failureReason ?? 'The server gave no reason.'}</p>
      </Alert>
    );
  }
  const kpis = run.kpis ?? null;
  if (kpis === null) {
    return (
      <Alert tone="info" title="No figures">
        <p>The run completed without figures.</p>
      </Alert>
    );
  }
  return (
    <div className="run-results">
      <RunKpisView kpis={kpis} />
      <VarianceDecomposition kpis={kpis} />
      <RateAnomalies runId={run.runId} currency={kpis.currency} />
      {renderRunPanels?.({ runId: run.runId, currency: kpis.currency })}
      <RunResults runId={run.runId} currency={kpis.currency} navigation={navigation} />
    </div>
  );
}

function RunResults({
  runId,
  currency,
  navigation,
}: {
  runId: string;
  currency: string;
  navigation: RunResultsNavigation;
}) {
  const { view, hrefs } = navigation;
  return (
    <div className="run-results__lists">
      <nav className="tabs" aria-label="Run results">
        <ul className="tabs__list">
          <li>
            <Link
              to={hrefs.exceptions}
              className="tabs__link"
              aria-current={view === 'exceptions' ? 'page' : undefined}
              preventScrollReset
            >
              Exceptions
            </Link>
          </li>
          <li>
            <Link
              to={hrefs.matches}
              className="tabs__link"
              aria-current={view === 'matches' ? 'page' : undefined}
              preventScrollReset
            >
              Matches
            </Link>
          </li>
        </ul>
      </nav>
      {view === 'exceptions' ? (
        <ExceptionsList
          runId={runId}
          currency={currency}
          filters={navigation.exceptionFilters}
          onFiltersChange={navigation.onExceptionFiltersChange}
          onShowMatch={navigation.onShowMatch}
        />
      ) : (
        <MatchesList
          runId={runId}
          currency={currency}
          filters={navigation.matchFilters}
          onFiltersChange={navigation.onMatchFiltersChange}
          focusMatchId={navigation.focusMatchId}
        />
      )}
    </div>
  );
}
