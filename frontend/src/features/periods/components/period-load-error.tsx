import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { toProblem } from '@/lib/problem-details';

/** What a period's pages show when the period cannot be loaded: most often, it does not exist. */
export function PeriodLoadError({ error }: { error: unknown }) {
  const problem = toProblem(error);
  const title = problem.status === 404 ? 'Period not found' : problem.title;
  return (
    <>
      <title>{`${title} · Recon`}</title>
      <h1 className="page__title">{title}</h1>
      <Alert tone="error" title={title}>
        {problem.detail !== null && <p>{problem.detail}</p>}
      </Alert>
      <p>
        <Link to="/periods">Back to all periods</Link>
      </p>
    </>
  );
}
