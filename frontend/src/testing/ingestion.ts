import type { ApiSchemas } from '@/lib/api-client';

type IngestionResult = ApiSchemas['IngestionResult'];
type BatchSummary = ApiSchemas['BatchSummary'];
type RejectedRow = ApiSchemas['RejectedRow'];
type RejectedRowsPage = ApiSchemas['RejectedRowsPage'];

let sequence = 0;

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}

/** An upload's answer as the API returns it: a new batch whose rows were all accepted, unless told otherwise. */
export function anIngestionResult(overrides: Partial<IngestionResult> = {}): IngestionResult {
  return {
    batchId: nextId('0196b1a2'),
    duplicate: false,
    rowsRead: 3,
    rowsAccepted: 3,
    rowsRejected: 0,
    recordsNew: 3,
    recordsChanged: 0,
    recordsUnchanged: 0,
    errors: [],
    errorsTruncated: false,
    ...overrides,
  };
}

/** A batch as the history lists it. */
export function aBatch(overrides: Partial<BatchSummary> = {}): BatchSummary {
  return {
    batchId: nextId('0196b1a3'),
    periodId: '00000000-0000-4000-8000-000000000001',
    source: 'ledgerCsv',
    fileName: 'ledger.csv',
    checksum: '9f2c4be1a07d5e3b8c6f1a2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b',
    sizeBytes: 2048,
    status: 'completed',
    rowsRead: 3,
    rowsAccepted: 3,
    rowsRejected: 0,
    recordsNew: 3,
    recordsChanged: 0,
    recordsUnchanged: 0,
    receivedAt: '2026-11-02T09:30:00Z',
    receivedBy: 'alice',
    failureReason: null,
    ...overrides,
  };
}

/** A ledger row rejected for its service date. */
export function aRejectedRow(line: number, overrides: Partial<RejectedRow> = {}): RejectedRow {
  return {
    line,
    errors: [
      {
        line,
        field: 'service_date',
        message: "'2026-13-45' is not a date (yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy)",
      },
    ],
    raw: {
      invoice_number: `INV-${line}`,
      line_no: '1',
      customer_site: 'Riverside Office Park',
      service_date: '2026-13-45',
      line_total: '$250.00',
    },
    ...overrides,
  };
}

export function aRejectedRowsPage(
  items: RejectedRow[],
  overrides: Partial<Omit<RejectedRowsPage, 'items'>> = {},
): RejectedRowsPage {
  return { items, page: 1, pageSize: 50, totalCount: items.length, ...overrides };
}
