import type { BatchSource, BatchStatus } from '@/features/ingestion/api/get-batches';

export const sourceLabels: Record<BatchSource, string> = {
  clientCsv: 'Client CSV',
  clientJson: 'Client JSON',
  clientApi: 'Client API',
  ledgerCsv: 'Ledger CSV',
};

export const statusLabels: Record<BatchStatus, string> = {
  receiving: 'Receiving',
  completed: 'Completed',
  failed: 'Failed',
};

/** `1 row`, `2 rows`: a count with its noun. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A checksum cut to its first characters, for a table cell; the full value goes in a title. */
export function shortChecksum(checksum: string, length = 12): string {
  return checksum.length > length + 1 ? `${checksum.slice(0, length)}…` : checksum;
}

const clientJobColumns = [
  'job_id',
  'client_id',
  'site_code',
  'site_name',
  'service_type',
  'service_date',
  'quantity',
  'unit_rate',
  'amount',
  'currency',
  'status',
  'po_number',
];

const ledgerLineColumns = [
  'invoice_number',
  'line_no',
  'job_ref',
  'customer_site',
  'description',
  'service_date',
  'qty',
  'unit_price',
  'line_total',
  'currency',
  'posted_date',
];

/** The order of each source's columns in its files, for showing a row's values as they were delivered. */
export const columnOrders: Record<BatchSource, readonly string[]> = {
  clientCsv: clientJobColumns,
  clientJson: clientJobColumns,
  clientApi: clientJobColumns,
  ledgerCsv: ledgerLineColumns,
};

/**
 * A row's values in the source's column order (the API's JSON object does not keep it); columns the order
 * does not know come last, as they came.
 */
export function orderedValues(
  raw: Readonly<Record<string, string>>,
  order: readonly string[] = [],
): [string, string][] {
  const rank = (column: string) => {
    const index = order.indexOf(column);
    return index === -1 ? order.length : index;
  };
  return Object.entries(raw)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index)
    .map(({ entry }) => entry);
}
