import { useParams } from 'react-router';
import { PeriodDetails } from '@/features/periods/components/period-details';
import { NotFoundRoute } from './not-found';

export function PeriodRoute() {
  const { periodId } = useParams();
  if (periodId === undefined || periodId === '') {
    return <NotFoundRoute />;
  }
  // A new key per period resets any per-period state when moving between periods.
  return <PeriodDetails key={periodId} periodId={periodId} />;
}
