import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { IngestionResult } from '@/features/ingestion/api/upload-batch';
import { formatCount } from '@/lib/format';
import { plural } from './labels';

/** How many of the response's row errors the outcome lists; the rest are a click away. */
const FIRST_ERRORS = 10;

interface IngestionSummaryProps {
  result: IngestionResult;
  /** What was ingested: a file name, or `the client API`. */
  origin: string;
  /** What a duplicate was: `This file` (the default) or e.g. `The same jobs`. */
  duplicateSubject?: string;
}

/** The outcome of one upload or fetch, in words and counts. Put it in a `LiveRegion`. */
export function IngestionSummary({
  result,
  origin,
  duplicateSubject = 'This file',
}: IngestionSummaryProps) {
  if (result.duplicate) {
    return (
      <Alert tone="info" title="Already ingested">
        <p>
          {duplicateSubject} was already ingested in batch <code>{result.batchId}</code>; nothing
          new was added.
        </p>
      </Alert>
    );
  }
  const title =
    result.rowsRejected === 0
      ? `Ingested ${origin}`
      : `Ingested ${origin} with ${plural(result.rowsRejected, 'rejected row')}`;
  return (
    <Alert tone={result.rowsRejected === 0 ? 'success' : 'info'} title={title}>
      <dl className="outcome-stats">
        <div className="outcome-stats__group">
          <dt>Rows</dt>
          <dd>
            <span className="outcome-stats__item">{formatCount(result.rowsRead)} read</span>
            <span className="outcome-stats__item">{formatCount(result.rowsAccepted)} accepted</span>
            <span className="outcome-stats__item">{formatCount(result.rowsRejected)} rejected</span>
          </dd>
        </div>
        <div className="outcome-stats__group">
          <dt>Records</dt>
          <dd>
            <span className="outcome-stats__item">{formatCount(result.recordsNew)} new</span>
            <span className="outcome-stats__item">
              {formatCount(result.recordsChanged)} changed
            </span>
            <span className="outcome-stats__item">
              {formatCount(result.recordsUnchanged)} unchanged
            </span>
          </dd>
        </div>
      </dl>
    </Alert>
  );
}

interface FirstRowErrorsProps {
  result: IngestionResult;
  onShowRejected: (batchId: string) => void;
}

/** The first row errors an upload answered with, and the way to all rejected rows of its batch. */
export function FirstRowErrors({ result, onShowRejected }: FirstRowErrorsProps) {
  if (result.duplicate || (result.errors.length === 0 && result.rowsRejected === 0)) {
    return null;
  }
  const shown = result.errors.slice(0, FIRST_ERRORS);
  const more = result.errors.length > shown.length || result.errorsTruncated;
  return (
    <div className="row-errors">
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact">
            <caption className="row-errors__caption">
              {more
                ? `First ${plural(shown.length, 'error')} in the rejected rows`
                : `Errors in the rejected rows`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((error, index) => (
                <tr key={`${error.line}-${error.field}-${index}`}>
                  <td className="table__number">{error.line}</td>
                  <td>
                    <code>{error.field === '' ? '(row)' : error.field}</code>
                  </td>
                  <td className="table__cell--wrap">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <Button variant="secondary" onClick={() => onShowRejected(result.batchId)}>
          {result.rowsRejected === 1
            ? 'Show the rejected row'
            : `Show all ${formatCount(result.rowsRejected)} rejected rows`}
        </Button>
      </div>
    </div>
  );
}
