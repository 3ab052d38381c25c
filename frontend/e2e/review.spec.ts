import { expect, test, type Page } from '@playwright/test';
import {
  expectNoSeriousAccessibilityViolations,
  ingest,
  openPeriodThroughApi,
  saveScreenshot,
  signIn,
  signOut,
  uniqueClientId,
} from './support';

/**
 * Six jobs: two billed as done (matched), two billed at another rate (J300103, J300106), two never billed
 * (J300104, and J300105, large enough to matter: 4,800).
 */
function clientJobsCsv(clientId: string): string {
  return [
    'job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email',
    `J300101,${clientId},RIV-01,Riverside Office Park,Window Clean - Ext,2026-10-05,2,125.00,250.00,USD,completed,PO-7781,facilities@example.com`,
    `J300102,${clientId},RIV-01,Riverside Office Park,Window Clean - Int,2026-10-06,1,90.00,90.00,USD,completed,PO-7781,facilities@example.com`,
    `J300103,${clientId},HBV-02,Harbour View Tower,Gutter Clean,2026-10-14,1,180.00,180.00,USD,completed,PO-7790,ops@example.com`,
    `J300104,${clientId},HBV-02,Harbour View Tower,Pressure Wash,2026-10-20,3,60.00,180.00,USD,completed,PO-7790,ops@example.com`,
    `J300105,${clientId},HBV-02,Harbour View Tower,Facade Restoration,2026-10-22,1,4800.00,4800.00,USD,completed,PO-7790,ops@example.com`,
    `J300106,${clientId},RIV-01,Riverside Office Park,Gutter Clean,2026-10-25,1,120.00,120.00,USD,completed,PO-7781,facilities@example.com`,
    '',
  ].join('\n');
}

function ledgerCsv(suffix: string): string {
  return [
    'invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date',
    `INV-${suffix}-1,1,J300101,Riverside Office Park,Window Clean - Ext,2026-10-05,2,125.00,250.00,USD,2026-11-02`,
    `INV-${suffix}-1,2,J300102,Riverside Office Park,Window Clean - Int,2026-10-06,1,90.00,90.00,USD,2026-11-02`,
    `INV-${suffix}-2,1,J300103,Harbour View Tower,Gutter Clean,2026-10-14,1,195.00,195.00,USD,2026-11-02`,
    `INV-${suffix}-3,1,J300106,Riverside Office Park,Gutter Clean,2026-10-25,1,150.00,150.00,USD,2026-11-02`,
    '',
  ].join('\r\n');
}

function queueTable(page: Page) {
  return page.getByRole('table', { name: /Exceptions to review/ });
}

/** The queue's row of the exception raised for a client job. */
function queueRow(page: Page, jobId: string) {
  return queueTable(page).getByRole('row').filter({ hasText: jobId });
}

async function openQueue(page: Page, periodId: string, filters = '') {
  await page.goto(`/review?periodId=${periodId}${filters}`);
  await expect(queueTable(page)).toBeVisible({ timeout: 20_000 });
}

/** The period's "variance after review" on the dashboard, as shown. */
async function varianceAfterReview(page: Page, clientId: string): Promise<string> {
  await page.goto('/');
  const row = page
    .getByRole('table', { name: 'Variance before and after review by period' })
    .getByRole('row')
    .filter({ hasText: clientId });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  // Cells after the period's header cell: latest run, variance before review, variance after review, …
  const cell = row.getByRole('cell').nth(2);
  await expect(cell).toContainText('limit');
  return cell.innerText();
}

