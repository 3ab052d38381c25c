import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiSchemas } from '@/lib/api-client';
import { fakeApi, json, problem, type Handler } from '@/testing/fake-api';
import { aPeriod } from '@/testing/periods';
import { aMatch, anException, aRateAnomaly, aRun, someKpis } from '@/testing/reconciliation';
import { renderApp } from '@/testing/render-app';

type RunView = ApiSchemas['RunView'];

/** A period's reconciliation page over a fake API; the handlers not given answer with nothing. */
function setUp({
  runs = [],
  path = '',
  requestRun = () => problem(500, { title: 'Not expected' }),
  getRun,
  exceptions = () => json({ items: [], nextCursor: null }),
  matches = () => json({ items: [], nextCursor: null }),
  anomalies = () => json([]),
}: {
  runs?: RunView[];
  path?: string;
  requestRun?: Handler;
  getRun?: Handler;
  exceptions?: Handler;
  matches?: Handler;
  anomalies?: Handler;
} = {}) {
  const period = aPeriod({ clientId: 'acme', month: '2026-10' });
  const listed = [...runs];
  const api = fakeApi({
    'GET /api/periods/:periodId': () => json(period),
    'GET /api/periods/:periodId/runs': () => json({ items: [...listed] }),
    'POST /api/periods/:periodId/runs': requestRun,
    'GET /api/runs/:runId': (request, params) => {
      if (getRun !== undefined) {
        return getRun(request, params);
      }
      const run = listed.find((candidate) => candidate.runId === params.runId);
      return run === undefined ? problem(404, { title: 'Run not found' }) : json(run);
    },
    'GET /api/runs/:runId/exceptions': exceptions,
    'GET /api/runs/:runId/matches': matches,
    'GET /api/runs/:runId/anomalies': anomalies,
    'GET /api/runs/:runId/data-quality': (_request, { runId = '' }) =>
      json({
        runId,
        clientId: 'acme',
        recorded: true,
        unmappedDescriptions: [],
        unmappedSites: [],
        services: [],
      }),
  });
  const view = renderApp(`/periods/${period.periodId}/reconciliation${path}`);
  return { ...view, api, period, listed };
}

function runRegion() {
  return screen.findByRole('region', { name: /^Run requested/ });
}

