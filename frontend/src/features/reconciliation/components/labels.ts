import type { ExceptionStatus } from '@/features/reconciliation/api/get-run-exceptions';
import type { MatchMethod } from '@/features/reconciliation/api/get-run-matches';
import type { RunStatus } from '@/features/reconciliation/api/get-runs';

/** Every category the engine files a difference under, in the order a reader scans them. */
export const CATEGORIES = [
  'exact',
  'rounding',
  'rate_change',
  'quantity_change',
  'duplicate_billing',
  'missing_in_ledger',
  'missing_in_client',
  'period_mismatch',
  'split_billing',
  'consolidated_billing',
  'site_mismatch',
  'service_mismatch',
  'credit_reversal',
  'cancelled_but_billed',
  'other',
] as const;

export type Category = (typeof CATEGORIES)[number];

const categoryLabels: Record<Category, string> = {
  exact: 'Exact',
  rounding: 'Rounding',
  rate_change: 'Rate change',
  quantity_change: 'Quantity change',
  duplicate_billing: 'Duplicate billing',
  missing_in_ledger: 'Missing in ledger',
  missing_in_client: 'Missing in client',
  period_mismatch: 'Period mismatch',
  split_billing: 'Split billing',
  consolidated_billing: 'Consolidated billing',
  site_mismatch: 'Site mismatch',
  service_mismatch: 'Service mismatch',
  credit_reversal: 'Credit reversal',
  cancelled_but_billed: 'Cancelled but billed',
  other: 'Other',
};

export function isCategory(value: string | null): value is Category {
  return value !== null && (CATEGORIES as readonly string[]).includes(value);
}

/** A category in words; one the SPA does not know yet is shown as the API spells it. */
export function categoryLabel(category: string): string {
  return isCategory(category) ? categoryLabels[category] : category;
}

/** Categories in the order of `CATEGORIES`, unknown ones last in their own order. */
export function byCategoryOrder(a: string, b: string): number {
  const rank = (category: string) => {
    const index = (CATEGORIES as readonly string[]).indexOf(category);
    return index === -1 ? CATEGORIES.length : index;
  };
  return rank(a) - rank(b);
}

export const runStatusLabels: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

export const exceptionStatusLabels: Record<ExceptionStatus, string> = {
  open: 'Open',
  autoResolved: 'Auto-resolved',
};

export const EXCEPTION_STATUSES = [
  'open',
  'autoResolved',
] as const satisfies readonly ExceptionStatus[];

export function isExceptionStatus(value: string | null): value is ExceptionStatus {
  return value !== null && (EXCEPTION_STATUSES as readonly string[]).includes(value);
}

export const methodLabels: Record<MatchMethod, string> = {
  exact: 'Exact',
  fuzzy: 'Fuzzy',
  manual: 'Manual',
};

export const MATCH_METHODS = ['exact', 'fuzzy', 'manual'] as const satisfies readonly MatchMethod[];

export function isMatchMethod(value: string | null): value is MatchMethod {
  return value !== null && (MATCH_METHODS as readonly string[]).includes(value);
}

/** The orders a run's exceptions and matches can be listed in. */
export const sortOptions = [
  { value: 'sequence', label: 'Run order' },
  { value: 'impact', label: 'Impact, largest first' },
] as const;

const phaseLabels: Readonly<Record<string, string>> = {
  queued: 'Waiting to start',
  loading: 'Loading the period’s records',
  matching: 'Matching jobs with ledger lines',
  recording: 'Recording the results',
  completed: 'Completed',
  failed: 'Failed',
};

/** What a run is doing, in words; a phase the SPA does not know is shown as the API names it. */
export function phaseLabel(phase: string): string {
  return phaseLabels[phase] ?? phase;
}

const scoreFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A score, similarity or weight from 0 to 1, to two decimals (`0.87`). */
export function formatScore(value: number): string {
  return scoreFormat.format(value);
}

/** Source ids as one line: `J100234, J100235`; an em dash when there are none. */
export function idList(ids: readonly string[]): string {
  return ids.length === 0 ? '—' : ids.join(', ');
}
