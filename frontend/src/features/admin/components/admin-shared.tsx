import type { ReactNode, SubmitEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveRegion } from '@/components/ui/live-region';
import { ProblemAlert } from '@/components/ui/problem-alert';

/** The outcome of the last action on a list: what was done, or why it was refused. */
export type AdminFeedback =
  { kind: 'done'; text: string } | { kind: 'error'; error: unknown; title: string };

/** The outcome of the last action, announced to screen readers. */
export function AdminFeedbackMessage({ feedback }: { feedback: AdminFeedback | null }) {
  return (
    <LiveRegion>
      {feedback?.kind === 'done' && <Alert tone="success" title={feedback.text} />}
      {feedback?.kind === 'error' && <ProblemAlert error={feedback.error} title={feedback.title} />}
    </LiveRegion>
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
