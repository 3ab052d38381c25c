import { useId, useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useProviders } from '@/features/auth/api/get-providers';
import { useSignIn } from '@/features/auth/api/sign-in';
import type { CurrentUser } from '@/features/auth/api/get-current-user';
import { toProblem } from '@/lib/problem-details';

interface SignInFormProps {
  /** Where single sign-on comes back to (a path of this app). */
  returnTo: string;
  onSignedIn: (user: CurrentUser) => void;
}

/** The identity provider's sign-in address, asked to come back to `returnTo`. */
function oidcHref(signInUrl: string, returnTo: string): string {
  const separator = signInUrl.includes('?') ? '&' : '?';
  return `${signInUrl}${separator}returnUrl=${encodeURIComponent(returnTo)}`;
}

/** The local sign-in form and, when the API offers it, single sign-on. */
export function SignInForm({ returnTo, onSignedIn }: SignInFormProps) {
  const id = useId();
  const signIn = useSignIn();
  const providers = useProviders();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ userName: boolean; password: boolean }>({
    userName: false,
    password: false,
  });

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = { userName: userName.trim() === '', password: password === '' };
    setMissing(next);
    if (next.userName || next.password) {
      return;
    }
    signIn.mutate({ userName: userName.trim(), password }, { onSuccess: onSignedIn });
  }

  const problem = signIn.isError ? toProblem(signIn.error) : null;
  const oidc = providers.data?.oidc ?? null;

  return (
    <div className="sign-in">
      <form
        className="sign-in__form"
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby={`${id}-title`}
      >
        <h2 className="card__title" id={`${id}-title`}>
          Sign in with your Recon account
        </h2>
        {problem !== null && (
          <Alert
            tone="error"
            title={problem.status === 401 ? 'You could not be signed in' : problem.title}
          >
            <p>{problem.detail ?? problem.title}</p>
          </Alert>
        )}
        <TextField
          id={`${id}-user-name`}
          name="userName"
          label="User name"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={userName}
          errors={missing.userName ? ['Enter your user name.'] : []}
          onChange={(event) => setUserName(event.target.value)}
        />
        <TextField
          id={`${id}-password`}
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          value={password}
          errors={missing.password ? ['Enter your password.'] : []}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div>
          <Button type="submit" busy={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </div>
      </form>
      {oidc !== null && (
        <div className="sign-in__oidc">
          <p className="sign-in__or">or</p>
          <a className="button button--secondary" href={oidcHref(oidc.signInUrl, returnTo)}>
            Sign in with {oidc.displayName}
          </a>
        </div>
      )}
    </div>
  );
}
