import type { ComponentPropsWithRef } from 'react';
import { FieldFrame, type FieldFrameProps } from '@/components/ui/field-frame';

interface TextareaFieldProps
  extends Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'name'>, FieldFrameProps {
  name: string;
}

/** A labelled `<textarea>` with an optional hint and its error messages (see `TextField`). */
export function TextareaField({
  id,
  name,
  label,
  hint,
  errors,
  className,
  ...rest
}: TextareaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <textarea
          rows={3}
          {...rest}
          id={id}
          name={name}
          className="field__input field__textarea"
          {...control}
        />
      )}
    </FieldFrame>
  );
}