test.describe('review', () => {
  test('a reviewer decides on a run’s exceptions and an approver approves the write-off', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const clientId = uniqueClientId();

    // The reviewer reconciles a month, as on the reconciliation page.
    await signIn(page, 'reviewer');
    const periodId = await openPeriodThroughApi(page, clientId);
    await page.goto(`/periods/${periodId}/ingestion`);
    await ingest(page, 'Client jobs', {
      name: `jobs-${clientId}.csv`,
      content: clientJobsCsv(clientId),
    });
    await ingest(page, 'Ledger lines', {
      name: `ledger-${clientId}.csv`,
      content: ledgerCsv(clientId),
    });
    await page.goto(`/periods/${periodId}/reconciliation`);
    await page.getByRole('button', { name: 'Run reconciliation' }).click();
    const run = page.getByRole('region', { name: /^Run requested/ });
    await expect(run.getByText('Client total', { exact: true })).toBeVisible({ timeout: 90_000 });

    // The queue lists the period's exceptions, and keeps a category filter in the address.
    await openQueue(page, periodId);
    await expect(queueRow(page, 'J300105')).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page, testInfo);
    await saveScreenshot(page, testInfo, 'review-queue', { docs: true });

    const category = (await queueRow(page, 'J300105').getByRole('link').innerText()).trim();
    await page.getByLabel('Category').selectOption({ label: category });
    await expect(page).toHaveURL(/[?&]category=/);
    await expect(queueRow(page, 'J300105')).toBeVisible();
    const categories = queueTable(page).getByRole('rowheader').getByRole('link');
    await expect
      .poll(async () => [...new Set((await categories.allInnerTexts()).map((text) => text.trim()))])
      .toEqual([category]);

    // Override one exception's category, with a reason, on its page.
    await openQueue(page, periodId);
    await queueRow(page, 'J300103').getByRole('link').click();
    await expect(page).toHaveURL(/\/exceptions\//);
    const sides = page.getByRole('table', { name: /Client jobs and ledger lines side by side/ });
    await expect(sides).toBeVisible();
    await expect(sides).toContainText('Differs');
    await expectNoSeriousAccessibilityViolations(page, testInfo);
    await page.getByRole('button', { name: 'Override category…' }).click();
    const override = page.getByRole('dialog', { name: /^Override the category/ });
    await override.getByLabel('New category').selectOption({ label: 'Other' });
    await override.getByLabel('Reason').selectOption({ label: 'Misclassified' });
    await override.getByLabel('Comment (required)').fill('The client agreed the new rate.');
    await override.getByRole('button', { name: 'Override category' }).click();
    await expect(page.getByText('Override category: done')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Other exception');
    await expect(page.getByRole('table', { name: 'Decision history' })).toContainText(
      'The client agreed the new rate.',
    );

    // Resolve two exceptions at once as timing differences.
    await openQueue(page, periodId);
    await queueRow(page, 'J300104').getByRole('checkbox').check();
    await queueRow(page, 'J300106').getByRole('checkbox').check();
    const bulkBar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bulkBar).toContainText('2 exceptions selected');
    await bulkBar.getByRole('button', { name: 'Resolve selected…' }).click();
    const bulkResolve = page.getByRole('dialog', { name: 'Resolve 2 selected exceptions' });
    await bulkResolve.getByLabel('Reason').selectOption({ label: 'Timing difference' });
    await bulkResolve.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(page.getByText(/Resolve 2 selected exceptions: 2 applied/)).toBeVisible();

    // Write the large one off from the keyboard: focus its row, press r.
    await expect(queueRow(page, 'J300105')).toBeVisible();
    await queueRow(page, 'J300105').getByRole('link').focus();
    await page.keyboard.press('r');
    const resolve = page.getByRole('dialog', { name: /^Resolve the exception/ });
    await resolve.getByLabel('Reason').selectOption({ label: 'Write-off (needs approval)' });
    await resolve.getByLabel(/^Comment/).fill('Facade job was a goodwill gesture.');
    await resolve.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(page.getByText(/submitted for approval/)).toBeVisible();
    await expect(page.getByText(/This decision awaits an approver/)).toBeVisible();

    const beforeApproval = await varianceAfterReview(page, clientId);
    await signOut(page);

    // The approver approves the write-off.
    await signIn(page, 'approver');
    await page.goto('/approvals');
    const pending = page.getByRole('listitem').filter({ hasText: clientId });
    await expect(pending).toHaveCount(1, { timeout: 20_000 });
    await expect(pending).toContainText('reviewer');
    await expect(pending).toContainText('Write-off');
    await expectNoSeriousAccessibilityViolations(page, testInfo);
    await pending.getByRole('button', { name: /^Approve:/ }).click();
    await expect(page.getByText(/^Approved:/)).toBeVisible();

    // The write-off now counts: the period's variance after review moved.
    await expect
      .poll(() => varianceAfterReview(page, clientId), { timeout: 30_000 })
      .not.toBe(beforeApproval);
    await expectNoSeriousAccessibilityViolations(page, testInfo);
    await saveScreenshot(page, testInfo, 'dashboard');
  });
});
