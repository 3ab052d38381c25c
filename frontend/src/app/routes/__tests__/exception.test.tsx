import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExceptionDetail, ReviewItem } from '@/features/review/api/types';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem, type Handler } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { aHistoryEntry, anExceptionDetail, aReviewItem } from '@/testing/review';

function setUp({
  detail = anExceptionDetail(aReviewItem({ clientJobIds: ['J100234'], version: 4 })),
  role = 'reviewer',
  routes = {},
}: {
  detail?: ExceptionDetail;
  role?: 'reviewer' | 'auditor';
  routes?: Record<string, Handler>;
} = {}) {
  let current = detail;
  const api = fakeApi({
    'GET /api/exceptions/:id': () => json(current),
    ...routes,
  });
  const view = renderApp(`/exceptions/${detail.exception.exceptionId}`, {
    user: aUserWithRole(role),
  });
  return {
    ...view,
    api,
    exception: detail.exception,
    /** What the server answers from now on. */
    change: (next: ExceptionDetail) => {
      current = next;
    },
  };
}

async function sideBySide() {
  return screen.findByRole('table', { name: /Client jobs and ledger lines side by side/ });
}

function fieldRow(table: HTMLElement, field: string) {
  const row = within(table).getByText(field, { selector: 'code' }).closest('tr');
  if (row === null) {
    throw new Error(`No row for ${field}`);
  }
  return row;
}

