import { useParams } from 'react-router';
import { ExceptionDetailView } from '@/features/review/components/exception-detail';
import { NotFoundRoute } from './not-found';

/** `/exceptions/:exceptionId`: one exception, its records side by side, its history and the decisions on it. */
export function ExceptionRoute() {
  const { exceptionId } = useParams();
  if (exceptionId === undefined || exceptionId === '') {
    return <NotFoundRoute />;
  }
  return (
    <ExceptionDetailView
      key={exceptionId}
      exceptionId={exceptionId}
      queueHref="/review"
      periodHref={(periodId) => `/periods/${periodId}/reconciliation`}
    />
  );
}
