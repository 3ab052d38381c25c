import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { toProblem } from '@/lib/problem-details';

interface LoadErrorProps {
  /** What could not be loaded, e.g. "The runs could not be loaded". */
  title: string;
  error: unknown;
  onRetry: () => void;
}

/** A failed read: the server's explanation (problem details) and a way to try again. */
export function LoadError({ title, error, onRetry }: LoadErrorProps) {
  const problem = toProblem(error);
  return (
    <Alert
      tone="error"
      title={title}
      action={
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {problem.detail ?? problem.title}
    </Alert>
  );
}
