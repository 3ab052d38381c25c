import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { aDashboardPeriod, someReviewKpis } from '@/testing/review';

describe('the dashboard', () => {
  it('shows each period’s variance before and after review against the limit, as a table and a chart', async () => {
    const acme = aDashboardPeriod({ clientId: 'acme', month: '2026-10' });
    const globex = aDashboardPeriod({
      clientId: 'globex',
      month: '2026-09',
      review: someReviewKpis({
        varianceAfterReview: 240,
        variancePercentAfterReview: 2.4,
        overLimitAfterReview: true,
        open: 9,
      }),
    });
    // As the API sends a period never reconciled: null, not absent.
    const initech = aDashboardPeriod({ clientId: 'initech', latestRun: null, review: null });
    fakeApi({ 'GET /api/dashboard': () => json({ periods: [acme, globex, initech] }) });

    renderApp('/');

    const table = await screen.findByRole('table', {
      name: 'Variance before and after review by period',
    });
    const row = (client: string) =>
      within(table).getByRole('link', { name: client }).closest('tr') as HTMLElement;
    expect(row('acme')).toHaveTextContent('Completed');
    expect(row('acme')).toHaveTextContent('+$150.00');
    expect(row('acme')).toHaveTextContent('Over the 1% limit');
    expect(row('acme')).toHaveTextContent('+$50.00');
    expect(row('acme')).toHaveTextContent('Within the 1% limit');
    expect(row('globex')).toHaveTextContent('2.4%');
    expect(row('initech')).toHaveTextContent('Not reconciled yet');
    expect(within(row('acme')).getByRole('link', { name: /^Review acme/ })).toHaveAttribute(
      'href',
      `/review?periodId=${acme.periodId}`,
    );

    const chart = screen.getByRole('img', { name: /Variance after review by period/ });
    expect(chart).toHaveAccessibleDescription(/1 of 2 periods are over the limit after review/);
  });
});
