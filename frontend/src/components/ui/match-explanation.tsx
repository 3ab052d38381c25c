import type { ApiSchemas } from '@/lib/api-client';
import { formatScore, idList } from '@/lib/format';

type MatchExplanation = ApiSchemas['MatchExplanation'];

/** A value from 0 to 1 as a bar and its figure; `mark` draws a line at another value (e.g. the threshold). */
export function ScoreBar({ value, mark }: { value: number; mark?: number }) {
  const percent = (ratio: number) => `${Math.round(Math.min(1, Math.max(0, ratio)) * 100)}%`;
  return (
    <span className="score-bar">
      <span className="score-bar__track" aria-hidden="true">
        <span className="score-bar__fill" style={{ width: percent(value) }} />
        {mark !== undefined && <span className="score-bar__mark" style={{ left: percent(mark) }} />}
      </span>
      <span className="score-bar__value">{formatScore(value)}</span>
    </span>
  );
}

/** Why a match was made: the summary, the score against the threshold, each field compared, the runners-up. */
export function MatchExplanationView({ explanation }: { explanation: MatchExplanation }) {
  const { summary, score, threshold, ruleVersion, fields, runnersUp } = explanation;
  return (
    <div className="explanation">
      <p className="explanation__summary">{summary}</p>
      <dl className="details">
        <div className="details__item">
          <dt>Score</dt>
          <dd>
            <ScoreBar value={score} mark={threshold} />
            <span className="table__note">
              {score >= threshold ? 'At or above' : 'Below'} the threshold of{' '}
              {formatScore(threshold)}
            </span>
          </dd>
        </div>
        <div className="details__item">
          <dt>Rule version</dt>
          <dd>{ruleVersion}</dd>
        </div>
      </dl>
      {fields.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact explanation__fields">
            <caption className="explanation__caption">How each field compared</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Client value</th>
                <th scope="col">Ledger value</th>
                <th scope="col">Similarity</th>
                <th scope="col" className="table__number">
                  Weight
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field.field}>
                  <th scope="row">
                    <code>{field.field}</code>
                  </th>
                  <td className="table__cell--wrap">
                    <FieldValue value={field.clientValue ?? null} />
                  </td>
                  <td className="table__cell--wrap">
                    <FieldValue value={field.ledgerValue ?? null} />
                  </td>
                  <td>
                    <ScoreBar value={field.similarity} />
                  </td>
                  <td className="table__number">{formatScore(field.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runnersUp.length === 0 ? (
        <p className="table__note">No other candidate was considered.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact explanation__runners-up">
            <caption className="explanation__caption">Runners-up</caption>
            <thead>
              <tr>
                <th scope="col">Client job ids</th>
                <th scope="col">Ledger line ids</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {runnersUp.map((candidate, index) => (
                <tr
                  key={`${candidate.clientJobIds.join()}|${candidate.ledgerLineIds.join()}|${index}`}
                >
                  <td>{idList(candidate.clientJobIds)}</td>
                  <td>{idList(candidate.ledgerLineIds)}</td>
                  <td>
                    <ScoreBar value={candidate.score} mark={threshold} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function FieldValue({ value }: { value: string | null }) {
  return value === null || value === '' ? (
    <span className="table__note">(none)</span>
  ) : (
    <span className="explanation__value">{value}</span>
  );
}
