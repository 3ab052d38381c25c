import { Button } from '@/components/ui/button';
import type { BulkResult } from '@/features/review/api/bulk-decide';
import { formatCount } from '@/lib/format';
import { outcomeLabel, shortId } from './labels';

export type BulkDialogKind = 'resolve' | 'assign' | 'comment';

/** The most exceptions one bulk decision may cover (docs/review.md). */
const BULK_LIMIT = 1000;

interface BulkActionBarProps {
  count: number;
  busy: boolean;
  onAccept: () => void;
  onOpenDialog: (kind: BulkDialogKind) => void;
  onClear: () => void;
}

/** The actions on the selected exceptions. */
export function BulkActionBar({
  count,
  busy,
  onAccept,
  onOpenDialog,
  onClear,
}: BulkActionBarProps) {
  const tooMany = count > BULK_LIMIT;
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <p className="bulk-bar__count">
        {formatCount(count)} {count === 1 ? 'exception' : 'exceptions'} selected
        {tooMany && (
          <span className="table__note">
            {' '}
            — one decision covers at most {formatCount(BULK_LIMIT)}: select fewer.
          </span>
        )}
      </p>
      <div className="bulk-bar__actions">
        <Button busy={busy} disabled={tooMany} onClick={onAccept}>
          Accept selected
        </Button>
        <Button variant="secondary" disabled={tooMany} onClick={() => onOpenDialog('resolve')}>
          Resolve selected…
        </Button>
        <Button variant="secondary" disabled={tooMany} onClick={() => onOpenDialog('assign')}>
          Assign selected…
        </Button>
        <Button variant="secondary" disabled={tooMany} onClick={() => onOpenDialog('comment')}>
          Comment on selected…
        </Button>
        <Button variant="secondary" onClick={onClear}>
          Clear selection
        </Button>
      </div>
    </section>
  );
}

/** What a bulk decision did: the counts, then every exception it did not apply, with the reason. */
export function BulkSummary({ action, result }: { action: string; result: BulkResult }) {
  const notApplied = result.results.filter((item) => item.outcome !== 'applied');
  return (
    <div className="bulk-summary">
      <p className="bulk-summary__title">
        {action}: {formatCount(result.applied)} applied, {formatCount(result.pendingApproval)}{' '}
        awaiting approval, {formatCount(result.failed)} failed.
      </p>
      {notApplied.length > 0 && (
        <table className="table table--compact bulk-summary__table">
          <caption className="visually-hidden">Exceptions not applied</caption>
          <thead>
            <tr>
              <th scope="col">Exception</th>
              <th scope="col">Outcome</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {notApplied.map((item) => (
              <tr key={item.exceptionId}>
                <th scope="row">
                  <code title={item.exceptionId}>{shortId(item.exceptionId)}</code>
                </th>
                <td>
                  <span className={`badge badge--outcome-${item.outcome}`}>
                    {outcomeLabel(item.outcome)}
                  </span>
                </td>
                <td className="table__cell--wrap">
                  {item.error ?? (item.outcome === 'pendingApproval' ? 'Awaits an approver.' : '—')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
