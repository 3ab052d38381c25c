import { expect, test } from '@playwright/test';
import {
  expectNoSeriousAccessibilityViolations,
  openPeriodThroughApi,
  saveScreenshot,
  uniqueClientId,
  upload,
  signIn,
} from './support';

/** Three good ledger lines and, on line 5 of the file, one with an impossible service date. */
function ledgerCsv(suffix: string): string {
  return [
    'invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date',
    `INV-${suffix}-1,1,J100234,Riverside Office Park,Window Clean - Ext,10/05/2026,2,125.00,"$250.00",USD,2026-11-02`,
    `INV-${suffix}-1,2,J100235,Riverside Office Park,Window Clean - Int,10/06/2026,1,90.00,"$90.00",USD,2026-11-02`,
    `INV-${suffix}-2,1,J100236,Harbour View Tower,Gutter Clean,2026-10-14,1,180.00,180.00,USD,2026-11-02`,
    `INV-${suffix}-3,1,J100237,Harbour View Tower,Gutter Clean,2026-13-45,1,180.00,180.00,USD,2026-11-02`,
    '',
  ].join('\r\n');
}

function clientJobsCsv(clientId: string): string {
  return [
    'job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email',
    `J100234,${clientId},RIV-01,Riverside Office Park,Window Clean - Ext,2026-10-05,2,125.00,250.00,USD,completed,PO-7781,facilities@example.com`,
    `J100235,${clientId},RIV-01,Riverside Office Park,Window Clean - Int,2026-10-06,1,90.00,90.00,USD,completed,PO-7781,facilities@example.com`,
    `J100238,someone-else,HBV-02,Harbour View Tower,Gutter Clean,2026-10-14,1,180.00,180.00,USD,completed,,ops@example.com`,
    '',
  ].join('\n');
}

test.describe('ingestion', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'reviewer');
  });

  test('uploading a ledger CSV accepts the good rows, quarantines the bad one, and ignores the same file again', async ({
    page,
  }, testInfo) => {
    const clientId = uniqueClientId();
    const periodId = await openPeriodThroughApi(page, clientId);
    const fileName = `ledger-${clientId}.csv`;
    const content = ledgerCsv(clientId);

    await page.goto(`/periods/${periodId}`);
    await page
      .getByRole('navigation', { name: 'Period' })
      .getByRole('link', { name: 'Ingestion' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/periods/${periodId}/ingestion$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(clientId);
    const history = page.getByRole('region', { name: 'Batch history' });
    await expect(history.getByText('Nothing ingested yet')).toBeVisible();

    const ledger = await upload(page, 'Ledger lines', { name: fileName, content });

    const outcome = ledger.getByRole('status');
    await expect(outcome).toContainText(`Ingested ${fileName} with 1 rejected row`, {
      timeout: 20_000,
    });
    await expect(outcome).toContainText('4 read');
    await expect(outcome).toContainText('3 accepted');
    await expect(outcome).toContainText('1 rejected');
    await expect(outcome).toContainText('3 new');

    const errors = ledger.getByRole('table', { name: 'Errors in the rejected rows' });
    const errorRow = errors.getByRole('row').filter({ hasText: 'service_date' });
    await expect(errorRow).toHaveCount(1);
    await expect(errorRow.getByRole('cell').first()).toHaveText('5');
    await expect(errorRow).toContainText('2026-13-45');

    const batchRow = history.getByRole('row').filter({ hasText: fileName });
    await expect(batchRow).toHaveCount(1);
    await expect(batchRow).toContainText('Ledger CSV');
    await expect(batchRow).toContainText('Completed');
    await expect(batchRow).toContainText('New');

    // All rejected rows, with their values as delivered.
    await ledger.getByRole('button', { name: 'Show the rejected row' }).click();
    const rejected = page.getByRole('region', { name: `Rejected rows of ${fileName}` });
    await expect(rejected.getByRole('heading', { level: 2 })).toBeFocused();
    const rejectedRow = rejected.getByRole('row').filter({ hasText: 'service_date' });
    await expect(rejectedRow).toContainText('5');
    await expect(rejectedRow).toContainText(`INV-${clientId}-3`);
    await expect(rejected).toContainText('1–1 of 1 rejected row');

    await expectNoSeriousAccessibilityViolations(page, testInfo);

    await saveScreenshot(page, testInfo, 'ingestion');

    // The same file again adds nothing.
    await upload(page, 'Ledger lines', { name: fileName, content });

    await expect(ledger.getByRole('status')).toContainText(
      /This file was already ingested in batch [0-9a-f-]{36}; nothing new was added\./,
      { timeout: 20_000 },
    );
    await expect(history.getByRole('row').filter({ hasText: fileName })).toHaveCount(1);
    await expect(history.getByRole('row').filter({ hasText: fileName })).toContainText('Same file');
  });

  test('uploading a client jobs CSV accepts the period’s client and refuses another', async ({
    page,
  }) => {
    const clientId = uniqueClientId();
    const periodId = await openPeriodThroughApi(page, clientId);
    const fileName = `jobs-${clientId}.csv`;

    await page.goto(`/periods/${periodId}/ingestion`);
    const jobs = await upload(page, 'Client jobs', {
      name: fileName,
      content: clientJobsCsv(clientId),
    });

    const outcome = jobs.getByRole('status');
    await expect(outcome).toContainText(`Ingested ${fileName} with 1 rejected row`, {
      timeout: 20_000,
    });
    await expect(outcome).toContainText('2 accepted');
    const errorRow = jobs
      .getByRole('table', { name: 'Errors in the rejected rows' })
      .getByRole('row')
      .filter({ hasText: 'client_id' });
    await expect(errorRow).toContainText('4');
    await expect(errorRow).toContainText('someone-else');

    const batchRow = page
      .getByRole('region', { name: 'Batch history' })
      .getByRole('row')
      .filter({ hasText: fileName });
    await expect(batchRow).toContainText('Client CSV');
    await expect(batchRow).toContainText('Completed');
  });

  test('a file that is not a CSV is refused with the server’s reason', async ({ page }) => {
    const periodId = await openPeriodThroughApi(page, uniqueClientId());

    await page.goto(`/periods/${periodId}/ingestion`);
    const ledger = await upload(page, 'Ledger lines', {
      name: 'notes.csv',
      content: 'just some words\nwithout the ledger columns\n',
    });

    const alert = ledger.getByRole('alert');
    await expect(alert).toContainText('invoice_number');
    await expect(ledger.getByRole('status')).toBeEmpty();
    await expect(
      page.getByRole('region', { name: 'Batch history' }).getByText('Nothing ingested yet'),
    ).toBeVisible();
  });

  test('fetching from the client API shows what came in, or why nothing could', async ({
    page,
  }) => {
    // Whether a client API is configured depends on the machine: either answer must be shown.
    test.setTimeout(90_000);
    const periodId = await openPeriodThroughApi(page, uniqueClientId());

    await page.goto(`/periods/${periodId}/ingestion`);
    const panel = page.getByRole('region', { name: 'Client API' });
    await panel.getByRole('button', { name: 'Fetch from client API' }).click();

    await expect(
      panel.getByText(
        /^(Ingested jobs from the client API.*|Already ingested|No client API is configured|The client API did not answer)$/,
      ),
    ).toBeVisible({ timeout: 75_000 });
    const alert = panel.getByRole('alert');
    if ((await alert.count()) > 0) {
      // The server's detail is shown under the title.
      await expect(alert.locator('.alert__text p').first()).not.toBeEmpty();
    }
  });
});
