import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

/** The month the end-to-end tests reconcile. */
export const MONTH = '2026-10';

/** A client id no earlier run used, so tests never meet each other's periods. */
export function uniqueClientId(): string {
  return `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Opens a period for a new client through the API, as a client of the API would. */
export async function openPeriodThroughApi(
  request: APIRequestContext,
  clientId: string,
): Promise<string> {
  const response = await request.post('/api/periods', { data: { clientId, month: MONTH } });
  expect(response.status()).toBe(201);
  const { periodId } = (await response.json()) as { periodId: string };
  return periodId;
}

/** Chooses a CSV file in an upload panel of the ingestion page and uploads it; returns the panel. */
export async function upload(
  page: Page,
  panelName: 'Ledger lines' | 'Client jobs',
  file: { name: string; content: string },
) {
  const panel = page.getByRole('region', { name: panelName });
  await panel.getByLabel(`${panelName} CSV file`).setInputFiles({
    name: file.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(file.content, 'utf8'),
  });
  await expect(panel.getByText(`Chosen: ${file.name}`)).toBeVisible();
  await panel.getByRole('button', { name: `Upload ${panelName.toLowerCase()}` }).click();
  return panel;
}

/** Runs axe on the page (WCAG 2.1 A/AA and best practices), attaches the report, and fails on serious or critical violations. */
export async function expectNoSeriousAccessibilityViolations(page: Page, testInfo: TestInfo) {
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
}

/** Saves a full-page screenshot with the test's results and at a fixed path the README shows. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const readmeCopy = fileURLToPath(
    new URL(`../test-results/screenshots/${name}.png`, import.meta.url),
  );
  await mkdir(fileURLToPath(new URL('../test-results/screenshots/', import.meta.url)), {
    recursive: true,
  });
  await page.screenshot({ path: readmeCopy, fullPage: true });
}