describe("a period's reconciliation page", () => {
  it('is a tab of the period page and says when nothing was reconciled yet', async () => {
    const period = aPeriod({ clientId: 'acme' });
    fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/runs': () => json({ items: [] }),
    });

    const { user, router } = renderApp(`/periods/${period.periodId}`);

    const tabs = await screen.findByRole('navigation', { name: 'Period' });
    await user.click(within(tabs).getByRole('link', { name: 'Reconciliation' }));

    expect(router.state.location.pathname).toBe(`/periods/${period.periodId}/reconciliation`);
    expect(within(tabs).getByRole('link', { name: 'Reconciliation' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await screen.findByText('Not reconciled yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run reconciliation' })).toBeInTheDocument();
  });

  it('runs a reconciliation, shows its progress while it runs, then its figures', async () => {
    const run = aRun({
      status: 'queued',
      phase: 'queued',
      progress: 0,
      kpis: undefined,
      completedAt: null,
    });
    const states: RunView[] = [
      { ...run, status: 'running', phase: 'matching', progress: 0.4 },
      { ...run, status: 'completed', phase: 'completed', progress: 1, kpis: someKpis() },
    ];
    const { user, api, period, listed, router } = setUp({
      requestRun: () => {
        listed.unshift(run);
        return json({ runId: run.runId }, 202);
      },
      getRun: () => json(states.length > 1 ? states.shift() : states[0]),
    });
    await screen.findByText('Not reconciled yet');

    await user.click(screen.getByRole('button', { name: 'Run reconciliation' }));

    expect(await screen.findByText('Reconciliation queued')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?run=${run.runId}`);
    const details = await runRegion();
    const progress = await within(details).findByRole('progressbar', {
      name: 'Matching jobs with ledger lines',
    });
    expect(progress).toHaveAttribute('value', '40');
    expect(details).toHaveTextContent('Running');

    // Asked for again a second later: completed, with its figures.
    expect(await within(details).findByText('Client total', {}, { timeout: 3000 })).toBeVisible();
    expect(within(details).queryByRole('progressbar')).not.toBeInTheDocument();
    const kpi = (name: string) =>
      within(details).getByText(name, { selector: 'dt' }).closest('.kpi');
    expect(kpi('Client total')).toHaveTextContent('$10,000.00');
    expect(kpi('Ledger total')).toHaveTextContent('$10,150.25');
    expect(kpi('Variance')).toHaveTextContent('+$150.25');
    expect(kpi('Variance ignoring cents')).toHaveTextContent('+$150.00');
    expect(kpi('Variance ignoring cents')).toHaveTextContent('1.5% of the client total');
    expect(kpi('Variance ignoring cents')).toHaveTextContent('Over the 1% limit');
    expect(kpi('Auto-match rate')).toHaveTextContent('92.5%');
    expect(kpi('Matches')).toHaveTextContent('95 exact · 15 fuzzy');
    expect(kpi('Exceptions')).toHaveTextContent('5 auto-resolved ($3.10) · 7 routed to review');

    expect(api.sent('POST', `/api/periods/${period.periodId}/runs`)).toHaveLength(1);
    expect(api.sent('GET', `/api/runs/${run.runId}`).length).toBeGreaterThanOrEqual(2);
    // The list was refetched once the run had finished.
    await waitFor(() =>
      expect(api.sent('GET', `/api/periods/${period.periodId}/runs`).length).toBeGreaterThanOrEqual(
        3,
      ),
    );
  });

  it('shows the detail of a refusal while another run is in progress', async () => {
    const running = aRun({ status: 'running', phase: 'matching', progress: 0.2, kpis: undefined });
    const { user } = setUp({
      runs: [running],
      requestRun: () =>
        problem(409, {
          title: 'Run in progress',
          detail: `Run ${running.runId} of this period is still running; wait for it to finish.`,
        }),
    });

    const button = await screen.findByRole('button', { name: 'Run reconciliation' });
    await runRegion();
    await user.click(button);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A reconciliation is already in progress');
    expect(alert).toHaveTextContent(`Run ${running.runId} of this period is still running`);
  });

  it('says why a run failed', async () => {
    setUp({
      runs: [
        aRun({
          status: 'failed',
          phase: 'failed',
          kpis: undefined,
          failureReason: 'No ledger lines.',
        }),
      ],
    });

    const details = await runRegion();
    const alert = await within(details).findByRole('alert');
    expect(alert).toHaveTextContent('The run failed');
    expect(alert).toHaveTextContent('No ledger lines.');
  });

  it('breaks the variance down by category, the rows adding up to it', async () => {
    setUp({ runs: [aRun()] });

    const details = await runRegion();
    const table = await within(details).findByRole('table', { name: 'Variance by category' });
    const [body, foot] = [
      within(table).getAllByRole('rowgroup')[1],
      within(table).getAllByRole('rowgroup')[2],
    ];
    if (body === undefined || foot === undefined) {
      throw new Error('The table has no body or footer.');
    }
    const rows = within(body).getAllByRole('row');
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Rounding',
      'Rate change',
      'Duplicate billing',
      'Missing in ledger',
    ]);
    const cents = rows.map((row) => {
      const text = within(row).getAllByRole('cell')[0]?.textContent ?? '';
      return Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);
    });
    expect(cents.reduce((sum, value) => sum + value, 0)).toBe(15025);
    expect(within(foot).getByRole('row')).toHaveTextContent('Total+$150.25');
    expect(rows[3]).toHaveTextContent('-$90.00');
    expect(rows[3]).toHaveTextContent('3');

    const chart = within(details).getByRole('img', {
      name: 'Variance by category, ledger minus client',
    });
    expect(chart.querySelectorAll('rect')).toHaveLength(4);
  });

  it('lists the rate anomalies when there are some', async () => {
    setUp({ runs: [aRun()], anomalies: () => json([aRateAnomaly()]) });

    const anomalies = await screen.findByRole('region', { name: 'Rate anomalies' });
    expect(anomalies).toHaveTextContent('Rate outlier');
    expect(anomalies).toHaveTextContent('RIV-01 · window_clean_ext');
    expect(anomalies).toHaveTextContent('unit rate $137.50 against a median of $125.00');
  });
});

describe("a run's exceptions", () => {
  it('are listed with their amounts, confidence, status and priority', async () => {
    setUp({
      runs: [aRun()],
      exceptions: () =>
        json({
          items: [
            anException({
              clientJobIds: ['J100234', 'J100235'],
              ledgerLineIds: ['INV-9/1'],
              clientAmount: 340,
              ledgerAmount: 365.5,
              difference: 25.5,
              impact: 25.5,
              confidence: 0.87,
              priority: 1,
            }),
          ],
          nextCursor: null,
        }),
    });

    const table = await screen.findByRole('table', { name: 'Exceptions of this run' });
    const [, row] = within(table).getAllByRole('row');
    if (row === undefined) {
      throw new Error('The table has no exception row.');
    }
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Rate change');
    expect(cells.slice(0, 8)).toEqual([
      'J100234, J100235',
      'INV-9/1',
      '$340.00',
      '$365.50',
      '+$25.50',
      '$25.50',
      '87%',
      'OpenPriority 1',
    ]);
    expect(screen.getByText('1 exception shown')).toBeInTheDocument();
  });

  it('are filtered on the server, the filters kept in the address', async () => {
    const run = aRun();
    const { user, api, router } = setUp({ runs: [run] });
    await screen.findByText('No exceptions');

    await user.selectOptions(screen.getByLabelText('Category'), 'Rate change');
    await user.selectOptions(screen.getByLabelText('Status'), 'Open');
    await user.selectOptions(screen.getByLabelText('Order'), 'Impact, largest first');

    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('category')).toBe('rate_change');
    expect(search.get('status')).toBe('open');
    expect(search.get('sort')).toBe('impact');
    await waitFor(() => {
      const last = api.sent('GET', `/api/runs/${run.runId}/exceptions`).at(-1);
      expect(last?.query.get('category')).toBe('rate_change');
      expect(last?.query.get('status')).toBe('open');
      expect(last?.query.get('sort')).toBe('impact');
    });
    expect(api.sent('GET', `/api/runs/${run.runId}/exceptions`)[0]?.query.get('category')).toBe(
      null,
    );

    await user.selectOptions(screen.getByLabelText('Category'), 'All categories');
    expect(new URLSearchParams(router.state.location.search).get('category')).toBe(null);
  });

  it('take their filters from the address', async () => {
    const run = aRun();
    const { api } = setUp({ runs: [run], path: '?category=duplicate_billing&status=autoResolved' });

    expect(await screen.findByLabelText('Category')).toHaveValue('duplicate_billing');
    expect(screen.getByLabelText('Status')).toHaveValue('autoResolved');
    await waitFor(() =>
      expect(api.sent('GET', `/api/runs/${run.runId}/exceptions`)[0]?.query.toString()).toContain(
        'category=duplicate_billing',
      ),
    );
  });

  it('load the next page with the cursor of the last', async () => {
    const run = aRun();
    const { user, api } = setUp({
      runs: [run],
      exceptions: (request) =>
        request.query.get('cursor') === 'page-2'
          ? json({ items: [anException({ clientJobIds: ['J2'] })], nextCursor: null })
          : json({ items: [anException({ clientJobIds: ['J1'] })], nextCursor: 'page-2' }),
    });

    expect(await screen.findByText('1 exception shown, more to load')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more exceptions' }));

    expect(await screen.findByText('2 exceptions shown')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Exceptions of this run' });
    expect(within(table).getByText('J1')).toBeInTheDocument();
    expect(within(table).getByText('J2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more exceptions' })).not.toBeInTheDocument();
    expect(
      api.sent('GET', `/api/runs/${run.runId}/exceptions`).map((r) => r.query.get('cursor')),
    ).toEqual([null, 'page-2']);
  });

  it('open to their details, and to the explanation of their match', async () => {
    const run = aRun();
    const match = aMatch({ category: 'rate_change' });
    const exception = anException({ matchId: match.matchId, category: 'rate_change' });
    const { user, api, router } = setUp({
      runs: [run],
      exceptions: () => json({ items: [exception], nextCursor: null }),
      matches: () => json({ items: [aMatch(), match], nextCursor: null }),
    });

    const toggle = await screen.findByRole('button', { name: /^Details of the rate change/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(exception.reason)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show the match explanation' }));

    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('view')).toBe('matches');
    expect(search.get('match')).toBe(match.matchId);
    expect(search.get('category')).toBe('rate_change');
    const opened = await screen.findByRole('button', { name: /^Hide the match of/ });
    await waitFor(() => expect(opened).toHaveFocus());
    expect(screen.getByText(match.explanation.summary)).toBeInTheDocument();
    const request = api.sent('GET', `/api/runs/${run.runId}/matches`)[0];
    expect(request?.query.get('category')).toBe('rate_change');
    expect(request?.query.get('sort')).toBe('impact');
  });
});

describe("a run's matches", () => {
  it('open to their explanation: each field compared, the score against the threshold, the runners-up', async () => {
    const run = aRun();
    const { user, router } = setUp({
      runs: [run],
      matches: () => json({ items: [aMatch()], nextCursor: null }),
    });
    const tabs = await screen.findByRole('navigation', { name: 'Run results' });
    await user.click(within(tabs).getByRole('link', { name: 'Matches' }));
    expect(new URLSearchParams(router.state.location.search).get('view')).toBe('matches');
    expect(within(tabs).getByRole('link', { name: 'Matches' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(await screen.findByRole('button', { name: 'Explain the match of J100234' }));

    expect(
      screen.getByText('Same site and service on the same day; the amount differs by 10%.'),
    ).toBeInTheDocument();
    const fields = screen.getByRole('table', { name: 'How each field compared' });
    const [, site, amount] = within(fields).getAllByRole('row');
    expect(site).toHaveTextContent('site');
    expect(site).toHaveTextContent('riverside office park');
    expect(site).toHaveTextContent('riverside office pk');
    expect(site).toHaveTextContent('0.93');
    expect(site).toHaveTextContent('0.30');
    expect(amount).toHaveTextContent('0.62');
    expect(screen.getByText('At or above the threshold of 0.75')).toBeInTheDocument();
    const runnersUp = screen.getByRole('table', { name: 'Runners-up' });
    expect(runnersUp).toHaveTextContent('J100299');
    expect(runnersUp).toHaveTextContent('0.58');
  });

  it('are filtered by method on the server', async () => {
    const run = aRun();
    const { user, api } = setUp({ runs: [run], path: '?view=matches' });
    await screen.findByText('No matches');

    await user.selectOptions(screen.getByLabelText('Method'), 'Fuzzy');

    await waitFor(() =>
      expect(api.sent('GET', `/api/runs/${run.runId}/matches`).at(-1)?.query.get('method')).toBe(
        'fuzzy',
      ),
    );
  });
});
