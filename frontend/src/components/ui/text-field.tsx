import type { ComponentPropsWithRef } from 'react';
import { FieldFrame, type FieldFrameProps } from '@/components/ui/field-frame';

interface TextFieldProps
  extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'name'>, FieldFrameProps {
  name: string;
}

/** A labelled input with an optional hint and its error messages, tied together with `aria-describedby`. */
export function TextField({ id, name, label, hint, errors, className, ...rest }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <input {...rest} id={id} name={name} className="field__input" {...control} />}
    </FieldFrame>
  );
}
