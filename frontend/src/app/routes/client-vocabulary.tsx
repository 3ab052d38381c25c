import { Link, useParams } from 'react-router';
import { VocabularyView } from '@/features/vocabulary/components/vocabulary-view';
import { NotFoundRoute } from './not-found';

/**
 * `/clients/:clientId/vocabulary`: what the client's ledger texts mean — its services and sites with the
 * descriptions and names mapped onto them, learned or confirmed, and their revocation.
 */
export function ClientVocabularyRoute() {
  const { clientId } = useParams();
  if (clientId === undefined || clientId === '') {
    return <NotFoundRoute />;
  }
  return (
    <>
      <title>{`Vocabulary · ${clientId} · Recon`}</title>
      <div className="page__header">
        <p className="breadcrumb">
          <Link to="/periods">Periods</Link> <span aria-hidden="true">/</span> {clientId}
        </p>
        <h1 className="page__title">Vocabulary of {clientId}</h1>
        <p className="page__lede">
          What the ledger&rsquo;s descriptions and site names mean for this client. Runs learn
          mappings from confirmed pairs; a mapping confirmed or revoked here applies from the next
          run.
        </p>
      </div>
      <VocabularyView key={clientId} clientId={clientId} />
    </>
  );
}
