import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveRegion } from '@/components/ui/live-region';
import { LoadError } from '@/components/ui/load-error';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { addSiteAliasRequest, useAddSiteAlias } from '@/features/vocabulary/api/add-site-alias';
import {
  confirmServiceMappingRequest,
  useConfirmServiceMapping,
} from '@/features/vocabulary/api/confirm-service-mapping';
import {
  useClientVocabulary,
  type SiteVocabulary,
} from '@/features/vocabulary/api/get-client-vocabulary';
import {
  useRunDataQuality,
  type RunDataQuality,
  type UnmappedText,
} from '@/features/vocabulary/api/get-run-data-quality';
import { formatMoney, idList } from '@/lib/format';
import { useCan } from '@/lib/session';
import { countOf, serviceOf, siteLabel, siteOf, textKey, vocabularyHref } from './labels';

interface DataQualityPanelProps {
  runId: string;
  /** The run's currency, for the amounts. */
  currency: string;
}

/**
 * What a run could not read: the ledger descriptions that mean none of the client's services and the site names
 * that name none of its sites, with their lines, amount and example lines. Data quality, not revenue exceptions.
 * Those who operate map a description onto a service, or a site name onto a site, in one action; the next run
 * reads it.
 */
export function DataQualityPanel({ runId, currency }: DataQualityPanelProps) {
  const titleId = useId();
  const dataQuality = useRunDataQuality(runId);

  let body: ReactNode;
  if (dataQuality.isPending) {
    body = <Loading label="Loading the data-quality findings…" />;
  } else if (dataQuality.isError) {
    body = (
      <LoadError
        title="The data-quality findings could not be loaded"
        error={dataQuality.error}
        onRetry={() => void dataQuality.refetch()}
      />
    );
  } else if (!dataQuality.data.recorded) {
    body = (
      <EmptyState title="No data-quality findings recorded">
        <p>This run recorded no data-quality findings. A new run records what it could not read.</p>
      </EmptyState>
    );
  } else if (
    dataQuality.data.unmappedDescriptions.length === 0 &&
    dataQuality.data.unmappedSites.length === 0
  ) {
    body = (
      <EmptyState title="Every ledger description and site name was read.">
        <p>Nothing is unmapped in this run.</p>
      </EmptyState>
    );
  } else {
    body = <Findings findings={dataQuality.data} currency={currency} />;
  }

  const clientId = dataQuality.data?.clientId ?? null;
  return (
    <section className="data-quality" aria-labelledby={titleId}>
      <div className="card__header">
        <h3 className="card__title" id={titleId}>
          Data quality
        </h3>
        <p className="card__lede">
          Ledger descriptions and site names this run could not read. They are not revenue
          exceptions: map one and the next run reads it.
          {clientId !== null && (
            <>
              {' '}
              <Link to={vocabularyHref(clientId)}>Vocabulary of {clientId}</Link>
            </>
          )}
        </p>
      </div>
      {body}
    </section>
  );
}

