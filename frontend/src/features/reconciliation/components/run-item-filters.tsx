import { SelectField } from '@/components/ui/select-field';
import type { RunItemsSort } from '@/features/reconciliation/api/get-run-exceptions';
import { CATEGORIES, categoryLabel, isCategory, sortOptions, type Category } from './labels';

/** The value of a filter select meaning "no filter". */
export const ALL = '';

const categoryOptions = [
  { value: ALL, label: 'All categories' },
  ...CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) })),
];

/** The category filter of a run's exceptions or matches. */
export function CategoryFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Category | null;
  onChange: (category: Category | null) => void;
}) {
  return (
    <SelectField
      id={id}
      name="category"
      label="Category"
      options={categoryOptions}
      value={value ?? ALL}
      onChange={(event) => {
        const selected = event.target.value;
        onChange(isCategory(selected) ? selected : null);
      }}
    />
  );
}

/** The order of a run's exceptions or matches: largest impact first, or the run's order. */
export function OrderFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: RunItemsSort;
  onChange: (sort: RunItemsSort) => void;
}) {
  return (
    <SelectField
      id={id}
      name="sort"
      label="Order"
      options={sortOptions}
      value={value}
      onChange={(event) => onChange(event.target.value === 'impact' ? 'impact' : 'sequence')}
    />
  );
}
