import type { RecordView } from '@/features/review/api/types';

/** A field's value on one record; absent when the record has no such field. */
type RecordValue = string | null | undefined;

type Comparison = 'same' | 'differs' | 'oneSide';

interface FieldRow {
  field: string;
  clientValues: RecordValue[];
  ledgerValues: RecordValue[];
  comparison: Comparison;
}

function present(value: RecordValue): value is string {
  return value !== null && value !== undefined && value !== '';
}

function text(value: RecordValue): string {
  return present(value) ? value : '';
}

/** Every normalized field of either side, in the order they first appear, and whether the sides agree on it. */
function compareFields(
  clientJobs: readonly RecordView[],
  ledgerLines: readonly RecordView[],
): FieldRow[] {
  const fields = [
    ...new Set([...clientJobs, ...ledgerLines].flatMap((record) => Object.keys(record.normalized))),
  ];
  return fields.map((field) => {
    const clientValues = clientJobs.map((record) => record.normalized[field]);
    const ledgerValues = ledgerLines.map((record) => record.normalized[field]);
    const client = new Set(clientValues.filter(present));
    const ledger = new Set(ledgerValues.filter(present));
    let comparison: Comparison = 'same';
    if (client.size === 0 || ledger.size === 0) {
      comparison = client.size === 0 && ledger.size === 0 ? 'same' : 'oneSide';
    } else if (client.size !== ledger.size || [...client].some((value) => !ledger.has(value))) {
      comparison = 'differs';
    }
    return { field, clientValues, ledgerValues, comparison };
  });
}

const comparisonLabels: Record<Comparison, string> = {
  same: 'Same',
  differs: 'Differs',
  oneSide: 'One side only',
};

const comparisonMarks: Record<Comparison, string> = {
  same: '=',
  differs: '≠',
  oneSide: '◐',
};

interface RecordComparisonProps {
  clientJobs: readonly RecordView[];
  ledgerLines: readonly RecordView[];
}

/**
 * The client's job records and the ledger's lines side by side, field by field (normalized values), the fields
 * that differ marked in words as well as in colour; then each record's values as received.
 */
export function RecordComparison({ clientJobs, ledgerLines }: RecordComparisonProps) {
  const rows = compareFields(clientJobs, ledgerLines);
  const differing = rows.filter((row) => row.comparison === 'differs').length;
  return (
    <div className="compare">
      <p className="compare__summary">
        {differing === 0
          ? 'The two sides agree on every field they both have.'
          : `${differing} ${differing === 1 ? 'field differs' : 'fields differ'} between the two sides.`}
      </p>
      <div className="table-scroll">
        <table className="table table--compact compare__table">
          <caption className="compare__caption">
            Client jobs and ledger lines side by side (normalized values)
          </caption>
          <thead>
            <tr>
              <td />
              <th
                scope="colgroup"
                colSpan={Math.max(1, clientJobs.length)}
                className="compare__side"
              >
                Client jobs
              </th>
              <th
                scope="colgroup"
                colSpan={Math.max(1, ledgerLines.length)}
                className="compare__side"
              >
                Ledger lines
              </th>
              <td />
            </tr>
            <tr>
              <th scope="col">Field</th>
              {clientJobs.length === 0 ? (
                <th scope="col">None</th>
              ) : (
                clientJobs.map((record) => (
                  <th scope="col" key={record.sourceId}>
                    <code>{record.sourceId}</code>
                  </th>
                ))
              )}
              {ledgerLines.length === 0 ? (
                <th scope="col">None</th>
              ) : (
                ledgerLines.map((record) => (
                  <th scope="col" key={record.sourceId}>
                    <code>{record.sourceId}</code>
                  </th>
                ))
              )}
              <th scope="col">Comparison</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.comparison === 'differs';
              const cellClass = differs
                ? 'compare__value compare__value--differs'
                : 'compare__value';
              return (
                <tr key={row.field} className={differs ? 'compare__row--differs' : undefined}>
                  <th scope="row">
                    <code>{row.field}</code>
                  </th>
                  {(row.clientValues.length === 0 ? [undefined] : row.clientValues).map(
                    (value, index) => (
                      <td key={`client-${index}`} className={cellClass}>
                        {text(value) || <span className="table__note">(none)</span>}
                      </td>
                    ),
                  )}
                  {(row.ledgerValues.length === 0 ? [undefined] : row.ledgerValues).map(
                    (value, index) => (
                      <td key={`ledger-${index}`} className={cellClass}>
                        {text(value) || <span className="table__note">(none)</span>}
                      </td>
                    ),
                  )}
                  <td className={`compare__verdict compare__verdict--${row.comparison}`}>
                    <span aria-hidden="true">{comparisonMarks[row.comparison]} </span>
                    {comparisonLabels[row.comparison]}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="compare__raw">
        <RawRecords title="Client jobs as received" records={clientJobs} />
        <RawRecords title="Ledger lines as received" records={ledgerLines} />
      </div>
    </div>
  );
}

function RawRecords({ title, records }: { title: string; records: readonly RecordView[] }) {
  return (
    <section className="compare__raw-side" aria-label={title}>
      <h3 className="compare__raw-title">{title}</h3>
      {records.length === 0 && <p className="table__note">None.</p>}
      {records.map((record) => (
        <details key={record.sourceId} className="compare__record">
          <summary>
            <code>{record.sourceId}</code> (version {record.version})
          </summary>
          <table className="table table--compact">
            <caption className="visually-hidden">{record.sourceId} as received</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(record.raw).map(([column, value]) => (
                <tr key={column}>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td className="table__cell--wrap">{text(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
