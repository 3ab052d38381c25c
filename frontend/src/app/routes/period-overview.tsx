import { Link } from 'react-router';
import { PeriodDetails } from '@/features/periods/components/period-details';
import { usePeriodOutlet } from './period-outlet';

export function PeriodOverviewRoute() {
  const period = usePeriodOutlet();
  return (
    <>
      <title>{`${period.clientId} · ${period.month} · Recon`}</title>
      <PeriodDetails period={period} />
      <p>
        <Link to="ingestion">Ingest this period&rsquo;s client jobs and ledger lines</Link>
      </p>
      <p>
        <Link to="reconciliation">Reconcile this period</Link>
      </p>
      <p>
        <Link to={`/review?periodId=${encodeURIComponent(period.periodId)}`}>
          Review this period&rsquo;s exceptions
        </Link>
      </p>
    </>
  );
}
