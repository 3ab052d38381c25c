import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { Loading } from '@/components/ui/loading';
import {
  useDashboard,
  type DashboardPeriod,
  type LatestRunStatus,
  type ReviewKpis,
} from '@/features/dashboard/api/get-dashboard';
import { formatCount, formatDecimal, formatMoney, formatMonth, formatPercent } from '@/lib/format';
import { VarianceAfterReviewChart } from './variance-chart';

const runStatusLabels: Record<LatestRunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

interface DashboardViewProps {
  periodHref: (periodId: string) => string;
  reviewHref: (periodId: string) => string;
}

/** Every period's latest run and its variance before and after review, against the limit. */
export function DashboardView({ periodHref, reviewHref }: DashboardViewProps) {
  const dashboard = useDashboard();

  if (dashboard.isPending) {
    return <Loading label="Loading the dashboard…" />;
  }
  if (dashboard.isError) {
    return (
      <LoadError
        title="The dashboard could not be loaded"
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
      />
    );
  }
  const { periods } = dashboard.data;
  if (periods.length === 0) {
    return (
      <EmptyState title="No period yet">
        <p>
          Open a period on the <Link to="/periods">periods page</Link> to start reconciling.
        </p>
      </EmptyState>
    );
  }

  return (
    <>
      <section className="card" aria-labelledby="dashboard-periods-title">
        <h2 className="card__title" id="dashboard-periods-title">
          Periods
        </h2>
        <VarianceAfterReviewChart periods={periods} />
        <PeriodsTable periods={periods} periodHref={periodHref} reviewHref={reviewHref} />
      </section>
    </>
  );
}

function Variance({
  amount,
  percent,
  overLimit,
  limit,
  currency,
}: {
  amount: number;
  percent: number;
  overLimit: boolean;
  limit: number;
  /** Null when the API does not know the period's currency yet. */
  currency: string | null;
}) {
  const figure =
    currency === null ? formatDecimal(amount) : formatMoney(amount, currency, { signed: true });
  return (
    <>
      <span className="dashboard__figure">{figure}</span>{' '}
      <span className="table__note">({formatPercent(percent)})</span>{' '}
      <span className={overLimit ? 'badge badge--over-limit' : 'badge badge--within-limit'}>
        {overLimit ? 'Over' : 'Within'} the {formatPercent(limit, 2)} limit
      </span>
    </>
  );
}

function PeriodsTable({
  periods,
  periodHref,
  reviewHref,
}: {
  periods: readonly DashboardPeriod[];
  periodHref: (periodId: string) => string;
  reviewHref: (periodId: string) => string;
}) {
  return (
    <div className="table-scroll">
      <table className="table table--compact dashboard__table">
        <caption className="visually-hidden">Variance before and after review by period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Latest run</th>
            <th scope="col">Variance before review</th>
            <th scope="col">Variance after review</th>
            <th scope="col" className="table__number">
              Open
            </th>
            <th scope="col" className="table__number">
              Pending approval
            </th>
            <th scope="col" className="table__number">
              Resolved
            </th>
            <th scope="col">
              <span className="visually-hidden">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <PeriodRow
              key={period.periodId}
              period={period}
              periodHref={periodHref}
              reviewHref={reviewHref}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PeriodRow({
  period,
  periodHref,
  reviewHref,
}: {
  period: DashboardPeriod;
  periodHref: (periodId: string) => string;
  reviewHref: (periodId: string) => string;
}) {
  const run = period.latestRun ?? null;
  const review: ReviewKpis | null = period.review ?? null;
  return (
    <tr data-period-id={period.periodId}>
      <th scope="row">
        <Link to={periodHref(period.periodId)} className="table__link">
          {period.clientId}
        </Link>
        <span className="table__note"> · {formatMonth(period.month)}</span>
      </th>
      <td>
        {run === null ? (
          <span className="table__note">Not reconciled yet</span>
        ) : (
          <span className={`badge badge--status-${run.status}`}>{runStatusLabels[run.status]}</span>
        )}
      </td>
      {review === null ? (
        <>
          <td>—</td>
          <td>—</td>
          <td className="table__number">—</td>
          <td className="table__number">—</td>
          <td className="table__number">—</td>
        </>
      ) : (
        <>
          <td>
            <Variance
              amount={review.varianceBeforeReview}
              percent={review.variancePercentBeforeReview}
              overLimit={review.overLimitBeforeReview}
              limit={review.varianceLimitPercent}
              currency={period.currency ?? null}
            />
          </td>
          <td>
            <Variance
              amount={review.varianceAfterReview}
              percent={review.variancePercentAfterReview}
              overLimit={review.overLimitAfterReview}
              limit={review.varianceLimitPercent}
              currency={period.currency ?? null}
            />
          </td>
          <td className="table__number">{formatCount(review.open)}</td>
          <td className="table__number">{formatCount(review.pendingApproval)}</td>
          <td className="table__number">{formatCount(review.resolved)}</td>
        </>
      )}
      <td>
        <Link to={reviewHref(period.periodId)}>
          Review{' '}
          <span className="visually-hidden">
            {period.clientId} {period.month}
          </span>
        </Link>
      </td>
    </tr>
  );
}
