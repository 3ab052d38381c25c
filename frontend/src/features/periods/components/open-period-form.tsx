import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LiveRegion } from '@/components/ui/live-region';
import { TextField } from '@/components/ui/text-field';
import { useOpenPeriod, type OpenPeriodInput } from '@/features/periods/api/open-period';
import { fieldErrorsFor, toProblem } from '@/lib/problem-details';

export interface OpenedPeriod extends OpenPeriodInput {
  periodId: string;
}

interface OpenPeriodFormProps {
  onOpened?: (period: OpenedPeriod) => void;
}

const FIELDS = ['clientId', 'month'] as const;

/**
 * Opens a period. The server is the one judge of what is valid: its 400 field errors show under the fields,
 * and any other refusal (such as a 409 for a month that is already open) shows as an alert.
 */
export function OpenPeriodForm({ onOpened }: OpenPeriodFormProps) {
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const inputs = useRef<Partial<Record<(typeof FIELDS)[number], HTMLInputElement | null>>>({});
  const [clientId, setClientId] = useState('');
  const [month, setMonth] = useState('');
  const [opened, setOpened] = useState<OpenedPeriod | null>(null);
  const openPeriod = useOpenPeriod();

  const problem = openPeriod.isError ? toProblem(openPeriod.error) : null;
  const clientIdErrors = fieldErrorsFor(problem, 'clientId');
  const monthErrors = fieldErrorsFor(problem, 'month');
  const otherFieldErrors =
    problem === null
      ? []
      : Object.entries(problem.fieldErrors)
          .filter(([field]) => !FIELDS.some((known) => known.toLowerCase() === field.toLowerCase()))
          .flatMap(([, messages]) => messages);
  const hasFieldErrors = clientIdErrors.length > 0 || monthErrors.length > 0;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (openPeriod.isPending) {
      return;
    }
    const body: OpenPeriodInput = { clientId: clientId.trim(), month: month.trim() };
    setOpened(null);
    openPeriod.mutate(
      { body },
      {
        onSuccess: (data) => {
          const period: OpenedPeriod = { ...body, periodId: data.periodId };
          setOpened(period);
          setClientId('');
          onOpened?.(period);
        },
        onError: (error) => {
          const failed = toProblem(error);
          const firstInvalid = FIELDS.find((field) => fieldErrorsFor(failed, field).length > 0);
          if (firstInvalid !== undefined) {
            inputs.current[firstInvalid]?.focus();
          }
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 className="card__title" id={titleId}>
        Open a period
      </h2>
      <form className="open-period-form" noValidate onSubmit={handleSubmit}>
        <div className="open-period-form__fields">
          <TextField
            ref={(input) => {
              inputs.current.clientId = input;
            }}
            id={`${idPrefix}-clientId`}
            name="clientId"
            label="Client id"
            hint="Letters, digits, '-', '_' or '.', e.g. acme."
            autoComplete="off"
            spellCheck={false}
            required
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
            errors={clientIdErrors}
          />
          <TextField
            ref={(input) => {
              inputs.current.month = input;
            }}
            id={`${idPrefix}-month`}
            name="month"
            label="Month"
            hint="YYYY-MM, e.g. 2026-10."
            placeholder="YYYY-MM"
            inputMode="numeric"
            autoComplete="off"
            required
            value={month}
            onChange={(event) => setMonth(event.target.value)}
            errors={monthErrors}
          />
          <div className="open-period-form__actions">
            <Button type="submit" busy={openPeriod.isPending}>
              {openPeriod.isPending ? 'Opening…' : 'Open period'}
            </Button>
          </div>
        </div>

        {problem !== null && (
          <Alert tone="error" title={problem.title}>
            {hasFieldErrors && <p>Correct the highlighted fields and try again.</p>}
            {!hasFieldErrors && problem.detail !== null && <p>{problem.detail}</p>}
            {otherFieldErrors.length > 0 && (
              <ul>
                {otherFieldErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}

        <LiveRegion>
          {opened !== null && (
            <Alert tone="success" title="Period opened">
              <p>
                {opened.clientId} · {opened.month} is open.{' '}
                <Link to={`/periods/${opened.periodId}`}>View period</Link>
              </p>
            </Alert>
          )}
        </LiveRegion>
      </form>
    </section>
  );
}
