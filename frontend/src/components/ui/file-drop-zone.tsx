import { useState, type ChangeEvent, type DragEvent } from 'react';
import { formatBytes } from '@/lib/format';

interface FileDropZoneProps {
  id: string;
  /** The input's accessible name, e.g. `Ledger lines CSV file`. */
  label: string;
  hint?: string;
  /** The file types the picker offers, e.g. `.csv,text/csv`. The server still judges what it accepts. */
  accept?: string;
  file: File | null;
  onFileChange: (file: File) => void;
  disabled?: boolean;
}

function hasFiles(event: DragEvent) {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * A file picker that also takes a dropped file. The real `<input type="file">` stays in the page (visually
 * hidden) so that it keeps its keyboard behaviour and name: Tab reaches it, Enter or Space opens the picker,
 * and the whole zone, its label stretched over it, opens the picker on click.
 */
export function FileDropZone({
  id,
  label,
  hint,
  accept,
  file,
  onFileChange,
  disabled = false,
}: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const promptId = `${id}-prompt`;
  const chosenId = `${id}-chosen`;
  const hintId = hint === undefined ? undefined : `${id}-hint`;

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    // Cleared so that choosing the same file again is a change too (e.g. to upload it once more).
    event.target.value = '';
    if (chosen !== undefined) {
      onFileChange(chosen);
    }
  }

  function handleDragOver(event: DragEvent<HTMLDivElement>) {
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) {
      setDragging(true);
    }
  }

  function handleDragLeave(event: DragEvent<HTMLDivElement>) {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) {
      setDragging(false);
    }
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!disabled && dropped !== undefined) {
      onFileChange(dropped);
    }
  }

  const classes = [
    'drop-zone',
    dragging ? 'drop-zone--dragging' : '',
    file !== null ? 'drop-zone--chosen' : '',
    disabled ? 'drop-zone--disabled' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field">
      <div
        className={classes}
        onDragEnter={handleDragOver}
        onDragOver={handleDragOver}
        onDragLeave={handleDragLeave}
        onDrop={handleDrop}
      >
        <input
          id={id}
          type="file"
          className="drop-zone__input visually-hidden"
          accept={accept}
          disabled={disabled}
          aria-describedby={[chosenId, promptId, hintId].filter(Boolean).join(' ')}
          onChange={handleChange}
        />
        <span className="drop-zone__icon" aria-hidden="true">
          ⇪
        </span>
        <label htmlFor={id} className="drop-zone__label">
          {label}
        </label>
        <span className="drop-zone__prompt" id={promptId}>
          {dragging ? (
            'Drop the file to choose it'
          ) : (
            <>
              Drag and drop a file here, or <span className="drop-zone__browse">choose a file</span>
            </>
          )}
        </span>
        <span className="drop-zone__chosen" id={chosenId}>
          {file === null ? (
            'No file chosen'
          ) : (
            <>
              Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
            </>
          )}
        </span>
      </div>
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
