import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIResponse, type Page, type TestInfo } from '@playwright/test';

/** The month the end-to-end tests reconcile. */
export const MONTH = '2026-10';

/** A client id no earlier run used, so tests never meet each other's periods. */
export function uniqueClientId(): string {
  return `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The demo users `./ops/recon up` creates (`Recon:Auth:DemoUsers=true`), all with the same password. */
export type DemoUser = 'admin' | 'reviewer' | 'reviewer2' | 'approver' | 'auditor';

/** The demo users' password (`Recon:Auth:DemoPassword`, default in `.env.example`). */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'recon-demo-password';

/** Signs in through the sign-in page; the session cookie then serves the page and `page.request` alike. */
export async function signIn(page: Page, userName: DemoUser) {
  await page.goto('/sign-in');
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs out with the header's button and waits for the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** POSTs JSON to the API as the signed-in user: the session cookie, and the antiforgery token it needs. */
export async function postAsSignedIn(
  page: Page,
  path: string,
  data?: unknown,
): Promise<APIResponse> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  return page.request.post(path, {
    data,
    headers: xsrf === undefined ? {} : { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
  });
}

/** Opens a period for a new client through the API, as the signed-in user of `page`. */
export async function openPeriodThroughApi(page: Page, clientId: string): Promise<string> {
  const response = await postAsSignedIn(page, '/api/periods', { clientId, month: MONTH });
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

/** Uploads a CSV file on the ingestion page and waits until it is ingested. */
export async function ingest(
  page: Page,
  panelName: 'Ledger lines' | 'Client jobs',
  file: { name: string; content: string },
) {
  const panel = await upload(page, panelName, file);
  await expect(panel.getByRole('status')).toContainText(`Ingested ${file.name}`, {
    timeout: 20_000,
  });
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

/**
 * Saves a full-page screenshot with the test's results and at a fixed path the README shows
 * (`test-results/screenshots/`); with `docs` and E2E_DOCS_SCREENSHOTS=1, also into `docs/images/` of the repository.
 */
export async function saveScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { docs = false }: { docs?: boolean } = {},
) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const folders = [new URL('../test-results/screenshots/', import.meta.url)];
  // Only on request (E2E_DOCS_SCREENSHOTS=1), so a test run leaves the repository's files as they were.
  if (docs && process.env.E2E_DOCS_SCREENSHOTS === '1') {
    folders.push(new URL('../../docs/images/', import.meta.url));
  }
  for (const folder of folders) {
    await mkdir(fileURLToPath(folder), { recursive: true });
    await page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, folder)), fullPage: true });
  }
}
