import { useSearchParams } from 'react-router';
import { IngestionWorkspace } from '@/features/ingestion/components/ingestion-workspace';
import { usePeriodOutlet } from './period-outlet';

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** `/periods/:periodId/ingestion`; `?batch=<id>&page=<n>` opens a batch's rejected rows at a page. */
export function PeriodIngestionRoute() {
  const period = usePeriodOutlet();
  const [searchParams, setSearchParams] = useSearchParams();
  const batchId = searchParams.get('batch');
  const page = readPage(searchParams.get('page'));

  function update(change: (params: URLSearchParams) => void) {
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        change(params);
        return params;
      },
      { preventScrollReset: true },
    );
  }

  return (
    <>
      <title>{`Ingestion · ${period.clientId} · ${period.month} · Recon`}</title>
      <IngestionWorkspace
        periodId={period.periodId}
        clientId={period.clientId}
        selectedBatchId={batchId === '' ? null : batchId}
        rejectedPage={page}
        onSelectBatch={(next) =>
          update((params) => {
            params.delete('page');
            if (next === null) {
              params.delete('batch');
            } else {
              params.set('batch', next);
            }
          })
        }
        onRejectedPageChange={(next) =>
          update((params) => {
            if (next <= 1) {
              params.delete('page');
            } else {
              params.set('page', String(next));
            }
          })
        }
      />
    </>
  );
}
