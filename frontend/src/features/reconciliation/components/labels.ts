import type { ExceptionStatus } from '@/features/reconciliation/api/get-run-exceptions';
import type { MatchMethod } from '@/features/reconciliation/api/get-run-matches';
import type { RunStatus } from '@/features/reconciliation/api/get-runs';

export {
  byCategoryOrder,
  CATEGORIES,
  categoryLabel,
  isCategory,
  type Category,
} from '@/lib/categories';

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

export { formatScore, idList } from '@/lib/format';
