import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format';

interface LoadMoreProps {
  shown: number;
  /** What the list holds, plural and singular: `{ plural: 'exceptions', singular: 'exception' }`. */
  label: { plural: string; singular: string };
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** How many items a cursor-paged list shows, and the button that asks for the next page when there is one. */
export function LoadMore({ shown, label, hasMore, loading, onLoadMore }: LoadMoreProps) {
  return (
    <div className="load-more">
      <p className="load-more__summary" role="status">
        {formatCount(shown)} {shown === 1 ? label.singular : label.plural} shown
        {hasMore ? ', more to load' : ''}
      </p>
      {hasMore && (
        <Button variant="secondary" busy={loading} onClick={onLoadMore}>
          {loading ? 'Loading…' : `Load more ${label.plural}`}
        </Button>
      )}
    </div>
  );
}
