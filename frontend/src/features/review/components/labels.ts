import { CATEGORIES, categoryLabel } from '@/lib/categories';

export { categoryLabel };
import type { BulkOutcome } from '@/features/review/api/bulk-decide';
import type { QueueStatusFilter } from '@/features/review/api/get-review-queue';
import type {
  ReviewItem,
  OverrideReasonCode,
  ResolveReasonCode,
  ReviewStatus,
} from '@/features/review/api/types';

/** The categories a reviewer may file an exception under (every one but `exact`). */
export const OVERRIDE_CATEGORIES = CATEGORIES.filter((category) => category !== 'exact');

export const reviewStatusLabels: Record<ReviewStatus, string> = {
  open: 'Open',
  pendingApproval: 'Pending approval',
  resolved: 'Resolved',
  autoResolved: 'Auto-resolved',
  cleared: 'Cleared',
};

export function reviewStatusLabel(status: string): string {
  return status in reviewStatusLabels ? reviewStatusLabels[status as ReviewStatus] : status;
}

export const QUEUE_STATUSES = [
  'active',
  'open',
  'pendingApproval',
  'resolved',
  'autoResolved',
  'cleared',
  'all',
] as const satisfies readonly QueueStatusFilter[];

export const queueStatusLabels: Record<QueueStatusFilter, string> = {
  active: 'Active (open or pending approval)',
  all: 'Any status',
  ...reviewStatusLabels,
};

export function isQueueStatus(value: string | null): value is QueueStatusFilter {
  return value !== null && (QUEUE_STATUSES as readonly string[]).includes(value);
}

export const RESOLVE_REASON_CODES = [
  'billingCorrected',
  'creditIssued',
  'clientDispute',
  'writeOff',
  'timingDifference',
  'other',
] as const satisfies readonly ResolveReasonCode[];

export const resolveReasonLabels: Record<ResolveReasonCode, string> = {
  billingCorrected: 'Billing corrected',
  creditIssued: 'Credit issued',
  clientDispute: 'Client dispute',
  writeOff: 'Write-off (needs approval)',
  timingDifference: 'Timing difference',
  other: 'Other (explain in the comment)',
};

export function isResolveReasonCode(value: string): value is ResolveReasonCode {
  return (RESOLVE_REASON_CODES as readonly string[]).includes(value);
}

export const OVERRIDE_REASON_CODES = [
  'misclassified',
  'sourceDataError',
  'other',
] as const satisfies readonly OverrideReasonCode[];

export const overrideReasonLabels: Record<OverrideReasonCode, string> = {
  misclassified: 'Misclassified',
  sourceDataError: 'Source data error',
  other: 'Other',
};

export function isOverrideReasonCode(value: string): value is OverrideReasonCode {
  return (OVERRIDE_REASON_CODES as readonly string[]).includes(value);
}

const allReasonLabels: Readonly<Record<string, string>> = {
  ...resolveReasonLabels,
  ...overrideReasonLabels,
  writeOff: 'Write-off',
};

/** A reason code in words; one the SPA does not know is shown as the API spells it. */
export function reasonLabel(code: string): string {
  return allReasonLabels[code] ?? code;
}

const outcomeLabels: Record<BulkOutcome, string> = {
  applied: 'Applied',
  pendingApproval: 'Awaiting approval',
  conflict: 'Changed by someone else',
  refused: 'Refused',
  notFound: 'Not found',
};

/** A bulk item's outcome in words; one the SPA does not know is shown as the API spells it. */
export function outcomeLabel(outcome: string): string {
  return outcome in outcomeLabels ? outcomeLabels[outcome as BulkOutcome] : outcome;
}

/** Source ids as one line: `J100234, J100235`; an em dash when there are none. */
export function idList(ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.join(', ');
}

/** An exception id shortened for tables: its last 8 characters. */
export function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-8)}` : id;
}

/** An exception in a few words, for accessible names: its category and its client job (or ledger line) ids. */
export function describeItem(
  item: Pick<ReviewItem, 'category' | 'clientJobIds' | 'ledgerLineIds'>,
): string {
  const ids = item.clientJobIds.length > 0 ? item.clientJobIds : item.ledgerLineIds;
  return `${categoryLabel(item.category)} ${idList(ids)}`;
}
