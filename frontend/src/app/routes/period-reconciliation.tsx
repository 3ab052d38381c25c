import { useSearchParams } from 'react-router';
import type { ExceptionFilters } from '@/features/reconciliation/components/exceptions-list';
import {
  isCategory,
  isExceptionStatus,
  isMatchMethod,
} from '@/features/reconciliation/components/labels';
import type { MatchFilters } from '@/features/reconciliation/components/matches-list';
import { ReconciliationWorkspace } from '@/features/reconciliation/components/reconciliation-workspace';
import { DataQualityPanel } from '@/features/vocabulary/components/data-quality-panel';
import { usePeriodOutlet } from './period-outlet';

function orNull(value: string | null): string | null {
  return value === '' ? null : value;
}

/**
 * `/periods/:periodId/reconciliation`: run a reconciliation and read a run's results. The address keeps what is on
 * screen: `?run=<id>` (the newest run when absent), `view=matches` (the exceptions when absent), the filters
 * `category`, `status` (exceptions), `method` (matches) and `sort=impact`, and `match=<id>`, a match to open. A
 * completed run shows its data quality too: what it could not read, to map onto the client's vocabulary.
 */
export function PeriodReconciliationRoute() {
  const period = usePeriodOutlet();
  const [searchParams, setSearchParams] = useSearchParams();

  const category = searchParams.get('category');
  const status = searchParams.get('status');
  const method = searchParams.get('method');
  const sort = searchParams.get('sort') === 'impact' ? 'impact' : 'sequence';
  const view = searchParams.get('view') === 'matches' ? 'matches' : 'exceptions';

  const exceptionFilters: ExceptionFilters = {
    category: isCategory(category) ? category : null,
    status: isExceptionStatus(status) ? status : null,
    sort,
  };
  const matchFilters: MatchFilters = {
    category: isCategory(category) ? category : null,
    method: isMatchMethod(method) ? method : null,
    sort,
  };

  function changed(change: (params: URLSearchParams) => void): URLSearchParams {
    const params = new URLSearchParams(searchParams);
    change(params);
    return params;
  }

  function update(change: (params: URLSearchParams) => void) {
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        change(params);
        return params;
      },
      { preventScrollReset: true },
    );
  }

  function put(params: URLSearchParams, name: string, value: string | null) {
    if (value === null) {
      params.delete(name);
    } else {
      params.set(name, value);
    }
  }

  function putFilters(params: URLSearchParams, filters: { category: string | null; sort: string }) {
    put(params, 'category', filters.category);
    put(params, 'sort', filters.sort === 'impact' ? 'impact' : null);
    params.delete('match');
  }

  const exceptionsHref = `?${changed((params) => {
    params.delete('view');
    params.delete('method');
    params.delete('match');
  }).toString()}`;
  const matchesHref = `?${changed((params) => {
    params.set('view', 'matches');
    params.delete('status');
    params.delete('match');
  }).toString()}`;

  return (
    <>
      <title>{`Reconciliation · ${period.clientId} · ${period.month} · Recon`}</title>
      <ReconciliationWorkspace
        periodId={period.periodId}
        selectedRunId={orNull(searchParams.get('run'))}
        onSelectRun={(runId) =>
          update((params) => {
            params.set('run', runId);
            params.delete('match');
          })
        }
        view={view}
        hrefs={{ exceptions: exceptionsHref, matches: matchesHref }}
        exceptionFilters={exceptionFilters}
        onExceptionFiltersChange={(filters) =>
          update((params) => {
            putFilters(params, filters);
            put(params, 'status', filters.status);
          })
        }
        matchFilters={matchFilters}
        onMatchFiltersChange={(filters) =>
          update((params) => {
            putFilters(params, filters);
            put(params, 'method', filters.method);
          })
        }
        renderRunPanels={({ runId, currency }) => (
          <DataQualityPanel runId={runId} currency={currency} />
        )}
        focusMatchId={view === 'matches' ? orNull(searchParams.get('match')) : null}
        onShowMatch={(exception) =>
          update((params) => {
            params.set('view', 'matches');
            put(params, 'category', isCategory(exception.category) ? exception.category : null);
            params.set('sort', 'impact');
            params.delete('status');
            params.delete('method');
            put(params, 'match', exception.matchId ?? null);
          })
        }
      />
    </>
  );
}
