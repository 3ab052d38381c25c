import { useId, useRef, useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FileDropZone } from '@/components/ui/file-drop-zone';
import { LiveRegion } from '@/components/ui/live-region';
import { ProgressBar } from '@/components/ui/progress-bar';
import {
  useUploadBatch,
  type IngestionResult,
  type UploadKind,
} from '@/features/ingestion/api/upload-batch';
import { formatBytes } from '@/lib/format';
import { toProblem } from '@/lib/problem-details';
import { UploadAbortedError, type UploadProgress } from '@/lib/upload';
import { FirstRowErrors, IngestionSummary } from './ingestion-outcome';

interface UploadCopy {
  title: string;
  description: string;
  inputLabel: string;
  submit: string;
  hint: string;
}

const copy: Record<UploadKind, UploadCopy> = {
  clientJobs: {
    title: 'Client jobs',
    description: 'The jobs the client says were done this month, as exported from their system.',
    inputLabel: 'Client jobs CSV file',
    submit: 'Upload client jobs',
    hint: 'CSV with the columns job_id, client_id, site_name, service_type, service_date, quantity, unit_rate, amount, currency and status (site_code and po_number optional).',
  },
  ledgerLines: {
    title: 'Ledger lines',
    description: 'The invoice lines billed to the client, as exported from the ledger.',
    inputLabel: 'Ledger lines CSV file',
    submit: 'Upload ledger lines',
    hint: 'CSV with the columns invoice_number, line_no, customer_site, description, service_date, qty, unit_price, line_total and currency (job_ref and posted_date optional).',
  },
};

interface UploadPanelProps {
  periodId: string;
  kind: UploadKind;
  /** Replaces part of the hint, e.g. to name the period's client. */
  note?: string;
  onIngested?: (result: IngestionResult) => void;
  onShowRejected: (batchId: string) => void;
}

/** Uploads one CSV file of a kind, with progress, and shows what the server made of it. */
export function UploadPanel({
  periodId,
  kind,
  note,
  onIngested,
  onShowRejected,
}: UploadPanelProps) {
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const text = copy[kind];
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const upload = useUploadBatch(periodId, kind);

  const cancelled = upload.error instanceof UploadAbortedError;
  const problem = upload.isError && !cancelled ? toProblem(upload.error) : null;
  const uploading = upload.isPending ? upload.variables.file : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file === null || upload.isPending) {
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { file, onProgress: setProgress, signal: controller.signal },
      {
        onSuccess: (result) => {
          setFile(null);
          onIngested?.(result);
        },
        onSettled: () => {
          abort.current = null;
          setProgress(null);
        },
      },
    );
  }

  return (
    <section className="card upload-panel" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 className="card__title" id={titleId}>
          {text.title}
        </h2>
        <p className="card__lede">{text.description}</p>
      </div>
      <form className="upload-panel__form" noValidate onSubmit={handleSubmit}>
        <FileDropZone
          id={`${idPrefix}-file`}
          label={text.inputLabel}
          hint={note === undefined ? text.hint : `${text.hint} ${note}`}
          accept=".csv,text/csv"
          file={file}
          onFileChange={(chosen) => {
            setFile(chosen);
            // A new file starts afresh: the last outcome stays listed in the batch history.
            upload.reset();
          }}
          disabled={upload.isPending}
        />
        <div className="upload-panel__actions">
          <Button
            type="submit"
            busy={upload.isPending}
            disabled={file === null && !upload.isPending}
          >
            {upload.isPending ? 'Uploading…' : text.submit}
          </Button>
          {upload.isPending && (
            <Button variant="secondary" onClick={() => abort.current?.abort()}>
              Cancel
            </Button>
          )}
        </div>

        {uploading !== null && <UploadProgressBar file={uploading} progress={progress} />}

        {problem !== null && (
          <Alert tone="error" title={problem.title}>
            {problem.detail !== null && <p>{problem.detail}</p>}
          </Alert>
        )}

        <LiveRegion className="outcome">
          {upload.isSuccess && (
            <IngestionSummary result={upload.data} origin={upload.variables.file.name} />
          )}
          {cancelled && (
            <Alert tone="info" title="Upload cancelled">
              <p>
                Stopped sending {upload.variables?.file.name ?? 'the file'}. Had the server already
                received all of it, the batch history lists it.
              </p>
            </Alert>
          )}
        </LiveRegion>
        {upload.isSuccess && (
          <FirstRowErrors result={upload.data} onShowRejected={onShowRejected} />
        )}
      </form>
    </section>
  );
}

function UploadProgressBar({ file, progress }: { file: File; progress: UploadProgress | null }) {
  const total = progress?.total ?? 0;
  const ratio = progress !== null && total > 0 ? Math.min(1, progress.loaded / total) : null;
  if (ratio !== null && ratio >= 1) {
    return <ProgressBar label={`Processing ${file.name} on the server…`} value={null} />;
  }
  return (
    <ProgressBar
      label={`Uploading ${file.name}`}
      value={ratio}
      detail={
        ratio === null
          ? undefined
          : `${formatBytes(Math.round(ratio * file.size))} of ${formatBytes(file.size)}`
      }
    />
  );
}
