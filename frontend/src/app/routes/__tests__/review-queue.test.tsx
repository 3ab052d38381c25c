import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '@/features/review/api/types';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, type Handler } from '@/testing/fake-api';
import { aPage, aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';
import { anExceptionDetail, aReviewItem } from '@/testing/review';

const first = aReviewItem({ clientJobIds: ['J1'], impact: 900, category: 'rate_change' });
const second = aReviewItem({ clientJobIds: ['J2'], impact: 500, category: 'duplicate_billing' });
const third = aReviewItem({ clientJobIds: ['J3'], impact: 100, category: 'rounding' });

function setUp({
  items = [first, second, third],
  path = '/review',
  role = 'reviewer',
  routes = {},
}: {
  items?: ReviewItem[];
  path?: string;
  role?: 'reviewer' | 'auditor';
  routes?: Record<string, Handler>;
} = {}) {
  const api = fakeApi({
    'GET /api/review-queue': () => json({ items, nextCursor: null }),
    'GET /api/periods': () => json(aPage([aPeriod({ clientId: 'acme', month: '2026-10' })])),
    ...routes,
  });
  const view = renderApp(path, { user: aUserWithRole(role) });
  return { ...view, api };
}

function queueTable() {
  return screen.findByRole('table', { name: /Exceptions to review/ });
}

function rowOf(jobId: string) {
  const row = screen.getByText(jobId, { selector: '.table__note' }).closest('tr');
  if (row === null) {
    throw new Error(`No row for ${jobId}`);
  }
  return row;
}

describe('the review queue', () => {
  it('lists the exceptions with their period, amounts, status and assignee', async () => {
    setUp();

    const table = await queueTable();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Rate change');
    expect(rows[1]).toHaveTextContent('acme · 2026-10');
    expect(rows[1]).toHaveTextContent('$900.00');
    expect(rows[1]).toHaveTextContent('Open');
    expect(rows[1]).toHaveTextContent('Unassigned');
    expect(screen.getByRole('region', { name: 'Keyboard shortcuts' })).toHaveTextContent(
      'Override the category',
    );
  });

  it('keeps the filters in the address and asks the server for them', async () => {
    const { user, api, router } = setUp({ path: '/review?assignee=me' });
    await queueTable();
    expect(api.sent('GET', '/api/review-queue')[0]?.query.get('assignee')).toBe('me');

    await user.selectOptions(screen.getByLabelText('Category'), 'duplicate_billing');

    await waitFor(() =>
      expect(router.state.location.search).toContain('category=duplicate_billing'),
    );
    expect(router.state.location.search).toContain('assignee=me');
    await waitFor(() =>
      expect(api.sent('GET', '/api/review-queue').at(-1)?.query.get('category')).toBe(
        'duplicate_billing',
      ),
    );

    await user.selectOptions(screen.getByLabelText('Status'), 'resolved');
    await waitFor(() => expect(router.state.location.search).toContain('status=resolved'));
    expect(api.sent('GET', '/api/review-queue').at(-1)?.query.get('status')).toBe('resolved');
  });

  it('searches once the reader stops typing', async () => {
    const { user, api, router } = setUp();
    await queueTable();
    const before = api.sent('GET', '/api/review-queue').length;

    await user.type(screen.getByLabelText('Search'), 'J100');

    await waitFor(() => expect(router.state.location.search).toBe('?q=J100'));
    await waitFor(() =>
      expect(api.sent('GET', '/api/review-queue').at(-1)?.query.get('q')).toBe('J100'),
    );
    // One search for the whole word, not one per letter.
    expect(api.sent('GET', '/api/review-queue').length - before).toBe(1);
  });

  it('reads minimum and maximum impact from the address', async () => {
    const { api } = setUp({ path: '/review?minImpact=100&maxImpact=2000&site=RIV-01' });
    await queueTable();
    const [request] = api.sent('GET', '/api/review-queue');
    expect(request?.query.get('minImpact')).toBe('100');
    expect(request?.query.get('maxImpact')).toBe('2000');
    expect(request?.query.get('site')).toBe('RIV-01');
    expect(screen.getByLabelText('Minimum impact')).toHaveValue(100);
  });

  it('moves between rows with j and k and opens one with o', async () => {
    const { user, router } = setUp({
      routes: { 'GET /api/exceptions/:id': () => json(anExceptionDetail(second)) },
    });
    await queueTable();

    await user.keyboard('j');
    expect(rowOf('J1')).toHaveClass('review-table__row--focused');
    expect(within(rowOf('J1')).getByRole('link')).toHaveFocus();

    await user.keyboard('jj');
    expect(rowOf('J3')).toHaveClass('review-table__row--focused');
    await user.keyboard('j');
    expect(rowOf('J3')).toHaveClass('review-table__row--focused');

    await user.keyboard('k');
    expect(rowOf('J2')).toHaveClass('review-table__row--focused');
    expect(within(rowOf('J2')).getByRole('link')).toHaveFocus();

    await user.keyboard('o');
    expect(router.state.location.pathname).toBe(`/exceptions/${second.exceptionId}`);
  });

  it('takes no shortcut while the reader types in a field', async () => {
    const { user, api } = setUp();
    await queueTable();

    await user.click(screen.getByLabelText('Client id'));
    await user.keyboard('jaxr');

    expect(screen.getByLabelText('Client id')).toHaveValue('jaxr');
    expect(document.querySelector('.review-table__row--focused')).toBeNull();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('accepts the focused exception with a, sending its version and an idempotency key', async () => {
    const { user, api } = setUp({
      routes: {
        'POST /api/exceptions/:id/accept': (_, params) =>
          json({
            outcome: 'applied',
            exception: { ...first, exceptionId: params.id, status: 'resolved', version: 2 },
          }),
      },
    });
    await queueTable();

    await user.keyboard('ja');

    const status = await screen.findByText(/Accept Rate change J1: done/);
    expect(status).toBeInTheDocument();
    const [request] = api.sent('POST', `/api/exceptions/${first.exceptionId}/accept`);
    expect(request?.body).toEqual({ expectedVersion: 1 });
    expect(request?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resolves the focused exception with r: a reason code and a comment', async () => {
    const { user, api } = setUp({
      routes: {
        'POST /api/exceptions/:id/resolve': () =>
          json({ outcome: 'pendingApproval', decisionId: 'd-1', exception: first }),
      },
    });
    await queueTable();

    await user.keyboard('jr');
    const dialog = await screen.findByRole('dialog', { name: /^Resolve the exception/ });
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'writeOff');
    await user.type(within(dialog).getByLabelText(/Comment/), 'Too small to chase');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));

    expect(await screen.findByText(/submitted for approval/)).toBeInTheDocument();
    expect(screen.getByText(/This decision awaits an approver/)).toBeInTheDocument();
    expect(api.sent('POST', `/api/exceptions/${first.exceptionId}/resolve`)[0]?.body).toEqual({
      expectedVersion: 1,
      reasonCode: 'writeOff',
      comment: 'Too small to chase',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('overrides the category of the focused exception with c', async () => {
    const { user, api } = setUp({
      routes: {
        'POST /api/exceptions/:id/override-category': () =>
          json({ outcome: 'applied', exception: { ...first, category: 'rounding', version: 2 } }),
      },
    });
    await queueTable();

    await user.keyboard('jc');
    const dialog = await screen.findByRole('dialog', { name: /^Override the category/ });
    await user.selectOptions(within(dialog).getByLabelText('New category'), 'rounding');
    await user.click(within(dialog).getByRole('button', { name: 'Override category' }));
    expect(within(dialog).getByLabelText(/Comment/)).toHaveAccessibleDescription(
      'Say why the category is wrong.',
    );
    await user.type(within(dialog).getByLabelText(/Comment/), 'Cents only');
    await user.click(within(dialog).getByRole('button', { name: 'Override category' }));

    await waitFor(() =>
      expect(
        api.sent('POST', `/api/exceptions/${first.exceptionId}/override-category`),
      ).toHaveLength(1),
    );
    expect(
      api.sent('POST', `/api/exceptions/${first.exceptionId}/override-category`)[0]?.body,
    ).toEqual({
      expectedVersion: 1,
      category: 'rounding',
      reasonCode: 'misclassified',
      comment: 'Cents only',
    });
  });

  it('selects rows with x and the checkboxes, and resolves them in bulk with each outcome', async () => {
    const { user, api } = setUp({
      routes: {
        'POST /api/review-queue/bulk': () =>
          json({
            results: [
              {
                exceptionId: first.exceptionId,
                outcome: 'applied',
                status: 'resolved',
                version: 2,
              },
              {
                exceptionId: second.exceptionId,
                outcome: 'pendingApproval',
                status: 'pendingApproval',
              },
              {
                exceptionId: third.exceptionId,
                outcome: 'conflict',
                error: 'Version 3 is current, not 1.',
              },
            ],
            applied: 1,
            pendingApproval: 1,
            failed: 1,
          }),
      },
    });
    await queueTable();

    await user.keyboard('jx');
    expect(within(rowOf('J1')).getByRole('checkbox')).toBeChecked();
    await user.click(within(rowOf('J2')).getByRole('checkbox'));
    await user.click(within(rowOf('J3')).getByRole('checkbox'));

    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(bar).toHaveTextContent('3 exceptions selected');
    expect(screen.getByRole('checkbox', { name: 'Select all loaded exceptions' })).toBeChecked();

    await user.click(within(bar).getByRole('button', { name: 'Resolve selected…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve 3 selected exceptions' });
    await user.selectOptions(within(dialog).getByLabelText('Reason'), 'timingDifference');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));

    expect(await screen.findByText(/1 applied, 1 awaiting approval, 1 failed/)).toBeInTheDocument();
    const notApplied = screen.getByRole('table', { name: 'Exceptions not applied' });
    expect(notApplied).toHaveTextContent('Awaiting approval');
    expect(notApplied).toHaveTextContent('Changed by someone else');
    expect(notApplied).toHaveTextContent('Version 3 is current, not 1.');

    const [request] = api.sent('POST', '/api/review-queue/bulk');
    expect(request?.body).toEqual({
      exceptionIds: [first.exceptionId, second.exceptionId, third.exceptionId],
      decision: { kind: 'resolve', reasonCode: 'timingDifference' },
    });
    expect(request?.headers.get('Idempotency-Key')).not.toBeNull();
    // The failed one stays selected, to try again.
    expect(screen.getByRole('region', { name: 'Bulk actions' })).toHaveTextContent(
      '1 exception selected',
    );
  });

  it('selects every loaded exception at once and assigns them', async () => {
    const { user, api } = setUp({
      routes: {
        'POST /api/review-queue/bulk': () =>
          json({ results: [], applied: 3, pendingApproval: 0, failed: 0 }),
      },
    });
    await queueTable();

    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded exceptions' }));
    await user.click(screen.getByRole('button', { name: 'Assign selected…' }));
    const dialog = await screen.findByRole('dialog', { name: /^Assign 3 selected/ });
    await user.click(within(dialog).getByRole('button', { name: 'Me (rita)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await screen.findByText(/3 applied, 0 awaiting approval, 0 failed/)).toBeInTheDocument();
    expect(api.sent('POST', '/api/review-queue/bulk')[0]?.body).toMatchObject({
      decision: { kind: 'assign', assignee: 'rita' },
    });
  });

  it('is read-only for an auditor: no checkboxes, no decision shortcuts', async () => {
    const { user, api } = setUp({ role: 'auditor' });
    await queueTable();

    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Keyboard shortcuts' })).not.toHaveTextContent(
      'Accept',
    );
    await user.keyboard('jar');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('loads more exceptions with the cursor', async () => {
    const { user, api } = setUp({
      routes: {
        'GET /api/review-queue': (request) =>
          request.query.get('cursor') === 'next'
            ? json({ items: [third], nextCursor: null })
            : json({ items: [first, second], nextCursor: 'next' }),
      },
    });
    await queueTable();

    await user.click(screen.getByRole('button', { name: 'Load more exceptions' }));

    expect(await screen.findByText('3 exceptions shown')).toBeInTheDocument();
    expect(api.sent('GET', '/api/review-queue').at(-1)?.query.get('cursor')).toBe('next');
  });
});

describe('the queue’s dialogs', () => {
  it('give the focus back to the row they were opened from', async () => {
    const { user } = setUp();
    await queueTable();

    await user.keyboard('jr');
    const dialog = await screen.findByRole('dialog', { name: /^Resolve the exception/ });
    expect(within(dialog).getByLabelText('Reason')).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(rowOf('J1')).getByRole('link')).toHaveFocus();
  });
});
