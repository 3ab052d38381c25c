import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogForm } from '@/components/ui/dialog-form';
import { EmptyState } from '@/components/ui/empty-state';
import { useDeadLetters, type DeadLetter } from '@/features/admin/api/get-dead-letters';
import { useReplayDeadLetter } from '@/features/admin/api/replay-dead-letter';
import { formatDateTime } from '@/lib/format';
import { AdminListCard, AdminTable, type AdminFeedback } from './admin-shared';
import { messageTypeLabel } from './labels';

const deadLetterColumns = ['Message', 'Summary', 'Error', 'Failed', 'Replay'];

function failedAtLabel(letter: DeadLetter): string {
  return (letter.failedAt ?? null) === null ? '—' : formatDateTime(letter.failedAt ?? '');
}

/** A message in words, for buttons and announcements: `Reconciliation run failed 1 Nov 2026, 09:30`. */
function describe(letter: DeadLetter): string {
  const label = messageTypeLabel(letter.messageType);
  return (letter.failedAt ?? null) === null ? label : `${label} failed ${failedAtLabel(letter)}`;
}

/**
 * The messages that failed every retry (a run whose failure could not even be recorded, say): what they were, why
 * they failed, and a replay, confirmed first, that puts one back in the durable inbox.
 */
export function DeadLettersAdmin() {
  const deadLetters = useDeadLetters();
  const replay = useReplayDeadLetter();
  const [confirming, setConfirming] = useState<DeadLetter | null>(null);
  const [feedback, setFeedback] = useState<AdminFeedback | null>(null);

  function replayConfirmed(letter: DeadLetter) {
    const label = messageTypeLabel(letter.messageType);
    replay.mutate(letter.id, {
      onSuccess: () =>
        setFeedback({
          kind: 'done',
          text: `${label} replayed: the message is back in the inbox and will be handled again.`,
        }),
      onError: (error) =>
        setFeedback({ kind: 'error', error, title: `${label}: the replay was refused` }),
      onSettled: () => setConfirming(null),
    });
  }

  return (
    <>
      <AdminListCard
        id="dead-letters"
        title="Failed messages"
        feedback={feedback}
        query={deadLetters}
        loadingLabel="Loading the failed messages…"
        errorTitle="The failed messages could not be loaded"
        empty={
          <EmptyState title="Nothing has failed for good.">
            <p>A message that fails every retry is listed here, to be replayed.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <AdminTable caption="Failed messages" columns={deadLetterColumns}>
            {data.items.map((letter) => (
              <tr key={letter.id}>
                <th scope="row">{messageTypeLabel(letter.messageType)}</th>
                <td className="table__cell--wrap">
                  {(letter.summary ?? null) === null ? '—' : <code>{letter.summary}</code>}
                </td>
                <td className="table__cell--wrap">
                  <code>{letter.exceptionType}</code>
                  <span className="table__note">{letter.exceptionMessage}</span>
                </td>
                <td>{failedAtLabel(letter)}</td>
                <td>{letter.replayRequested ? 'Requested' : 'Not requested'}</td>
                <td>
                  <Button
                    variant="secondary"
                    className="button--small"
                    busy={replay.isPending && replay.variables === letter.id}
                    onClick={() => {
                      setFeedback(null);
                      setConfirming(letter);
                    }}
                  >
                    Replay <span className="visually-hidden">{describe(letter)}</span>…
                  </Button>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </AdminListCard>
      {confirming !== null && (
        <ReplayDialog
          letter={confirming}
          busy={replay.isPending}
          onClose={() => setConfirming(null)}
          onConfirm={() => replayConfirmed(confirming)}
        />
      )}
    </>
  );
}

/** The confirmation of a replay: what will be handled again, and what comes of it. */
function ReplayDialog({
  letter,
  busy,
  onClose,
  onConfirm,
}: {
  letter: DeadLetter;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={`Replay: ${describe(letter)}`} onClose={onClose}>
      <DialogForm
        submitLabel={busy ? 'Replaying…' : 'Replay message'}
        busy={busy}
        onSubmit={onConfirm}
        onCancel={onClose}
      >
        {(letter.summary ?? null) !== null && (
          <p className="dead-letter__summary">
            <code>{letter.summary}</code>
          </p>
        )}
        <p>
          It goes back to the inbox and is handled again: a reconciliation run, say, resumes or ends
          failed with its reason. Replay it once the cause of the failure (
          <code>{letter.exceptionType}</code>) is fixed.
        </p>
      </DialogForm>
    </Dialog>
  );
}
