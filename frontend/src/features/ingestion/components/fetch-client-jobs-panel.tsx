import { useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveRegion } from '@/components/ui/live-region';
import { useFetchClientJobs } from '@/features/ingestion/api/fetch-client-jobs';
import type { IngestionResult } from '@/features/ingestion/api/upload-batch';
import { toProblem } from '@/lib/problem-details';
import { FirstRowErrors, IngestionSummary } from './ingestion-outcome';

interface FetchClientJobsPanelProps {
  periodId: string;
  onIngested?: (result: IngestionResult) => void;
  onShowRejected: (batchId: string) => void;
}

/** Pulls the period's jobs from the client's API instead of a file. */
export function FetchClientJobsPanel({
  periodId,
  onIngested,
  onShowRejected,
}: FetchClientJobsPanelProps) {
  const titleId = useId();
  const fetchJobs = useFetchClientJobs(periodId);
  const problem = fetchJobs.isError ? toProblem(fetchJobs.error) : null;

  function handleFetch() {
    if (fetchJobs.isPending) {
      return;
    }
    fetchJobs.mutate(
      { params: { path: { periodId } } },
      { onSuccess: (result) => onIngested?.(result) },
    );
  }

  return (
    <section className="card fetch-panel" aria-labelledby={titleId}>
      <div className="fetch-panel__body">
        <div className="card__header">
          <h2 className="card__title" id={titleId}>
            Client API
          </h2>
          <p className="card__lede">
            Fetch this month&rsquo;s jobs straight from the client&rsquo;s API instead of uploading
            a file.
          </p>
        </div>
        <Button variant="secondary" busy={fetchJobs.isPending} onClick={handleFetch}>
          {fetchJobs.isPending ? 'Fetching…' : 'Fetch from client API'}
        </Button>
      </div>

      {problem !== null && (
        <Alert
          tone="error"
          title={
            problem.status === 503
              ? 'No client API is configured'
              : problem.status === 502
                ? 'The client API did not answer'
                : problem.title
          }
        >
          <p>{problem.detail ?? problem.title}</p>
          {problem.status === 502 && <p>The failed attempt is listed in the batch history.</p>}
        </Alert>
      )}

      <LiveRegion className="outcome">
        {fetchJobs.isSuccess && (
          <IngestionSummary
            result={fetchJobs.data}
            origin="jobs from the client API"
            duplicateSubject="The same set of jobs"
          />
        )}
      </LiveRegion>
      {fetchJobs.isSuccess && (
        <FirstRowErrors result={fetchJobs.data} onShowRejected={onShowRejected} />
      )}
    </section>
  );
}
