import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogForm } from '@/components/ui/dialog-form';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveRegion } from '@/components/ui/live-region';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { QueryView } from '@/components/ui/query-view';
import { TextField } from '@/components/ui/text-field';
import {
  useClientVocabulary,
  type ClientVocabulary,
  type Mapping,
} from '@/features/vocabulary/api/get-client-vocabulary';
import {
  revokeServiceMappingRequest,
  useRevokeServiceMapping,
} from '@/features/vocabulary/api/revoke-service-mapping';
import {
  revokeSiteAliasRequest,
  useRevokeSiteAlias,
} from '@/features/vocabulary/api/revoke-site-alias';
import { useCan } from '@/lib/session';
import { countOf, mappingOrigin, revokedLine, siteLabel } from './labels';

/** A mapping to revoke: a description's, under its service, or a site's alias. */
type Revocation =
  | { kind: 'service'; service: string; mapping: Mapping }
  | { kind: 'site'; siteCode: string; site: string; mapping: Mapping };

type Feedback = { kind: 'done'; text: string } | { kind: 'error'; error: unknown; title: string };

/** One owner of mappings (a service or a site), with the mappings the filter keeps. */
interface Group {
  key: string;
  title: string;
  mappings: readonly Mapping[];
  revocation: (mapping: Mapping) => Revocation;
}

function matches(text: string, filter: string): boolean {
  return text.toLowerCase().includes(filter);
}

/** The groups whose name matches the filter (with all their mappings), or that have mappings that match it. */
function filtered(groups: readonly Group[], filter: string): Group[] {
  if (filter === '') {
    return [...groups];
  }
  return groups.flatMap((group) => {
    if (matches(group.title, filter)) {
      return [group];
    }
    const kept = group.mappings.filter((mapping) => matches(mapping.text, filter));
    return kept.length === 0 ? [] : [{ ...group, mappings: kept }];
  });
}

function serviceGroups(vocabulary: ClientVocabulary): Group[] {
  return vocabulary.services.map((service) => ({
    key: service.name,
    title: service.name,
    mappings: service.mappings,
    revocation: (mapping) => ({ kind: 'service', service: service.name, mapping }),
  }));
}

function siteGroups(vocabulary: ClientVocabulary): Group[] {
  return vocabulary.sites.map((site) => ({
    key: site.code,
    title: siteLabel(site),
    mappings: site.aliases,
    revocation: (mapping) => ({
      kind: 'site',
      siteCode: site.code,
      site: siteLabel(site),
      mapping,
    }),
  }));
}

/**
 * A client's vocabulary: its services and sites, each with the ledger texts mapped onto it — learned by recon-run
 * (with the pairs and runs behind it) or confirmed by a user — and the revoked ones struck through. Those who operate
 * revoke a mapping, once confirmed. A filter narrows the lists.
 */
export function VocabularyView({ clientId }: { clientId: string }) {
  const vocabulary = useClientVocabulary(clientId);
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState<Revocation | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const revokeService = useRevokeServiceMapping();
  const revokeSite = useRevokeSiteAlias();
  const busy = revokeService.isPending || revokeSite.isPending;

  function revoke(revocation: Revocation) {
    const { text } = revocation.mapping;
    const handlers = {
      onSuccess: () =>
        setFeedback({
          kind: 'done',
          text:
            revocation.kind === 'service'
              ? `“${text}” no longer means ${revocation.service}.`
              : `“${text}” is no longer an alias of ${revocation.site}.`,
        }),
      onError: (error: unknown) =>
        setFeedback({ kind: 'error', error, title: `“${text}”: the revocation was refused` }),
      onSettled: () => setConfirming(null),
    };
    if (revocation.kind === 'service') {
      revokeService.mutate(revokeServiceMappingRequest(clientId, text), handlers);
    } else {
      revokeSite.mutate(revokeSiteAliasRequest(clientId, revocation.siteCode, text), handlers);
    }
  }

  const needle = filter.trim().toLowerCase();
  return (
    <div className="vocabulary">
      <TextField
        id={filterId}
        name="filter"
        type="search"
        label="Filter"
        hint="Ledger texts, services and sites containing these letters."
        className="vocabulary__filter"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <LiveRegion>
        {feedback?.kind === 'done' && <Alert tone="success" title={feedback.text} />}
        {feedback?.kind === 'error' && (
          <ProblemAlert error={feedback.error} title={feedback.title} />
        )}
      </LiveRegion>
      <QueryView
        query={vocabulary}
        loadingLabel="Loading the vocabulary…"
        errorTitle="The vocabulary could not be loaded"
        isEmpty={(data) => data.services.length === 0 && data.sites.length === 0}
        empty={
          <EmptyState title="No vocabulary yet.">
            <p>
              Once the client&rsquo;s jobs are ingested, its services and sites are listed here.
            </p>
          </EmptyState>
        }
      >
        {(data) => {
          const services = filtered(serviceGroups(data), needle);
          const sites = filtered(siteGroups(data), needle);
          if (services.length === 0 && sites.length === 0) {
            return <EmptyState title={`Nothing matches “${filter.trim()}”.`} />;
          }
          const onRevoke = (revocation: Revocation) => {
            setFeedback(null);
            setConfirming(revocation);
          };
          return (
            <>
              <GroupsCard
                title="Services"
                lede="The services the client's jobs name, and the ledger descriptions read as each."
                groups={services}
                emptyMappings="No ledger description is mapped onto it."
                onRevoke={onRevoke}
              />
              <GroupsCard
                title="Sites"
                lede="The client's sites, and the other names the ledger gives each."
                groups={sites}
                emptyMappings="No alias."
                onRevoke={onRevoke}
              />
            </>
          );
        }}
      </QueryView>
      {confirming !== null && (
        <RevokeDialog
          revocation={confirming}
          busy={busy}
          onClose={() => setConfirming(null)}
          onConfirm={() => revoke(confirming)}
        />
      )}
    </div>
  );
}

