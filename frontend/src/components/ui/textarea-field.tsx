import type { ComponentPropsWithRef } from 'react';

interface TextareaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'name'> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
}

/** A labelled `<textarea>` with an optional hint and its error messages (see `TextField`). */
export function TextareaField({
  id,
  name,
  label,
  hint,
  errors = [],
  className,
  ...rest
}: TextareaFieldProps) {
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
      <textarea
        rows={3}
        {...rest}
        id={id}
        name={name}
        className="field__input field__textarea"
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
