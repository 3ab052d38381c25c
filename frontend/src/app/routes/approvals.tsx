import { ApprovalsInbox } from '@/features/approvals/components/approvals-inbox';
import { RequirePolicy } from './require-policy';

/** `/approvals` (approvers): the decisions awaiting approval. */
export function ApprovalsRoute() {
  return (
    <RequirePolicy policy="approve">
      <title>Approvals · Recon</title>
      <div className="page__header">
        <h1 className="page__title">Approvals</h1>
        <p className="page__lede">
          Decisions over the approval threshold, and write-offs, take effect once another approver
          approves them.
        </p>
      </div>
      <ApprovalsInbox
        exceptionHref={(exceptionId) => `/exceptions/${encodeURIComponent(exceptionId)}`}
      />
    </RequirePolicy>
  );
}
