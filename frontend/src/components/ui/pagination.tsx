import { Button } from '@/components/ui/button';

interface PaginationProps {
  page: number;
  pageSize: number;
  totalCount: number;
  onPageChange: (page: number) => void;
  /** What the pages hold, plural and singular: `{ plural: 'periods', singular: 'period' }`. */
  label: { plural: string; singular: string };
}

export function Pagination({ page, pageSize, totalCount, onPageChange, label }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  const first = totalCount === 0 ? 0 : Math.min((page - 1) * pageSize + 1, totalCount);
  const last = Math.min(page * pageSize, totalCount);
  return (
    <nav className="pagination" aria-label={`Pages of ${label.plural}`}>
      <p className="pagination__summary">
        {first}–{last} of {totalCount} {totalCount === 1 ? label.singular : label.plural} · page{' '}
        {page} of {pageCount}
      </p>
      {(pageCount > 1 || page > 1) && (
        <div className="pagination__buttons">
          <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            Previous
          </Button>
          <Button
            variant="secondary"
            disabled={page >= pageCount}
            onClick={() => onPageChange(page + 1)}
          >
            Next
          </Button>
        </div>
      )}
    </nav>
  );
}
