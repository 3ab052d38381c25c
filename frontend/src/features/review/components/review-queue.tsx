import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveRegion } from '@/components/ui/live-region';
import { LoadError } from '@/components/ui/load-error';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import {
  useBulkDecide,
  type BulkDecision,
  type BulkResult,
} from '@/features/review/api/bulk-decide';
import { useDecide, type Decision } from '@/features/review/api/decide';
import { useReviewQueue, type ReviewQueueFilters } from '@/features/review/api/get-review-queue';
import type { ReviewItem } from '@/features/review/api/types';
import { isDialogOpen, isTyping } from '@/lib/keyboard';
import { useCan, useSessionUser } from '@/lib/session';
import { BulkActionBar, BulkSummary, type BulkDialogKind } from './bulk-actions';
import {
  AssignDialog,
  CommentDialog,
  OverrideCategoryDialog,
  ResolveDialog,
} from './decision-dialogs';
import { DecisionOutcome, type DecisionFeedback } from './decision-outcome';
import { QueueFilters } from './queue-filters';
import { describeItem } from './labels';
import { QueueTable } from './queue-table';
import { ShortcutLegend } from './shortcut-legend';
import { toggled } from '@/lib/sets';

interface ReviewQueueProps {
  filters: ReviewQueueFilters;
  onFiltersChange: (filters: ReviewQueueFilters) => void;
  detailHref: (exceptionId: string) => string;
}

type OpenDialog =
  | { scope: 'row'; kind: 'resolve' | 'override'; item: ReviewItem }
  | { scope: 'bulk'; kind: BulkDialogKind };

/**
 * The review queue: filters, the exceptions a page at a time, keyboard navigation and shortcuts, and decisions on
 * one exception (the focused row) or on a selection (bulk).
 */
