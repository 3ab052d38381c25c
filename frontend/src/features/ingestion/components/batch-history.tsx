import { LoadError } from '@/components/ui/load-error';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/loading';
import { useBatches, type BatchSummary } from '@/features/ingestion/api/get-batches';
import { formatBytes, formatCount, formatDateTime } from '@/lib/format';
import { BatchStatusBadge } from './batch-status-badge';
import { shortChecksum, sourceLabels } from './labels';

export interface BatchHighlight {
  batchId: string;
  /** The badge shown on the row, e.g. `New` or `Same file`. */
  label: string;
}

interface BatchHistoryProps {
  periodId: string;
  highlight?: BatchHighlight | null;
  selectedBatchId?: string | null;
  onShowRejected: (batchId: string) => void;
}

/** The period's batches, newest first, with their loading, error and empty states. */
export function BatchHistory({
  periodId,
  highlight = null,
  selectedBatchId = null,
  onShowRejected,
}: BatchHistoryProps) {
  const batches = useBatches(periodId);

  if (batches.isPending) {
    return <Loading label="Loading the batches…" />;
  }

  if (batches.isError) {
    return (
      <LoadError
        title="The batches could not be loaded"
        error={batches.error}
        onRetry={() => void batches.refetch()}
      />
    );
  }

  const { items } = batches.data;
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing ingested yet">
        <p>Upload a file or fetch from the client API: each delivery is listed here as a batch.</p>
      </EmptyState>
    );
  }

  return (
    <div className="table-scroll" aria-busy={batches.isFetching || undefined}>
      <table className="table batch-table">
        <caption className="visually-hidden">Batches of this period, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Source</th>
            <th scope="col">Received</th>
            <th scope="col">Status</th>
            <th scope="col" className="table__number">
              Accepted
            </th>
            <th scope="col" className="table__number">
              Rejected
            </th>
            <th scope="col" className="table__number">
              New
            </th>
            <th scope="col" className="table__number">
              Changed
            </th>
            <th scope="col" className="table__number">
              Unchanged
            </th>
            <th scope="col">
              <span className="visually-hidden">Rejected rows</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((batch) => (
            <BatchRow
              key={batch.batchId}
              batch={batch}
              badge={highlight?.batchId === batch.batchId ? highlight.label : null}
              selected={batch.batchId === selectedBatchId}
              onShowRejected={onShowRejected}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface BatchRowProps {
  batch: BatchSummary;
  badge: string | null;
  selected: boolean;
  onShowRejected: (batchId: string) => void;
}

function BatchRow({ batch, badge, selected, onShowRejected }: BatchRowProps) {
  const classes = [badge !== null ? 'table__row--new' : '', selected ? 'table__row--selected' : '']
    .filter(Boolean)
    .join(' ');
  const receivedAt = formatDateTime(batch.receivedAt);
  return (
    <tr className={classes || undefined} aria-current={selected || undefined}>
      <th scope="row">
        <span className="batch-table__file">{batch.fileName}</span>
        {badge !== null && <span className="badge badge--new">{badge}</span>}
        <span className="table__note">
          {formatBytes(batch.sizeBytes)} ·{' '}
          <code className="checksum" title={batch.checksum}>
            <span aria-hidden="true">{shortChecksum(batch.checksum)}</span>
            <span className="visually-hidden">checksum {batch.checksum}</span>
          </code>
        </span>
      </th>
      <td>{sourceLabels[batch.source]}</td>
      <td className="batch-table__received">
        <time dateTime={batch.receivedAt}>{receivedAt}</time>
        <span className="table__note">by {batch.receivedBy}</span>
      </td>
      <td className="batch-table__status">
        <BatchStatusBadge status={batch.status} />
        {batch.status === 'failed' && batch.failureReason !== null && (
          <span className="table__note table__note--wrap">{batch.failureReason}</span>
        )}
      </td>
      <td className="table__number">{formatCount(batch.rowsAccepted)}</td>
      <td className="table__number">{formatCount(batch.rowsRejected)}</td>
      <td className="table__number">{formatCount(batch.recordsNew)}</td>
      <td className="table__number">{formatCount(batch.recordsChanged)}</td>
      <td className="table__number">{formatCount(batch.recordsUnchanged)}</td>
      <td>
        {batch.rowsRejected > 0 && (
          <Button
            variant="secondary"
            className="button--small"
            onClick={() => onShowRejected(batch.batchId)}
          >
            View{' '}
            <span className="visually-hidden">
              rejected rows of {batch.fileName}, received {receivedAt}
            </span>
          </Button>
        )}
      </td>
    </tr>
  );
}
