import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogForm } from '@/components/ui/dialog-form';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveRegion } from '@/components/ui/live-region';
import { LoadMore } from '@/components/ui/load-more';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { QueryView } from '@/components/ui/query-view';
import { TextareaField } from '@/components/ui/textarea-field';
import { useDecideApproval } from '@/features/approvals/api/decide-approval';
import { useApprovals, type PendingDecisionView } from '@/features/approvals/api/get-approvals';
import { categoryLabel } from '@/lib/categories';
import { formatDateTime, formatDecimal, formatMonth } from '@/lib/format';
import { problemCode, toProblem } from '@/lib/problem-details';
import { useSessionUser } from '@/lib/session';

type Feedback = { kind: 'done'; text: string } | { kind: 'error'; error: unknown; action: string };

const kindLabels: Readonly<Record<string, string>> = {
  accept: 'Accept the suggested resolution',
  resolve: 'Resolve',
  link: 'Link records by hand',
  overrideCategory: 'Override the category',
};

const reasonLabels: Readonly<Record<string, string>> = {
  billingCorrected: 'Billing corrected',
  creditIssued: 'Credit issued',
  clientDispute: 'Client dispute',
  writeOff: 'Write-off',
  timingDifference: 'Timing difference',
  other: 'Other',
};

function describe(item: PendingDecisionView): string {
  return `${kindLabels[item.kind] ?? item.kind} — ${categoryLabel(item.category)}, ${item.clientId} ${item.month}`;
}

/** Whether a failure is the maker-checker rule: nobody approves or rejects their own decision. */
function isSelfApproval(error: unknown): boolean {
  return toProblem(error).status === 403 && problemCode(error) === 'self-approval';
}

function FeedbackView({ feedback }: { feedback: Feedback | null }) {
  if (feedback === null) {
    return null;
  }
  if (feedback.kind === 'done') {
    return <Alert tone="success" title={feedback.text} />;
  }
  if (isSelfApproval(feedback.error)) {
    const problem = toProblem(feedback.error);
    return (
      <Alert tone="error" title="You cannot decide on your own decision">
        <p>
          Another approver must {feedback.action.toLowerCase()} it (maker-checker).
          {problem.detail !== null && ` ${problem.detail}`}
        </p>
      </Alert>
    );
  }
  return <ProblemAlert error={feedback.error} title={`${feedback.action}: refused`} />;
}

interface ApprovalsInboxProps {
  exceptionHref: (exceptionId: string) => string;
}

/** The decisions waiting for an approver, each with what it is about, who asked and why; approve or reject. */
export function ApprovalsInbox({ exceptionHref }: ApprovalsInboxProps) {
  const approvals = useApprovals();
  const decideApproval = useDecideApproval();
  const me = useSessionUser()?.userName ?? null;
  const [rejecting, setRejecting] = useState<PendingDecisionView | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  function approve(item: PendingDecisionView) {
    setFeedback(null);
    decideApproval.mutate(
      { pending: item, decision: { kind: 'approve' } },
      {
        onSuccess: () => setFeedback({ kind: 'done', text: `Approved: ${describe(item)}` }),
        onError: (error) => setFeedback({ kind: 'error', error, action: 'Approve' }),
      },
    );
  }

  function reject(item: PendingDecisionView, reason: string) {
    setFeedback(null);
    decideApproval.mutate(
      { pending: item, decision: { kind: 'reject', reason } },
      {
        onSuccess: () => {
          setRejecting(null);
          setFeedback({ kind: 'done', text: `Rejected: ${describe(item)}` });
        },
        onError: (error) => {
          setRejecting(null);
          setFeedback({ kind: 'error', error, action: 'Reject' });
        },
      },
    );
  }

  const items = approvals.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="approvals">
      <LiveRegion>
        <FeedbackView feedback={feedback} />
      </LiveRegion>
      <QueryView
        query={approvals}
        loadingLabel="Loading the decisions awaiting approval…"
        errorTitle="The decisions awaiting approval could not be loaded"
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState title="Nothing awaits approval">
            <p>Decisions over the approval threshold, and write-offs, appear here.</p>
          </EmptyState>
        }
      >
        {() => (
          <>
            <ul className="approvals__list">
              {items.map((item) => (
                <li key={item.decisionId} className="card approval">
                  <h2 className="card__title">
                    <Link to={exceptionHref(item.exceptionId)}>{describe(item)}</Link>
                  </h2>
                  <dl className="details">
                    <div className="details__item">
                      <dt>Period</dt>
                      <dd>
                        {item.clientId} · {formatMonth(item.month)}
                      </dd>
                    </div>
                    <div className="details__item">
                      <dt>Impact</dt>
                      <dd>{formatDecimal(item.impact)}</dd>
                    </div>
                    <div className="details__item details__item--wide">
                      <dt>Why it needs approval</dt>
                      <dd>{item.why}</dd>
                    </div>
                    <div className="details__item">
                      <dt>Requested by</dt>
                      <dd>
                        {item.requestedBy}
                        {item.requestedBy === me && ' (you)'}
                      </dd>
                    </div>
                    <div className="details__item">
                      <dt>Requested</dt>
                      <dd>{formatDateTime(item.requestedAt)}</dd>
                    </div>
                    <div className="details__item">
                      <dt>Reason</dt>
                      <dd>
                        {(item.reasonCode ?? null) === null
                          ? '—'
                          : (reasonLabels[item.reasonCode ?? ''] ?? item.reasonCode)}
                      </dd>
                    </div>
                    {(item.comment ?? null) !== null && (
                      <div className="details__item details__item--wide">
                        <dt>Comment</dt>
                        <dd>{item.comment}</dd>
                      </div>
                    )}
                  </dl>
                  {item.requestedBy === me && (
                    <p className="table__note">
                      You submitted this decision: another approver must decide it.
                    </p>
                  )}
                  <div className="actions">
                    <Button
                      busy={decideApproval.isPending}
                      onClick={() => approve(item)}
                      aria-label={`Approve: ${describe(item)}`}
                    >
                      Approve
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        decideApproval.reset();
                        setRejecting(item);
                      }}
                      aria-label={`Reject: ${describe(item)}`}
                    >
                      Reject…
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
            <LoadMore
              shown={items.length}
              label={{ singular: 'decision', plural: 'decisions' }}
              hasMore={approvals.hasNextPage}
              loading={approvals.isFetchingNextPage}
              onLoadMore={() => void approvals.fetchNextPage()}
            />
          </>
        )}
      </QueryView>
      {rejecting !== null && (
        <RejectDialog
          item={rejecting}
          busy={decideApproval.isPending}
          onClose={() => setRejecting(null)}
          onSubmit={(reason) => reject(rejecting, reason)}
        />
      )}
    </div>
  );
}

function RejectDialog({
  item,
  busy,
  onClose,
  onSubmit,
}: {
  item: PendingDecisionView;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Dialog title={`Reject: ${describe(item)}`} onClose={onClose}>
      <DialogForm
        noValidate
        submitLabel="Reject decision"
        busy={busy}
        onCancel={onClose}
        onSubmit={() => {
          const value = reason.trim();
          setMissing(value === '');
          if (value !== '') {
            onSubmit(value);
          }
        }}
      >
        <TextareaField
          id={`${id}-reason`}
          name="reason"
          label="Reason (required)"
          hint="The maker sees it in the exception's history."
          value={reason}
          errors={missing ? ['Say why the decision is rejected.'] : []}
          onChange={(event) => setReason(event.target.value)}
        />
      </DialogForm>
    </Dialog>
  );
}
