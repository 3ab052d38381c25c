import type { BatchStatus } from '@/features/ingestion/api/get-batches';
import { statusLabels } from './labels';

/** A batch's status. */
export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return <span className={`badge badge--status-${status}`}>{statusLabels[status]}</span>;
}
