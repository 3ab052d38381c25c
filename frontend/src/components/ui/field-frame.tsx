import type { ReactNode } from 'react';

/** What every labelled field takes: its id and name, the label, an optional hint and the error messages. */
export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  className?: string;
}

/** The attributes that tie the control to the frame's hint and error messages. */
export interface FieldControlProps {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The label, hint and error messages around one form control, tied to it with `aria-describedby`: the control
 * itself is rendered by `children`, given the attributes to spread on it.
 */
export function FieldFrame({
  id,
  label,
  hint,
  errors = [],
  className,
  children,
}: FieldFrameProps & { children: (control: FieldControlProps) => ReactNode }) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = errors.length === 0 ? undefined : `${id}-error`;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['field', errors.length > 0 ? 'field--invalid' : '', className]
        .filter(Boolean)
        .join(' ')}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        'aria-invalid': errors.length > 0 || undefined,
        'aria-describedby': describedBy,
      })}
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId !== undefined && (
        <ul className="field__errors" id={errorId}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
