import type { RunKpis } from '@/features/reconciliation/api/get-runs';
import { byCategoryOrder } from './labels';

export interface VarianceRow {
  category: string;
  variance: number;
  exceptions: number;
}

/**
 * The categories of a run with their share of the variance and their exception count, in the categories' order.
 * Categories with neither are left out: they add nothing to the variance.
 */
export function varianceRows(kpis: RunKpis): VarianceRow[] {
  const categories = new Set([
    ...Object.keys(kpis.varianceByCategory),
    ...Object.keys(kpis.exceptionsByCategory),
  ]);
  return [...categories]
    .sort(byCategoryOrder)
    .map((category) => ({
      category,
      variance: kpis.varianceByCategory[category] ?? 0,
      exceptions: kpis.exceptionsByCategory[category] ?? 0,
    }))
    .filter((row) => row.variance !== 0 || row.exceptions !== 0);
}

/** A sum of money amounts done in whole cents, so that the rows add up exactly, as they do on the server. */
export function sumInCents(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + Math.round(amount * 100), 0) / 100;
}
