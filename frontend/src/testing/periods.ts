import type { ApiSchemas } from '@/lib/api-client';

type PeriodDetails = ApiSchemas['PeriodDetails'];
type PeriodsPage = ApiSchemas['PeriodsPage'];

let sequence = 0;

/** A period as the API returns it, with sensible defaults. */
export function aPeriod(overrides: Partial<PeriodDetails> = {}): PeriodDetails {
  sequence += 1;
  return {
    periodId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    clientId: `client-${sequence}`,
    month: '2026-10',
    status: 'open',
    openedAt: '2026-10-01T09:30:00Z',
    openedBy: 'alice',
    ...overrides,
  };
}

export function aPage(
  items: PeriodDetails[],
  overrides: Partial<Omit<PeriodsPage, 'items'>> = {},
): PeriodsPage {
  return { items, page: 1, pageSize: 25, totalCount: items.length, ...overrides };
}
