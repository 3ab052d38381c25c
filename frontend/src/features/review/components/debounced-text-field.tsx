import { useEffect, useEffectEvent, useState, type ComponentPropsWithRef } from 'react';
import { TextField } from '@/components/ui/text-field';

interface DebouncedTextFieldProps extends Omit<
  ComponentPropsWithRef<'input'>,
  'id' | 'name' | 'value' | 'onChange'
> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** The committed value (e.g. from the address). */
  value: string;
  /** Called once the reader stops typing for `delay` ms, or presses Enter. */
  onCommit: (value: string) => void;
  delay?: number;
}

/** A text field that commits what is typed after a pause, so a search does not run at every keystroke. */
export function DebouncedTextField({
  value,
  onCommit,
  delay = 300,
  ...rest
}: DebouncedTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  // The committed value changed from outside (e.g. "Clear filters"): show it.
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }

  const commit = useEffectEvent((next: string) => onCommit(next));

  useEffect(() => {
    if (draft === value) {
      return;
    }
    const timer = setTimeout(() => commit(draft), delay);
    return () => clearTimeout(timer);
  }, [draft, value, delay]);

  return (
    <TextField
      {...rest}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          if (draft !== value) {
            onCommit(draft);
          }
        }
      }}
    />
  );
}
