import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { LiveRegion } from '@/components/ui/live-region';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useCreateToken, type CreatedToken } from '@/features/admin/api/create-token';
import { useTokens, type TokenAccess, type TokenView } from '@/features/admin/api/get-tokens';
import { useRevokeToken } from '@/features/admin/api/revoke-token';
import { formatDateTime } from '@/lib/format';
import { fieldErrorsFor, toProblem } from '@/lib/problem-details';
import { AdminFormCard, AdminListCard, AdminTable, type AdminFeedback } from './admin-shared';

const accessLabels: Record<TokenAccess, string> = {
  readOnly: 'Read only',
  readWrite: 'Read and write',
};

const accessOptions = (['readOnly', 'readWrite'] as const).map((access) => ({
  value: access,
  label: accessLabels[access],
}));

const tokenColumns = ['Name', 'Access', 'State', 'Created', 'Expires', 'Last used'];

function tokenState(token: TokenView, now: Date): string {
  if ((token.revokedAt ?? null) !== null) {
    return 'Revoked';
  }
  if ((token.expiresAt ?? null) !== null && new Date(token.expiresAt ?? '') <= now) {
    return 'Expired';
  }
  return 'Active';
}

/** The API tokens: create one (its secret shown once), list them, revoke one. */
export function TokensAdmin() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [feedback, setFeedback] = useState<AdminFeedback | null>(null);
  const now = new Date();

  return (
    <>
      {created === null ? (
        <CreateTokenForm
          onCreated={(result) => {
            setFeedback(null);
            setCreated(result);
          }}
        />
      ) : (
        <TokenSecret created={created} onDone={() => setCreated(null)} />
      )}
      <AdminListCard
        id="tokens"
        title="API tokens"
        feedback={feedback}
        query={tokens}
        loadingLabel="Loading the tokens…"
        errorTitle="The tokens could not be loaded"
        empty={<EmptyState title="No API token yet" />}
      >
        {(data) => (
          <AdminTable caption="API tokens" columns={tokenColumns}>
            {data.items.map((token) => {
              const state = tokenState(token, now);
              return (
                <tr key={token.tokenId}>
                  <th scope="row">{token.name}</th>
                  <td>{accessLabels[token.access]}</td>
                  <td>{state}</td>
                  <td>
                    {formatDateTime(token.createdAt)}{' '}
                    <span className="table__note">by {token.createdBy}</span>
                  </td>
                  <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
                  <td>
                    {state !== 'Revoked' && (
                      <Button
                        variant="secondary"
                        className="button--small"
                        busy={revoke.isPending}
                        onClick={() =>
                          revoke.mutate(token.tokenId, {
                            onSuccess: () =>
                              setFeedback({
                                kind: 'done',
                                text: `The token ${token.name} is revoked.`,
                              }),
                            onError: (error) =>
                              setFeedback({
                                kind: 'error',
                                error,
                                title: 'The token was not revoked',
                              }),
                          })
                        }
                      >
                        Revoke <span className="visually-hidden">{token.name}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </AdminTable>
        )}
      </AdminListCard>
    </>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const id = useId();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<TokenAccess>('readOnly');
  const [expires, setExpires] = useState('');
  const problem = create.isError ? toProblem(create.error) : null;

  function handleSubmit() {
    create.mutate(
      {
        name: name.trim(),
        access,
        // The end of the chosen day, UTC.
        expiresAt: expires === '' ? undefined : `${expires}T23:59:59Z`,
      },
      {
        onSuccess: (result) => {
          setName('');
          setExpires('');
          onCreated(result);
        },
      },
    );
  }

  return (
    <AdminFormCard
      id={id}
      title="Create an API token"
      onSubmit={handleSubmit}
      error={create.error}
      errorTitle="The token was not created"
      submitLabel="Create token"
      busy={create.isPending}
    >
      <TextField
        id={`${id}-name`}
        name="name"
        label="Name"
        hint="Who or what uses it, e.g. finance-export"
        value={name}
        errors={fieldErrorsFor(problem, 'name')}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        id={`${id}-access`}
        name="access"
        label="Access"
        options={accessOptions}
        value={access}
        onChange={(event) =>
          setAccess(event.target.value === 'readWrite' ? 'readWrite' : 'readOnly')
        }
      />
      <TextField
        id={`${id}-expires`}
        name="expiresAt"
        type="date"
        label="Expires on (optional)"
        value={expires}
        errors={fieldErrorsFor(problem, 'expiresAt')}
        onChange={(event) => setExpires(event.target.value)}
      />
    </AdminFormCard>
  );
}

/** The new token's secret, this once: a warning, the value to copy, and a button that copies it. */
function TokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="card token-secret" aria-labelledby={`${id}-title`}>
      <h2 className="card__title" id={`${id}-title`}>
        Token {created.token.name} created
      </h2>
      <Alert tone="info" title="Copy the secret now: it will not be shown again.">
        <p>Recon keeps only a hash of it. If it is lost, revoke the token and create another.</p>
      </Alert>
      <div className="token-secret__value">
        <TextField
          id={`${id}-secret`}
          name="secret"
          label="Secret"
          readOnly
          value={created.secret}
          onFocus={(event) => event.target.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy secret
        </Button>
      </div>
      <LiveRegion>
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'Could not copy: select the secret and copy it by hand.'}
      </LiveRegion>
      <div>
        <Button onClick={onDone}>I have copied it</Button>
      </div>
    </section>
  );
}