function GroupsCard({
  title,
  lede,
  groups,
  emptyMappings,
  onRevoke,
}: {
  title: string;
  lede: string;
  groups: readonly Group[];
  emptyMappings: string;
  onRevoke: (revocation: Revocation) => void;
}) {
  const titleId = useId();
  if (groups.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 className="card__title" id={titleId}>
          {title}
        </h2>
        <p className="card__lede">{lede}</p>
      </div>
      <ul className="vocabulary__groups">
        {groups.map((group) => (
          <GroupItem
            key={group.key}
            group={group}
            emptyMappings={emptyMappings}
            onRevoke={onRevoke}
          />
        ))}
      </ul>
    </section>
  );
}

function GroupItem({
  group,
  emptyMappings,
  onRevoke,
}: {
  group: Group;
  emptyMappings: string;
  onRevoke: (revocation: Revocation) => void;
}) {
  const titleId = useId();
  const canOperate = useCan('operate');
  const inForce = group.mappings.filter((mapping) => !mapping.revoked).length;
  return (
    <li className="vocabulary__group" aria-labelledby={titleId}>
      <h3 className="vocabulary__group-title" id={titleId}>
        {group.title}
      </h3>
      <p className="table__note">{countOf(inForce, 'mapping in force', 'mappings in force')}</p>
      {group.mappings.length === 0 ? (
        <p className="table__note">{emptyMappings}</p>
      ) : (
        <ul className="mappings">
          {group.mappings.map((mapping) => (
            <MappingItem
              key={mapping.text}
              mapping={mapping}
              onRevoke={canOperate ? () => onRevoke(group.revocation(mapping)) : null}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function MappingItem({ mapping, onRevoke }: { mapping: Mapping; onRevoke: (() => void) | null }) {
  const textId = useId();
  return (
    <li
      className={['mapping', mapping.revoked ? 'mapping--revoked' : ''].filter(Boolean).join(' ')}
      aria-labelledby={textId}
    >
      <div className="mapping__body">
        <p className="mapping__text" id={textId}>
          {mapping.revoked ? <del>{mapping.text}</del> : mapping.text}
        </p>
        <p className="table__note table__note--wrap">{mappingOrigin(mapping)}</p>
        {mapping.revoked && (
          <p className="mapping__revoked">
            <span className="badge badge--revoked">Revoked</span> {revokedLine(mapping)}
          </p>
        )}
      </div>
      {onRevoke !== null && !mapping.revoked && (
        <Button variant="secondary" className="button--small" onClick={onRevoke}>
          Revoke <span className="visually-hidden">“{mapping.text}”</span>…
        </Button>
      )}
    </li>
  );
}

/** The confirmation of a revocation: what stops, and that runs will not learn it again. */
function RevokeDialog({
  revocation,
  busy,
  onClose,
  onConfirm,
}: {
  revocation: Revocation;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { text } = revocation.mapping;
  const meaning =
    revocation.kind === 'service'
      ? `as the service ${revocation.service}`
      : `as the site ${revocation.site}`;
  return (
    <Dialog title={`Revoke “${text}”?`} onClose={onClose}>
      <DialogForm
        submitLabel={busy ? 'Revoking…' : 'Revoke'}
        busy={busy}
        onSubmit={onConfirm}
        onCancel={onClose}
      >
        <p>
          Runs stop reading “{text}” {meaning}, and do not learn it again. Runs already finished
          keep their results.
        </p>
      </DialogForm>
    </Dialog>
  );
}
