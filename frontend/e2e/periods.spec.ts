import { expect, test, type Page } from '@playwright/test';
import {
  expectNoSeriousAccessibilityViolations,
  MONTH,
  saveScreenshot,
  uniqueClientId,
  signIn,
} from './support';

async function openPeriod(page: Page, clientId: string, month: string) {
  const form = page.getByRole('region', { name: 'Open a period' });
  await form.getByLabel('Client id').fill(clientId);
  await form.getByLabel('Month').fill(month);
  await form.getByRole('button', { name: 'Open period' }).click();
}

test.describe('periods', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'reviewer');
  });

  test('opening a period lists it, and opening it again is refused as a conflict', async ({
    page,
  }, testInfo) => {
    const clientId = uniqueClientId();

    await page.goto('/periods');
    await expect(page.getByRole('banner')).toContainText('Recon — revenue reconciliation');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Reconciliation periods' }),
    ).toBeVisible();

    await openPeriod(page, clientId, MONTH);

    await expect(page.getByRole('status').filter({ hasText: 'Period opened' })).toContainText(
      `${clientId} · ${MONTH} is open.`,
    );
    const row = page.getByRole('table').getByRole('row').filter({ hasText: clientId });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(MONTH);
    await expect(row).toContainText('Open');
    await expect(row).toContainText('New');

    await openPeriod(page, clientId, MONTH);

    const conflict = page.getByRole('alert');
    await expect(conflict).toContainText('already has an open period for 2026-10');
    await expect(
      page.getByRole('table').getByRole('row').filter({ hasText: clientId }),
    ).toHaveCount(1);

    await saveScreenshot(page, testInfo, 'periods');
  });

  test('the server names the invalid field when the month is malformed', async ({ page }) => {
    await page.goto('/periods');

    await openPeriod(page, uniqueClientId(), '2026-13');

    const month = page.getByRole('region', { name: 'Open a period' }).getByLabel('Month');
    await expect(month).toHaveAttribute('aria-invalid', 'true');
    await expect(month).toHaveAccessibleDescription(/Month must be in the form YYYY-MM/);
  });

  test('a listed period opens on its own page', async ({ page }) => {
    const clientId = uniqueClientId();
    await page.goto('/periods');
    await openPeriod(page, clientId, MONTH);

    await page.getByRole('table').getByRole('link', { name: clientId }).click();

    await expect(page).toHaveURL(/\/periods\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(clientId);
    await expect(page.getByRole('region', { name: 'Period details' })).toContainText(MONTH);

    // A deep link is served the SPA too (client-side routing fallback).
    await page.reload();
    await expect(page.getByRole('region', { name: 'Period details' })).toContainText(clientId);
  });

  test('the periods page has no serious or critical accessibility violations', async ({
    page,
  }, testInfo) => {
    await page.goto('/periods');
    await expect(page.getByRole('heading', { level: 2, name: 'Periods' })).toBeVisible();
    await expect(page.getByText('Loading periods…')).toHaveCount(0);

    await expectNoSeriousAccessibilityViolations(page, testInfo);
  });
});
