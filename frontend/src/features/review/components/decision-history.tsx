import type { CaseState, HistoryEntry } from '@/features/review/api/types';
import { formatDateTime } from '@/lib/format';
import { categoryLabel, reasonLabel, reviewStatusLabel } from './labels';

const stateFields: readonly {
  key: keyof CaseState;
  label: string;
  show: (value: string) => string;
}[] = [
  { key: 'status', label: 'Status', show: reviewStatusLabel },
  { key: 'category', label: 'Category', show: categoryLabel },
  { key: 'assignee', label: 'Assignee', show: (value) => value },
  { key: 'resolution', label: 'Resolution', show: (value) => value },
];

/** What a decision changed: `Status: Open → Resolved`, one line per field that moved. */
function changes(before: CaseState | null | undefined, after: CaseState | null | undefined) {
  if (after === null || after === undefined) {
    return [];
  }
  return stateFields.flatMap(({ key, label, show }) => {
    const from = before?.[key] ?? null;
    const to = after[key] ?? null;
    if (from === to) {
      return [];
    }
    const word = (value: string | null) => (value === null ? 'none' : show(value));
    return [`${label}: ${word(from)} → ${word(to)}`];
  });
}

/** The exception's history, oldest first: who did what, when, why, and what it changed. */
export function DecisionHistory({ history }: { history: readonly HistoryEntry[] }) {
  if (history.length === 0) {
    return <p className="table__note">Nothing has happened to this exception yet.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table table--compact history">
        <caption className="visually-hidden">Decision history</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Reason</th>
            <th scope="col">Comment</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => {
            const lines = changes(entry.before, entry.after);
            return (
              <tr key={`${entry.version}-${entry.type}`}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.by}</td>
                <th scope="row" className="table__cell--wrap">
                  {entry.summary}
                  <span className="table__note history__type">{entry.type}</span>
                </th>
                <td>{entry.reasonCode ? reasonLabel(entry.reasonCode) : '—'}</td>
                <td className="table__cell--wrap">{entry.comment ?? '—'}</td>
                <td className="table__cell--wrap">
                  {lines.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="history__changes">
                      {lines.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
