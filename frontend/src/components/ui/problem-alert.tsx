import { Alert } from '@/components/ui/alert';
import { toProblem } from '@/lib/problem-details';

/**
 * A failed change, announced at once: under `title` (the server's title when none is given), the server's
 * explanation (ProblemDetails `detail`, else its title).
 */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const problem = toProblem(error);
  const text = title === undefined ? problem.detail : (problem.detail ?? problem.title);
  return (
    <Alert tone="error" title={title ?? problem.title}>
      {text === null ? undefined : <p>{text}</p>}
    </Alert>
  );
}
