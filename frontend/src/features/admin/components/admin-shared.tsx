import type { ReactNode, SubmitEvent } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveRegion } from '@/components/ui/live-region';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { QueryView } from '@/components/ui/query-view';

/** The outcome of the last action on a list: what was done, or why it was refused. */
export type AdminFeedback =
  { kind: 'done'; text: string } | { kind: 'error'; error: unknown; title: string };

/** The outcome of the last action, announced to screen readers. */
function AdminFeedbackMessage({ feedback }: { feedback: AdminFeedback | null }) {
  return (
    <LiveRegion>
      {feedback?.kind === 'done' && <Alert tone="success" title={feedback.text} />}
      {feedback?.kind === 'error' && <ProblemAlert error={feedback.error} title={feedback.title} />}
    </LiveRegion>
  );
}

interface AdminListCardProps<TData extends { items: readonly unknown[] }> {
  /** The heading is `${id}-title`. */
  id: string;
  title: string;
  /** The outcome of the last action on the list, announced above it. */
  feedback: AdminFeedback | null;
  /** The list's read: `{ items }`, as every admin list answers. */
  query: UseQueryResult<TData, unknown>;
  /** The loading message, e.g. "Loading the users…". */
  loadingLabel: string;
  /** What could not be loaded, e.g. "The users could not be loaded". */
  errorTitle: string;
  /** What stands for no items, usually an `EmptyState`. */
  empty: ReactNode;
  /** The loaded list (with at least one item), usually an `AdminTable`. */
  children: (data: TData) => ReactNode;
}

/** A card with a list: its heading, the outcome of the last action, then the list in its states. */
export function AdminListCard<TData extends { items: readonly unknown[] }>({
  id,
  title,
  feedback,
  query,
  loadingLabel,
  errorTitle,
  empty,
  children,
}: AdminListCardProps<TData>) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card__title" id={`${id}-title`}>
        {title}
      </h2>
      <AdminFeedbackMessage feedback={feedback} />
      <QueryView
        query={query}
        loadingLabel={loadingLabel}
        errorTitle={errorTitle}
        isEmpty={(data) => data.items.length === 0}
        empty={empty}
      >
        {children}
      </QueryView>
    </section>
  );
}

interface AdminFormCardProps {
  /** The form's `useId`: the heading is `${id}-title`. */
  id: string;
  title: string;
  onSubmit: () => void;
  /** The last failure (`null` for none), shown above the fields under `errorTitle`. */
  error: unknown;
  errorTitle: string;
  submitLabel: string;
  busy: boolean;
  /** The fields, laid out side by side. */
  children: ReactNode;
  /** What goes under the fields, before the submit button. */
  afterFields?: ReactNode;
}

/** A card with a create form: its heading, the failure if any, the fields and the submit button. */
export function AdminFormCard({
  id,
  title,
  onSubmit,
  error,
  errorTitle,
  submitLabel,
  busy,
  children,
  afterFields,
}: AdminFormCardProps) {
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card__title" id={`${id}-title`}>
        {title}
      </h2>
      <form className="admin-form" onSubmit={handleSubmit} noValidate>
        {error !== null && <ProblemAlert error={error} title={errorTitle} />}
        <div className="admin-form__fields">{children}</div>
        {afterFields}
        <div>
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A compact table of `caption`, with a column per entry of `columns` and a last one for the row's actions. */
export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
