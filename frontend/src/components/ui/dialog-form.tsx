import type { ReactNode, SubmitEvent } from 'react';
import { Button } from '@/components/ui/button';

interface DialogFormProps {
  /** The submit button's text, e.g. "Save roles". */
  submitLabel: ReactNode;
  busy: boolean;
  /** Called on submit; the page does not reload. */
  onSubmit: () => void;
  /** Called by the Cancel button (pass the dialog's `onClose`). */
  onCancel: () => void;
  noValidate?: boolean;
  children: ReactNode;
}

/** The form of a `Dialog`: its fields, then the submit button and a Cancel button. */
export function DialogForm({
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  noValidate,
  children,
}: DialogFormProps) {
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="dialog__form" noValidate={noValidate} onSubmit={handleSubmit}>
      {children}
      <div className="dialog__actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
