import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { LoadError } from '@/components/ui/load-error';
import { Loading } from '@/components/ui/loading';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { hasPolicy, SessionContext, type Policy, type SessionUser } from '@/lib/session';
import { Shell } from './shell';

interface NavItem {
  to: string;
  label: string;
  policy: Policy;
  end?: boolean;
}

const navItems: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', policy: 'read', end: true },
  { to: '/periods', label: 'Periods', policy: 'read' },
  { to: '/review', label: 'Review', policy: 'read' },
  { to: '/approvals', label: 'Approvals', policy: 'approve' },
  { to: '/admin/users', label: 'Admin', policy: 'administer' },
];

/**
 * The signed-in part of the app: asks who is signed in (`GET /api/auth/me`) and sends anyone who is not to the
 * sign-in page, with the address to come back to. The header shows the navigation the user's roles open.
 */
export function RootLayout() {
  const session = useCurrentUser();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Shell>
        <Loading label="Checking who is signed in…" />
      </Shell>
    );
  }

  if (session.isError) {
    return (
      <Shell>
        <LoadError
          title="Your session could not be checked"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </Shell>
    );
  }

  if (session.data === null) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }

  const user = session.data;
  return (
    <SessionContext value={user}>
      <Shell
        header={
          <>
            <MainNav user={user} />
            <AccountMenu user={user} />
          </>
        }
      >
        <Outlet />
      </Shell>
    </SessionContext>
  );
}

function MainNav({ user }: { user: SessionUser }) {
  return (
    <nav className="nav" aria-label="Main">
      <ul className="nav__list">
        {navItems
          .filter((item) => hasPolicy(user, item.policy))
          .map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="nav__link">
                {item.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
