import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '@/features/admin/api/get-dead-letters';
import { formatDateTime } from '@/lib/format';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const RUN_LETTER_ID = '0b7f3c2e-5d1a-4f6b-9c8d-2e1f0a9b8c7d';
const REPLAY_PATH = `/api/admin/dead-letters/${RUN_LETTER_ID}/replay`;

function aDeadLetter(overrides: Partial<DeadLetter> = {}): DeadLetter {
  return {
    id: RUN_LETTER_ID,
    messageType: 'Recon.Api.Runs.ExecuteRun',
    summary: 'ExecuteRun { RunId = 5c0a7e1d-3b2f-4a9e-8d6c-1f0e9d8c7b6a }',
    exceptionType: 'Npgsql.NpgsqlException',
    exceptionMessage: 'Failed to connect to 127.0.0.1:5432',
    failedAt: '2026-11-03T09:30:00Z',
    replayRequested: false,
    ...overrides,
  };
}

const admin = { user: aUserWithRole('admin') };

describe('the failed messages administration', () => {
  it('lists each failed message: its type in words, summary, error, when it failed, its replay', async () => {
    fakeApi({
      'GET /api/admin/dead-letters': () =>
        json({
          items: [
            aDeadLetter(),
            aDeadLetter({
              id: 'c1d2e3f4-0000-4000-8000-000000000002',
              messageType: 'FetchClientJobs',
              summary: null,
              exceptionType: 'System.TimeoutException',
              exceptionMessage: 'The client API did not answer.',
              failedAt: null,
              replayRequested: true,
            }),
          ],
        }),
    });
    renderApp('/admin/failed-messages', admin);

    const table = await screen.findByRole('table', { name: 'Failed messages' });
    expect(screen.getByRole('link', { name: 'Failed messages' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const run = within(table).getByRole('row', { name: /^Reconciliation run/ });
    const jobs = within(table).getByRole('row', { name: /^Fetch client jobs/ });
    expect(within(run).getByRole('rowheader')).toHaveTextContent('Reconciliation run');
    expect(run).toHaveTextContent('ExecuteRun { RunId = 5c0a7e1d-3b2f-4a9e-8d6c-1f0e9d8c7b6a }');
    expect(run).toHaveTextContent('Npgsql.NpgsqlException');
    expect(run).toHaveTextContent('Failed to connect to 127.0.0.1:5432');
    expect(run).toHaveTextContent(formatDateTime('2026-11-03T09:30:00Z'));
    expect(run).toHaveTextContent('Not requested');
    expect(within(jobs).getByRole('rowheader')).toHaveTextContent('Fetch client jobs');
    expect(jobs).toHaveTextContent('System.TimeoutException');
    expect(within(jobs).getByRole('cell', { name: 'Requested' })).toBeInTheDocument();
    expect(
      within(run).getByRole('button', {
        name: `Replay Reconciliation run failed ${formatDateTime('2026-11-03T09:30:00Z')}…`,
      }),
    ).toBeInTheDocument();
    expect(
      within(jobs).getByRole('button', { name: 'Replay Fetch client jobs…' }),
    ).toBeInTheDocument();
  });

  it('says so when nothing has failed for good', async () => {
    fakeApi({ 'GET /api/admin/dead-letters': () => json({ items: [] }) });
    renderApp('/admin/failed-messages', admin);

    expect(await screen.findByText('Nothing has failed for good.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('replays a message only once confirmed, then lists the messages again', async () => {
    document.cookie = 'XSRF-TOKEN=xsrf-value; path=/';
    let letter = aDeadLetter();
    const api = fakeApi({
      'GET /api/admin/dead-letters': () => json({ items: [letter] }),
      'POST /api/admin/dead-letters/:id/replay': () => {
        letter = { ...letter, replayRequested: true };
        return new Response(null, { status: 202 });
      },
    });
    const { user } = renderApp('/admin/failed-messages', admin);

    const table = await screen.findByRole('table', { name: 'Failed messages' });
    await user.click(within(table).getByRole('button', { name: /^Replay Reconciliation run/ }));
    let dialog = screen.getByRole('dialog', { name: /^Replay: Reconciliation run failed/ });
    expect(dialog).toHaveTextContent('ExecuteRun { RunId = 5c0a7e1d-3b2f-4a9e-8d6c-1f0e9d8c7b6a }');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.sent('POST', REPLAY_PATH)).toHaveLength(0);

    await user.click(within(table).getByRole('button', { name: /^Replay Reconciliation run/ }));
    dialog = screen.getByRole('dialog', { name: /^Replay: Reconciliation run failed/ });
    await user.click(within(dialog).getByRole('button', { name: 'Replay message' }));

    expect(
      await screen.findByText(
        'Reconciliation run replayed: the message is back in the inbox and will be handled again.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const [sent] = api.sent('POST', REPLAY_PATH);
    expect(sent?.body).toBeUndefined();
    expect(sent?.headers.get('X-XSRF-TOKEN')).toBe('xsrf-value');
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(api.sent('GET', '/api/admin/dead-letters')).toHaveLength(2));
    expect(await within(table).findByRole('cell', { name: 'Requested' })).toBeInTheDocument();
    expect(within(table).queryByRole('cell', { name: 'Not requested' })).not.toBeInTheDocument();
  });

  it('keeps the replay from being sent twice while it is pending', async () => {
    let answer: (response: Response) => void = () => undefined;
    const api = fakeApi({
      'GET /api/admin/dead-letters': () => json({ items: [aDeadLetter()] }),
      'POST /api/admin/dead-letters/:id/replay': () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });
    const { user } = renderApp('/admin/failed-messages', admin);

    await user.click(await screen.findByRole('button', { name: /^Replay Reconciliation run/ }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Replay message' }));
    const pending = await within(dialog).findByRole('button', { name: 'Replaying…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    await user.click(pending);
    expect(api.sent('POST', REPLAY_PATH)).toHaveLength(1);

    answer(new Response(null, { status: 202 }));
    expect(await screen.findByText(/^Reconciliation run replayed/)).toBeInTheDocument();
    expect(api.sent('POST', REPLAY_PATH)).toHaveLength(1);
  });

  it('shows the problem’s detail when the message is no longer there (404)', async () => {
    let items = [aDeadLetter()];
    const api = fakeApi({
      'GET /api/admin/dead-letters': () => json({ items }),
      'POST /api/admin/dead-letters/:id/replay': (_request, { id = '' }) => {
        items = [];
        return problem(404, {
          title: 'Dead letter not found',
          detail: `No dead-lettered message has id ${id}.`,
        });
      },
    });
    const { user } = renderApp('/admin/failed-messages', admin);

    await user.click(await screen.findByRole('button', { name: /^Replay Reconciliation run/ }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Replay message' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Reconciliation run: the replay was refused');
    expect(alert).toHaveTextContent(`No dead-lettered message has id ${RUN_LETTER_ID}.`);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('Nothing has failed for good.')).toBeInTheDocument();
    expect(api.sent('GET', '/api/admin/dead-letters')).toHaveLength(2);
  });

  it('is for admins only', async () => {
    fakeApi({});
    renderApp('/admin/failed-messages', { user: aUserWithRole('reviewer') });

    expect(await screen.findByText('Your roles do not open this page.')).toBeInTheDocument();
  });
});
