import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TokenView } from '@/features/admin/api/get-tokens';
import type { UserView } from '@/features/admin/api/get-users';
import { aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function aUserView(overrides: Partial<UserView> = {}): UserView {
  return {
    userName: 'rita',
    displayName: 'Rita Reviewer',
    roles: ['reviewer'],
    disabled: false,
    createdAt: '2026-11-01T08:00:00Z',
    lastSignInAt: null,
    allClients: true,
    clientIds: [],
    ...overrides,
  };
}

function aToken(overrides: Partial<TokenView> = {}): TokenView {
  return {
    tokenId: 'tok-1',
    name: 'finance-export',
    access: 'readOnly',
    createdBy: 'ada',
    createdAt: '2026-11-01T08:00:00Z',
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    ...overrides,
  };
}

describe('the users administration', () => {
  it('lists the users and creates one with its roles', async () => {
    const users = [aUserView()];
    const api = fakeApi({
      'GET /api/admin/users': () => json({ items: users }),
      'POST /api/admin/users': (request) => {
        const created = aUserView({ userName: 'sam', displayName: 'Sam', roles: ['auditor'] });
        users.push(created);
        expect(request.body).toMatchObject({ userName: 'sam' });
        return json(created, 201);
      },
    });
    const { user } = renderApp('/admin/users', { user: aUserWithRole('admin') });

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(table).toHaveTextContent('Rita Reviewer');

    const form = screen.getByRole('region', { name: 'Create a user' });
    await user.type(within(form).getByLabelText('User name'), 'sam');
    await user.type(within(form).getByLabelText('Display name'), 'Sam');
    await user.type(within(form).getByLabelText('Initial password'), 'a-long-password');
    await user.click(within(form).getByRole('checkbox', { name: /Reviewer/ }));
    await user.click(within(form).getByRole('checkbox', { name: /Auditor/ }));
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('sam can now sign in.')).toBeInTheDocument();
    expect(api.sent('POST', '/api/admin/users')[0]?.body).toEqual({
      userName: 'sam',
      displayName: 'Sam',
      password: 'a-long-password',
      roles: ['auditor'],
    });
    await waitFor(() => expect(table).toHaveTextContent('Sam'));
  });

  it('changes roles and disables a user', async () => {
    const api = fakeApi({
      'GET /api/admin/users': () => json({ items: [aUserView()] }),
      'PUT /api/admin/users/:userName/roles': () =>
        json(aUserView({ roles: ['reviewer', 'approver'] })),
      'POST /api/admin/users/:userName/disable': () => json(aUserView({ disabled: true })),
    });
    const { user } = renderApp('/admin/users', { user: aUserWithRole('admin') });

    await user.click(await screen.findByRole('button', { name: 'Roles of rita…' }));
    const dialog = screen.getByRole('dialog', { name: 'Roles of rita' });
    await user.click(within(dialog).getByRole('checkbox', { name: /Approver/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(api.sent('PUT', '/api/admin/users/rita/roles')).toHaveLength(1));
    expect(api.sent('PUT', '/api/admin/users/rita/roles')[0]?.body).toEqual({
      roles: ['reviewer', 'approver'],
    });

    await user.click(screen.getByRole('button', { name: 'Disable rita' }));
    expect(await screen.findByText('rita is disabled.')).toBeInTheDocument();
  });
});

describe('the clients a user works for', () => {
  it('shows all clients by default and limits a user to some clients', async () => {
    const api = fakeApi({
      'GET /api/admin/users': () => json({ items: [aUserView()] }),
      'PUT /api/admin/users/:userName/clients': () =>
        json(aUserView({ allClients: false, clientIds: ['acme', 'northwind'] })),
    });
    const { user } = renderApp('/admin/users', { user: aUserWithRole('admin') });

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(table).toHaveTextContent('All clients');
    await user.click(screen.getByRole('button', { name: 'Clients of rita…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clients of rita' });
    await user.click(within(dialog).getByRole('radio', { name: /Only these clients/ }));
    await user.type(
      within(dialog).getByLabelText('Client ids (separated by commas)'),
      'northwind, acme,,northwind',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save clients' }));

    expect(await screen.findByText('rita now works for acme, northwind.')).toBeInTheDocument();
    expect(api.sent('PUT', '/api/admin/users/rita/clients')[0]?.body).toEqual({
      allClients: false,
      clientIds: ['northwind', 'acme'],
    });
  });

  it('allows all clients again and shows why a change was refused', async () => {
    const api = fakeApi({
      'GET /api/admin/users': () =>
        json({ items: [aUserView({ allClients: false, clientIds: ['acme'] })] }),
      'PUT /api/admin/users/:userName/clients': (request) =>
        (request.body as { allClients: boolean }).allClients
          ? json(aUserView())
          : problem(400, {
              title: 'The request has invalid fields',
              errors: {
                clientIds: ['ClientIds needs at least one client when allClients is false.'],
              },
            }),
    });
    const { user } = renderApp('/admin/users', { user: aUserWithRole('admin') });

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(table).toHaveTextContent('acme');
    await user.click(screen.getByRole('button', { name: 'Clients of rita…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clients of rita' });
    await user.clear(within(dialog).getByLabelText('Client ids (separated by commas)'));
    await user.click(within(dialog).getByRole('button', { name: 'Save clients' }));
    expect(
      await within(dialog).findByText(
        'ClientIds needs at least one client when allClients is false.',
      ),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: 'All clients' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save clients' }));
    expect(await screen.findByText('rita now works for all clients.')).toBeInTheDocument();
    expect(api.sent('PUT', '/api/admin/users/rita/clients')[1]?.body).toEqual({
      allClients: true,
      clientIds: [],
    });
  });
});

describe('the API tokens administration', () => {
  it('shows a new token’s secret once, with a warning and a copy button', async () => {
    const tokens: TokenView[] = [];
    const api = fakeApi({
      'GET /api/admin/tokens': () => json({ items: tokens }),
      'POST /api/admin/tokens': () => {
        const token = aToken({ access: 'readWrite' });
        tokens.push(token);
        return json({ token, secret: 'recon_s3cr3t' }, 201);
      },
    });
    const { user } = renderApp('/admin/tokens', { user: aUserWithRole('admin') });

    const form = await screen.findByRole('region', { name: 'Create an API token' });
    await user.type(within(form).getByLabelText('Name'), 'finance-export');
    await user.selectOptions(within(form).getByLabelText('Access'), 'readWrite');
    await user.type(within(form).getByLabelText('Expires on (optional)'), '2027-01-31');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByRole('region', { name: 'Token finance-export created' });
    expect(secret).toHaveTextContent('Copy the secret now: it will not be shown again.');
    expect(within(secret).getByLabelText('Secret')).toHaveValue('recon_s3cr3t');
    await user.click(within(secret).getByRole('button', { name: 'Copy secret' }));
    expect(await navigator.clipboard.readText()).toBe('recon_s3cr3t');
    expect(await within(secret).findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(api.sent('POST', '/api/admin/tokens')[0]?.body).toEqual({
      name: 'finance-export',
      access: 'readWrite',
      expiresAt: '2027-01-31T23:59:59Z',
    });

    await user.click(within(secret).getByRole('button', { name: 'I have copied it' }));

    expect(screen.queryByDisplayValue('recon_s3cr3t')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('recon_s3cr3t');
    const table = await screen.findByRole('table', { name: 'API tokens' });
    expect(table).toHaveTextContent('finance-export');
    expect(table).toHaveTextContent('Read and write');
  });

  it('revokes a token', async () => {
    const api = fakeApi({
      'GET /api/admin/tokens': () => json({ items: [aToken()] }),
      'DELETE /api/admin/tokens/:tokenId': () =>
        json(aToken({ revokedAt: '2026-11-05T08:00:00Z' })),
    });
    const { user } = renderApp('/admin/tokens', { user: aUserWithRole('admin') });

    await user.click(await screen.findByRole('button', { name: 'Revoke finance-export' }));

    expect(await screen.findByText('The token finance-export is revoked.')).toBeInTheDocument();
    expect(api.sent('DELETE', '/api/admin/tokens/tok-1')).toHaveLength(1);
  });
});
