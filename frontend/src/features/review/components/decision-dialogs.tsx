import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogForm } from '@/components/ui/dialog-form';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { OverrideReasonCode, ResolveReasonCode } from '@/features/review/api/types';
import { fieldErrorsFor, toProblem } from '@/lib/problem-details';
import {
  categoryLabel,
  isOverrideReasonCode,
  isResolveReasonCode,
  OVERRIDE_CATEGORIES,
  OVERRIDE_REASON_CODES,
  overrideReasonLabels,
  RESOLVE_REASON_CODES,
  resolveReasonLabels,
} from './labels';
import { toggled } from '@/lib/sets';

interface DecisionDialogProps {
  /** What the decision applies to, e.g. "the rate change exception J100234" or "3 selected exceptions". */
  subject: string;
  busy: boolean;
  /** The last failure, shown in the dialog (a 409 closes it instead: the page shows the new state). */
  error: unknown;
  onClose: () => void;
}

/** A decision's form: the last failure, the fields, then the submit button (busy while sending) and Cancel. */
function DecisionForm({
  onSubmit,
  submitLabel,
  busy,
  error,
  onClose,
  children,
}: {
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <DialogForm
      noValidate
      submitLabel={busy ? 'Sending…' : submitLabel}
      busy={busy}
      onSubmit={onSubmit}
      onCancel={onClose}
    >
      {error !== null && error !== undefined && <ProblemAlert error={error} />}
      {children}
    </DialogForm>
  );
}

const resolveOptions = RESOLVE_REASON_CODES.map((code) => ({
  value: code,
  label: resolveReasonLabels[code],
}));

export interface ResolveValues {
  reasonCode: ResolveReasonCode;
  comment: string;
}

/** Resolve with a reason code and a comment (required for `other`). */
export function ResolveDialog({
  subject,
  busy,
  error,
  onClose,
  onSubmit,
}: DecisionDialogProps & { onSubmit: (values: ResolveValues) => void }) {
  const id = useId();
  const [reasonCode, setReasonCode] = useState<ResolveReasonCode>('billingCorrected');
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const problem = error === null ? null : toProblem(error);

  return (
    <Dialog title={`Resolve ${subject}`} onClose={onClose}>
      <DecisionForm
        submitLabel="Resolve"
        busy={busy}
        error={error}
        onClose={onClose}
        onSubmit={() => {
          const missing = reasonCode === 'other' && comment.trim() === '';
          setCommentMissing(missing);
          if (!missing) {
            onSubmit({ reasonCode, comment: comment.trim() });
          }
        }}
      >
        <SelectField
          id={`${id}-reason`}
          name="reasonCode"
          label="Reason"
          options={resolveOptions}
          value={reasonCode}
          onChange={(event) => {
            const value = event.target.value;
            if (isResolveReasonCode(value)) {
              setReasonCode(value);
            }
          }}
        />
        {reasonCode === 'writeOff' && (
          <p className="field__hint">A write-off takes effect once an approver approves it.</p>
        )}
        <TextareaField
          id={`${id}-comment`}
          name="comment"
          label={reasonCode === 'other' ? 'Comment (required)' : 'Comment (optional)'}
          value={comment}
          errors={[
            ...(commentMissing ? ['Explain the resolution: the reason is “other”.'] : []),
            ...fieldErrorsFor(problem, 'comment'),
          ]}
          onChange={(event) => setComment(event.target.value)}
        />
      </DecisionForm>
    </Dialog>
  );
}

const categoryOptions = OVERRIDE_CATEGORIES.map((category) => ({
  value: category,
  label: categoryLabel(category),
}));

const overrideOptions = OVERRIDE_REASON_CODES.map((code) => ({
  value: code,
  label: overrideReasonLabels[code],
}));

export interface OverrideValues {
  category: string;
  reasonCode: OverrideReasonCode;
  comment: string;
}

/** File the exception under another category, with a reason code and a comment. */
export function OverrideCategoryDialog({
  subject,
  currentCategory,
  busy,
  error,
  onClose,
  onSubmit,
}: DecisionDialogProps & {
  currentCategory: string;
  onSubmit: (values: OverrideValues) => void;
}) {
  const id = useId();
  const firstOther = OVERRIDE_CATEGORIES.find((category) => category !== currentCategory);
  const [category, setCategory] = useState<string>(firstOther ?? 'other');
  const [reasonCode, setReasonCode] = useState<OverrideReasonCode>('misclassified');
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const problem = error === null ? null : toProblem(error);

  return (
    <Dialog title={`Override the category of ${subject}`} onClose={onClose}>
      <DecisionForm
        submitLabel="Override category"
        busy={busy}
        error={error}
        onClose={onClose}
        onSubmit={() => {
          const missing = comment.trim() === '';
          setCommentMissing(missing);
          if (!missing) {
            onSubmit({ category, reasonCode, comment: comment.trim() });
          }
        }}
      >
        <p className="field__hint">Now filed under {categoryLabel(currentCategory)}.</p>
        <SelectField
          id={`${id}-category`}
          name="category"
          label="New category"
          options={categoryOptions}
          value={category}
          onChange={(event) => setCategory(event.target.value)}
        />
        <SelectField
          id={`${id}-reason`}
          name="reasonCode"
          label="Reason"
          options={overrideOptions}
          value={reasonCode}
          onChange={(event) => {
            const value = event.target.value;
            if (isOverrideReasonCode(value)) {
              setReasonCode(value);
            }
          }}
        />
        <TextareaField
          id={`${id}-comment`}
          name="comment"
          label="Comment (required)"
          value={comment}
          errors={[
            ...(commentMissing ? ['Say why the category is wrong.'] : []),
            ...fieldErrorsFor(problem, 'comment'),
          ]}
          onChange={(event) => setComment(event.target.value)}
        />
      </DecisionForm>
    </Dialog>
  );
}

