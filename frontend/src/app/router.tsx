import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ApprovalsRoute } from './routes/approvals';
import { ClientVocabularyRoute } from './routes/client-vocabulary';
import { DashboardRoute } from './routes/dashboard';
import { ExceptionRoute } from './routes/exception';
import { NotFoundRoute } from './routes/not-found';
import { PeriodRoute } from './routes/period';
import { PeriodIngestionRoute } from './routes/period-ingestion';
import { PeriodOverviewRoute } from './routes/period-overview';
import { PeriodReconciliationRoute } from './routes/period-reconciliation';
import { PeriodsRoute } from './routes/periods';
import { ReviewQueueRoute } from './routes/review-queue';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import { Shell } from './routes/shell';
import { SignInRoute } from './routes/sign-in';

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    // Shown while a lazily loaded page (administration) loads on the first visit.
    hydrateFallbackElement: (
      <Shell>
        <Loading label="Loading the page…" />
      </Shell>
    ),
    children: [
      { index: true, element: <DashboardRoute /> },
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
      { path: 'review', element: <ReviewQueueRoute /> },
      { path: 'exceptions/:exceptionId', element: <ExceptionRoute /> },
      { path: 'approvals', element: <ApprovalsRoute /> },
      { path: 'clients/:clientId/vocabulary', element: <ClientVocabularyRoute /> },
      // Few people administer: their pages load on first use.
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('./routes/admin')).AdminRoute }),
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          {
            path: 'users',
            lazy: async () => ({
              Component: (await import('./routes/admin-users')).AdminUsersRoute,
            }),
          },
          {
            path: 'tokens',
            lazy: async () => ({
              Component: (await import('./routes/admin-tokens')).AdminTokensRoute,
            }),
          },
          {
            path: 'failed-messages',
            lazy: async () => ({
              Component: (await import('./routes/admin-failed-messages')).AdminFailedMessagesRoute,
            }),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
