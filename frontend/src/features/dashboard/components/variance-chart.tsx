import { useId } from 'react';
import type { DashboardPeriod, ReviewKpis } from '@/features/dashboard/api/get-dashboard';
import { formatPercent } from '@/lib/format';

const CHART = {
  width: 520,
  rowHeight: 28,
  barHeight: 16,
  labelWidth: 170,
  valueWidth: 70,
  gap: 8,
  axisHeight: 22,
} as const;

type ChartRow = DashboardPeriod & { review: ReviewKpis };

/**
 * A horizontal bar per period: the variance after review as a percentage of the client total (its size,
 * whichever the sign), with a dashed mark at the variance limit. Bars over the limit are drawn hatched as well
 * as in another colour. The chart is an image with a text summary; the table next to it has every figure.
 */
export function VarianceAfterReviewChart({ periods }: { periods: readonly DashboardPeriod[] }) {
  const titleId = useId();
  const summaryId = useId();
  const patternId = useId();
  const rows = periods.filter(
    (period): period is ChartRow => period.review !== undefined && period.review !== null,
  );
  if (rows.length === 0) {
    return null;
  }
  const largest = Math.max(
    ...rows.map((row) => Math.abs(row.review.variancePercentAfterReview)),
    ...rows.map((row) => row.review.varianceLimitPercent),
  );
  const scaleMax = largest === 0 ? 1 : largest * 1.1;
  const left = CHART.labelWidth + CHART.gap;
  const right = CHART.width - CHART.valueWidth - CHART.gap;
  const x = (percent: number) => left + (Math.abs(percent) / scaleMax) * (right - left);
  const height = rows.length * CHART.rowHeight + CHART.gap + CHART.axisHeight;
  const over = rows.filter((row) => row.review.overLimitAfterReview).length;
  const limits = [...new Set(rows.map((row) => row.review.varianceLimitPercent))];
  const limitText = limits.map((limit) => formatPercent(limit, 2)).join(' or ');

  return (
    <figure className="variance-chart dashboard-chart">
      <figcaption className="variance-chart__caption" id={titleId}>
        Variance after review by period, against the {limitText} limit
      </figcaption>
      <p className="table__note" id={summaryId}>
        {over === 0
          ? `All ${rows.length} reviewed ${rows.length === 1 ? 'period is' : 'periods are'} within the limit after review.`
          : `${over} of ${rows.length} ${rows.length === 1 ? 'period is' : 'periods are'} over the limit after review.`}{' '}
        The table below lists every figure.
      </p>
      <svg
        className="variance-chart__svg"
        viewBox={`0 0 ${CHART.width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={summaryId}
      >
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse">
            <path d="M0,6 L6,0" className="dashboard-chart__hatch" />
          </pattern>
        </defs>
        {rows.map((row, index) => {
          const y = index * CHART.rowHeight + CHART.gap / 2;
          const middle = y + CHART.rowHeight / 2;
          const percent = row.review.variancePercentAfterReview;
          const overLimit = row.review.overLimitAfterReview;
          const width = Math.max(1, x(percent) - left);
          const label = `${row.clientId} · ${row.month}`;
          const value = formatPercent(percent, 2);
          return (
            <g key={row.periodId} aria-hidden="true">
              <title>{`${label}: ${value}${overLimit ? ', over the limit' : ''}`}</title>
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
                x={left}
                y={middle - CHART.barHeight / 2}
                width={width}
                height={CHART.barHeight}
                rx={2}
                className={overLimit ? 'dashboard-chart__bar--over' : 'dashboard-chart__bar'}
              />
              {overLimit && (
                <rect
                  x={left}
                  y={middle - CHART.barHeight / 2}
                  width={width}
                  height={CHART.barHeight}
                  fill={`url(#${patternId})`}
                />
              )}
              <text
                x={CHART.width}
                y={middle}
                className="variance-chart__value"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {value}
              </text>
              <line
                x1={x(row.review.varianceLimitPercent)}
                x2={x(row.review.varianceLimitPercent)}
                y1={y}
                y2={y + CHART.rowHeight}
                className="dashboard-chart__limit"
              />
            </g>
          );
        })}
        <line
          x1={left}
          x2={left}
          y1={0}
          y2={rows.length * CHART.rowHeight + CHART.gap}
          className="variance-chart__axis"
          aria-hidden="true"
        />
        {limits.map((limit) => (
          <text
            key={limit}
            x={x(limit)}
            y={height - 6}
            className="variance-chart__value"
            textAnchor="middle"
            aria-hidden="true"
          >
            {`limit ${formatPercent(limit, 2)}`}
          </text>
        ))}
      </svg>
    </figure>
  );
}