/** Give the exception to a user (by user name); `me` assigns it to whoever is signed in. */
export function AssignDialog({
  subject,
  me,
  busy,
  error,
  onClose,
  onSubmit,
}: DecisionDialogProps & { me: string; onSubmit: (assignee: string) => void }) {
  const id = useId();
  const [assignee, setAssignee] = useState('');
  const [missing, setMissing] = useState(false);
  const problem = error === null ? null : toProblem(error);
  return (
    <Dialog title={`Assign ${subject}`} onClose={onClose}>
      <DecisionForm
        submitLabel="Assign"
        busy={busy}
        error={error}
        onClose={onClose}
        onSubmit={() => {
          const value = assignee.trim();
          setMissing(value === '');
          if (value !== '') {
            onSubmit(value);
          }
        }}
      >
        <TextField
          id={`${id}-assignee`}
          name="assignee"
          label="Assignee (user name)"
          hint={`An enabled user, e.g. ${me} for yourself.`}
          autoCapitalize="none"
          spellCheck={false}
          value={assignee}
          errors={[
            ...(missing ? ['Enter the user name to assign to.'] : []),
            ...fieldErrorsFor(problem, 'assignee'),
          ]}
          onChange={(event) => setAssignee(event.target.value)}
        />
        <div>
          <Button variant="secondary" className="button--small" onClick={() => setAssignee(me)}>
            Me ({me})
          </Button>
        </div>
      </DecisionForm>
    </Dialog>
  );
}

/** A comment that goes into the history of each exception. */
export function CommentDialog({
  subject,
  busy,
  error,
  onClose,
  onSubmit,
}: DecisionDialogProps & { onSubmit: (text: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Dialog title={`Comment on ${subject}`} onClose={onClose}>
      <DecisionForm
        submitLabel="Add comment"
        busy={busy}
        error={error}
        onClose={onClose}
        onSubmit={() => {
          const value = text.trim();
          setMissing(value === '');
          if (value !== '') {
            onSubmit(value);
          }
        }}
      >
        <TextareaField
          id={`${id}-text`}
          name="text"
          label="Comment"
          value={text}
          errors={missing ? ['Write the comment.'] : []}
          onChange={(event) => setText(event.target.value)}
        />
      </DecisionForm>
    </Dialog>
  );
}

export interface LinkValues {
  clientJobIds: string[];
  ledgerLineIds: string[];
  comment: string;
}

function splitIds(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

/**
 * Match records by hand: the exception's own records are offered as checkboxes; other records of the period are
 * typed in by id.
 */
export function LinkDialog({
  subject,
  clientJobIds,
  ledgerLineIds,
  busy,
  error,
  onClose,
  onSubmit,
}: DecisionDialogProps & {
  clientJobIds: readonly string[];
  ledgerLineIds: readonly string[];
  onSubmit: (values: LinkValues) => void;
}) {
  const id = useId();
  const [jobs, setJobs] = useState<ReadonlySet<string>>(new Set(clientJobIds));
  const [lines, setLines] = useState<ReadonlySet<string>>(new Set(ledgerLineIds));
  const [otherJobs, setOtherJobs] = useState('');
  const [otherLines, setOtherLines] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <Dialog title={`Link records of ${subject}`} onClose={onClose}>
      <DecisionForm
        submitLabel="Link records"
        busy={busy}
        error={error}
        onClose={onClose}
        onSubmit={() => {
          const values = {
            clientJobIds: [...new Set([...jobs, ...splitIds(otherJobs)])],
            ledgerLineIds: [...new Set([...lines, ...splitIds(otherLines)])],
            comment: comment.trim(),
          };
          const none = values.clientJobIds.length === 0 && values.ledgerLineIds.length === 0;
          setMissing(none);
          if (!none) {
            onSubmit(values);
          }
        }}
      >
        {missing && (
          <p className="field__errors" role="alert">
            Choose at least one client job or ledger line.
          </p>
        )}
        <div className="link-dialog__sides">
          <fieldset className="fieldset">
            <legend>Client jobs</legend>
            {clientJobIds.map((jobId) => (
              <label key={jobId} className="checkbox">
                <input
                  type="checkbox"
                  checked={jobs.has(jobId)}
                  onChange={() => setJobs((current) => toggled(current, jobId))}
                />{' '}
                {jobId}
              </label>
            ))}
            <TextField
              id={`${id}-jobs`}
              name="otherClientJobIds"
              label="Other client job ids"
              hint="Separated by commas or spaces"
              value={otherJobs}
              onChange={(event) => setOtherJobs(event.target.value)}
            />
          </fieldset>
          <fieldset className="fieldset">
            <legend>Ledger lines</legend>
            {ledgerLineIds.map((lineId) => (
              <label key={lineId} className="checkbox">
                <input
                  type="checkbox"
                  checked={lines.has(lineId)}
                  onChange={() => setLines((current) => toggled(current, lineId))}
                />{' '}
                {lineId}
              </label>
            ))}
            <TextField
              id={`${id}-lines`}
              name="otherLedgerLineIds"
              label="Other ledger line ids"
              hint="Separated by commas or spaces"
              value={otherLines}
              onChange={(event) => setOtherLines(event.target.value)}
            />
          </fieldset>
        </div>
        <TextareaField
          id={`${id}-comment`}
          name="comment"
          label="Comment (optional)"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </DecisionForm>
    </Dialog>
  );
}
