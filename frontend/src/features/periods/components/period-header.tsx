import { Link } from 'react-router';
import type { Period } from '@/features/periods/api/get-period';
import { formatMonth } from '@/lib/format';

/** The breadcrumb and title every page of a period starts with. */
export function PeriodHeader({ period }: { period: Period }) {
  const { clientId, month } = period;
  return (
    <div className="page__header">
      <p className="breadcrumb">
        <Link to="/periods">Periods</Link> <span aria-hidden="true">/</span> {clientId} · {month}
      </p>
      <h1 className="page__title">
        {clientId} — {formatMonth(month)}
      </h1>
    </div>
  );
}
