import { Link } from 'react-router';
import type { Period } from '@/features/periods/api/get-period';
import { formatDateTime } from '@/lib/format';
import { PeriodStatusBadge } from './period-status-badge';

/** The facts of a period: its client, month, status and who opened it when. */
export function PeriodDetails({ period }: { period: Period }) {
  const { clientId, month, status, openedAt, openedBy, periodId } = period;
  return (
    <section className="card" aria-label="Period details">
      <dl className="details">
        <div className="details__item">
          <dt>Client</dt>
          <dd>
            {clientId} ·{' '}
            <Link to={`/clients/${encodeURIComponent(clientId)}/vocabulary`}>Vocabulary</Link>
          </dd>
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
            <code>{periodId}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
