import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { OpenPeriodForm, type OpenedPeriod } from '@/features/periods/components/open-period-form';
import { PeriodsList } from '@/features/periods/components/periods-list';
import { useCan } from '@/lib/session';

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function PeriodsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = readPage(searchParams.get('page'));
  const [justOpened, setJustOpened] = useState<string | null>(null);
  const canOperate = useCan('operate');

  function goToPage(next: number) {
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next <= 1) {
          params.delete('page');
        } else {
          params.set('page', String(next));
        }
        return params;
      },
      { preventScrollReset: true },
    );
  }

  function handleOpened(period: OpenedPeriod) {
    setJustOpened(period.periodId);
    goToPage(1);
  }

  return (
    <>
      <title>Periods · Recon</title>
      <div className="page__header">
        <h1 className="page__title">Reconciliation periods</h1>
        <p className="page__lede">
          A period is one client&rsquo;s month under reconciliation. Open one to start ingesting and
          matching its revenue.
        </p>
      </div>
      {canOperate && <OpenPeriodForm onOpened={handleOpened} />}
      <section className="card" aria-labelledby="periods-list-title">
        <h2 className="card__title" id="periods-list-title">
          Periods
        </h2>
        <PeriodsList page={page} onPageChange={goToPage} highlightedPeriodId={justOpened} />
      </section>
    </>
  );
}
