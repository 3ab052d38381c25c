import { useEffect, useRef, type RefCallback } from 'react';
import { Link } from 'react-router';
import type { ReviewItem } from '@/features/review/api/types';
import { formatDateTime, formatMoney } from '@/lib/format';
import { categoryLabel, describeItem, idList, reviewStatusLabel, shortId } from './labels';

interface QueueTableProps {
  items: readonly ReviewItem[];
  focusedId: string | null;
  selected: ReadonlySet<string>;
  /** Whether the rows have checkboxes (the user may decide). */
  selectable: boolean;
  detailHref: (exceptionId: string) => string;
  onFocusRow: (exceptionId: string) => void;
  onToggle: (exceptionId: string) => void;
  onToggleAll: (select: boolean) => void;
  /** Where the table keeps each row's link, for the keyboard shortcuts to move the focus to. */
  linkRef: (exceptionId: string) => RefCallback<HTMLAnchorElement>;
}

/** The loaded exceptions: a row each, with a checkbox when they can be selected. */
export function QueueTable({
  items,
  focusedId,
  selected,
  selectable,
  detailHref,
  onFocusRow,
  onToggle,
  onToggleAll,
  linkRef,
}: QueueTableProps) {
  const allRef = useRef<HTMLInputElement>(null);
  const selectedCount = items.filter((item) => selected.has(item.exceptionId)).length;
  const all = items.length > 0 && selectedCount === items.length;
  const some = selectedCount > 0 && !all;

  useEffect(() => {
    if (allRef.current !== null) {
      allRef.current.indeterminate = some;
    }
  }, [some]);

  return (
    <div className="table-scroll">
      <table className="table table--compact review-table">
        <caption className="visually-hidden">Exceptions to review, largest impact first</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="review-table__select">
                <input
                  ref={allRef}
                  type="checkbox"
                  aria-label="Select all loaded exceptions"
                  checked={all}
                  onChange={() => onToggleAll(!all)}
                />
              </th>
            )}
            <th scope="col">Exception</th>
            <th scope="col">Period</th>
            <th scope="col">Sites</th>
            <th scope="col">Ledger lines</th>
            <th scope="col" className="table__number">
              Difference
            </th>
            <th scope="col" className="table__number">
              Impact
            </th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
            <th scope="col">Raised</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const focused = item.exceptionId === focusedId;
            const isSelected = selected.has(item.exceptionId);
            const classes = [
              focused ? 'review-table__row--focused' : '',
              isSelected ? 'table__row--selected' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <tr
                key={item.exceptionId}
                className={classes || undefined}
                data-exception-id={item.exceptionId}
                onFocus={() => onFocusRow(item.exceptionId)}
              >
                {selectable && (
                  <td className="review-table__select">
                    <input
                      type="checkbox"
                      aria-label={`Select ${describeItem(item)}`}
                      checked={isSelected}
                      onChange={() => onToggle(item.exceptionId)}
                    />
                  </td>
                )}
                <th scope="row">
                  <Link
                    ref={linkRef(item.exceptionId)}
                    to={detailHref(item.exceptionId)}
                    className="table__link"
                    aria-current={focused ? 'true' : undefined}
                  >
                    {categoryLabel(item.category)}
                  </Link>
                  <span className="table__note table__cell--ids">
                    {idList(item.clientJobIds)}
                    <span className="visually-hidden">
                      {' '}
                      (exception {shortId(item.exceptionId)})
                    </span>
                  </span>
                </th>
                <td>
                  {item.clientId} · {item.month}
                </td>
                <td>{idList(item.siteCodes)}</td>
                <td className="table__cell--ids">{idList(item.ledgerLineIds)}</td>
                <td className="table__number">
                  {formatMoney(item.difference, item.currency, { signed: true })}
                </td>
                <td className="table__number">{formatMoney(item.impact, item.currency)}</td>
                <td>
                  <span className={`badge badge--review-${item.status}`}>
                    {reviewStatusLabel(item.status)}
                  </span>
                </td>
                <td>{item.assignee ?? <span className="table__note">Unassigned</span>}</td>
                <td>{formatDateTime(item.raisedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
