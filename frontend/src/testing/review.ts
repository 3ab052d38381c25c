import type { PendingDecisionView as ApprovalItem } from '@/features/approvals/api/get-approvals';
import type { DashboardPeriod, ReviewKpis } from '@/features/dashboard/api/get-dashboard';
import type {
  ExceptionDetail,
  HistoryEntry,
  RecordView,
  ReviewItem,
} from '@/features/review/api/types';

let sequence = 0;

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}

/** An open rate-change exception of acme's October 2026, as the review queue lists it. */
export function aReviewItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    exceptionId: nextId('0196d1a1'),
    periodId: '00000000-0000-4000-8000-000000000001',
    clientId: 'acme',
    month: '2026-10',
    currency: 'USD',
    runId: '0196c1a1-0000-4000-8000-000000000001',
    category: 'rate_change',
    engineCategory: 'rate_change',
    status: 'open',
    siteCodes: ['RIV-01'],
    clientJobIds: ['J100234'],
    ledgerLineIds: ['INV-1/1'],
    matchId: '0196c1a3-0000-4000-8000-000000000001',
    method: 'fuzzy',
    clientAmount: 250,
    ledgerAmount: 275,
    difference: 25,
    impact: 25,
    confidence: 0.9,
    priority: 2,
    reason: 'Unit rate 137.50 instead of 125.00 for the same quantity.',
    assignee: null,
    resolution: null,
    raisedAt: '2026-11-03T09:30:09Z',
    updatedAt: '2026-11-03T09:30:09Z',
    version: 1,
    ...overrides,
  };
}

export function aRecord(overrides: Partial<RecordView> = {}): RecordView {
  return {
    sourceId: 'J100234',
    version: 1,
    fileName: 'jobs.csv',
    line: 2,
    raw: { job_id: 'J100234', site_name: 'Riverside Office Park', unit_rate: '125.00' },
    normalized: {
      site: 'riverside office park',
      quantity: '2',
      unitRate: '125.00',
      amount: '250.00',
    },
    ...overrides,
  };
}

export function aHistoryEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    version: 1,
    type: 'ExceptionOpenedForReview',
    at: '2026-11-03T09:30:09Z',
    by: 'system',
    summary: 'Raised by run 1',
    reasonCode: null,
    comment: null,
    after: { status: 'open', category: 'rate_change', assignee: null, resolution: null },
    ...overrides,
  };
}

/** An exception's detail: one job against one ledger line billed at another rate. */
export function anExceptionDetail(
  exception: ReviewItem = aReviewItem(),
  overrides: Partial<Omit<ExceptionDetail, 'exception'>> = {},
): ExceptionDetail {
  return {
    exception,
    clientJobs: [aRecord()],
    ledgerLines: [
      aRecord({
        sourceId: 'INV-1/1',
        raw: { invoice_number: 'INV-1', line_no: '1', unit_price: '137.50' },
        normalized: {
          site: 'riverside office park',
          quantity: '2',
          unitRate: '137.50',
          amount: '275.00',
        },
        fileName: 'ledger.csv',
      }),
    ],
    explanation: {
      ruleVersion: 3,
      score: 0.86,
      threshold: 0.75,
      summary: 'Same site and service on the same day; the amount differs by 10%.',
      fields: [
        {
          field: 'site',
          clientValue: 'riverside office park',
          ledgerValue: 'riverside office park',
          similarity: 1,
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
      runnersUp: [],
    },
    history: [aHistoryEntry()],
    ...overrides,
  };
}

export function aPendingDecision(overrides: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    decisionId: nextId('0196e1a1'),
    exceptionId: nextId('0196d1a1'),
    kind: 'resolve',
    requestedBy: 'rita',
    requestedAt: '2026-11-04T10:00:00Z',
    reasonCode: 'writeOff',
    comment: 'Too small to chase.',
    impact: 1500,
    why: 'A write-off needs an approver.',
    periodId: '00000000-0000-4000-8000-000000000001',
    clientId: 'acme',
    month: '2026-10',
    category: 'missing_in_ledger',
    ...overrides,
  };
}

export function someReviewKpis(overrides: Partial<ReviewKpis> = {}): ReviewKpis {
  return {
    varianceBeforeReview: 150,
    varianceAfterReview: 50,
    variancePercentBeforeReview: 1.5,
    variancePercentAfterReview: 0.5,
    varianceLimitPercent: 1,
    overLimitBeforeReview: true,
    overLimitAfterReview: false,
    open: 4,
    pendingApproval: 1,
    resolved: 7,
    openByCategory: { rate_change: 4 },
    resolvedByCategory: { rounding: 7 },
    ...overrides,
  };
}

export function aDashboardPeriod(overrides: Partial<DashboardPeriod> = {}): DashboardPeriod {
  return {
    periodId: nextId('00000000'),
    clientId: 'acme',
    month: '2026-10',
    currency: 'USD',
    latestRun: {
      runId: '0196c1a1-0000-4000-8000-000000000001',
      status: 'completed',
      completedAt: '2026-11-03T09:30:09Z',
    },
    review: someReviewKpis(),
    ...overrides,
  };
}
