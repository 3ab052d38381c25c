import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiSchemas } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem, type Handler } from '@/testing/fake-api';
import { aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';
import { aMapping, aVocabulary } from '@/testing/vocabulary';

type ClientVocabulary = ApiSchemas['ClientVocabularyView'];
type CurrentUser = ApiSchemas['CurrentUser'];

const VOCABULARY_PATH = '/api/clients/acme/vocabulary';
const REVOKE_SERVICE_PATH = '/api/clients/acme/vocabulary/services/revoke';
const REVOKE_SITE_PATH = '/api/clients/acme/vocabulary/sites/revoke';

/** Window cleaning learned and confirmed, a revoked text, and a learned alias of a site. */
function someVocabulary(): ClientVocabulary {
  return aVocabulary({
    services: [
      { name: 'Gutter Clean', mappings: [] },
      {
        name: 'Window Clean - Ext',
        mappings: [
          aMapping({ text: 'window cleaning exterior', support: 12 }),
          aMapping({
            text: 'WC ext quarterly',
            origin: 'confirmed',
            support: 0,
            runs: [],
            by: 'rita',
            at: '2026-11-04T10:00:00Z',
          }),
          aMapping({
            text: 'glass work',
            support: 2,
            runs: ['0196c1a1-0000-4000-8000-000000000003'],
            revoked: true,
            revokedBy: 'abe',
            revokedAt: '2026-11-05T08:15:00Z',
          }),
        ],
      },
    ],
    sites: [
      { code: 'HBV-02', name: 'Harbour View Tower', aliases: [] },
      {
        code: 'RIV-01',
        name: 'Riverside Office Park',
        aliases: [aMapping({ text: 'Riverside OP', support: 4 })],
      },
    ],
  });
}

function setUp({
  vocabulary = () => json(someVocabulary()),
  revokeService = () => problem(500, { title: 'Not expected' }),
  revokeSite = () => problem(500, { title: 'Not expected' }),
  user,
}: {
  vocabulary?: Handler;
  revokeService?: Handler;
  revokeSite?: Handler;
  user?: CurrentUser;
} = {}) {
  const api = fakeApi({
    'GET /api/clients/:clientId/vocabulary': vocabulary,
    'POST /api/clients/:clientId/vocabulary/services/revoke': revokeService,
    'POST /api/clients/:clientId/vocabulary/sites/revoke': revokeSite,
  });
  const view = renderApp('/clients/acme/vocabulary', user === undefined ? {} : { user });
  return { ...view, api };
}

function services() {
  return screen.findByRole('region', { name: 'Services' });
}

describe("a client's vocabulary", () => {
  it('lists the services and sites with their learned, confirmed and revoked mappings', async () => {
    setUp();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vocabulary of acme' }),
    ).toBeInTheDocument();
    const region = await services();
    const window = within(region).getByRole('listitem', { name: 'Window Clean - Ext' });
    expect(window).toHaveTextContent('2 mappings in force');
    const learned = within(window).getByRole('listitem', { name: 'window cleaning exterior' });
    expect(learned).toHaveTextContent(
      `Learned by recon-run from 12 confirmed pairs over 2 runs · ${formatDateTime('2026-11-03T09:30:00Z')}`,
    );
    expect(learned).not.toHaveTextContent('Revoked');
    const confirmed = within(window).getByRole('listitem', { name: 'WC ext quarterly' });
    expect(confirmed).toHaveTextContent(
      `Confirmed by rita · ${formatDateTime('2026-11-04T10:00:00Z')}`,
    );
    const revoked = within(window).getByRole('listitem', { name: 'glass work' });
    expect(revoked.querySelector('del')).toHaveTextContent('glass work');
    expect(revoked).toHaveTextContent('from 2 confirmed pairs over 1 run');
    expect(revoked).toHaveTextContent(`Revoked by abe · ${formatDateTime('2026-11-05T08:15:00Z')}`);
    expect(within(revoked).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(learned).getByRole('button', { name: 'Revoke “window cleaning exterior”…' }),
    ).toBeInTheDocument();
    const gutter = within(region).getByRole('listitem', { name: 'Gutter Clean' });
    expect(gutter).toHaveTextContent('No ledger description is mapped onto it.');

    const sites = screen.getByRole('region', { name: 'Sites' });
    const riverside = within(sites).getByRole('listitem', {
      name: 'RIV-01 — Riverside Office Park',
    });
    expect(within(riverside).getByRole('listitem', { name: 'Riverside OP' })).toHaveTextContent(
      'Learned by recon-run from 4 confirmed pairs over 2 runs',
    );
    expect(
      within(sites).getByRole('listitem', { name: 'HBV-02 — Harbour View Tower' }),
    ).toHaveTextContent('No alias.');
  });

  it('revokes a mapping only once confirmed, then lists the vocabulary again', async () => {
    document.cookie = 'XSRF-TOKEN=xsrf-value; path=/';
    let vocabulary = someVocabulary();
    const { user, api } = setUp({
      vocabulary: () => json(vocabulary),
      revokeService: (request) => {
        const { text } = request.body as { text: string };
        const revokedMapping = aMapping({
          text,
          revoked: true,
          revokedBy: 'rita',
          revokedAt: '2026-11-06T12:00:00Z',
        });
        vocabulary = {
          ...vocabulary,
          services: vocabulary.services.map((service) => ({
            ...service,
            mappings: service.mappings.map((mapping) =>
              mapping.text === text ? revokedMapping : mapping,
            ),
          })),
        };
        return json(revokedMapping);
      },
    });

    const region = await services();
    const revokeButton = within(region).getByRole('button', {
      name: 'Revoke “window cleaning exterior”…',
    });
    await user.click(revokeButton);
    let dialog = screen.getByRole('dialog', { name: 'Revoke “window cleaning exterior”?' });
    expect(dialog).toHaveTextContent(
      'Runs stop reading “window cleaning exterior” as the service Window Clean - Ext, and do not learn it again.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.sent('POST', REVOKE_SERVICE_PATH)).toHaveLength(0);

    await user.click(revokeButton);
    dialog = screen.getByRole('dialog', { name: 'Revoke “window cleaning exterior”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(
      await screen.findByText('“window cleaning exterior” no longer means Window Clean - Ext.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const [sent, ...more] = api.sent('POST', REVOKE_SERVICE_PATH);
    expect(more).toHaveLength(0);
    expect(sent?.body).toEqual({ text: 'window cleaning exterior' });
    expect(sent?.headers.get('X-XSRF-TOKEN')).toBe('xsrf-value');
    expect(sent?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(api.sent('GET', VOCABULARY_PATH)).toHaveLength(2));
    const item = within(region).getByRole('listitem', { name: 'window cleaning exterior' });
    expect(await within(item).findByText(/^Revoked by rita/)).toBeInTheDocument();
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
  });

  it('revokes a site alias with its site code', async () => {
    const { user, api } = setUp({
      revokeSite: (request) =>
        json(aMapping({ text: (request.body as { alias: string }).alias, revoked: true })),
    });

    const sites = await screen.findByRole('region', { name: 'Sites' });
    await user.click(within(sites).getByRole('button', { name: 'Revoke “Riverside OP”…' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Riverside OP”?' });
    expect(dialog).toHaveTextContent('as the site RIV-01 — Riverside Office Park');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(
      await screen.findByText(
        '“Riverside OP” is no longer an alias of RIV-01 — Riverside Office Park.',
      ),
    ).toBeInTheDocument();
    expect(api.sent('POST', REVOKE_SITE_PATH)[0]?.body).toEqual({
      siteCode: 'RIV-01',
      alias: 'Riverside OP',
    });
  });

  it('shows the problem’s detail when the revocation is refused (404)', async () => {
    const { user } = setUp({
      revokeService: () =>
        problem(404, {
          title: 'No such mapping',
          detail: "Client 'acme' has no mapping in force for 'WC ext quarterly'.",
        }),
    });

    await user.click(
      within(await services()).getByRole('button', { name: 'Revoke “WC ext quarterly”…' }),
    );
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“WC ext quarterly”: the revocation was refused');
    expect(alert).toHaveTextContent(
      "Client 'acme' has no mapping in force for 'WC ext quarterly'.",
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('narrows the lists to the texts, services and sites that match the filter', async () => {
    const { user } = setUp();

    const region = await services();
    const filter = screen.getByRole('searchbox', { name: 'Filter' });

    await user.type(filter, 'QUARTERLY');
    const window = within(region).getByRole('listitem', { name: 'Window Clean - Ext' });
    expect(
      within(window)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.mapping__text')?.textContent),
    ).toEqual(['WC ext quarterly']);
    expect(
      within(region).queryByRole('listitem', { name: 'Gutter Clean' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Sites' })).not.toBeInTheDocument();

    await user.clear(filter);
    await user.type(filter, 'harbour');
    expect(screen.queryByRole('region', { name: 'Services' })).not.toBeInTheDocument();
    const sites = screen.getByRole('region', { name: 'Sites' });
    expect(within(sites).getAllByRole('listitem')).toHaveLength(1);
    expect(
      within(sites).getByRole('listitem', { name: 'HBV-02 — Harbour View Tower' }),
    ).toBeInTheDocument();

    await user.clear(filter);
    await user.type(filter, 'nothing like it');
    expect(screen.getByText('Nothing matches “nothing like it”.')).toBeInTheDocument();

    await user.clear(filter);
    expect(
      within(await services()).getByRole('listitem', { name: 'Gutter Clean' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Sites' })).toBeInTheDocument();
  });

  it('lists the vocabulary without revoke buttons for those who only read', async () => {
    setUp({ user: aUserWithRole('auditor') });

    const region = await services();
    expect(
      within(region).getByRole('listitem', { name: 'window cleaning exterior' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Revoke/ })).not.toBeInTheDocument();
  });

  it('is linked from the period details', async () => {
    const period = aPeriod({ clientId: 'acme' });
    fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/clients/:clientId/vocabulary': () => json(someVocabulary()),
    });
    const { user, router } = renderApp(`/periods/${period.periodId}`);

    const details = await screen.findByRole('region', { name: 'Period details' });
    await user.click(within(details).getByRole('link', { name: 'Vocabulary' }));

    expect(router.state.location.pathname).toBe('/clients/acme/vocabulary');
    expect(await services()).toBeInTheDocument();
  });
});
