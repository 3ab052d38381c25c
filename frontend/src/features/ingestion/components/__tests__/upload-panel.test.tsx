import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiSchemas } from '@/lib/api-client';
import { fakeApi, json, problem, type Handler } from '@/testing/fake-api';
import { aBatch, anIngestionResult, aRejectedRow, aRejectedRowsPage } from '@/testing/ingestion';
import { aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';

type BatchSummary = ApiSchemas['BatchSummary'];

const LEDGER_CSV = [
  'invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date',
  'INV-1,1,J100234,Riverside Office Park,Window Clean - Ext,10/05/2026,2,125.00,"$250.00",USD,2026-11-02',
  'INV-1,2,J100235,Riverside Office Park,Window Clean - Int,10/06/2026,1,90.00,"$90.00",USD,2026-11-02',
  'INV-2,1,J100236,Harbour View,Gutter Clean,2026-13-45,1,180.00,"$180.00",USD,2026-11-02',
].join('\n');

function csvFile(name = 'ledger-october.csv', content = LEDGER_CSV): File {
  return new File([content], name, { type: 'text/csv' });
}

const SERVICE_DATE_ERROR = "'2026-13-45' is not a date (yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy)";

/** A period's ingestion page over a fake API; `upload` answers the uploads, and batches start as given. */
function setUp({
  upload = () => json(anIngestionResult(), 201),
  fetchJobs = () => json(anIngestionResult(), 201),
  batches = [],
  rejectedRows = () => json(aRejectedRowsPage([])),
}: {
  upload?: Handler;
  fetchJobs?: Handler;
  batches?: BatchSummary[];
  rejectedRows?: Handler;
} = {}) {
  const period = aPeriod({ clientId: 'acme', month: '2026-10' });
  const listed = [...batches];
  const api = fakeApi({
    'GET /api/periods/:periodId': () => json(period),
    'GET /api/periods/:periodId/batches': () => json({ items: [...listed] }),
    'POST /api/periods/:periodId/ledger-lines': upload,
    'POST /api/periods/:periodId/client-jobs': upload,
    'POST /api/periods/:periodId/client-jobs/fetch': fetchJobs,
    'GET /api/batches/:batchId/rejected-rows': rejectedRows,
  });
  const view = renderApp(`/periods/${period.periodId}/ingestion`);
  return { ...view, api, period, listed };
}

function panel(name: 'Ledger lines' | 'Client jobs' | 'Client API') {
  return screen.getByRole('region', { name });
}

async function chooseAndUpload(
  user: ReturnType<typeof renderApp>['user'],
  name: 'Ledger lines' | 'Client jobs',
  file: File,
) {
  const region = panel(name);
  await user.upload(within(region).getByLabelText(`${name} CSV file`), file);
  await user.click(within(region).getByRole('button', { name: `Upload ${name.toLowerCase()}` }));
}

describe('uploading a file', () => {
  it('shows the upload progress, then the counts and the first rejected rows', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { user, api, period, listed } = setUp({
      upload: () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });
    await screen.findByText('Nothing ingested yet');

    await chooseAndUpload(user, 'Ledger lines', csvFile());

    const progress = await within(panel('Ledger lines')).findByRole('progressbar', {
      name: 'Uploading ledger-october.csv',
    });
    expect(progress).toHaveAttribute('value', '50');
    expect(panel('Ledger lines')).toHaveTextContent('50%');
    expect(
      within(panel('Ledger lines')).getByRole('button', { name: 'Uploading…' }),
    ).toHaveAttribute('aria-disabled', 'true');

    const [request] = api.sent('POST', `/api/periods/${period.periodId}/ledger-lines`);
    const sentFile = request?.form?.get('file');
    expect(sentFile).toBeInstanceOf(File);
    expect((sentFile as File).name).toBe('ledger-october.csv');

    const result = anIngestionResult({
      rowsRead: 3,
      rowsAccepted: 2,
      rowsRejected: 1,
      recordsNew: 2,
      errors: [{ line: 4, field: 'service_date', message: SERVICE_DATE_ERROR }],
    });
    listed.unshift(
      aBatch({
        batchId: result.batchId,
        fileName: 'ledger-october.csv',
        rowsRead: 3,
        rowsAccepted: 2,
        rowsRejected: 1,
        recordsNew: 2,
      }),
    );
    answer(json(result, 201, { Location: `/api/batches/${result.batchId}` }));

    const outcome = await within(panel('Ledger lines')).findByText(
      'Ingested ledger-october.csv with 1 rejected row',
    );
    const status = outcome.closest('[role="status"]');
    expect(status).toHaveTextContent('3 read');
    expect(status).toHaveTextContent('2 accepted');
    expect(status).toHaveTextContent('1 rejected');
    expect(status).toHaveTextContent('2 new');
    expect(within(panel('Ledger lines')).queryByRole('progressbar')).not.toBeInTheDocument();

    const errors = within(panel('Ledger lines')).getByRole('table', {
      name: 'Errors in the rejected rows',
    });
    const [, errorRow] = within(errors).getAllByRole('row');
    expect(errorRow).toHaveTextContent('4');
    expect(errorRow).toHaveTextContent('service_date');
    expect(errorRow).toHaveTextContent(SERVICE_DATE_ERROR);

    // The history was refetched: the new batch is listed and marked.
    const history = screen.getByRole('region', { name: 'Batch history' });
    const newRow = within(within(history).getByRole('table')).getByRole('row', {
      name: /ledger-october\.csv/,
    });
    expect(newRow).toHaveTextContent('New');
    expect(api.sent('GET', `/api/periods/${period.periodId}/batches`)).toHaveLength(2);
    expect(within(panel('Ledger lines')).getByText('No file chosen')).toBeInTheDocument();
  });

  it('shows the detail of a refused file in an alert, and nothing else changes', async () => {
    const { user, api, period } = setUp({
      upload: () =>
        problem(400, {
          title: 'Missing columns',
          detail:
            'The header row lacks required column(s): qty, unit_price. Expected: invoice_number,line_no,customer_site,description,service_date,qty,unit_price,line_total,currency,job_ref,posted_date.',
          correlationId: '0HN8',
        }),
    });
    await screen.findByText('Nothing ingested yet');

    await chooseAndUpload(user, 'Ledger lines', csvFile('broken.csv', 'invoice_number\nINV-1'));

    const alert = await within(panel('Ledger lines')).findByRole('alert');
    expect(alert).toHaveTextContent('Missing columns');
    expect(alert).toHaveTextContent('The header row lacks required column(s): qty, unit_price.');
    expect(within(panel('Ledger lines')).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(panel('Ledger lines')).getByRole('status')).toBeEmptyDOMElement();
    expect(within(panel('Ledger lines')).getByText('broken.csv')).toBeInTheDocument();
    expect(screen.getByText('Nothing ingested yet')).toBeInTheDocument();
    expect(api.sent('GET', `/api/periods/${period.periodId}/batches`)).toHaveLength(1);
  });

  it('says so when the same file was already ingested', async () => {
    const earlier = aBatch({ fileName: 'ledger-october.csv', rowsAccepted: 2, rowsRejected: 1 });
    const { user } = setUp({
      batches: [earlier],
      upload: () =>
        json(
          anIngestionResult({
            batchId: earlier.batchId,
            duplicate: true,
            rowsRead: 3,
            rowsAccepted: 2,
            rowsRejected: 1,
            recordsNew: 2,
            errors: [{ line: 4, field: 'service_date', message: SERVICE_DATE_ERROR }],
          }),
          200,
        ),
    });
    await screen.findByRole('table');

    await chooseAndUpload(user, 'Ledger lines', csvFile());

    const status = await within(panel('Ledger lines')).findByText(/was already ingested/);
    expect(status.closest('[role="status"]')).toHaveTextContent(
      `This file was already ingested in batch ${earlier.batchId}; nothing new was added.`,
    );
    expect(within(panel('Ledger lines')).queryByRole('table')).not.toBeInTheDocument();
    const row = within(screen.getByRole('region', { name: 'Batch history' })).getByRole('row', {
      name: /ledger-october\.csv/,
    });
    expect(row).toHaveTextContent('Same file');
  });

  it('takes a file dropped on the zone and sends it to the client jobs endpoint', async () => {
    const { user, api, period } = setUp();
    await screen.findByText('Nothing ingested yet');
    const file = csvFile(
      'jobs.csv',
      'job_id,client_id,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status\nJ1,acme,Riverside,Clean,2026-10-05,1,10,10,USD,completed',
    );

    const input = within(panel('Client jobs')).getByLabelText('Client jobs CSV file');
    const zone = input.closest('.drop-zone');
    if (zone === null) {
      throw new Error('The input is not in a drop zone.');
    }
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(
      within(panel('Client jobs')).getByText('Drop the file to choose it'),
    ).toBeInTheDocument();
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [file] } });

    expect(input).toHaveAccessibleDescription(/Chosen: jobs\.csv/);
    await user.click(
      within(panel('Client jobs')).getByRole('button', { name: 'Upload client jobs' }),
    );

    expect(await within(panel('Client jobs')).findByText('Ingested jobs.csv')).toBeInTheDocument();
    expect(api.sent('POST', `/api/periods/${period.periodId}/client-jobs`)).toHaveLength(1);
    expect(api.sent('POST', `/api/periods/${period.periodId}/ledger-lines`)).toHaveLength(0);
  });

  it('names the period’s client in the client jobs hint', async () => {
    setUp();
    const input = await screen.findByLabelText('Client jobs CSV file');
    expect(input).toHaveAccessibleDescription(/Every row's client_id must be acme\./);
  });

  it('can be cancelled while it is sent', async () => {
    const { user } = setUp({ upload: () => new Promise<Response>(() => undefined) });
    await screen.findByText('Nothing ingested yet');

    await chooseAndUpload(user, 'Ledger lines', csvFile());
    await within(panel('Ledger lines')).findByRole('progressbar');
    await user.click(within(panel('Ledger lines')).getByRole('button', { name: 'Cancel' }));

    expect(await within(panel('Ledger lines')).findByText('Upload cancelled')).toBeInTheDocument();
    expect(within(panel('Ledger lines')).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the server cannot be reached', async () => {
    const { user } = setUp({ upload: () => Promise.reject(new TypeError('Network down')) });
    await screen.findByText('Nothing ingested yet');

    await chooseAndUpload(user, 'Ledger lines', csvFile());

    expect(await within(panel('Ledger lines')).findByRole('alert')).toHaveTextContent(
      'Could not reach the server',
    );
  });

  it('lists all rejected rows of the uploaded batch on request', async () => {
    const result = anIngestionResult({
      rowsAccepted: 2,
      rowsRejected: 1,
      errors: [{ line: 4, field: 'service_date', message: SERVICE_DATE_ERROR }],
    });
    const { user, api, router } = setUp({
      upload: () => json(result, 201),
      rejectedRows: (_, { batchId }) =>
        batchId === result.batchId
          ? json(aRejectedRowsPage([aRejectedRow(4)]))
          : problem(404, { title: 'Batch not found' }),
    });
    await screen.findByText('Nothing ingested yet');

    await chooseAndUpload(user, 'Ledger lines', csvFile());
    await user.click(
      await within(panel('Ledger lines')).findByRole('button', { name: 'Show the rejected row' }),
    );

    const rejected = await screen.findByRole('region', { name: /^Rejected rows/ });
    await waitFor(() => expect(within(rejected).getByRole('heading', { level: 2 })).toHaveFocus());
    expect(router.state.location.search).toBe(`?batch=${result.batchId}`);
    expect(await within(rejected).findByRole('table')).toHaveTextContent('INV-4');
    expect(api.sent('GET', `/api/batches/${result.batchId}/rejected-rows`)).toHaveLength(1);
  });
});

