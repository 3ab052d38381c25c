import type { ComponentPropsWithRef } from 'react';
import { FieldFrame } from '@/components/ui/field-frame';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<
  ComponentPropsWithRef<'select'>,
  'id' | 'name' | 'children'
> {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
}

/** A labelled native `<select>`. */
export function SelectField({ id, name, label, options, className, ...rest }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} className={className}>
      {() => (
        <select {...rest} id={id} name={name} className="field__input field__select">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
