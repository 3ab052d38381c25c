import type { ApiSchemas } from '@/lib/api-client';

type PeriodStatus = ApiSchemas['PeriodDetails']['status'];

const labels: Record<PeriodStatus, string> = {
  open: 'Open',
};

export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  return <span className={`badge badge--status-${status}`}>{labels[status]}</span>;
}
