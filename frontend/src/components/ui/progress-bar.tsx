import { useId } from 'react';

interface ProgressBarProps {
  label: string;
  /** Done so far, from 0 to 1; `null` when there is no telling (an indeterminate bar). */
  value: number | null;
  /** What the numbers mean, e.g. `1.2 MB of 2.4 MB`; shown next to the percentage. */
  detail?: string;
}

/** A labelled native `<progress>` (role `progressbar`), with the percentage written out beside it. */
export function ProgressBar({ label, value, detail }: ProgressBarProps) {
  const labelId = useId();
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div className="progress__header">
        <span className="progress__label" id={labelId}>
          {label}
        </span>
        {(percent !== null || detail !== undefined) && (
          <span className="progress__value">
            {percent !== null && `${percent}%`}
            {percent !== null && detail !== undefined && ' · '}
            {detail}
          </span>
        )}
      </div>
      <progress
        className="progress__bar"
        aria-labelledby={labelId}
        max={100}
        value={percent ?? undefined}
      >
        {percent === null ? undefined : `${percent}%`}
      </progress>
    </div>
  );
}
