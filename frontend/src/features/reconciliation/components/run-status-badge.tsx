import type { RunStatus } from '@/features/reconciliation/api/get-runs';
import { runStatusLabels } from './labels';

/** A run's status. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`badge badge--status-${status}`}>{runStatusLabels[status]}</span>;
}