describe('an exception', () => {
  it('shows both sides side by side, the fields that differ marked in words', async () => {
    setUp();

    const table = await sideBySide();
    expect(within(table).getByRole('columnheader', { name: 'Client jobs' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Ledger lines' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'J100234' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'INV-1/1' })).toBeInTheDocument();

    const unitRate = fieldRow(table, 'unitRate');
    expect(unitRate).toHaveTextContent('125');
    expect(unitRate).toHaveTextContent('137.5');
    expect(unitRate).toHaveTextContent('Differs');
    expect(within(unitRate).getAllByRole('cell')[0]).toHaveClass('compare__value--differs');
    expect(fieldRow(table, 'amount')).toHaveTextContent('Differs');
    expect(fieldRow(table, 'site')).toHaveTextContent('Same');
    expect(fieldRow(table, 'quantity')).toHaveTextContent('Same');
    expect(screen.getByText('2 fields differ between the two sides.')).toBeInTheDocument();

    // The values as received, on each side.
    expect(screen.getByRole('region', { name: 'Ledger lines as received' })).toHaveTextContent(
      'unit_price',
    );
    // Why they were matched, field by field.
    expect(screen.getByRole('table', { name: 'How each field compared' })).toHaveTextContent(
      'amount',
    );
  });

  it('lists the decision history: who, when, what, why, and what changed', async () => {
    const exception = aReviewItem({ status: 'resolved', version: 3 });
    setUp({
      detail: anExceptionDetail(exception, {
        history: [
          aHistoryEntry(),
          aHistoryEntry({
            version: 3,
            type: 'ExceptionResolved',
            by: 'rita',
            summary: 'Resolved',
            reasonCode: 'billingCorrected',
            comment: 'Credit note CN-7 sent',
            before: { status: 'open', category: 'rate_change' },
            after: { status: 'resolved', category: 'rate_change', resolution: 'billingCorrected' },
          }),
        ],
      }),
    });

    const history = await screen.findByRole('table', { name: 'Decision history' });
    const row = within(history)
      .getByRole('rowheader', { name: /Resolved/ })
      .closest('tr');
    expect(row).toHaveTextContent('rita');
    expect(row).toHaveTextContent('Billing corrected');
    expect(row).toHaveTextContent('Credit note CN-7 sent');
    expect(row).toHaveTextContent('Status: Open → Resolved');
    expect(row).toHaveTextContent('Resolution: none → billingCorrected');
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
  });

  it('accepts with the version on screen and a new idempotency key per action', async () => {
    const { user, api, exception } = setUp({
      routes: {
        'POST /api/exceptions/:id/accept': () =>
          json({ outcome: 'applied', exception: aReviewItem({ status: 'resolved', version: 5 }) }),
      },
    });
    await sideBySide();

    await user.click(screen.getByRole('button', { name: 'Accept suggested resolution' }));

    expect(await screen.findByText('Accept: done')).toBeInTheDocument();
    const [request] = api.sent('POST', `/api/exceptions/${exception.exceptionId}/accept`);
    expect(request?.body).toEqual({ expectedVersion: 4 });
    expect(request?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the current state when someone changed the exception first (409)', async () => {
    const stale = aReviewItem({ version: 4, assignee: null });
    const current: ReviewItem = { ...stale, version: 6, assignee: 'bob', category: 'rounding' };
    const { user, change } = setUp({
      detail: anExceptionDetail(stale),
      routes: {
        'POST /api/exceptions/:id/accept': () => {
          change(anExceptionDetail(current));
          return problem(409, {
            title: 'Conflict',
            detail: 'The exception is at version 6, not 4.',
            current,
          });
        },
      },
    });
    await sideBySide();

    await user.click(screen.getByRole('button', { name: 'Accept suggested resolution' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone changed this exception — here is the current state');
    const summary = screen.getByRole('region', { name: 'Summary' });
    await waitFor(() => expect(summary).toHaveTextContent('bob'));
    expect(summary).toHaveTextContent('6');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Rounding exception');
  });

  it('says when a resolution awaits an approver', async () => {
    const { user, api, exception } = setUp({
      routes: {
        'POST /api/exceptions/:id/resolve': () =>
          json({
            outcome: 'pendingApproval',
            decisionId: 'd-1',
            exception: aReviewItem({ status: 'pendingApproval', version: 5 }),
          }),
      },
    });
    await sideBySide();

    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve this exception' });
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'writeOff');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));

    expect(await screen.findByText('Resolve: submitted for approval')).toBeInTheDocument();
    expect(screen.getByText(/This decision awaits an approver/)).toBeInTheDocument();
    expect(api.sent('POST', `/api/exceptions/${exception.exceptionId}/resolve`)[0]?.body).toEqual({
      expectedVersion: 4,
      reasonCode: 'writeOff',
    });
  });

  it('needs a comment to resolve with the reason “other”', async () => {
    const { user, api } = setUp();
    await sideBySide();

    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve this exception' });
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'other');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));

    expect(within(dialog).getByLabelText('Comment (required)')).toHaveAccessibleDescription(
      /Explain the resolution/,
    );
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('links records by hand: the exception’s own and others typed in', async () => {
    const { user, api, exception } = setUp({
      routes: {
        'POST /api/exceptions/:id/link': () =>
          json({ outcome: 'applied', exception: aReviewItem({ status: 'resolved', version: 5 }) }),
      },
    });
    await sideBySide();

    await user.click(screen.getByRole('button', { name: 'Link records…' }));
    const dialog = screen.getByRole('dialog', { name: 'Link records of this exception' });
    await user.type(within(dialog).getByLabelText('Other ledger line ids'), 'INV-9/1, INV-9/2');
    await user.click(within(dialog).getByRole('button', { name: 'Link records' }));

    await waitFor(() =>
      expect(api.sent('POST', `/api/exceptions/${exception.exceptionId}/link`)).toHaveLength(1),
    );
    expect(api.sent('POST', `/api/exceptions/${exception.exceptionId}/link`)[0]?.body).toEqual({
      expectedVersion: 4,
      clientJobIds: ['J100234'],
      ledgerLineIds: ['INV-1/1', 'INV-9/1', 'INV-9/2'],
    });
  });

  it('keeps a dialog open with the server’s reason when it refuses (422)', async () => {
    const { user } = setUp({
      routes: {
        'POST /api/exceptions/:id/assign': () =>
          problem(422, {
            title: 'Refused',
            detail: 'zed is not an enabled user.',
            code: 'unknown-user',
          }),
      },
    });
    await sideBySide();

    await user.click(screen.getByRole('button', { name: 'Assign…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign this exception' });
    await user.type(within(dialog).getByLabelText('Assignee (user name)'), 'zed');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'zed is not an enabled user.',
    );
  });

  it('shows an unmatched exception, whose explanation the API sends as null', async () => {
    const exception = aReviewItem({ matchId: null, ledgerLineIds: [] });
    fakeApi({
      'GET /api/exceptions/:id': () =>
        json({ ...anExceptionDetail(exception, { ledgerLines: [] }), explanation: null }),
    });
    renderApp(`/exceptions/${exception.exceptionId}`);

    const table = await sideBySide();
    expect(within(table).getByRole('columnheader', { name: 'None' })).toBeInTheDocument();
    expect(fieldRow(table, 'amount')).toHaveTextContent('One side only');
    expect(screen.queryByRole('region', { name: /Why these records/ })).not.toBeInTheDocument();
  });

  it('shows an auditor everything but no decision', async () => {
    setUp({ role: 'auditor' });
    await sideBySide();

    expect(screen.queryByRole('region', { name: 'Decide' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept|Resolve|Assign/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Add a comment')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Decision history' })).toBeInTheDocument();
  });
});
