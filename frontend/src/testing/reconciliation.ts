import type { ApiSchemas } from '@/lib/api-client';

type RunView = ApiSchemas['RunView'];
type RunKpis = ApiSchemas['RunKpis'];
type ExceptionItem = ApiSchemas['ExceptionItem'];
type MatchItem = ApiSchemas['MatchItem'];
type RateAnomaly = ApiSchemas['RateAnomaly'];

let sequence = 0;

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}

/** A completed run's figures: a ledger $150.25 over the client, 1.5% of it, over the limit. */
export function someKpis(overrides: Partial<RunKpis> = {}): RunKpis {
  return {
    currency: 'USD',
    clientJobs: 120,
    ledgerLines: 118,
    clientTotal: 10000,
    ledgerTotal: 10150.25,
    variance: 150.25,
    varianceIgnoringCents: 150,
    variancePercent: 1.5,
    varianceLimitPercent: 1,
    overLimit: true,
    autoMatchRate: 0.925,
    matches: 110,
    exactMatches: 95,
    fuzzyMatches: 15,
    exceptions: 12,
    autoResolved: 5,
    routedToReview: 7,
    autoResolvedAmount: 3.1,
    exceptionsByCategory: {
      rounding: 5,
      rate_change: 3,
      duplicate_billing: 1,
      missing_in_ledger: 3,
      quantity_change: 0,
    },
    varianceByCategory: {
      exact: 0,
      rounding: 0.15,
      rate_change: 60.1,
      duplicate_billing: 180,
      missing_in_ledger: -90,
      quantity_change: 0,
    },
    ...overrides,
  };
}

/** A run as the API returns it: completed with `someKpis()`, unless told otherwise. */
export function aRun(overrides: Partial<RunView> = {}): RunView {
  return {
    runId: nextId('0196c1a1'),
    periodId: '00000000-0000-4000-8000-000000000001',
    clientId: 'acme',
    month: '2026-10',
    status: 'completed',
    phase: 'completed',
    progress: 1,
    requestedBy: 'alice',
    requestedAt: '2026-11-03T09:30:00Z',
    startedAt: '2026-11-03T09:30:01Z',
    completedAt: '2026-11-03T09:30:09Z',
    ruleConfigurationVersion: 1,
    batches: [],
    clientJobs: 120,
    ledgerLines: 118,
    recordVersionsDigest: 'b1946ac92492d2347c6235b4d2611184',
    kpis: someKpis(),
    failureReason: null,
    ...overrides,
  };
}

export function anException(overrides: Partial<ExceptionItem> = {}): ExceptionItem {
  return {
    exceptionId: nextId('0196c1a2'),
    category: 'rate_change',
    clientJobIds: ['J100234'],
    ledgerLineIds: ['INV-1/1'],
    clientAmount: 250,
    ledgerAmount: 275,
    difference: 25,
    differencePercent: 10,
    quantityDifference: 0,
    unitRateDifference: 12.5,
    impact: 25,
    confidence: 0.9,
    status: 'open',
    priority: 2,
    reason: 'Unit rate 137.50 instead of 125.00 for the same quantity.',
    resolution: null,
    matchId: null,
    method: 'fuzzy',
    ...overrides,
  };
}

export function aMatch(overrides: Partial<MatchItem> = {}): MatchItem {
  return {
    matchId: nextId('0196c1a3'),
    clientJobIds: ['J100234'],
    ledgerLineIds: ['INV-1/1'],
    method: 'fuzzy',
    confidence: 0.86,
    category: 'rate_change',
    impact: 25,
    explanation: {
      ruleVersion: 3,
      score: 0.86,
      threshold: 0.75,
      summary: 'Same site and service on the same day; the amount differs by 10%.',
      fields: [
        {
          field: 'site',
          clientValue: 'riverside office park',
          ledgerValue: 'riverside office pk',
          similarity: 0.93,
          weight: 0.3,
        },
        {
          field: 'amount',
          clientValue: '250.00',
          ledgerValue: '275.00',
          similarity: 0.62,
          weight: 0.25,
        },
      ],
      runnersUp: [{ clientJobIds: ['J100299'], ledgerLineIds: ['INV-1/1'], score: 0.58 }],
    },
    ...overrides,
  };
}

export function aRateAnomaly(overrides: Partial<RateAnomaly> = {}): RateAnomaly {
  return {
    kind: 'rate_outlier',
    siteCode: 'RIV-01',
    service: 'window_clean_ext',
    clientJobIds: ['J100234'],
    ledgerLineIds: ['INV-1/1'],
    unitRate: 137.5,
    median: 125,
    score: 4.2,
    reason: 'The unit rate is 4.2 deviations above the median of the last 6 months.',
    ...overrides,
  };
}
