import type { ComponentPropsWithRef } from 'react';

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'name'> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
}

/** A labelled input with an optional hint and its error messages, tied together with `aria-describedby`. */
export function TextField({
  id,
  name,
  label,
  hint,
  errors = [],
  className,
  ...rest
}: TextFieldProps) {
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
      <input
        {...rest}
        id={id}
        name={name}
        className="field__input"
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
      />
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
