import { useId, useRef, useState } from 'react';
import { useBatches } from '@/features/ingestion/api/get-batches';
import type { IngestionResult } from '@/features/ingestion/api/upload-batch';
import { useCan } from '@/lib/session';
import { BatchHistory, type BatchHighlight } from './batch-history';
import { FetchClientJobsPanel } from './fetch-client-jobs-panel';
import { RejectedRowsPanel } from './rejected-rows-panel';
import { UploadPanel } from './upload-panel';

interface IngestionWorkspaceProps {
  periodId: string;
  /** The period's client: client job rows must name it. */
  clientId: string;
  /** The batch whose rejected rows are open, if any. */
  selectedBatchId: string | null;
  rejectedPage: number;
  onSelectBatch: (batchId: string | null) => void;
  onRejectedPageChange: (page: number) => void;
}

/** Everything that brings a period's data in: uploads, the client API, the batch history and rejected rows. */
export function IngestionWorkspace({
  periodId,
  clientId,
  selectedBatchId,
  rejectedPage,
  onSelectBatch,
  onRejectedPageChange,
}: IngestionWorkspaceProps) {
  const historyTitleId = useId();
  const [highlight, setHighlight] = useState<BatchHighlight | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const historyHeading = useRef<HTMLHeadingElement>(null);
  const batches = useBatches(periodId);
  const selectedBatch = batches.data?.items.find((batch) => batch.batchId === selectedBatchId);

  function handleIngested(result: IngestionResult, from: 'file' | 'api') {
    setHighlight({
      batchId: result.batchId,
      label: !result.duplicate ? 'New' : from === 'file' ? 'Same file' : 'Same data',
    });
  }

  // Auditors read the history; uploading and fetching are for the roles that operate.
  const canOperate = useCan('operate');

  function showRejected(batchId: string) {
    onSelectBatch(batchId);
    setFocusRequest((request) => request + 1);
  }

  return (
    <div className="ingestion">
      {canOperate && (
        <>
          <div className="ingestion__uploads">
            <UploadPanel
              periodId={periodId}
              kind="clientJobs"
              note={`Every row's client_id must be ${clientId}.`}
              onIngested={(result) => handleIngested(result, 'file')}
              onShowRejected={showRejected}
            />
            <UploadPanel
              periodId={periodId}
              kind="ledgerLines"
              onIngested={(result) => handleIngested(result, 'file')}
              onShowRejected={showRejected}
            />
          </div>
          <FetchClientJobsPanel
            periodId={periodId}
            onIngested={(result) => handleIngested(result, 'api')}
            onShowRejected={showRejected}
          />
        </>
      )}
      <section className="card" aria-labelledby={historyTitleId}>
        <h2 className="card__title" id={historyTitleId} ref={historyHeading} tabIndex={-1}>
          Batch history
        </h2>
        <BatchHistory
          periodId={periodId}
          highlight={highlight}
          selectedBatchId={selectedBatchId}
          onShowRejected={showRejected}
        />
      </section>
      {selectedBatchId !== null && (
        <RejectedRowsPanel
          key={selectedBatchId}
          batchId={selectedBatchId}
          batch={selectedBatch}
          page={rejectedPage}
          onPageChange={onRejectedPageChange}
          onClose={() => {
            onSelectBatch(null);
            historyHeading.current?.focus();
          }}
          focusRequest={focusRequest}
        />
      )}
    </div>
  );
}
