import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { aPage, aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';

describe('viewing a period', () => {
  it('shows the period', async () => {
    const period = aPeriod({ clientId: 'acme', month: '2026-10', openedBy: 'alice' });
    fakeApi({
      'GET /api/periods/:periodId': (_, { periodId }) =>
        periodId === period.periodId ? json(period) : problem(404, { title: 'Period not found' }),
    });

    renderApp(`/periods/${period.periodId}`);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('acme');
    const details = screen.getByRole('region', { name: 'Period details' });
    expect(details).toHaveTextContent('2026-10');
    expect(details).toHaveTextContent('Open');
    expect(details).toHaveTextContent('alice');
    expect(details).toHaveTextContent(period.periodId);
  });

  it('says when the period does not exist', async () => {
    fakeApi({
      'GET /api/periods/:periodId': (_, { periodId }) =>
        problem(404, { title: 'Period not found', detail: `No period has id ${periodId}.` }),
    });

    renderApp('/periods/3f2504e0-4f89-41d3-9a0c-0305e82c3301');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Period not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'No period has id 3f2504e0-4f89-41d3-9a0c-0305e82c3301.',
    );
  });

  it('is reached from the periods table', async () => {
    const period = aPeriod({ clientId: 'acme' });
    fakeApi({
      'GET /api/periods': () => json(aPage([period])),
      'GET /api/periods/:periodId': () => json(period),
    });

    const { user, router } = renderApp('/periods');

    const table = await screen.findByRole('table');
    await user.click(within(table).getByRole('link', { name: 'acme' }));

    expect(await screen.findByRole('region', { name: 'Period details' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/periods/${period.periodId}`);
  });
});