function Findings({ findings, currency }: { findings: RunDataQuality; currency: string }) {
  const { clientId, services, unmappedDescriptions, unmappedSites } = findings;
  const canOperate = useCan('operate');
  const vocabulary = useClientVocabulary(clientId);
  // What this screen mapped, by text key: a finished run's findings stay as they were.
  const [mappedServices, setMappedServices] = useState<Readonly<Record<string, string>>>({});
  const [mappedSites, setMappedSites] = useState<Readonly<Record<string, string>>>({});
  const descriptionsId = useId();
  const sitesId = useId();

  return (
    <div className="data-quality__groups">
      {unmappedDescriptions.length > 0 && (
        <div className="data-quality__group">
          <h4 className="data-quality__title" id={descriptionsId}>
            Unmapped descriptions
          </h4>
          <ul className="findings" aria-labelledby={descriptionsId}>
            {unmappedDescriptions.map((finding) => {
              const key = textKey(finding.text);
              const mappedTo = mappedServices[key] ?? serviceOf(vocabulary.data, finding.text);
              return (
                <FindingItem
                  key={finding.text}
                  finding={finding}
                  currency={currency}
                  mapped={mappedTo === null ? null : `Mapped to ${mappedTo}`}
                >
                  {canOperate && mappedTo === null && (
                    <MapDescriptionForm
                      clientId={clientId}
                      text={finding.text}
                      services={services}
                      onMapped={(service) =>
                        setMappedServices((current) => ({ ...current, [key]: service }))
                      }
                    />
                  )}
                </FindingItem>
              );
            })}
          </ul>
        </div>
      )}
      {unmappedSites.length > 0 && (
        <div className="data-quality__group">
          <h4 className="data-quality__title" id={sitesId}>
            Unmapped site names
          </h4>
          <ul className="findings" aria-labelledby={sitesId}>
            {unmappedSites.map((finding) => {
              const key = textKey(finding.text);
              const aliasOf = mappedSites[key] ?? siteOf(vocabulary.data, finding.text);
              return (
                <FindingItem
                  key={finding.text}
                  finding={finding}
                  currency={currency}
                  mapped={aliasOf === null ? null : `Alias of ${aliasOf}`}
                >
                  {canOperate && aliasOf === null && (
                    <SiteAliasAction
                      clientId={clientId}
                      text={finding.text}
                      sites={vocabulary}
                      onAdded={(site) =>
                        setMappedSites((current) => ({ ...current, [key]: siteLabel(site) }))
                      }
                    />
                  )}
                </FindingItem>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

function FindingItem({
  finding,
  currency,
  mapped,
  children,
}: {
  finding: UnmappedText;
  currency: string;
  /** What the text now means (`Mapped to Window Cleaning`), or null while it means nothing. */
  mapped: string | null;
  /** The action that maps it, for those who operate. */
  children: ReactNode;
}) {
  const textId = useId();
  return (
    <li className="finding" aria-labelledby={textId}>
      <p className="finding__text" id={textId}>
        {finding.text}
      </p>
      <p className="finding__facts">
        {countOf(finding.lines, 'line', 'lines')} · {formatMoney(finding.amount, currency)}
      </p>
      <p className="table__note finding__ids">
        Example lines: <span className="finding__id-list">{idList(finding.exampleLineIds)}</span>
      </p>
      <LiveRegion className="finding__outcome">
        {mapped !== null && (
          <p className="finding__mapped">
            <strong>{mapped}</strong> — takes effect on the next run.
          </p>
        )}
      </LiveRegion>
      {children}
    </li>
  );
}

/** Maps a description onto one of the client's services: a select and a button, one action. */
function MapDescriptionForm({
  clientId,
  text,
  services,
  onMapped,
}: {
  clientId: string;
  text: string;
  services: readonly string[];
  onMapped: (service: string) => void;
}) {
  const id = useId();
  const confirm = useConfirmServiceMapping();
  const [service, setService] = useState('');
  const [missing, setMissing] = useState(false);

  if (services.length === 0) {
    return <p className="table__note">The client&rsquo;s jobs name no services to map it to.</p>;
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (service === '') {
      setMissing(true);
      return;
    }
    confirm.mutate(confirmServiceMappingRequest(clientId, { text, service }), {
      onSuccess: () => onMapped(service),
    });
  }

  return (
    <form className="finding__form" onSubmit={submit} noValidate>
      {confirm.isError && (
        <ProblemAlert error={confirm.error} title={`“${text}” could not be mapped`} />
      )}
      <SelectField
        id={`${id}-service`}
        name="service"
        label="Map to…"
        value={service}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => {
          setService(event.target.value);
          setMissing(false);
        }}
        options={[
          { value: '', label: 'Choose a service' },
          ...services.map((name) => ({ value: name, label: name })),
        ]}
      />
      {missing && (
        <p className="field__errors" id={`${id}-missing`}>
          Choose the service it means.
        </p>
      )}
      <div>
        <Button type="submit" className="button--small" busy={confirm.isPending}>
          {confirm.isPending ? 'Mapping…' : 'Map'} <span className="visually-hidden">“{text}”</span>
        </Button>
      </div>
    </form>
  );
}

/** Makes a site name another name of one of the client's sites, once the sites are known. */
function SiteAliasAction({
  clientId,
  text,
  sites,
  onAdded,
}: {
  clientId: string;
  text: string;
  sites: ReturnType<typeof useClientVocabulary>;
  onAdded: (site: SiteVocabulary) => void;
}) {
  if (sites.isPending) {
    return <p className="table__note">Loading the client&rsquo;s sites…</p>;
  }
  if (sites.isError) {
    return (
      <LoadError
        title="The client’s sites could not be loaded"
        error={sites.error}
        onRetry={() => void sites.refetch()}
      />
    );
  }
  if (sites.data.sites.length === 0) {
    return <p className="table__note">The client&rsquo;s jobs name no sites yet.</p>;
  }
  return (
    <SiteAliasForm clientId={clientId} text={text} sites={sites.data.sites} onAdded={onAdded} />
  );
}

function SiteAliasForm({
  clientId,
  text,
  sites,
  onAdded,
}: {
  clientId: string;
  text: string;
  sites: readonly SiteVocabulary[];
  onAdded: (site: SiteVocabulary) => void;
}) {
  const id = useId();
  const addAlias = useAddSiteAlias();
  const [siteCode, setSiteCode] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const site = sites.find((candidate) => candidate.code === siteCode);
    if (site === undefined) {
      setMissing(true);
      return;
    }
    addAlias.mutate(addSiteAliasRequest(clientId, site.code, text), {
      onSuccess: () => onAdded(site),
    });
  }

  return (
    <form className="finding__form" onSubmit={submit} noValidate>
      {addAlias.isError && (
        <ProblemAlert error={addAlias.error} title={`“${text}” could not be added as an alias`} />
      )}
      <SelectField
        id={`${id}-site`}
        name="siteCode"
        label="Alias of…"
        value={siteCode}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => {
          setSiteCode(event.target.value);
          setMissing(false);
        }}
        options={[
          { value: '', label: 'Choose a site' },
          ...sites.map((site) => ({ value: site.code, label: siteLabel(site) })),
        ]}
      />
      {missing && (
        <p className="field__errors" id={`${id}-missing`}>
          Choose the site it names.
        </p>
      )}
      <div>
        <Button type="submit" className="button--small" busy={addAlias.isPending}>
          {addAlias.isPending ? 'Adding…' : 'Add alias'}{' '}
          <span className="visually-hidden">“{text}”</span>
        </Button>
      </div>
    </form>
  );
}
