import { Link } from 'react-router';
import type { PeriodSummary } from '@/features/periods/api/get-periods';
import { PeriodStatusBadge } from './period-status-badge';
import { formatDateTime, formatMonth } from '@/lib/format';

interface PeriodsTableProps {
  periods: readonly PeriodSummary[];
  /** A period to mark as just opened. */
  highlightedPeriodId?: string | null;
}

export function PeriodsTable({ periods, highlightedPeriodId = null }: PeriodsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Reconciliation periods, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Month</th>
            <th scope="col">Status</th>
            <th scope="col">Opened at</th>
            <th scope="col">Opened by</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => {
            const isNew = period.periodId === highlightedPeriodId;
            return (
              <tr key={period.periodId} className={isNew ? 'table__row--new' : undefined}>
                <th scope="row">
                  <Link to={`/periods/${period.periodId}`} className="table__link">
                    {period.clientId}
                  </Link>
                  {isNew && <span className="badge badge--new">New</span>}
                </th>
                <td>
                  <time dateTime={period.month} title={formatMonth(period.month)}>
                    {period.month}
                  </time>
                </td>
                <td>
                  <PeriodStatusBadge status={period.status} />
                </td>
                <td>
                  <time dateTime={period.openedAt}>{formatDateTime(period.openedAt)}</time>
                </td>
                <td>{period.openedBy}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
