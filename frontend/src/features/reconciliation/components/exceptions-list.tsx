import { LoadError } from '@/components/ui/load-error';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import {
  useRunExceptions,
  type ExceptionItem,
  type ExceptionStatus,
  type RunItemsSort,
} from '@/features/reconciliation/api/get-run-exceptions';
import { formatDecimal, formatMoney, formatPercent, formatRatio } from '@/lib/format';
import {
  categoryLabel,
  EXCEPTION_STATUSES,
  exceptionStatusLabels,
  idList,
  isExceptionStatus,
  methodLabels,
  type Category,
} from './labels';
import { ALL, CategoryFilter, OrderFilter } from './run-item-filters';
import { toggled } from '@/lib/sets';

export interface ExceptionFilters {
  category: Category | null;
  status: ExceptionStatus | null;
  sort: RunItemsSort;
}

const statusOptions = [
  { value: ALL, label: 'Any status' },
  ...EXCEPTION_STATUSES.map((status) => ({ value: status, label: exceptionStatusLabels[status] })),
];

interface ExceptionsListProps {
  runId: string;
  currency: string;
  filters: ExceptionFilters;
  onFiltersChange: (filters: ExceptionFilters) => void;
  /** Opens the explanation of the match an exception came from. */
  onShowMatch: (exception: ExceptionItem) => void;
}

/** A run's exceptions, filtered and sorted on the server, a page at a time. */
export function ExceptionsList({
  runId,
  currency,
  filters,
  onFiltersChange,
  onShowMatch,
}: ExceptionsListProps) {
  const idPrefix = useId();
  const exceptions = useRunExceptions({ runId, ...filters });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  function toggle(exceptionId: string) {
    setExpanded((current) => toggled(current, exceptionId));
  }

  return (
    <div className="run-items">
      <form
        className="filters"
        aria-label="Filter the exceptions"
        onSubmit={(event) => event.preventDefault()}
      >
        <CategoryFilter
          id={`${idPrefix}-category`}
          value={filters.category}
          onChange={(category) => onFiltersChange({ ...filters, category })}
        />
        <SelectField
          id={`${idPrefix}-status`}
          name="status"
          label="Status"
          options={statusOptions}
          value={filters.status ?? ALL}
          onChange={(event) => {
            const value = event.target.value;
            onFiltersChange({ ...filters, status: isExceptionStatus(value) ? value : null });
          }}
        />
        <OrderFilter
          id={`${idPrefix}-sort`}
          value={filters.sort}
          onChange={(sort) => onFiltersChange({ ...filters, sort })}
        />
      </form>
      <ExceptionsTable
        exceptions={exceptions}
        currency={currency}
        expanded={expanded}
        onToggle={toggle}
        onShowMatch={onShowMatch}
      />
    </div>
  );
}

interface ExceptionsTableProps {
  exceptions: ReturnType<typeof useRunExceptions>;
  currency: string;
  expanded: ReadonlySet<string>;
  onToggle: (exceptionId: string) => void;
  onShowMatch: (exception: ExceptionItem) => void;
}

function ExceptionsTable({
  exceptions,
  currency,
  expanded,
  onToggle,
  onShowMatch,
}: ExceptionsTableProps) {
  if (exceptions.isPending) {
    return <Loading label="Loading the exceptions…" />;
  }

  if (exceptions.isError) {
    return (
      <LoadError
        title="The exceptions could not be loaded"
        error={exceptions.error}
        onRetry={() => void exceptions.refetch()}
      />
    );
  }

  const items = exceptions.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No exceptions">
        <p>No exception of this run fits these filters.</p>
      </EmptyState>
    );
  }

  return (
    <div className="run-items__list" aria-busy={exceptions.isFetching || undefined}>
      <div className="table-scroll">
        <table className="table table--compact run-items__table">
          <caption className="visually-hidden">Exceptions of this run</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Client job ids</th>
              <th scope="col">Ledger line ids</th>
              <th scope="col" className="table__number">
                Client amount
              </th>
              <th scope="col" className="table__number">
                Ledger amount
              </th>
              <th scope="col" className="table__number">
                Difference
              </th>
              <th scope="col" className="table__number">
                Impact
              </th>
              <th scope="col" className="table__number">
                Confidence
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <ExceptionRows
                key={item.exceptionId}
                item={item}
                currency={currency}
                expanded={expanded.has(item.exceptionId)}
                onToggle={onToggle}
                onShowMatch={onShowMatch}
              />
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        shown={items.length}
        label={{ singular: 'exception', plural: 'exceptions' }}
        hasMore={exceptions.hasNextPage}
        loading={exceptions.isFetchingNextPage}
        onLoadMore={() => void exceptions.fetchNextPage()}
      />
    </div>
  );
}