export function ReviewQueue({ filters, onFiltersChange, detailHref }: ReviewQueueProps) {
  const queue = useReviewQueue(filters);
  const canDecide = useCan('review');
  const me = useSessionUser()?.userName ?? 'me';
  const navigate = useNavigate();
  const decide = useDecide();
  const bulk = useBulkDecide();

  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [feedback, setFeedback] = useState<DecisionFeedback | null>(null);
  const [bulkOutcome, setBulkOutcome] = useState<{ action: string; result: BulkResult } | null>(
    null,
  );
  const links = useRef(new Map<string, HTMLAnchorElement>());

  // Another filter shows other exceptions: what was selected or focused is no longer on screen.
  const filtersKey = JSON.stringify(filters);
  const [shownFilters, setShownFilters] = useState(filtersKey);
  if (shownFilters !== filtersKey) {
    setShownFilters(filtersKey);
    setSelected(new Set());
    setFocusedId(null);
  }

  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];

  function linkRef(exceptionId: string) {
    return (element: HTMLAnchorElement | null) => {
      if (element === null) {
        links.current.delete(exceptionId);
      } else {
        links.current.set(exceptionId, element);
      }
    };
  }

  function toggle(exceptionId: string) {
    setSelected((current) => toggled(current, exceptionId));
  }

  function decideOne(item: ReviewItem, decision: Decision, action: string) {
    setBulkOutcome(null);
    decide.mutate(
      { exception: item, decision },
      {
        onSuccess: (result) => {
          setDialog(null);
          setFeedback({ kind: 'result', result, action });
        },
        onError: (error) => {
          setDialog(null);
          setFeedback({ kind: 'error', error, action });
        },
      },
    );
  }

  function decideBulk(decision: BulkDecision, action: string) {
    setFeedback(null);
    bulk.mutate(
      { exceptionIds: [...selected], decision },
      {
        onSuccess: (result) => {
          setDialog(null);
          setBulkOutcome({ action, result });
          const failed = new Set(
            result.results
              .filter((item) => item.outcome !== 'applied' && item.outcome !== 'pendingApproval')
              .map((item) => item.exceptionId),
          );
          setSelected(failed);
        },
        onError: (error) => {
          setDialog(null);
          setFeedback({ kind: 'error', error, action });
        },
      },
    );
  }

  function moveFocus(step: number) {
    if (items.length === 0) {
      return;
    }
    const index = items.findIndex((item) => item.exceptionId === focusedId);
    const next = index === -1 ? 0 : Math.min(items.length - 1, Math.max(0, index + step));
    const item = items[next];
    if (item !== undefined) {
      setFocusedId(item.exceptionId);
      links.current.get(item.exceptionId)?.focus();
    }
  }

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (isTyping(event.target) || isDialogOpen()) {
      return;
    }
    const focused = items.find((item) => item.exceptionId === focusedId) ?? null;
    const onControl =
      event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement;
    const key = event.key;
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      moveFocus(key === 'j' ? 1 : -1);
      return;
    }
    if (focused === null) {
      return;
    }
    if (key === 'o' || (key === 'Enter' && !onControl)) {
      event.preventDefault();
      void navigate(detailHref(focused.exceptionId));
      return;
    }
    if (!canDecide) {
      return;
    }
    if (key === 'x') {
      event.preventDefault();
      toggle(focused.exceptionId);
    } else if (key === 'a') {
      event.preventDefault();
      decideOne(focused, { kind: 'accept' }, `Accept ${describeItem(focused)}`);
    } else if (key === 'c') {
      event.preventDefault();
      setDialog({ scope: 'row', kind: 'override', item: focused });
    } else if (key === 'r') {
      event.preventDefault();
      setDialog({ scope: 'row', kind: 'resolve', item: focused });
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const selectedCount = selected.size;
  const bulkSubject = `${selectedCount} selected ${selectedCount === 1 ? 'exception' : 'exceptions'}`;

  return (
    <div className="review-queue">
      <QueueFilters filters={filters} onChange={onFiltersChange} />
      <ShortcutLegend canDecide={canDecide} />

      <LiveRegion className="review-queue__outcome">
        <DecisionOutcome feedback={feedback} />
        {bulkOutcome !== null && (
          <BulkSummary action={bulkOutcome.action} result={bulkOutcome.result} />
        )}
      </LiveRegion>

      {canDecide && selectedCount > 0 && (
        <BulkActionBar
          count={selectedCount}
          busy={bulk.isPending}
          onAccept={() => decideBulk({ kind: 'accept' }, `Accept ${bulkSubject}`)}
          onOpenDialog={(kind) => {
            bulk.reset();
            setDialog({ scope: 'bulk', kind });
          }}
          onClear={() => setSelected(new Set())}
        />
      )}

      {queue.isPending ? (
        <Loading label="Loading the review queue…" />
      ) : queue.isError ? (
        <LoadError
          title="The review queue could not be loaded"
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing to review">
          <p>No exception fits these filters.</p>
        </EmptyState>
      ) : (
        <div aria-busy={queue.isFetching || undefined}>
          <QueueTable
            items={items}
            focusedId={focusedId}
            selected={selected}
            selectable={canDecide}
            detailHref={detailHref}
            onFocusRow={setFocusedId}
            onToggle={toggle}
            onToggleAll={(select) =>
              setSelected(select ? new Set(items.map((item) => item.exceptionId)) : new Set())
            }
            linkRef={linkRef}
          />
          <LoadMore
            shown={items.length}
            label={{ singular: 'exception', plural: 'exceptions' }}
            hasMore={queue.hasNextPage}
            loading={queue.isFetchingNextPage}
            onLoadMore={() => void queue.fetchNextPage()}
          />
        </div>
      )}

      {dialog?.scope === 'row' && dialog.kind === 'resolve' && (
        <ResolveDialog
          subject={`the exception ${describeItem(dialog.item)}`}
          busy={decide.isPending}
          error={null}
          onClose={() => setDialog(null)}
          onSubmit={({ reasonCode, comment }) =>
            decideOne(
              dialog.item,
              { kind: 'resolve', reasonCode, comment: comment || undefined },
              `Resolve ${describeItem(dialog.item)}`,
            )
          }
        />
      )}
      {dialog?.scope === 'row' && dialog.kind === 'override' && (
        <OverrideCategoryDialog
          subject={`the exception ${describeItem(dialog.item)}`}
          currentCategory={dialog.item.category}
          busy={decide.isPending}
          error={null}
          onClose={() => setDialog(null)}
          onSubmit={(values) =>
            decideOne(
              dialog.item,
              { kind: 'overrideCategory', ...values },
              `Override the category of ${describeItem(dialog.item)}`,
            )
          }
        />
      )}
      {dialog?.scope === 'bulk' && dialog.kind === 'resolve' && (
        <ResolveDialog
          subject={bulkSubject}
          busy={bulk.isPending}
          error={null}
          onClose={() => setDialog(null)}
          onSubmit={({ reasonCode, comment }) =>
            decideBulk(
              { kind: 'resolve', reasonCode, comment: comment || undefined },
              `Resolve ${bulkSubject}`,
            )
          }
        />
      )}
      {dialog?.scope === 'bulk' && dialog.kind === 'assign' && (
        <AssignDialog
          subject={bulkSubject}
          me={me}
          busy={bulk.isPending}
          error={null}
          onClose={() => setDialog(null)}
          onSubmit={(assignee) => decideBulk({ kind: 'assign', assignee }, `Assign ${bulkSubject}`)}
        />
      )}
      {dialog?.scope === 'bulk' && dialog.kind === 'comment' && (
        <CommentDialog
          subject={bulkSubject}
          busy={bulk.isPending}
          error={null}
          onClose={() => setDialog(null)}
          onSubmit={(comment) =>
            decideBulk({ kind: 'comment', comment }, `Comment on ${bulkSubject}`)
          }
        />
      )}
    </div>
  );
}
