import { useId, useState, type SubmitEvent } from 'react';
import { Button } from '@/components/ui/button';
import { LiveRegion } from '@/components/ui/live-region';
import { TextareaField } from '@/components/ui/textarea-field';
import { conflictCurrent, useDecide, type Decision } from '@/features/review/api/decide';
import type { ExceptionDetail } from '@/features/review/api/types';
import { toProblem } from '@/lib/problem-details';
import { useSessionUser } from '@/lib/session';
import {
  AssignDialog,
  LinkDialog,
  OverrideCategoryDialog,
  ResolveDialog,
} from './decision-dialogs';
import { DecisionOutcome, type DecisionFeedback } from './decision-outcome';

type DialogKind = 'override' | 'resolve' | 'assign' | 'link';

/**
 * The decisions a reviewer can take on the exception as it is now. Each sends the version on screen
 * (`expectedVersion`) and its own idempotency key; the outcome is announced, a conflict replaces the exception
 * on screen with its current state.
 */
export function ExceptionActions({ detail }: { detail: ExceptionDetail }) {
  const { exception } = detail;
  const me = useSessionUser()?.userName ?? 'me';
  const decide = useDecide();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [feedback, setFeedback] = useState<DecisionFeedback | null>(null);
  const subject = 'this exception';

  function send(decision: Decision, action: string) {
    setFeedback(null);
    decide.mutate(
      { exception, decision },
      {
        onSuccess: (result) => {
          setDialog(null);
          setFeedback({ kind: 'result', result, action });
        },
        onError: (error) => {
          // A dialog stays open on a refusal it can explain (e.g. a field); a conflict shows the new state instead.
          const conflict = conflictCurrent(error) !== null || toProblem(error).status === 409;
          if (dialog === null || conflict) {
            setDialog(null);
            setFeedback({ kind: 'error', error, action });
          }
        },
      },
    );
  }

  function open(kind: DialogKind) {
    decide.reset();
    setDialog(kind);
  }

  const dialogError = dialog === null ? null : decide.error;
  const isOpen = exception.status === 'open';
  const isDone = exception.status === 'resolved' || exception.status === 'autoResolved';
  const hasMatch = (exception.matchId ?? null) !== null;
  const assignee = exception.assignee ?? null;

  return (
    <section className="card" aria-labelledby="exception-actions-title">
      <h2 className="card__title" id="exception-actions-title">
        Decide
      </h2>
      <LiveRegion>
        <DecisionOutcome feedback={feedback} />
      </LiveRegion>
      <div className="actions">
        {isOpen && (
          <>
            <Button busy={decide.isPending} onClick={() => send({ kind: 'accept' }, 'Accept')}>
              Accept suggested resolution
            </Button>
            <Button variant="secondary" onClick={() => open('override')}>
              Override category…
            </Button>
            <Button variant="secondary" onClick={() => open('resolve')}>
              Resolve…
            </Button>
            <Button variant="secondary" onClick={() => open('link')}>
              Link records…
            </Button>
            {hasMatch && (
              <Button
                variant="secondary"
                busy={decide.isPending}
                onClick={() => send({ kind: 'unlink' }, 'Unlink')}
              >
                Unlink the match
              </Button>
            )}
          </>
        )}
        {isDone && (
          <Button
            variant="secondary"
            busy={decide.isPending}
            onClick={() => send({ kind: 'reopen' }, 'Reopen')}
          >
            Reopen
          </Button>
        )}
        {exception.status !== 'cleared' && (
          <Button variant="secondary" onClick={() => open('assign')}>
            {assignee === null ? 'Assign…' : 'Reassign…'}
          </Button>
        )}
        {assignee !== null && (
          <Button
            variant="secondary"
            busy={decide.isPending}
            onClick={() => send({ kind: 'unassign' }, 'Unassign')}
          >
            Unassign
          </Button>
        )}
      </div>
      {exception.status === 'pendingApproval' && (
        <p className="table__note">
          A decision on this exception awaits an approver; nothing else can be decided until then.
        </p>
      )}

      {dialog === 'override' && (
        <OverrideCategoryDialog
          subject={subject}
          currentCategory={exception.category}
          busy={decide.isPending}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={(values) => send({ kind: 'overrideCategory', ...values }, 'Override category')}
        />
      )}
      {dialog === 'resolve' && (
        <ResolveDialog
          subject={subject}
          busy={decide.isPending}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={({ reasonCode, comment }) =>
            send({ kind: 'resolve', reasonCode, comment: comment || undefined }, 'Resolve')
          }
        />
      )}
      {dialog === 'assign' && (
        <AssignDialog
          subject={subject}
          me={me}
          busy={decide.isPending}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={(value) => send({ kind: 'assign', assignee: value }, 'Assign')}
        />
      )}
      {dialog === 'link' && (
        <LinkDialog
          subject={subject}
          clientJobIds={exception.clientJobIds}
          ledgerLineIds={exception.ledgerLineIds}
          busy={decide.isPending}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={({ clientJobIds, ledgerLineIds, comment }) =>
            send(
              { kind: 'link', clientJobIds, ledgerLineIds, comment: comment || undefined },
              'Link records',
            )
          }
        />
      )}
    </section>
  );
}

/** Adds a comment to the exception's history. */
export function CommentForm({ detail }: { detail: ExceptionDetail }) {
  const id = useId();
  const decide = useDecide();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<DecisionFeedback | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (value === '') {
      return;
    }
    decide.mutate(
      { exception: detail.exception, decision: { kind: 'comment', text: value } },
      {
        onSuccess: (result) => {
          setText('');
          setFeedback({ kind: 'result', result, action: 'Comment' });
        },
        onError: (error) => setFeedback({ kind: 'error', error, action: 'Comment' }),
      },
    );
  }

  return (
    <form className="comment-form" onSubmit={handleSubmit}>
      <TextareaField
        id={`${id}-comment`}
        name="text"
        label="Add a comment"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div>
        <Button type="submit" variant="secondary" busy={decide.isPending}>
          Add comment
        </Button>
      </div>
      <LiveRegion>
        <DecisionOutcome feedback={feedback} />
      </LiveRegion>
    </form>
  );
}
