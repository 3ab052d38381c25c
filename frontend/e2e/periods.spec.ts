import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** A fixed path, so the README can show the latest screenshot. */
const README_SCREENSHOT = fileURLToPath(
  new URL('../test-results/screenshots/periods.png', import.meta.url),
);

const MONTH = '2026-10';

function uniqueClientId(): string {
  return `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

async function openPeriod(page: Page, clientId: string, month: string) {
  const form = page.getByRole('region', { name: 'Open a period' });
  await form.getByLabel('Client id').fill(clientId);
  await form.getByLabel('Month').fill(month);
  await form.getByRole('button', { name: 'Open period' }).click();
}

test.describe('periods', () => {
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

    await page.screenshot({ path: testInfo.outputPath('periods.png'), fullPage: true });
    await mkdir(dirname(README_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
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

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const report = testInfo.outputPath('axe-results.json');
    await writeFile(report, JSON.stringify(results, null, 2));
    await testInfo.attach('axe-results.json', { path: report, contentType: 'application/json' });

    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    expect(blocking).toEqual([]);
  });
});
