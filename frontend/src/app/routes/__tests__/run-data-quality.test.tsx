import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiSchemas } from '@/lib/api-client';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem, type Handler } from '@/testing/fake-api';
import { aPeriod } from '@/testing/periods';
import { aRun } from '@/testing/reconciliation';
import { renderApp } from '@/testing/render-app';
import { aDataQuality, anUnmappedText, aVocabulary } from '@/testing/vocabulary';

type CurrentUser = ApiSchemas['CurrentUser'];
type RunDataQuality = ApiSchemas['RunDataQualityView'];

const CONFIRM_PATH = '/api/clients/acme/vocabulary/services';

/** A completed run of client acme on its reconciliation page, over a fake API. */
function setUp({
  dataQuality,
  vocabulary = () => json(aVocabulary()),
  confirm = () => problem(500, { title: 'Not expected' }),
  addAlias = () => problem(500, { title: 'Not expected' }),
  user,
}: {
  dataQuality: RunDataQuality;
  vocabulary?: Handler;
  confirm?: Handler;
  addAlias?: Handler;
  user?: CurrentUser;
}) {
  const period = aPeriod({ clientId: 'acme', month: '2026-10' });
  const run = aRun({ periodId: period.periodId, clientId: 'acme' });
  const api = fakeApi({
    'GET /api/periods/:periodId': () => json(period),
    'GET /api/periods/:periodId/runs': () => json({ items: [run] }),
    'GET /api/runs/:runId': () => json(run),
    'GET /api/runs/:runId/exceptions': () => json({ items: [], nextCursor: null }),
    'GET /api/runs/:runId/matches': () => json({ items: [], nextCursor: null }),
    'GET /api/runs/:runId/anomalies': () => json([]),
    'GET /api/runs/:runId/data-quality': () => json({ ...dataQuality, runId: run.runId }),
    'GET /api/clients/:clientId/vocabulary': vocabulary,
    'POST /api/clients/:clientId/vocabulary/services': confirm,
    'POST /api/clients/:clientId/sites/:siteCode/aliases': addAlias,
  });
  const view = renderApp(
    `/periods/${period.periodId}/reconciliation`,
    user === undefined ? {} : { user },
  );
  return { ...view, api, run };
}

function panel() {
  return screen.findByRole('region', { name: 'Data quality' });
}

const findings = aDataQuality({
  unmappedDescriptions: [
    anUnmappedText({
      text: 'WC ext quarterly',
      lines: 3,
      amount: 412.5,
      exampleLineIds: ['INV-7/1', 'INV-7/2'],
    }),
    anUnmappedText({ text: 'misc works', lines: 1, amount: 80, exampleLineIds: ['INV-9/4'] }),
  ],
  unmappedSites: [
    anUnmappedText({
      text: 'Riverside OP',
      lines: 2,
      amount: 340,
      exampleLineIds: ['INV-7/1', 'INV-8/1'],
    }),
  ],
});

