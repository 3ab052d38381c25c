import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiSchemas } from '@/lib/api-client';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { aPage, aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';

const MONTH_ERROR = 'Month must be in the form YYYY-MM, e.g. 2026-10.';

async function fillAndSubmit(
  user: ReturnType<typeof renderApp>['user'],
  { clientId, month }: { clientId: string; month: string },
) {
  const clientIdInput = screen.getByLabelText('Client id');
  const monthInput = screen.getByLabelText('Month');
  await user.clear(clientIdInput);
  if (clientId !== '') {
    await user.type(clientIdInput, clientId);
  }
  await user.clear(monthInput);
  if (month !== '') {
    await user.type(monthInput, month);
  }
  await user.click(screen.getByRole('button', { name: 'Open period' }));
}

describe('opening a period', () => {
  it('sends the client id and month to the server', async () => {
    const api = fakeApi({
      'GET /api/periods': () => json(aPage([])),
      'POST /api/periods': () =>
        json({ periodId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, 201, {
          Location: '/api/periods/3f2504e0-4f89-41d3-9a0c-0305e82c3301',
        }),
    });
    const { user } = renderApp('/periods');
    await screen.findByText('No periods yet');

    await fillAndSubmit(user, { clientId: '  acme ', month: '2026-10' });

    await waitFor(() => expect(api.sent('POST', '/api/periods')).toHaveLength(1));
    expect(api.sent('POST', '/api/periods')[0]?.body).toEqual({
      clientId: 'acme',
      month: '2026-10',
    });
  });

  it('shows the month error from the server', async () => {
    fakeApi({
      'GET /api/periods': () => json(aPage([])),
      'POST /api/periods': () =>
        problem(400, {
          title: 'The request has invalid fields',
          errors: { month: [MONTH_ERROR] },
        }),
    });
    const { user } = renderApp('/periods');
    await screen.findByText('No periods yet');

    await fillAndSubmit(user, { clientId: 'acme', month: '2026-13' });

    const month = screen.getByLabelText('Month');
    await waitFor(() => expect(month).toHaveAttribute('aria-invalid', 'true'));
    expect(month).toHaveAccessibleDescription(expect.stringContaining(MONTH_ERROR));
    expect(month).toHaveFocus();
    expect(screen.getByLabelText('Client id')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields');
  });

  it('shows the client id error from the server next to the client id', async () => {
    fakeApi({
      'GET /api/periods': () => json(aPage([])),
      'POST /api/periods': () =>
        problem(400, {
          title: 'The request has invalid fields',
          errors: { clientId: ['Client id is required.'], month: ['Month is required.'] },
        }),
    });
    const { user } = renderApp('/periods');
    await screen.findByText('No periods yet');

    await fillAndSubmit(user, { clientId: '', month: '' });

    const clientId = screen.getByLabelText('Client id');
    await waitFor(() =>
      expect(clientId).toHaveAccessibleDescription(
        expect.stringContaining('Client id is required.'),
      ),
    );
    expect(screen.getByLabelText('Month')).toHaveAccessibleDescription(
      expect.stringContaining('Month is required.'),
    );
    expect(clientId).toHaveFocus();
  });

  it('shows the conflict detail when the client already has that month open', async () => {
    const conflict: ApiSchemas['ProblemDetails'] = {
      title: 'Period already open',
      detail: "Client 'acme' already has an open period for 2026-10.",
    };
    fakeApi({
      'GET /api/periods': () => json(aPage([])),
      'POST /api/periods': () => problem(409, conflict),
    });
    const { user } = renderApp('/periods');
    await screen.findByText('No periods yet');

    await fillAndSubmit(user, { clientId: 'acme', month: '2026-10' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Period already open');
    expect(alert).toHaveTextContent("Client 'acme' already has an open period for 2026-10.");
    expect(screen.getByLabelText('Client id')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Client id')).toHaveValue('acme');
  });

  it('refreshes the list and marks the new period after opening it', async () => {
    const existing = aPeriod({ clientId: 'globex', month: '2026-09' });
    const periods = [existing];
    const api = fakeApi({
      'GET /api/periods': () => json(aPage([...periods])),
      'POST /api/periods': (request) => {
        const body = request.body as ApiSchemas['OpenPeriod'];
        const opened = aPeriod({ clientId: body.clientId, month: body.month });
        periods.unshift(opened);
        return json({ periodId: opened.periodId }, 201);
      },
    });
    const { user } = renderApp('/periods');
    expect(await screen.findByRole('table')).toHaveTextContent('globex');

    await fillAndSubmit(user, { clientId: 'acme', month: '2026-10' });

    const status = await screen.findByText('Period opened');
    expect(status.closest('[role="status"]')).toHaveTextContent('acme · 2026-10 is open.');
    const [, newRow, oldRow] = within(screen.getByRole('table')).getAllByRole('row');
    expect(newRow).toHaveTextContent('acme');
    expect(newRow).toHaveTextContent('New');
    expect(oldRow).toHaveTextContent('globex');
    expect(oldRow).not.toHaveTextContent('New');
    expect(api.sent('GET', '/api/periods')).toHaveLength(2);
    expect(screen.getByLabelText('Client id')).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the server cannot be reached', async () => {
    fakeApi({
      'GET /api/periods': () => json(aPage([])),
      'POST /api/periods': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { user } = renderApp('/periods');
    await screen.findByText('No periods yet');

    await fillAndSubmit(user, { clientId: 'acme', month: '2026-10' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the server');
  });
});
