import { LoadError } from '@/components/ui/load-error';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import type { RunItemsSort } from '@/features/reconciliation/api/get-run-exceptions';
import {
  useRunMatches,
  type MatchItem,
  type MatchMethod,
} from '@/features/reconciliation/api/get-run-matches';
import { formatMoney, formatRatio } from '@/lib/format';
import {
  categoryLabel,
  idList,
  isMatchMethod,
  MATCH_METHODS,
  methodLabels,
  type Category,
} from './labels';
import { MatchExplanationView } from '@/components/ui/match-explanation';
import { ALL, CategoryFilter, OrderFilter } from './run-item-filters';
import { toggled } from '@/lib/sets';

export interface MatchFilters {
  category: Category | null;
  method: MatchMethod | null;
  sort: RunItemsSort;
}

const methodOptions = [
  { value: ALL, label: 'Any method' },
  ...MATCH_METHODS.map((method) => ({ value: method, label: methodLabels[method] })),
];

interface MatchesListProps {
  runId: string;
  currency: string;
  filters: MatchFilters;
  onFiltersChange: (filters: MatchFilters) => void;
  /** A match to open and move the focus to once it is listed (e.g. the one an exception came from). */
  focusMatchId?: string | null;
}

/** A run's matches, filtered and sorted on the server, a page at a time; each opens to its explanation. */
export function MatchesList({
  runId,
  currency,
  filters,
  onFiltersChange,
  focusMatchId = null,
}: MatchesListProps) {
  const idPrefix = useId();
  const matches = useRunMatches({ runId, ...filters });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(focusMatchId === null ? [] : [focusMatchId]),
  );

  function toggle(matchId: string) {
    setExpanded((current) => toggled(current, matchId));
  }

  return (
    <div className="run-items">
      <form
        className="filters"
        aria-label="Filter the matches"
        onSubmit={(event) => event.preventDefault()}
      >
        <CategoryFilter
          id={`${idPrefix}-category`}
          value={filters.category}
          onChange={(category) => onFiltersChange({ ...filters, category })}
        />
        <SelectField
          id={`${idPrefix}-method`}
          name="method"
          label="Method"
          options={methodOptions}
          value={filters.method ?? ALL}
          onChange={(event) => {
            const value = event.target.value;
            onFiltersChange({ ...filters, method: isMatchMethod(value) ? value : null });
          }}
        />
        <OrderFilter
          id={`${idPrefix}-sort`}
          value={filters.sort}
          onChange={(sort) => onFiltersChange({ ...filters, sort })}
        />
      </form>
      <MatchesTable
        matches={matches}
        currency={currency}
        expanded={expanded}
        onToggle={toggle}
        focusMatchId={focusMatchId}
      />
    </div>
  );
}

interface MatchesTableProps {
  matches: ReturnType<typeof useRunMatches>;
  currency: string;
  expanded: ReadonlySet<string>;
  onToggle: (matchId: string) => void;
  focusMatchId: string | null;
}

function MatchesTable({ matches, currency, expanded, onToggle, focusMatchId }: MatchesTableProps) {
  if (matches.isPending) {
    return <Loading label="Loading the matches…" />;
  }

  if (matches.isError) {
    return (
      <LoadError
        title="The matches could not be loaded"
        error={matches.error}
        onRetry={() => void matches.refetch()}
      />
    );
  }

  const items = matches.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No matches">
        <p>No match of this run fits these filters.</p>
      </EmptyState>
    );
  }
  const looking = focusMatchId !== null && !items.some((item) => item.matchId === focusMatchId);

  return (
    <div className="run-items__list" aria-busy={matches.isFetching || undefined}>
      <div className="table-scroll">
        <table className="table table--compact run-items__table">
          <caption className="visually-hidden">Matches of this run</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Client job ids</th>
              <th scope="col">Ledger line ids</th>
              <th scope="col">Method</th>
              <th scope="col" className="table__number">
                Confidence
              </th>
              <th scope="col" className="table__number">
                Impact
              </th>
              <th scope="col">
                <span className="visually-hidden">Explanation</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <MatchRows
                key={item.matchId}
                item={item}
                currency={currency}
                expanded={expanded.has(item.matchId)}
                onToggle={onToggle}
                focus={item.matchId === focusMatchId}
              />
            ))}
          </tbody>
        </table>
      </div>
      {looking && matches.hasNextPage && (
        <p className="table__note">
          The match you asked for is further down the list: load more to reach it.
        </p>
      )}
      <LoadMore
        shown={items.length}
        label={{ singular: 'match', plural: 'matches' }}
        hasMore={matches.hasNextPage}
        loading={matches.isFetchingNextPage}
        onLoadMore={() => void matches.fetchNextPage()}
      />
    </div>
  );
}

interface MatchRowsProps {
  item: MatchItem;
  currency: string;
  expanded: boolean;
  onToggle: (matchId: string) => void;
  /** Take the focus when first shown. */
  focus: boolean;
}

/** A match's row and, when expanded, the row of its explanation under it. */
function MatchRows({ item, currency, expanded, onToggle, focus }: MatchRowsProps) {
  const explanationId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const clientJobs = idList(item.clientJobIds);

  useEffect(() => {
    if (focus) {
      button.current?.focus();
    }
  }, [focus]);

  return (
    <>
      <tr className={expanded ? 'table__row--selected' : undefined}>
        <th scope="row">{categoryLabel(item.category)}</th>
        <td className="table__cell--ids">{clientJobs}</td>
        <td className="table__cell--ids">{idList(item.ledgerLineIds)}</td>
        <td>{methodLabels[item.method]}</td>
        <td className="table__number">{formatRatio(item.confidence, 0)}</td>
        <td className="table__number">{formatMoney(item.impact, currency)}</td>
        <td>
          <Button
            ref={button}
            variant="secondary"
            className="button--small"
            aria-expanded={expanded}
            aria-controls={expanded ? explanationId : undefined}
            onClick={() => onToggle(item.matchId)}
          >
            {expanded ? 'Hide' : 'Explain'}{' '}
            <span className="visually-hidden">the match of {clientJobs}</span>
          </Button>
        </td>
      </tr>
      {expanded && (
        <tr className="run-items__details-row" id={explanationId}>
          <td colSpan={7}>
            <MatchExplanationView explanation={item.explanation} />
          </td>
        </tr>
      )}
    </>
  );
}
