import { Button } from '@/components/ui/button';
import { useSignOut } from '@/features/auth/api/sign-out';
import { roleLabel, type SessionUser } from '@/lib/session';

/** Who is signed in, with which roles, and the way out. */
export function AccountMenu({ user }: { user: SessionUser }) {
  const signOut = useSignOut();
  const roles = user.roles.map(roleLabel).join(', ');
  return (
    <div className="account" aria-label="Account" role="group">
      <p className="account__user">
        <span className="visually-hidden">Signed in as </span>
        <span className="account__name">{user.displayName || user.userName}</span>{' '}
        <span className="account__roles">
          <span className="visually-hidden">, roles: </span>
          {roles === '' ? 'No role' : roles}
        </span>
      </p>
      <Button
        variant="secondary"
        className="button--small account__sign-out"
        busy={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        Sign out
      </Button>
    </div>
  );
}
