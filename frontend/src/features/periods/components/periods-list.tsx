import { LoadError } from '@/components/ui/load-error';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { usePeriods, PERIODS_PAGE_SIZE } from '@/features/periods/api/get-periods';
import { PeriodsTable } from './periods-table';

interface PeriodsListProps {
  page: number;
  onPageChange: (page: number) => void;
  highlightedPeriodId?: string | null;
}

/** The periods table with its loading, error, empty and paging states. */
export function PeriodsList({ page, onPageChange, highlightedPeriodId = null }: PeriodsListProps) {
  const periods = usePeriods({ page, pageSize: PERIODS_PAGE_SIZE });

  if (periods.isPending) {
    return <Loading label="Loading periods…" />;
  }

  if (periods.isError) {
    return (
      <LoadError
        title="The periods could not be loaded"
        error={periods.error}
        onRetry={() => void periods.refetch()}
      />
    );
  }

  const { items, totalCount, pageSize } = periods.data;

  if (items.length === 0) {
    return page > 1 && totalCount > 0 ? (
      <EmptyState title="This page is empty">
        <Button variant="secondary" onClick={() => onPageChange(1)}>
          Go to the first page
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title="No periods yet">
        <p>Open the first reconciliation period with the form above.</p>
      </EmptyState>
    );
  }

  return (
    <div className="periods-list" aria-busy={periods.isFetching || undefined}>
      <PeriodsTable periods={items} highlightedPeriodId={highlightedPeriodId} />
      <Pagination
        page={page}
        pageSize={pageSize > 0 ? pageSize : PERIODS_PAGE_SIZE}
        totalCount={totalCount}
        onPageChange={onPageChange}
        label={{ plural: 'periods', singular: 'period' }}
      />
    </div>
  );
}