interface ExceptionRowsProps {
  item: ExceptionItem;
  currency: string;
  expanded: boolean;
  onToggle: (exceptionId: string) => void;
  onShowMatch: (exception: ExceptionItem) => void;
}

/** An exception's row and, when expanded, the row of its details under it. */
function ExceptionRows({ item, currency, expanded, onToggle, onShowMatch }: ExceptionRowsProps) {
  const detailsId = useId();
  const money = (amount: number) => formatMoney(amount, currency);
  const clientJobs = idList(item.clientJobIds);
  const priority = item.priority ?? null;
  return (
    <>
      <tr className={expanded ? 'table__row--selected' : undefined}>
        <th scope="row">{categoryLabel(item.category)}</th>
        <td className="table__cell--ids">{clientJobs}</td>
        <td className="table__cell--ids">{idList(item.ledgerLineIds)}</td>
        <td className="table__number">{money(item.clientAmount)}</td>
        <td className="table__number">{money(item.ledgerAmount)}</td>
        <td className="table__number">
          {formatMoney(item.difference, currency, { signed: true })}
        </td>
        <td className="table__number">{money(item.impact)}</td>
        <td className="table__number">{formatRatio(item.confidence, 0)}</td>
        <td>
          <span className={`badge badge--exception-${item.status}`}>
            {exceptionStatusLabels[item.status]}
          </span>
          {priority !== null && <span className="table__note">Priority {priority}</span>}
        </td>
        <td>
          <Button
            variant="secondary"
            className="button--small"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={() => onToggle(item.exceptionId)}
          >
            {expanded ? 'Hide' : 'Details'}{' '}
            <span className="visually-hidden">
              of the {categoryLabel(item.category).toLowerCase()} exception for {clientJobs}
            </span>
          </Button>
        </td>
      </tr>
      {expanded && (
        <tr className="run-items__details-row" id={detailsId}>
          <td colSpan={10}>
            <ExceptionDetails item={item} currency={currency} onShowMatch={onShowMatch} />
          </td>
        </tr>
      )}
    </>
  );
}

function ExceptionDetails({
  item,
  currency,
  onShowMatch,
}: {
  item: ExceptionItem;
  currency: string;
  onShowMatch: (exception: ExceptionItem) => void;
}) {
  const percent = item.differencePercent ?? null;
  const method = item.method ?? null;
  const resolution = item.resolution ?? null;
  return (
    <div className="item-details">
      <dl className="details">
        <div className="details__item details__item--wide">
          <dt>Reason</dt>
          <dd>{item.reason}</dd>
        </div>
        {resolution !== null && (
          <div className="details__item details__item--wide">
            <dt>Resolution</dt>
            <dd>{resolution}</dd>
          </div>
        )}
        <div className="details__item">
          <dt>Difference</dt>
          <dd>
            {formatMoney(item.difference, currency, { signed: true })}
            {percent !== null && ` (${formatPercent(percent)})`}
          </dd>
        </div>
        <div className="details__item">
          <dt>Quantity difference</dt>
          <dd>{formatDecimal(item.quantityDifference)}</dd>
        </div>
        <div className="details__item">
          <dt>Unit rate difference</dt>
          <dd>{formatMoney(item.unitRateDifference, currency, { signed: true })}</dd>
        </div>
        <div className="details__item">
          <dt>Matched</dt>
          <dd>{method === null ? 'Not matched' : methodLabels[method]}</dd>
        </div>
      </dl>
      {(item.matchId ?? null) !== null && (
        <div>
          <Button variant="secondary" onClick={() => onShowMatch(item)}>
            Show the match explanation
          </Button>
        </div>
      )}
    </div>
  );
}
