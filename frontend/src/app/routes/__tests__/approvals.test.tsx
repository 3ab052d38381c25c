import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PendingDecisionView } from '@/features/approvals/api/get-approvals';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem, type Handler } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { aPendingDecision } from '@/testing/review';

const pending = aPendingDecision({ requestedBy: 'rita', reasonCode: 'writeOff', impact: 1500 });

/** The inbox over a fake API; `inbox` is what `GET /api/approvals` lists, and handlers may change it. */
function setUp(
  routes: (inbox: { items: PendingDecisionView[] }) => Record<string, Handler> = () => ({}),
) {
  const inbox = { items: [pending] };
  const api = fakeApi({
    'GET /api/approvals': () => json({ items: inbox.items, nextCursor: null }),
    ...routes(inbox),
  });
  const view = renderApp('/approvals', { user: aUserWithRole('approver') });
  return { ...view, api };
}

const approveUrl = `/api/exceptions/${pending.exceptionId}/approvals/${pending.decisionId}/approve`;
const rejectUrl = `/api/exceptions/${pending.exceptionId}/approvals/${pending.decisionId}/reject`;

describe('the approvals inbox', () => {
  it('lists each pending decision with its exception, maker and reason', async () => {
    setUp();

    const item = (
      await screen.findByRole('heading', { level: 2, name: /Resolve — Missing in ledger/ })
    ).closest('li');
    expect(item).toHaveTextContent('acme');
    expect(item).toHaveTextContent('rita');
    expect(item).toHaveTextContent('Write-off');
    expect(item).toHaveTextContent('Too small to chase.');
    expect(item).toHaveTextContent('A write-off needs an approver.');
    expect(item).toHaveTextContent('1,500');
  });

  it('approves a decision', async () => {
    const { user, api } = setUp((inbox) => ({
      [`POST ${approveUrl}`]: () => {
        inbox.items = [];
        return json({ outcome: 'applied' });
      },
    }));

    await user.click(await screen.findByRole('button', { name: /^Approve: Resolve/ }));

    expect(await screen.findByText(/^Approved: Resolve/)).toBeInTheDocument();
    expect(api.sent('POST', approveUrl)[0]?.headers.get('Idempotency-Key')).not.toBeNull();
    expect(await screen.findByText('Nothing awaits approval')).toBeInTheDocument();
  });

  it('rejects a decision with a reason, which is required', async () => {
    const { user, api } = setUp(() => ({
      [`POST ${rejectUrl}`]: () => json({ outcome: 'applied' }),
    }));

    await user.click(await screen.findByRole('button', { name: /^Reject: Resolve/ }));
    const dialog = screen.getByRole('dialog', { name: /^Reject: Resolve/ });
    await user.click(within(dialog).getByRole('button', { name: 'Reject decision' }));
    expect(within(dialog).getByLabelText('Reason (required)')).toHaveAccessibleDescription(
      /Say why the decision is rejected/,
    );
    expect(api.sent('POST', rejectUrl)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Reason (required)'), 'Chase the client first');
    await user.click(within(dialog).getByRole('button', { name: 'Reject decision' }));

    expect(await screen.findByText(/^Rejected: Resolve/)).toBeInTheDocument();
    expect(api.sent('POST', rejectUrl)[0]?.body).toEqual({ reason: 'Chase the client first' });
  });

  it('explains the refusal when the approver made the decision themselves (403 self-approval)', async () => {
    const { user } = setUp(() => ({
      [`POST ${approveUrl}`]: () =>
        problem(403, {
          type: 'https://recon.example/problems/self-approval',
          title: 'Forbidden',
          detail: 'abe submitted this decision.',
        }),
    }));

    await user.click(await screen.findByRole('button', { name: /^Approve: Resolve/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You cannot decide on your own decision');
    expect(alert).toHaveTextContent('Another approver must approve it');
    expect(alert).toHaveTextContent('abe submitted this decision.');
  });

  it('reads the self-approval code extension too', async () => {
    const { user } = setUp(() => ({
      [`POST ${approveUrl}`]: () => problem(403, { title: 'Forbidden', code: 'self-approval' }),
    }));

    await user.click(await screen.findByRole('button', { name: /^Approve: Resolve/ }));

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('You cannot decide on your own decision'),
    );
  });
});