describe("a run's data quality", () => {
  it('lists the unmapped descriptions and site names with their lines, amount and example lines', async () => {
    setUp({ dataQuality: findings });

    const region = await panel();
    const descriptions = await within(region).findByRole('list', {
      name: 'Unmapped descriptions',
    });
    const items = within(descriptions).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.finding__text')?.textContent)).toEqual([
      'WC ext quarterly',
      'misc works',
    ]);
    const first = within(descriptions).getByRole('listitem', { name: 'WC ext quarterly' });
    expect(first).toHaveTextContent('3 lines · $412.50');
    expect(first).toHaveTextContent('Example lines: INV-7/1, INV-7/2');
    expect(within(descriptions).getByRole('listitem', { name: 'misc works' })).toHaveTextContent(
      '1 line · $80.00',
    );
    const sites = within(region).getByRole('list', { name: 'Unmapped site names' });
    const site = within(sites).getByRole('listitem', { name: 'Riverside OP' });
    expect(site).toHaveTextContent('2 lines · $340.00');
    expect(site).toHaveTextContent('Example lines: INV-7/1, INV-8/1');
    expect(within(region).getByRole('link', { name: 'Vocabulary of acme' })).toHaveAttribute(
      'href',
      '/clients/acme/vocabulary',
    );
  });

  it('maps a description onto a service in one action, then shows it mapped and asks again', async () => {
    document.cookie = 'XSRF-TOKEN=xsrf-value; path=/';
    let vocabulary = aVocabulary();
    const { user, api } = setUp({
      dataQuality: findings,
      vocabulary: () => json(vocabulary),
      confirm: (request) => {
        const { text, service } = request.body as { text: string; service: string };
        vocabulary = aVocabulary({
          services: [
            { name: 'Gutter Clean', mappings: [] },
            {
              name: service,
              mappings: [
                {
                  text,
                  origin: 'confirmed',
                  support: 0,
                  runs: [],
                  by: 'rita',
                  at: '2026-11-04T10:00:00Z',
                  revoked: false,
                  revokedBy: null,
                  revokedAt: null,
                },
              ],
            },
          ],
        });
        return json(vocabulary.services[1]?.mappings[0], 201);
      },
    });

    const region = await panel();
    const item = await within(region).findByRole('listitem', { name: 'WC ext quarterly' });
    await waitFor(() => expect(api.sent('GET', '/api/clients/acme/vocabulary')).toHaveLength(1));
    const dataQualityReads = api.requests.filter((request) =>
      request.path.endsWith('/data-quality'),
    ).length;
    await user.selectOptions(
      within(item).getByRole('combobox', { name: 'Map to…' }),
      'Window Clean - Ext',
    );
    await user.click(within(item).getByRole('button', { name: 'Map “WC ext quarterly”' }));

    expect(
      await within(item).findByText('Mapped to Window Clean - Ext', { exact: false }),
    ).toBeInTheDocument();
    expect(item).toHaveTextContent('Mapped to Window Clean - Ext — takes effect on the next run.');
    expect(within(item).queryByRole('combobox')).not.toBeInTheDocument();
    const [sent, ...more] = api.sent('POST', CONFIRM_PATH);
    expect(more).toHaveLength(0);
    expect(sent?.body).toEqual({ text: 'WC ext quarterly', service: 'Window Clean - Ext' });
    expect(sent?.headers.get('X-XSRF-TOKEN')).toBe('xsrf-value');
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // The findings and the vocabulary were asked for again.
    await waitFor(() =>
      expect(
        api.requests.filter((request) => request.path.endsWith('/data-quality')).length,
      ).toBeGreaterThan(dataQualityReads),
    );
    await waitFor(() => expect(api.sent('GET', '/api/clients/acme/vocabulary')).toHaveLength(2));
    // The other description is still to be mapped.
    const other = within(region).getByRole('listitem', { name: 'misc works' });
    expect(within(other).getByRole('combobox', { name: 'Map to…' })).toBeInTheDocument();
  });

  it('asks for a service before mapping', async () => {
    const { user, api } = setUp({ dataQuality: findings });

    const item = await within(await panel()).findByRole('listitem', { name: 'misc works' });
    await user.click(within(item).getByRole('button', { name: 'Map “misc works”' }));

    expect(within(item).getByText('Choose the service it means.')).toBeInTheDocument();
    expect(within(item).getByRole('combobox', { name: 'Map to…' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.sent('POST', CONFIRM_PATH)).toHaveLength(0);
  });

  it('makes a site name an alias of one of the client’s sites', async () => {
    const { user, api } = setUp({
      dataQuality: findings,
      addAlias: (request, { siteCode = '' }) =>
        json(
          {
            code: siteCode,
            name: 'Riverside Office Park',
            aliases: [(request.body as { alias: string }).alias],
          },
          201,
        ),
    });

    const item = await within(await panel()).findByRole('listitem', { name: 'Riverside OP' });
    const select = await within(item).findByRole('combobox', { name: 'Alias of…' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a site', 'HBV-02 — Harbour View Tower', 'RIV-01 — Riverside Office Park']);
    await user.selectOptions(select, 'RIV-01');
    await user.click(within(item).getByRole('button', { name: 'Add alias “Riverside OP”' }));

    expect(
      await within(item).findByText('Alias of RIV-01 — Riverside Office Park', { exact: false }),
    ).toBeInTheDocument();
    expect(item).toHaveTextContent('takes effect on the next run.');
    const [sent] = api.sent('POST', '/api/clients/acme/sites/RIV-01/aliases');
    expect(sent?.body).toEqual({ alias: 'Riverside OP' });
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the problem’s detail when the mapping is refused (409)', async () => {
    const { user } = setUp({
      dataQuality: findings,
      confirm: () =>
        problem(409, {
          title: 'Mapping already confirmed',
          detail: "'WC ext quarterly' already means 'Window Clean - Ext'.",
        }),
    });

    const item = await within(await panel()).findByRole('listitem', { name: 'WC ext quarterly' });
    await user.selectOptions(
      within(item).getByRole('combobox', { name: 'Map to…' }),
      'Window Clean - Ext',
    );
    await user.click(within(item).getByRole('button', { name: 'Map “WC ext quarterly”' }));

    const alert = await within(item).findByRole('alert');
    expect(alert).toHaveTextContent('“WC ext quarterly” could not be mapped');
    expect(alert).toHaveTextContent("'WC ext quarterly' already means 'Window Clean - Ext'.");
    expect(item).not.toHaveTextContent('takes effect on the next run');
    expect(within(item).getByRole('combobox', { name: 'Map to…' })).toBeInTheDocument();
  });

  it('shows a description already in the vocabulary as mapped', async () => {
    setUp({
      dataQuality: findings,
      vocabulary: () =>
        json(
          aVocabulary({
            services: [
              {
                name: 'Gutter Clean',
                mappings: [
                  {
                    text: 'Misc  Works',
                    origin: 'confirmed',
                    support: 0,
                    runs: [],
                    by: 'rita',
                    at: '2026-11-04T10:00:00Z',
                    revoked: false,
                    revokedBy: null,
                    revokedAt: null,
                  },
                ],
              },
            ],
          }),
        ),
    });

    const item = await within(await panel()).findByRole('listitem', { name: 'misc works' });
    expect(
      await within(item).findByText('Mapped to Gutter Clean', { exact: false }),
    ).toBeInTheDocument();
    expect(within(item).queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('says so when the run read every description and site name', async () => {
    setUp({ dataQuality: aDataQuality() });

    const region = await panel();
    expect(
      await within(region).findByText('Every ledger description and site name was read.'),
    ).toBeInTheDocument();
    expect(within(region).queryByRole('list')).not.toBeInTheDocument();
  });

  it('says so when the run recorded no data-quality findings', async () => {
    setUp({ dataQuality: aDataQuality({ recorded: false }) });

    const region = await panel();
    expect(await within(region).findByText('No data-quality findings recorded')).toBeVisible();
    expect(region).toHaveTextContent('This run recorded no data-quality findings.');
    expect(within(region).queryByText(/was read/)).not.toBeInTheDocument();
  });

  it('lists the findings without the map actions for those who only read', async () => {
    setUp({ dataQuality: findings, user: aUserWithRole('auditor') });

    const region = await panel();
    const item = await within(region).findByRole('listitem', { name: 'WC ext quarterly' });
    expect(item).toHaveTextContent('3 lines · $412.50');
    expect(within(region).getByRole('listitem', { name: 'Riverside OP' })).toBeInTheDocument();
    expect(within(region).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: /^Map/ })).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: /^Add alias/ })).not.toBeInTheDocument();
  });
});