describe('fetching from the client API', () => {
  it('shows the counts of the fetched batch and refreshes the history', async () => {
    const { user, api, period } = setUp({
      fetchJobs: () =>
        json(anIngestionResult({ rowsRead: 12, rowsAccepted: 12, recordsNew: 12 }), 201),
    });
    await screen.findByText('Nothing ingested yet');

    await user.click(
      within(panel('Client API')).getByRole('button', { name: 'Fetch from client API' }),
    );

    const outcome = await within(panel('Client API')).findByText(
      'Ingested jobs from the client API',
    );
    expect(outcome.closest('[role="status"]')).toHaveTextContent('12 accepted');
    expect(api.sent('POST', `/api/periods/${period.periodId}/client-jobs/fetch`)).toHaveLength(1);
    expect(api.sent('GET', `/api/periods/${period.periodId}/batches`)).toHaveLength(2);
  });

  it('shows why the client API failed, and lists the failed batch', async () => {
    const { user, api, period, listed } = setUp({
      fetchJobs: () => {
        listed.unshift(
          aBatch({
            source: 'clientApi',
            fileName: 'client-api',
            status: 'failed',
            rowsRead: 0,
            rowsAccepted: 0,
            recordsNew: 0,
            failureReason: 'The client API answered 500 three times.',
          }),
        );
        return problem(502, {
          title: 'Client API failed',
          detail: 'The client API answered 500 Internal Server Error three times; gave up.',
        });
      },
    });
    await screen.findByText('Nothing ingested yet');

    await user.click(
      within(panel('Client API')).getByRole('button', { name: 'Fetch from client API' }),
    );

    const alert = await within(panel('Client API')).findByRole('alert');
    expect(alert).toHaveTextContent('The client API did not answer');
    expect(alert).toHaveTextContent('gave up.');
    const history = screen.getByRole('region', { name: 'Batch history' });
    expect(await within(history).findByText('Failed')).toBeInTheDocument();
    expect(history).toHaveTextContent('The client API answered 500 three times.');
    expect(api.sent('GET', `/api/periods/${period.periodId}/batches`)).toHaveLength(2);
  });

  it('says when no client API is configured', async () => {
    const { user } = setUp({
      fetchJobs: () =>
        problem(503, {
          title: 'Client API not configured',
          detail: 'Set Recon:ClientApi:BaseUrl to fetch client jobs.',
        }),
    });
    await screen.findByText('Nothing ingested yet');

    await user.click(
      within(panel('Client API')).getByRole('button', { name: 'Fetch from client API' }),
    );

    const alert = await within(panel('Client API')).findByRole('alert');
    expect(alert).toHaveTextContent('No client API is configured');
    expect(alert).toHaveTextContent('Set Recon:ClientApi:BaseUrl to fetch client jobs.');
  });
});
