/** Whether a modal dialog is open, e.g. to keep page shortcuts quiet while the reader works in it. */
export function isDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

const NON_TEXT_INPUT_TYPES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file']);

/** Whether a key press goes to a field the reader types in: then a letter is a letter, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !NON_TEXT_INPUT_TYPES.has(target.type))
  );
}
