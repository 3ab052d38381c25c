import { DashboardView } from '@/features/dashboard/components/dashboard-view';

/** `/`: the dashboard, every period's variance before and after review against the limit. */
export function DashboardRoute() {
  return (
    <>
      <title>Dashboard · Recon</title>
      <div className="page__header">
        <h1 className="page__title">Dashboard</h1>
        <p className="page__lede">
          Each period&rsquo;s latest run, and how far review has brought its variance towards the
          limit.
        </p>
      </div>
      <DashboardView
        periodHref={(periodId) => `/periods/${periodId}/reconciliation`}
        reviewHref={(periodId) => `/review?periodId=${encodeURIComponent(periodId)}`}
      />
    </>
  );
}
