import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { usePeriod } from '@/features/periods/api/get-period';
import { formatDateTime, formatMonth } from '@/lib/format';
import { toProblem } from '@/lib/problem-details';
import { PeriodStatusBadge } from './period-status-badge';

export function PeriodDetails({ periodId }: { periodId: string }) {
  const period = usePeriod(periodId);

  if (period.isPending) {
    return <Loading label="Loading the period…" />;
  }

  if (period.isError) {
    const problem = toProblem(period.error);
    return (
      <>
        <title>Period not found · Recon</title>
        <h1 className="page__title">
          {problem.status === 404 ? 'Period not found' : problem.title}
        </h1>
        <Alert tone="error" title={problem.status === 404 ? 'Period not found' : problem.title}>
          {problem.detail !== null && <p>{problem.detail}</p>}
        </Alert>
        <p>
          <Link to="/periods">Back to all periods</Link>
        </p>
      </>
    );
  }

  const { clientId, month, status, openedAt, openedBy } = period.data;
  return (
    <>
      <title>{`${clientId} · ${month} · Recon`}</title>
      <p className="breadcrumb">
        <Link to="/periods">Periods</Link> <span aria-hidden="true">/</span> {clientId} · {month}
      </p>
      <h1 className="page__title">
        {clientId} — {formatMonth(month)}
      </h1>
      <section className="card" aria-label="Period details">
        <dl className="details">
          <div className="details__item">
            <dt>Client</dt>
            <dd>{clientId}</dd>
          </div>
          <div className="details__item">
            <dt>Month</dt>
            <dd>
              <time dateTime={month}>{month}</time>
            </dd>
          </div>
          <div className="details__item">
            <dt>Status</dt>
            <dd>
              <PeriodStatusBadge status={status} />
            </dd>
          </div>
          <div className="details__item">
            <dt>Opened at</dt>
            <dd>
              <time dateTime={openedAt}>{formatDateTime(openedAt)}</time>
            </dd>
          </div>
          <div className="details__item">
            <dt>Opened by</dt>
            <dd>{openedBy}</dd>
          </div>
          <div className="details__item">
            <dt>Period id</dt>
            <dd>
              <code>{period.data.periodId}</code>
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}
