import { expect, test, type Page } from '@playwright/test';
import {
  expectNoSeriousAccessibilityViolations,
  openPeriodThroughApi,
  saveScreenshot,
  uniqueClientId,
  upload as chooseAndUpload,
  postAsSignedIn,
  signIn,
} from './support';

/** Four jobs: two billed as done, one billed at another rate, one never billed. */
function clientJobsCsv(clientId: string): string {
  return [
    'job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email',
    `J200101,${clientId},RIV-01,Riverside Office Park,Window Clean - Ext,2026-10-05,2,125.00,250.00,USD,completed,PO-7781,facilities@example.com`,
    `J200102,${clientId},RIV-01,Riverside Office Park,Window Clean - Int,2026-10-06,1,90.00,90.00,USD,completed,PO-7781,facilities@example.com`,
    `J200103,${clientId},HBV-02,Harbour View Tower,Gutter Clean,2026-10-14,1,180.00,180.00,USD,completed,PO-7790,ops@example.com`,
    `J200104,${clientId},HBV-02,Harbour View Tower,Pressure Wash,2026-10-20,3,60.00,180.00,USD,completed,PO-7790,ops@example.com`,
    '',
  ].join('\n');
}

function ledgerCsv(suffix: string): string {
  return [
    'invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date',
    `INV-${suffix}-1,1,J200101,Riverside Office Park,Window Clean - Ext,2026-10-05,2,125.00,250.00,USD,2026-11-02`,
    `INV-${suffix}-1,2,J200102,Riverside Office Park,Window Clean - Int,2026-10-06,1,90.00,90.00,USD,2026-11-02`,
    `INV-${suffix}-2,1,J200103,Harbour View Tower,Gutter Clean,2026-10-14,1,195.00,195.00,USD,2026-11-02`,
    '',
  ].join('\r\n');
}

/** Uploads a file on the ingestion page and waits until it is ingested. */
async function upload(
  page: Page,
  panelName: 'Ledger lines' | 'Client jobs',
  file: { name: string; content: string },
) {
  const panel = await chooseAndUpload(page, panelName, file);
  await expect(panel.getByRole('status')).toContainText(`Ingested ${file.name}`, {
    timeout: 20_000,
  });
}

test.describe('reconciliation', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'reviewer');
  });

  test('running a reconciliation shows its progress, its figures, its exceptions and why it matched', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const clientId = uniqueClientId();
    const periodId = await openPeriodThroughApi(page, clientId);

    await page.goto(`/periods/${periodId}/ingestion`);
    await upload(page, 'Client jobs', {
      name: `jobs-${clientId}.csv`,
      content: clientJobsCsv(clientId),
    });
    await upload(page, 'Ledger lines', {
      name: `ledger-${clientId}.csv`,
      content: ledgerCsv(clientId),
    });

    await page
      .getByRole('navigation', { name: 'Period' })
      .getByRole('link', { name: 'Reconciliation' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/periods/${periodId}/reconciliation$`));
    await expect(page.getByText('Not reconciled yet')).toBeVisible();

    await page.getByRole('button', { name: 'Run reconciliation' }).click();
    await expect(page.getByText('Reconciliation queued')).toBeVisible();

    const run = page.getByRole('region', { name: /^Run requested/ });
    await expect(run.getByText('Client total', { exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(run.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Completed');
    const kpi = (name: string) =>
      run.locator('.kpi').filter({ has: page.getByText(name, { exact: true }) });
    await expect(kpi('Client total')).toContainText('$700.00');
    await expect(kpi('Ledger total')).toContainText('$535.00');
    await expect(kpi('Variance')).toContainText('-$165.00');
    const decomposition = run.getByRole('table', { name: 'Variance by category' });
    await expect(decomposition.getByRole('row').last()).toContainText('-$165.00');

    const exceptions = run.getByRole('table', { name: 'Exceptions of this run' });
    await expect(exceptions.getByRole('row').nth(1)).toBeVisible();
    await expect(exceptions).toContainText('J200104');

    const runs = page.getByRole('table', { name: /^Reconciliation runs/ });
    await expect(runs.getByRole('row').nth(1)).toContainText('Completed');

    await run
      .getByRole('navigation', { name: 'Run results' })
      .getByRole('link', { name: 'Matches' })
      .click();
    await expect(page).toHaveURL(/view=matches/);
    await run
      .getByRole('button', { name: /^Explain the match of/ })
      .first()
      .click();
    const fields = run.getByRole('table', { name: 'How each field compared' });
    await expect(fields).toBeVisible();
    await expect(fields.getByRole('row').nth(1)).toBeVisible();
    await expect(run.getByText(/threshold of/)).toBeVisible();

    await expectNoSeriousAccessibilityViolations(page, testInfo);

    await saveScreenshot(page, testInfo, 'reconciliation');
  });

  test('a second run is refused while the first is in progress, with the server’s reason', async ({
    page,
  }) => {
    const periodId = await openPeriodThroughApi(page, uniqueClientId());
    const first = await postAsSignedIn(page, `/api/periods/${periodId}/runs`);
    expect(first.status()).toBe(202);

    await page.goto(`/periods/${periodId}/reconciliation`);
    await page.getByRole('button', { name: 'Run reconciliation' }).click();

    // The first run may already have finished on a fast machine: then the second is accepted.
    await expect(
      page.getByText(/^(A reconciliation is already in progress|Reconciliation queued)$/),
    ).toBeVisible();
    const alert = page.getByRole('alert');
    if ((await alert.count()) > 0) {
      await expect(alert.locator('.alert__text p').first()).not.toBeEmpty();
    }
  });
});
