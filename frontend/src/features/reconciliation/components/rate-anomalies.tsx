import { useId } from 'react';
import { useRunAnomalies, type RateAnomaly } from '@/features/reconciliation/api/get-run-anomalies';
import { formatMoney } from '@/lib/format';
import { formatScore, idList } from './labels';

const kindLabels: Readonly<Record<string, string>> = {
  rate_outlier: 'Rate outlier',
  rate_trend: 'Rate trend',
};

interface RateAnomaliesProps {
  runId: string;
  currency: string;
}

/** The unit rates a run found far from their history; nothing at all when there are none. */
export function RateAnomalies({ runId, currency }: RateAnomaliesProps) {
  const titleId = useId();
  const anomalies = useRunAnomalies(runId);

  if (!anomalies.isSuccess || anomalies.data.length === 0) {
    return null;
  }

  return (
    <section className="anomalies-section" aria-labelledby={titleId}>
      <div className="card__header">
        <h3 className="card__title" id={titleId}>
          Rate anomalies
        </h3>
        <p className="card__lede">
          Unit rates far from their usual level for the site and service.
        </p>
      </div>
      <ul className="anomalies">
        {anomalies.data.map((anomaly, index) => (
          <AnomalyItem
            key={`${anomaly.kind}-${anomaly.siteCode}-${anomaly.service}-${index}`}
            anomaly={anomaly}
            currency={currency}
          />
        ))}
      </ul>
    </section>
  );
}

function AnomalyItem({ anomaly, currency }: { anomaly: RateAnomaly; currency: string }) {
  return (
    <li className="anomalies__item">
      <p>
        <span className="badge badge--anomaly">{kindLabels[anomaly.kind] ?? anomaly.kind}</span>{' '}
        <strong>
          {anomaly.siteCode} · {anomaly.service}
        </strong>
        : unit rate {formatMoney(anomaly.unitRate, currency)} against a median of{' '}
        {formatMoney(anomaly.median, currency)} (score {formatScore(anomaly.score)})
      </p>
      <p className="table__note table__note--wrap">{anomaly.reason}</p>
      <p className="table__note">
        Client jobs {idList(anomaly.clientJobIds)} · ledger lines {idList(anomaly.ledgerLineIds)}
      </p>
    </li>
  );
}
