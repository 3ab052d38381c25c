import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { aPage, aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';

function bodyRows() {
  const [, ...rows] = within(screen.getByRole('table')).getAllByRole('row');
  return rows;
}

describe('the periods page', () => {
  it('lists the periods the server returns', async () => {
    fakeApi({
      'GET /api/periods': () =>
        json(
          aPage([
            aPeriod({ clientId: 'acme', month: '2026-10', openedBy: 'alice' }),
            aPeriod({ clientId: 'globex', month: '2026-09', openedBy: 'bob' }),
          ]),
        ),
    });

    renderApp('/periods');

    expect(await screen.findByRole('table')).toBeInTheDocument();
    const rows = bodyRows();
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first).toHaveTextContent('acme');
    expect(first).toHaveTextContent('2026-10');
    expect(first).toHaveTextContent('Open');
    expect(first).toHaveTextContent('alice');
    expect(second).toHaveTextContent('globex');
    expect(second).toHaveTextContent('2026-09');
    expect(second).toHaveTextContent('bob');
  });

  it('asks for the first page of 25 periods', async () => {
    const api = fakeApi({ 'GET /api/periods': () => json(aPage([aPeriod()])) });

    renderApp('/periods');

    await screen.findByRole('table');
    const [request] = api.sent('GET', '/api/periods');
    expect(request?.query.get('page')).toBe('1');
    expect(request?.query.get('pageSize')).toBe('25');
  });

  it('shows the app shell with its navigation', async () => {
    fakeApi({ 'GET /api/periods': () => json(aPage([])) });

    renderApp('/periods');

    expect(screen.getByRole('banner')).toHaveTextContent('Recon — revenue reconciliation');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Periods' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Reconciliation periods' }),
    ).toBeInTheDocument();
  });

  it('is one click away from the dashboard at the root address', async () => {
    fakeApi({
      'GET /api/dashboard': () => json({ periods: [] }),
      'GET /api/periods': () => json(aPage([])),
    });

    const { router, user } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'Periods',
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Reconciliation periods' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/periods');
  });

  it('says so while the periods are loading', async () => {
    let answer: (response: Response) => void = () => undefined;
    fakeApi({
      'GET /api/periods': () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });

    renderApp('/periods');

    expect(await screen.findByText('Loading periods…')).toBeInTheDocument();
    answer(json(aPage([aPeriod({ clientId: 'acme' })])));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText('Loading periods…')).not.toBeInTheDocument();
  });

  it('shows an empty state when no period is open yet', async () => {
    fakeApi({ 'GET /api/periods': () => json(aPage([])) });

    renderApp('/periods');

    expect(await screen.findByText('No periods yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the server error when the periods cannot be loaded, and tries again on request', async () => {
    let fail = true;
    const api = fakeApi({
      'GET /api/periods': () =>
        fail
          ? problem(500, {
              title: 'An unexpected error occurred',
              detail: 'The database is not reachable.',
            })
          : json(aPage([aPeriod({ clientId: 'acme' })])),
    });

    const { user } = renderApp('/periods');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The periods could not be loaded');
    expect(alert).toHaveTextContent('The database is not reachable.');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table')).toHaveTextContent('acme');
    expect(api.sent('GET', '/api/periods')).toHaveLength(2);
  });

  it('pages through the periods', async () => {
    const api = fakeApi({
      'GET /api/periods': (request) => {
        const page = Number(request.query.get('page'));
        return page === 2
          ? json(aPage([aPeriod({ clientId: 'second-page' })], { page: 2, totalCount: 26 }))
          : json(
              aPage(
                Array.from({ length: 25 }, (_, index) => aPeriod({ clientId: `first-${index}` })),
                { totalCount: 26 },
              ),
            );
      },
    });

    const { user, router } = renderApp('/periods');

    expect(await screen.findByText(/1–25 of 26 periods/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('second-page')).toBeInTheDocument();
    expect(screen.getByText(/26–26 of 26 periods · page 2 of 2/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(router.state.location.search).toBe('?page=2');
    expect(api.sent('GET', '/api/periods').map((request) => request.query.get('page'))).toEqual([
      '1',
      '2',
    ]);
  });

  it('opens the page named in the address', async () => {
    const api = fakeApi({
      'GET /api/periods': () =>
        json(aPage([aPeriod({ clientId: 'on-page-3' })], { page: 3, totalCount: 51 })),
    });

    renderApp('/periods?page=3');

    expect(await screen.findByText('on-page-3')).toBeInTheDocument();
    expect(api.sent('GET', '/api/periods')[0]?.query.get('page')).toBe('3');
  });
});
