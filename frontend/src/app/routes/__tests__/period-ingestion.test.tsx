import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { aBatch, aRejectedRow, aRejectedRowsPage } from '@/testing/ingestion';
import { aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';

/** The row at `index` of the rows of `table` (0 is the header row); fails when there is none. */
function rowOf(table: HTMLElement, index: number): HTMLElement {
  const row = within(table).getAllByRole('row')[index];
  if (row === undefined) {
    throw new Error(`The table has no row ${index}.`);
  }
  return row;
}

describe("a period's ingestion page", () => {
  it('is a tab of the period page', async () => {
    const period = aPeriod({ clientId: 'acme' });
    fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/batches': () => json({ items: [] }),
    });

    const { user, router } = renderApp(`/periods/${period.periodId}`);

    const tabs = await screen.findByRole('navigation', { name: 'Period' });
    expect(within(tabs).getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(within(tabs).getByRole('link', { name: 'Ingestion' }));

    expect(router.state.location.pathname).toBe(`/periods/${period.periodId}/ingestion`);
    expect(within(tabs).getByRole('link', { name: 'Ingestion' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('acme');
    expect(screen.getByLabelText('Ledger lines CSV file')).toBeInTheDocument();
    expect(screen.getByLabelText('Client jobs CSV file')).toBeInTheDocument();
    expect(await screen.findByText('Nothing ingested yet')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Period details' })).not.toBeInTheDocument();
  });

  it('lists the batches with their source, status, counts and checksum', async () => {
    const period = aPeriod();
    const completed = aBatch({
      fileName: 'ledger-october.csv',
      source: 'ledgerCsv',
      status: 'completed',
      receivedBy: 'alice',
      rowsRead: 120,
      rowsAccepted: 117,
      rowsRejected: 3,
      recordsNew: 100,
      recordsChanged: 12,
      recordsUnchanged: 5,
      checksum: 'a3f5c2e91b7d40c8e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7',
    });
    const failed = aBatch({
      fileName: 'client-api',
      source: 'clientApi',
      status: 'failed',
      receivedBy: 'bob',
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      recordsNew: 0,
      recordsChanged: 0,
      recordsUnchanged: 0,
      failureReason: 'The client API answered 503 three times.',
    });
    const api = fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/batches': () => json({ items: [completed, failed] }),
    });

    renderApp(`/periods/${period.periodId}/ingestion`);

    const history = await screen.findByRole('region', { name: 'Batch history' });
    const batchTable = await within(history).findByRole('table');
    const first = rowOf(batchTable, 1);
    const second = rowOf(batchTable, 2);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);

    expect(first).toHaveTextContent('ledger-october.csv');
    expect(first).toHaveTextContent('Ledger CSV');
    expect(first).toHaveTextContent('by alice');
    expect(first).toHaveTextContent('Completed');
    expect(cells(first).slice(3, 8)).toEqual(['117', '3', '100', '12', '5']);
    const checksum = within(first).getByTitle(completed.checksum);
    expect(checksum).toHaveTextContent('a3f5c2e91b7d…');
    expect(
      within(first).getByRole('button', {
        name: /^View rejected rows of ledger-october\.csv/,
      }),
    ).toBeInTheDocument();

    expect(second).toHaveTextContent('client-api');
    expect(second).toHaveTextContent('Client API');
    expect(second).toHaveTextContent('Failed');
    expect(second).toHaveTextContent('The client API answered 503 three times.');
    expect(within(second).queryByRole('button')).not.toBeInTheDocument();

    expect(api.sent('GET', `/api/periods/${period.periodId}/batches`)).toHaveLength(1);
  });

  it('says when the batches cannot be loaded, and tries again on request', async () => {
    const period = aPeriod();
    let fail = true;
    fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/batches': () =>
        fail
          ? problem(500, { title: 'An unexpected error occurred', detail: 'The store is down.' })
          : json({ items: [aBatch({ fileName: 'back.csv' })] }),
    });

    const { user } = renderApp(`/periods/${period.periodId}/ingestion`);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The batches could not be loaded');
    expect(alert).toHaveTextContent('The store is down.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('back.csv')).toBeInTheDocument();
  });

  it('pages through the rejected rows of a batch', async () => {
    const period = aPeriod();
    const batch = aBatch({ fileName: 'ledger-october.csv', rowsRejected: 60, rowsAccepted: 40 });
    const rows = Array.from({ length: 60 }, (_, index) => aRejectedRow(index + 2));
    const api = fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/batches': () => json({ items: [batch] }),
      'GET /api/batches/:batchId/rejected-rows': (request, { batchId }) => {
        if (batchId !== batch.batchId) {
          return problem(404, { title: 'Batch not found' });
        }
        const page = Number(request.query.get('page'));
        const pageSize = Number(request.query.get('pageSize'));
        return json(
          aRejectedRowsPage(rows.slice((page - 1) * pageSize, page * pageSize), {
            page,
            pageSize,
            totalCount: rows.length,
          }),
        );
      },
    });

    const { user, router } = renderApp(`/periods/${period.periodId}/ingestion`);

    await user.click(
      await screen.findByRole('button', { name: /^View rejected rows of ledger-october\.csv/ }),
    );

    const panel = await screen.findByRole('region', {
      name: 'Rejected rows of ledger-october.csv',
    });
    await waitFor(() => expect(within(panel).getByRole('heading', { level: 2 })).toHaveFocus());
    expect(
      await within(panel).findByText(/1–50 of 60 rejected rows · page 1 of 2/),
    ).toBeInTheDocument();
    const table = within(panel).getByRole('table');
    const [, firstRow] = within(table).getAllByRole('row');
    expect(firstRow).toHaveTextContent('2');
    expect(firstRow).toHaveTextContent('service_date');
    expect(firstRow).toHaveTextContent("'2026-13-45' is not a date");
    expect(firstRow).toHaveTextContent('INV-2');
    expect(firstRow).toHaveTextContent('Riverside Office Park');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(within(panel).getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(within(panel).getByRole('button', { name: 'Next' }));

    expect(
      await within(panel).findByText(/51–60 of 60 rejected rows · page 2 of 2/),
    ).toBeInTheDocument();
    expect(within(panel).getByText('INV-61')).toBeInTheDocument();
    expect(within(within(panel).getByRole('table')).getAllByRole('row')).toHaveLength(11);
    expect(within(panel).getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(router.state.location.search).toBe(`?batch=${batch.batchId}&page=2`);
    expect(
      api
        .sent('GET', `/api/batches/${batch.batchId}/rejected-rows`)
        .map((request) => [request.query.get('page'), request.query.get('pageSize')]),
    ).toEqual([
      ['1', '50'],
      ['2', '50'],
    ]);

    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(
      screen.queryByRole('region', { name: 'Rejected rows of ledger-october.csv' }),
    ).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('heading', { level: 2, name: 'Batch history' })).toHaveFocus();
  });

  it('shows every error of a rejected row next to its values as delivered', async () => {
    const period = aPeriod();
    const batch = aBatch({ rowsRejected: 1 });
    fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/batches': () => json({ items: [batch] }),
      'GET /api/batches/:batchId/rejected-rows': () =>
        json(
          aRejectedRowsPage([
            aRejectedRow(7, {
              errors: [
                { line: 7, field: 'qty', message: "'two' is not a number" },
                { line: 7, field: 'currency', message: "'XYZ' is not an ISO 4217 currency code" },
              ],
              raw: { invoice_number: 'INV-9', qty: 'two', currency: 'XYZ', description: '' },
            }),
          ]),
        ),
    });

    renderApp(`/periods/${period.periodId}/ingestion?batch=${batch.batchId}`);

    const panel = await screen.findByRole('region', { name: /^Rejected rows/ });
    const table = await within(panel).findByRole('table');
    const qtyRow = rowOf(table, 1);
    const currencyRow = rowOf(table, 2);
    expect(within(qtyRow).getByRole('rowheader')).toHaveTextContent('7');
    expect(qtyRow).toHaveTextContent("qty'two' is not a number");
    expect(qtyRow).toHaveTextContent('INV-9');
    expect(qtyRow).toHaveTextContent('(empty)');
    // In the ledger's column order, whatever order the JSON object had.
    expect(
      within(qtyRow)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['invoice_number', 'description', 'qty', 'currency']);
    expect(currencyRow).toHaveTextContent("currency'XYZ' is not an ISO 4217 currency code");
    // Opened from the address, not by the reader: the focus stays where it was.
    expect(within(panel).getByRole('heading', { level: 2 })).not.toHaveFocus();
  });

  it('opens the rejected rows page named in the address', async () => {
    const period = aPeriod();
    const batch = aBatch({ rowsRejected: 60 });
    const api = fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/batches': () => json({ items: [batch] }),
      'GET /api/batches/:batchId/rejected-rows': () =>
        json(aRejectedRowsPage([aRejectedRow(99)], { page: 2, totalCount: 51 })),
    });

    renderApp(`/periods/${period.periodId}/ingestion?batch=${batch.batchId}&page=2`);

    expect(await screen.findByText('INV-99')).toBeInTheDocument();
    expect(
      api.sent('GET', `/api/batches/${batch.batchId}/rejected-rows`)[0]?.query.get('page'),
    ).toBe('2');
  });
});
