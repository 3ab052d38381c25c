import { NavLink, Outlet, useParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { usePeriod } from '@/features/periods/api/get-period';
import { PeriodHeader } from '@/features/periods/components/period-header';
import { PeriodLoadError } from '@/features/periods/components/period-load-error';
import { NotFoundRoute } from './not-found';

/** The frame of a period's pages: its title and the tabs between them; the page itself is the outlet. */
export function PeriodRoute() {
  const { periodId } = useParams();
  if (periodId === undefined || periodId === '') {
    return <NotFoundRoute />;
  }
  // A new key per period resets any per-period state when moving between periods.
  return <PeriodFrame key={periodId} periodId={periodId} />;
}

function PeriodFrame({ periodId }: { periodId: string }) {
  const period = usePeriod(periodId);

  if (period.isPending) {
    return <Loading label="Loading the period…" />;
  }

  if (period.isError) {
    return <PeriodLoadError error={period.error} />;
  }

  return (
    <>
      <PeriodHeader period={period.data} />
      <nav className="tabs" aria-label="Period">
        <ul className="tabs__list">
          <li>
            <NavLink to="." end className="tabs__link">
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to="ingestion" className="tabs__link">
              Ingestion
            </NavLink>
          </li>
          <li>
            <NavLink to="reconciliation" className="tabs__link">
              Reconciliation
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet context={period.data} />
    </>
  );
}
