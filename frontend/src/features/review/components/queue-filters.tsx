import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { NO_QUEUE_FILTERS, type ReviewQueueFilters } from '@/features/review/api/get-review-queue';
import { $api } from '@/lib/api-client';
import { DebouncedTextField } from './debounced-text-field';
import {
  categoryLabel,
  isQueueStatus,
  OVERRIDE_CATEGORIES,
  QUEUE_STATUSES,
  queueStatusLabels,
} from './labels';

const ANY = '';

const statusOptions = QUEUE_STATUSES.map((status) => ({
  value: status,
  label: queueStatusLabels[status],
}));

const categoryOptions = [
  { value: ANY, label: 'All categories' },
  ...OVERRIDE_CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) })),
];

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function numberOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') {
    return null;
  }
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

interface QueueFiltersProps {
  filters: ReviewQueueFilters;
  onChange: (filters: ReviewQueueFilters) => void;
}

/** The queue's filters. Lists apply at once; typed ones once the reader pauses (or presses Enter). */
export function QueueFilters({ filters, onChange }: QueueFiltersProps) {
  const id = useId();
  const periods = $api.useQuery('get', '/api/periods', {
    params: { query: { page: 1, pageSize: 100 } },
  });
  const periodOptions = [
    { value: ANY, label: 'All periods' },
    ...(periods.data?.items ?? []).map((period) => ({
      value: period.periodId,
      label: `${period.clientId} · ${period.month}`,
    })),
  ];
  if (
    filters.periodId !== null &&
    !periodOptions.some((option) => option.value === filters.periodId)
  ) {
    periodOptions.push({ value: filters.periodId, label: filters.periodId });
  }

  const assigneeOptions = [
    { value: ANY, label: 'Anyone or no one' },
    { value: 'me', label: 'Assigned to me' },
    { value: 'none', label: 'Unassigned' },
  ];
  if (filters.assignee !== null && filters.assignee !== 'me' && filters.assignee !== 'none') {
    assigneeOptions.push({ value: filters.assignee, label: `Assigned to ${filters.assignee}` });
  }

  const set = (change: Partial<ReviewQueueFilters>) => onChange({ ...filters, ...change });
  const hasFilters = Object.values(filters).some((value) => value !== null);

  return (
    <form
      className="filters queue-filters"
      aria-label="Filter the review queue"
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      <DebouncedTextField
        id={`${id}-q`}
        name="q"
        type="search"
        label="Search"
        hint="Exception, job, line or site id"
        value={filters.q ?? ''}
        onCommit={(value) => set({ q: orNull(value) })}
      />
      <SelectField
        id={`${id}-status`}
        name="status"
        label="Status"
        options={statusOptions}
        value={filters.status ?? 'active'}
        onChange={(event) => {
          const value = event.target.value;
          set({ status: isQueueStatus(value) && value !== 'active' ? value : null });
        }}
      />
      <SelectField
        id={`${id}-category`}
        name="category"
        label="Category"
        options={categoryOptions}
        value={filters.category ?? ANY}
        onChange={(event) => set({ category: orNull(event.target.value) })}
      />
      <SelectField
        id={`${id}-period`}
        name="periodId"
        label="Period"
        options={periodOptions}
        value={filters.periodId ?? ANY}
        onChange={(event) => set({ periodId: orNull(event.target.value) })}
      />
      <DebouncedTextField
        id={`${id}-client`}
        name="clientId"
        label="Client id"
        value={filters.clientId ?? ''}
        onCommit={(value) => set({ clientId: orNull(value) })}
      />
      <DebouncedTextField
        id={`${id}-site`}
        name="site"
        label="Site code"
        value={filters.site ?? ''}
        onCommit={(value) => set({ site: orNull(value) })}
      />
      <SelectField
        id={`${id}-assignee`}
        name="assignee"
        label="Assignee"
        options={assigneeOptions}
        value={filters.assignee ?? ANY}
        onChange={(event) => set({ assignee: orNull(event.target.value) })}
      />
      <DebouncedTextField
        id={`${id}-min`}
        name="minImpact"
        type="number"
        inputMode="decimal"
        min={0}
        label="Minimum impact"
        value={filters.minImpact === null ? '' : String(filters.minImpact)}
        onCommit={(value) => set({ minImpact: numberOrNull(value) })}
      />
      <DebouncedTextField
        id={`${id}-max`}
        name="maxImpact"
        type="number"
        inputMode="decimal"
        min={0}
        label="Maximum impact"
        value={filters.maxImpact === null ? '' : String(filters.maxImpact)}
        onCommit={(value) => set({ maxImpact: numberOrNull(value) })}
      />
      {hasFilters && (
        <div className="queue-filters__clear">
          <Button variant="secondary" onClick={() => onChange(NO_QUEUE_FILTERS)}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}
