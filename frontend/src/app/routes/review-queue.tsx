import { useSearchParams } from 'react-router';
import type { ReviewQueueFilters } from '@/features/review/api/get-review-queue';
import { isQueueStatus } from '@/features/review/components/labels';
import { ReviewQueue } from '@/features/review/components/review-queue';

const TEXT_FILTERS = ['periodId', 'clientId', 'category', 'site', 'assignee', 'q'] as const;
const NUMBER_FILTERS = ['minImpact', 'maxImpact'] as const;

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return value === '' ? null : value;
}

function number(params: URLSearchParams, name: string): number | null {
  const value = text(params, name);
  const parsed = value === null ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The queue's filters from the address: `?category=rate_change&assignee=me&q=J100&…`. */
function readQueueFilters(params: URLSearchParams): ReviewQueueFilters {
  const status = text(params, 'status');
  return {
    periodId: text(params, 'periodId'),
    clientId: text(params, 'clientId'),
    category: text(params, 'category'),
    site: text(params, 'site'),
    assignee: text(params, 'assignee'),
    status: isQueueStatus(status) && status !== 'active' ? status : null,
    minImpact: number(params, 'minImpact'),
    maxImpact: number(params, 'maxImpact'),
    q: text(params, 'q'),
  };
}

function writeQueueFilters(filters: ReviewQueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = filters[name];
    if (value !== null) {
      params.set(name, value);
    }
  }
  if (filters.status !== null) {
    params.set('status', filters.status);
  }
  for (const name of NUMBER_FILTERS) {
    const value = filters[name];
    if (value !== null) {
      params.set(name, String(value));
    }
  }
  return params;
}

/**
 * `/review`: the review queue. The address keeps the filters (`periodId`, `clientId`, `category`, `site`, `assignee`
 * — a user name, `me` or `none` —, `status`, `minImpact`, `maxImpact`, `q`), so a filtered queue can be shared.
 */
export function ReviewQueueRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readQueueFilters(searchParams);
  return (
    <>
      <title>Review queue · Recon</title>
      <div className="page__header">
        <h1 className="page__title">Review queue</h1>
        <p className="page__lede">
          The exceptions reconciliation left for people to decide, largest impact first.
        </p>
      </div>
      <ReviewQueue
        filters={filters}
        onFiltersChange={(next) =>
          setSearchParams(writeQueueFilters(next), { preventScrollReset: true, replace: true })
        }
        detailHref={(exceptionId) => `/exceptions/${encodeURIComponent(exceptionId)}`}
      />
    </>
  );
}
