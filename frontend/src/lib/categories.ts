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
