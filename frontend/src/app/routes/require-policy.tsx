import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { useCan, type Policy } from '@/lib/session';

/** A page only some roles may see: everyone else is told so instead (the API refuses them with 403 anyway). */
export function RequirePolicy({ policy, children }: { policy: Policy; children: ReactNode }) {
  const allowed = useCan(policy);
  if (allowed) {
    return children;
  }
  return (
    <>
      <title>Not allowed · Recon</title>
      <h1 className="page__title">Not allowed</h1>
      <Alert tone="error" title="Your roles do not open this page.">
        <p>Ask an administrator for the role it needs.</p>
      </Alert>
    </>
  );
}
