import { LoadError } from '@/components/ui/load-error';
import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import type { BatchSummary } from '@/features/ingestion/api/get-batches';
import {
  REJECTED_ROWS_PAGE_SIZE,
  useRejectedRows,
  type RejectedRow,
} from '@/features/ingestion/api/get-rejected-rows';
import { formatDateTime } from '@/lib/format';
import { columnOrders, orderedValues, sourceLabels } from './labels';

interface RejectedRowsPanelProps {
  batchId: string;
  /** The batch, when the history has it: names the file in the heading. */
  batch?: BatchSummary;
  page: number;
  onPageChange: (page: number) => void;
  onClose: () => void;
  /** Changes when the reader asked for these rows: the heading then takes the focus. */
  focusRequest?: number;
}

/** A batch's rejected rows, page by page: each row's errors and its values as delivered. */
export function RejectedRowsPanel({
  batchId,
  batch,
  page,
  onPageChange,
  onClose,
  focusRequest = 0,
}: RejectedRowsPanelProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      heading.current?.focus();
    }
  }, [focusRequest]);

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__header card__header--with-action">
        <div>
          <h2 className="card__title" id={titleId} ref={heading} tabIndex={-1}>
            Rejected rows{batch !== undefined && ` of ${batch.fileName}`}
          </h2>
          {batch !== undefined && (
            <p className="card__lede">
              {sourceLabels[batch.source]} · received{' '}
              <time dateTime={batch.receivedAt}>{formatDateTime(batch.receivedAt)}</time> by{' '}
              {batch.receivedBy}
            </p>
          )}
        </div>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      <RejectedRowsList
        batchId={batchId}
        page={page}
        onPageChange={onPageChange}
        columnOrder={batch === undefined ? undefined : columnOrders[batch.source]}
      />
    </section>
  );
}

interface RejectedRowsListProps {
  batchId: string;
  page: number;
  onPageChange: (page: number) => void;
  columnOrder?: readonly string[];
}

function RejectedRowsList({ batchId, page, onPageChange, columnOrder }: RejectedRowsListProps) {
  const rows = useRejectedRows({ batchId, page });

  if (rows.isPending) {
    return <Loading label="Loading the rejected rows…" />;
  }

  if (rows.isError) {
    return (
      <LoadError
        title="The rejected rows could not be loaded"
        error={rows.error}
        onRetry={() => void rows.refetch()}
      />
    );
  }

  const { items, totalCount, pageSize } = rows.data;

  if (items.length === 0) {
    return page > 1 && totalCount > 0 ? (
      <EmptyState title="This page is empty">
        <Button variant="secondary" onClick={() => onPageChange(1)}>
          Go to the first page
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title="No rejected rows">
        <p>Every row of this batch was accepted.</p>
      </EmptyState>
    );
  }

  return (
    <div className="rejected-rows" aria-busy={rows.isFetching || undefined}>
      <div className="table-scroll">
        <table className="table rejected-rows__table">
          <caption className="visually-hidden">
            Rejected rows with their errors and values as delivered
          </caption>
          <thead>
            <tr>
              <th scope="col" className="table__number">
                Line
              </th>
              <th scope="col">Field</th>
              <th scope="col">Message</th>
              <th scope="col">Values as delivered</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <RejectedRowLines key={row.line} row={row} columnOrder={columnOrder} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={page}
        pageSize={pageSize > 0 ? pageSize : REJECTED_ROWS_PAGE_SIZE}
        totalCount={totalCount}
        onPageChange={onPageChange}
        label={{ plural: 'rejected rows', singular: 'rejected row' }}
      />
    </div>
  );
}

/** One rejected row: a table row per error, the line and values spanning them all. */
function RejectedRowLines({
  row,
  columnOrder,
}: {
  row: RejectedRow;
  columnOrder?: readonly string[] | undefined;
}) {
  const errors =
    row.errors.length > 0 ? row.errors : [{ line: row.line, field: '', message: 'Rejected' }];
  const span = errors.length;
  const invalid = new Set(errors.map((error) => error.field));
  return (
    <>
      {errors.map((error, index) => (
        <tr key={`${error.field}-${index}`} className="rejected-rows__line">
          {index === 0 && (
            <th scope="row" rowSpan={span} className="table__number">
              {row.line}
            </th>
          )}
          <td>
            <code>{error.field === '' ? '(row)' : error.field}</code>
          </td>
          <td className="table__cell--wrap">{error.message}</td>
          {index === 0 && (
            <td rowSpan={span} className="rejected-rows__raw">
              <RawValues values={orderedValues(row.raw, columnOrder)} invalid={invalid} />
            </td>
          )}
        </tr>
      ))}
    </>
  );
}

function RawValues({
  values,
  invalid,
}: {
  values: readonly [string, string][];
  invalid: ReadonlySet<string>;
}) {
  if (values.length === 0) {
    return <span className="table__note">No values</span>;
  }
  return (
    <dl className="raw-values">
      {values.map(([column, value]) => {
        const isInvalid = invalid.has(column);
        return (
          <div
            key={column}
            className={
              isInvalid ? 'raw-values__item raw-values__item--invalid' : 'raw-values__item'
            }
          >
            <dt>{column}</dt>
            <dd>
              {value === '' ? <span className="table__note">(empty)</span> : value}
              {isInvalid && <span className="visually-hidden"> (invalid)</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
