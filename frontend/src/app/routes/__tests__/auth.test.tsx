import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aUser, aUserWithRole } from '@/testing/auth';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { aPage, aPeriod } from '@/testing/periods';
import { renderApp } from '@/testing/render-app';

function mainNav() {
  return screen.getByRole('navigation', { name: 'Main' });
}

function navLinks() {
  return within(mainNav())
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('signing in', () => {
  it('sends a signed-out reader to the sign-in page, then back to where they were going', async () => {
    const rita = aUser();
    let signedIn = false;
    const api = fakeApi({
      'GET /api/auth/me': () => (signedIn ? json(rita) : problem(401, { title: 'Unauthorized' })),
      'POST /api/auth/sign-in': () => {
        signedIn = true;
        return json(rita);
      },
      'GET /api/review-queue': () => json({ items: [], nextCursor: null }),
      'GET /api/periods': () => json(aPage([])),
    });

    const { user, router } = renderApp('/review?status=open', { user: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(
      `?returnTo=${encodeURIComponent('/review?status=open')}`,
    );

    await user.type(screen.getByLabelText('User name'), 'rita');
    await user.type(screen.getByLabelText('Password'), 'recon-demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Review queue' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/review');
    expect(router.state.location.search).toBe('?status=open');
    expect(api.sent('POST', '/api/auth/sign-in')[0]?.body).toEqual({
      userName: 'rita',
      password: 'recon-demo-password',
    });
    expect(screen.getByRole('banner')).toHaveTextContent('Rita Reviewer');
  });

  it('announces a wrong user name or password', async () => {
    fakeApi({
      'POST /api/auth/sign-in': () =>
        problem(401, { title: 'Unauthorized', detail: 'user name or password is wrong' }),
    });

    const { user } = renderApp('/sign-in', { user: null });

    await user.type(await screen.findByLabelText('User name'), 'rita');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You could not be signed in');
    expect(alert).toHaveTextContent('user name or password is wrong');
  });

  it('asks for both fields before sending anything', async () => {
    const api = fakeApi({});
    const { user } = renderApp('/sign-in', { user: null });

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('User name')).toHaveAccessibleDescription('Enter your user name.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(api.sent('POST', '/api/auth/sign-in')).toHaveLength(0);
  });

  it('offers single sign-on when the API has it set up', async () => {
    fakeApi({
      'GET /api/auth/providers': () =>
        json({ local: true, oidc: { displayName: 'Contoso ID', signInUrl: '/api/auth/oidc' } }),
    });

    renderApp(`/sign-in?returnTo=${encodeURIComponent('/review?q=J1')}`, { user: null });

    expect(await screen.findByRole('link', { name: 'Sign in with Contoso ID' })).toHaveAttribute(
      'href',
      `/api/auth/oidc?returnUrl=${encodeURIComponent('/review?q=J1')}`,
    );
  });

  it('never sends the reader to another site after signing in', async () => {
    fakeApi({
      'POST /api/auth/sign-in': () => json(aUser()),
      'GET /api/dashboard': () => json({ periods: [] }),
    });
    const { user, router } = renderApp('/sign-in?returnTo=//evil.example/x', { user: null });

    await user.type(await screen.findByLabelText('User name'), 'rita');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});

describe('the session', () => {
  it('shows the user and their roles, and signs out with the antiforgery token', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const api = fakeApi({ 'GET /api/periods': () => json(aPage([])) });

    const { user, router } = renderApp('/periods', {
      user: aUser({ displayName: 'Rita Reviewer', roles: ['reviewer', 'approver'] }),
    });

    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('Rita Reviewer');
    expect(banner).toHaveTextContent('Reviewer, Approver');

    await user.click(within(banner).getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    const [signOut] = api.sent('POST', '/api/auth/sign-out');
    expect(signOut?.headers.get('X-XSRF-TOKEN')).toBe('token-123');
  });

  it('goes back to the sign-in page when the session ends (401 on any call)', async () => {
    fakeApi({ 'GET /api/periods': () => problem(401, { title: 'Unauthorized' }) });

    const { router } = renderApp('/periods');

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe(`?returnTo=${encodeURIComponent('/periods')}`);
  });

  it('sends the antiforgery token on the generated client’s changes, never on reads', async () => {
    document.cookie = 'XSRF-TOKEN=token-456; path=/';
    const period = aPeriod({ clientId: 'acme', month: '2026-10' });
    const api = fakeApi({
      'GET /api/periods': () => json(aPage([])),
      'POST /api/periods': () => json(period, 201),
    });
    const { user } = renderApp('/periods');

    const form = await screen.findByRole('region', { name: 'Open a period' });
    await user.type(within(form).getByLabelText('Client id'), 'acme');
    await user.type(within(form).getByLabelText('Month'), '2026-10');
    await user.click(within(form).getByRole('button', { name: 'Open period' }));

    await waitFor(() => expect(api.sent('POST', '/api/periods')).toHaveLength(1));
    expect(api.sent('POST', '/api/periods')[0]?.headers.get('X-XSRF-TOKEN')).toBe('token-456');
    expect(api.sent('GET', '/api/periods')[0]?.headers.get('X-XSRF-TOKEN')).toBeNull();
  });
});

describe('the navigation', () => {
  it('shows a reviewer the dashboard, periods and review queue', () => {
    fakeApi({ 'GET /api/periods': () => json(aPage([])) });
    renderApp('/periods', { user: aUserWithRole('reviewer') });
    expect(navLinks()).toEqual(['Dashboard', 'Periods', 'Review']);
  });

  it('adds the approvals inbox for an approver', () => {
    fakeApi({ 'GET /api/periods': () => json(aPage([])) });
    renderApp('/periods', { user: aUserWithRole('approver') });
    expect(navLinks()).toEqual(['Dashboard', 'Periods', 'Review', 'Approvals']);
  });

  it('adds the administration for an admin', () => {
    fakeApi({ 'GET /api/periods': () => json(aPage([])) });
    renderApp('/periods', { user: aUserWithRole('admin') });
    expect(navLinks()).toEqual(['Dashboard', 'Periods', 'Review', 'Admin']);
  });

  it('tells a reviewer that the approvals inbox is not theirs', async () => {
    const api = fakeApi({});
    renderApp('/approvals', { user: aUserWithRole('reviewer') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    expect(api.sent('GET', '/api/approvals')).toHaveLength(0);
  });
});

describe('an auditor', () => {
  it('reads the periods but cannot open one', async () => {
    fakeApi({ 'GET /api/periods': () => json(aPage([aPeriod({ clientId: 'acme' })])) });
    renderApp('/periods', { user: aUserWithRole('auditor') });

    expect(await screen.findByRole('table')).toHaveTextContent('acme');
    expect(screen.queryByRole('region', { name: 'Open a period' })).not.toBeInTheDocument();
  });

  it('reads a period’s runs but cannot run a reconciliation', async () => {
    const period = aPeriod({ clientId: 'acme' });
    fakeApi({
      'GET /api/periods/:periodId': () => json(period),
      'GET /api/periods/:periodId/runs': () => json({ items: [] }),
    });
    renderApp(`/periods/${period.periodId}/reconciliation`, { user: aUserWithRole('auditor') });

    expect(await screen.findByRole('heading', { name: 'Runs' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Run reconciliation' })).not.toBeInTheDocument();
  });
});
