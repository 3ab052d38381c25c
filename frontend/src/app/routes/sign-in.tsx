import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { Shell } from './shell';

/** Where to go after signing in: a path of this app (never another site, never the sign-in page itself). */
function safeReturnTo(value: string | null): string {
  if (
    value === null ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return '/';
  }
  return value.startsWith('/sign-in') ? '/' : value;
}

/** `/sign-in?returnTo=<path>`: the sign-in page; once signed in, the reader goes back to `returnTo`. */
export function SignInRoute() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));

  return (
    <Shell>
      <title>Sign in · Recon</title>
      <div className="page__header">
        <h1 className="page__title">Sign in</h1>
        <p className="page__lede">
          Recon is for the people who reconcile, review and approve revenue.
        </p>
      </div>
      <section className="card sign-in-card">
        <SignInForm
          returnTo={returnTo}
          onSignedIn={() => void navigate(returnTo, { replace: true })}
        />
      </section>
    </Shell>
  );
}
