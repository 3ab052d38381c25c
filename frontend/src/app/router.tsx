import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { NotFoundRoute } from './routes/not-found';
import { PeriodRoute } from './routes/period';
import { PeriodIngestionRoute } from './routes/period-ingestion';
import { PeriodOverviewRoute } from './routes/period-overview';
import { PeriodReconciliationRoute } from './routes/period-reconciliation';
import { PeriodsRoute } from './routes/periods';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/periods" replace /> },
      { path: 'periods', element: <PeriodsRoute /> },
      {
        path: 'periods/:periodId',
        element: <PeriodRoute />,
        children: [
          { index: true, element: <PeriodOverviewRoute /> },
          { path: 'ingestion', element: <PeriodIngestionRoute /> },
          { path: 'reconciliation', element: <PeriodReconciliationRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
