import { useId } from 'react';
import type { RunKpis } from '@/features/reconciliation/api/get-runs';
import { formatCount, formatMoney } from '@/lib/format';
import { categoryLabel } from './labels';
import { sumInCents, varianceRows, type VarianceRow } from './variance';

/** How the variance breaks down by category: a table whose rows add up to it, and the same as a bar chart. */
export function VarianceDecomposition({ kpis }: { kpis: RunKpis }) {
  const rows = varianceRows(kpis);
  const total = sumInCents(rows.map((row) => row.variance));
  const totalExceptions = rows.reduce((sum, row) => sum + row.exceptions, 0);
  const signed = (amount: number) => formatMoney(amount, kpis.currency, { signed: true });
  return (
    <div className="decomposition">
      <div className="table-scroll">
        <table className="table table--compact decomposition__table">
          <caption className="decomposition__caption">Variance by category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="table__number">
                Variance
              </th>
              <th scope="col" className="table__number">
                Exceptions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category}>
                <th scope="row">{categoryLabel(row.category)}</th>
                <td className="table__number">{signed(row.variance)}</td>
                <td className="table__number">{formatCount(row.exceptions)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="table__number">{signed(total)}</td>
              <td className="table__number">{formatCount(totalExceptions)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {Math.round(total * 100) !== Math.round(kpis.variance * 100) && (
        <p className="table__note">
          The categories add up to {signed(total)}, not to the run&rsquo;s variance of{' '}
          {signed(kpis.variance)}.
        </p>
      )}
      <VarianceChart rows={rows} currency={kpis.currency} />
    </div>
  );
}

const CHART = {
  width: 440,
  rowHeight: 26,
  barHeight: 14,
  labelWidth: 140,
  valueWidth: 84,
  gap: 8,
} as const;

/**
 * A horizontal bar per category around a zero line: to the right when the ledger billed more than the client's
 * jobs, to the left when less. The table beside it carries the same figures for screen readers.
 */
function VarianceChart({ rows, currency }: { rows: readonly VarianceRow[]; currency: string }) {
  const titleId = useId();
  const bars = rows.filter((row) => row.variance !== 0);
  if (bars.length === 0) {
    return null;
  }
  const left = CHART.labelWidth + CHART.gap;
  const right = CHART.width - CHART.valueWidth - CHART.gap;
  const most = Math.max(0, ...bars.map((row) => row.variance));
  const least = Math.min(0, ...bars.map((row) => row.variance));
  const span = most - least;
  const scale = (right - left) / span;
  const zero = left + -least * scale;
  const height = bars.length * CHART.rowHeight + CHART.gap;

  return (
    <figure className="variance-chart">
      <figcaption className="variance-chart__caption" id={titleId}>
        Variance by category, ledger minus client
      </figcaption>
      <svg
        className="variance-chart__svg"
        viewBox={`0 0 ${CHART.width} ${height}`}
        role="img"
        aria-labelledby={titleId}
      >
        {bars.map((row, index) => {
          const y = index * CHART.rowHeight + CHART.gap / 2;
          const width = Math.max(1, Math.abs(row.variance) * scale);
          const x = row.variance >= 0 ? zero : zero - width;
          const middle = y + CHART.rowHeight / 2;
          const label = categoryLabel(row.category);
          const value = formatMoney(row.variance, currency, { signed: true });
          return (
            <g key={row.category} aria-hidden="true">
              <title>{`${label}: ${value}`}</title>
              <text
                x={CHART.labelWidth}
                y={middle}
                className="variance-chart__label"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {label}
              </text>
              <rect
                x={x}
                y={middle - CHART.barHeight / 2}
                width={width}
                height={CHART.barHeight}
                rx={2}
                className={
                  row.variance >= 0
                    ? 'variance-chart__bar variance-chart__bar--over'
                    : 'variance-chart__bar variance-chart__bar--under'
                }
              />
              <text
                x={CHART.width}
                y={middle}
                className="variance-chart__value"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {value}
              </text>
            </g>
          );
        })}
        <line
          x1={zero}
          x2={zero}
          y1={0}
          y2={height}
          className="variance-chart__axis"
          aria-hidden="true"
        />
      </svg>
    </figure>
  );
}
