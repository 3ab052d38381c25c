import type { RunKpis } from '@/features/reconciliation/api/get-runs';
import { formatCount, formatMoney, formatPercent, formatRatio } from '@/lib/format';

/** A completed run's figures: the totals, the variance against its limit, and how the records were settled. */
export function RunKpisView({ kpis }: { kpis: RunKpis }) {
  const money = (amount: number) => formatMoney(amount, kpis.currency);
  const signed = (amount: number) => formatMoney(amount, kpis.currency, { signed: true });
  return (
    <dl className="kpis">
      <div className="kpi">
        <dt>Client total</dt>
        <dd className="kpi__value">{money(kpis.clientTotal)}</dd>
        <dd className="kpi__note">{formatCount(kpis.clientJobs)} client jobs</dd>
      </div>
      <div className="kpi">
        <dt>Ledger total</dt>
        <dd className="kpi__value">{money(kpis.ledgerTotal)}</dd>
        <dd className="kpi__note">{formatCount(kpis.ledgerLines)} ledger lines</dd>
      </div>
      <div className="kpi">
        <dt>Variance</dt>
        <dd className="kpi__value">{signed(kpis.variance)}</dd>
        <dd className="kpi__note">Ledger minus client, to the cent</dd>
      </div>
      <div className={kpis.overLimit ? 'kpi kpi--alert' : 'kpi'}>
        <dt>Variance ignoring cents</dt>
        <dd className="kpi__value">{signed(kpis.varianceIgnoringCents)}</dd>
        <dd className="kpi__note">
          {formatPercent(kpis.variancePercent)} of the client total{' '}
          {kpis.overLimit ? (
            <span className="badge badge--over-limit">
              Over the {formatPercent(kpis.varianceLimitPercent, 0)} limit
            </span>
          ) : (
            <span className="badge badge--within-limit">
              Within the {formatPercent(kpis.varianceLimitPercent, 0)} limit
            </span>
          )}
        </dd>
      </div>
      <div className="kpi">
        <dt>Auto-match rate</dt>
        <dd className="kpi__value">{formatRatio(kpis.autoMatchRate)}</dd>
        <dd className="kpi__note">of the completed client jobs matched to the ledger</dd>
      </div>
      <div className="kpi">
        <dt>Matches</dt>
        <dd className="kpi__value">{formatCount(kpis.matches)}</dd>
        <dd className="kpi__note">
          {formatCount(kpis.exactMatches)} exact · {formatCount(kpis.fuzzyMatches)} fuzzy
        </dd>
      </div>
      <div className="kpi">
        <dt>Exceptions</dt>
        <dd className="kpi__value">{formatCount(kpis.exceptions)}</dd>
        <dd className="kpi__note">
          {formatCount(kpis.autoResolved)} auto-resolved ({money(kpis.autoResolvedAmount)}) ·{' '}
          {formatCount(kpis.routedToReview)} routed to review
        </dd>
      </div>
    </dl>
  );
}
