import { Link } from 'react-router';
import { LoadError } from '@/components/ui/load-error';
import { Loading } from '@/components/ui/loading';
import { MatchExplanationView } from '@/components/ui/match-explanation';
import { useException } from '@/features/review/api/get-exception';
import type { ReviewItem } from '@/features/review/api/types';
import { formatDateTime, formatMoney, formatMonth, formatRatio } from '@/lib/format';
import { toProblem } from '@/lib/problem-details';
import { useCan } from '@/lib/session';
import { DecisionHistory } from './decision-history';
import { CommentForm, ExceptionActions } from './exception-actions';
import { categoryLabel, idList, reasonLabel, reviewStatusLabel } from './labels';
import { RecordComparison } from './record-comparison';

interface ExceptionDetailViewProps {
  exceptionId: string;
  queueHref: string;
  periodHref: (periodId: string) => string;
}

/** One exception: what it is, the decisions on it, both sides' records, why they matched, and its history. */
export function ExceptionDetailView({
  exceptionId,
  queueHref,
  periodHref,
}: ExceptionDetailViewProps) {
  const detail = useException(exceptionId);
  const canDecide = useCan('review');

  if (detail.isPending) {
    return <Loading label="Loading the exception…" />;
  }
  if (detail.isError) {
    const notFound = toProblem(detail.error).status === 404;
    return (
      <>
        <h1 className="page__title">{notFound ? 'Exception not found' : 'Exception'}</h1>
        <LoadError
          title={notFound ? 'There is no such exception.' : 'The exception could not be loaded'}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
        <p>
          <Link to={queueHref}>Back to the review queue</Link>
        </p>
      </>
    );
  }

  const { exception, clientJobs, ledgerLines, explanation, history } = detail.data;
  return (
    <>
      <title>{`${categoryLabel(exception.category)} · ${exception.clientId} · Recon`}</title>
      <div className="page__header">
        <p className="breadcrumb">
          <Link to={queueHref}>Review queue</Link> ›{' '}
          <Link to={periodHref(exception.periodId)}>
            {exception.clientId} · {formatMonth(exception.month)}
          </Link>
        </p>
        <h1 className="page__title">
          {categoryLabel(exception.category)} exception{' '}
          <span className={`badge badge--review-${exception.status}`}>
            {reviewStatusLabel(exception.status)}
          </span>
        </h1>
        <p className="page__lede">{exception.reason}</p>
      </div>

      <ExceptionSummary exception={exception} />

      {canDecide && <ExceptionActions detail={detail.data} />}

      <section className="card" aria-labelledby="records-title">
        <h2 className="card__title" id="records-title">
          The two sides
        </h2>
        <RecordComparison clientJobs={clientJobs} ledgerLines={ledgerLines} />
      </section>

      {/* `!= null`: an unmatched exception's explanation may come as an explicit null. */}
      {explanation != null && (
        <section className="card" aria-labelledby="explanation-title">
          <h2 className="card__title" id="explanation-title">
            Why these records were matched
          </h2>
          <MatchExplanationView explanation={explanation} />
        </section>
      )}

      <section className="card" aria-labelledby="history-title">
        <h2 className="card__title" id="history-title">
          Decision history
        </h2>
        <DecisionHistory history={history} />
        {canDecide && <CommentForm detail={detail.data} />}
      </section>
    </>
  );
}

function ExceptionSummary({ exception }: { exception: ReviewItem }) {
  const money = (amount: number) => formatMoney(amount, exception.currency);
  const pending = exception.pendingDecision ?? null;
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 className="card__title" id="summary-title">
        Summary
      </h2>
      <dl className="details">
        <div className="details__item">
          <dt>Client amount</dt>
          <dd>{money(exception.clientAmount)}</dd>
        </div>
        <div className="details__item">
          <dt>Ledger amount</dt>
          <dd>{money(exception.ledgerAmount)}</dd>
        </div>
        <div className="details__item">
          <dt>Difference</dt>
          <dd>{formatMoney(exception.difference, exception.currency, { signed: true })}</dd>
        </div>
        <div className="details__item">
          <dt>Impact</dt>
          <dd>{money(exception.impact)}</dd>
        </div>
        <div className="details__item">
          <dt>Confidence</dt>
          <dd>{formatRatio(exception.confidence, 0)}</dd>
        </div>
        <div className="details__item">
          <dt>Category</dt>
          <dd>
            {categoryLabel(exception.category)}
            {exception.engineCategory !== exception.category && (
              <span className="table__note">
                {' '}
                (the engine said {categoryLabel(exception.engineCategory)})
              </span>
            )}
          </dd>
        </div>
        <div className="details__item">
          <dt>Assignee</dt>
          <dd>{exception.assignee ?? 'Unassigned'}</dd>
        </div>
        <div className="details__item">
          <dt>Sites</dt>
          <dd>{idList(exception.siteCodes)}</dd>
        </div>
        <div className="details__item">
          <dt>Raised</dt>
          <dd>{formatDateTime(exception.raisedAt)}</dd>
        </div>
        <div className="details__item">
          <dt>Version</dt>
          <dd>{exception.version}</dd>
        </div>
        {(exception.resolution ?? null) !== null && (
          <div className="details__item details__item--wide">
            <dt>Resolution</dt>
            <dd>{exception.resolution}</dd>
          </div>
        )}
        {pending !== null && (
          <div className="details__item details__item--wide">
            <dt>Awaiting approval</dt>
            <dd>
              {pending.kind}
              {pending.reasonCode ? ` (${reasonLabel(pending.reasonCode)})` : ''} requested by{' '}
              {pending.requestedBy} on {formatDateTime(pending.requestedAt)}
              {pending.comment ? `: “${pending.comment}”` : ''}. {pending.why}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
