import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { DialogForm } from '@/components/ui/dialog-form';
import { EmptyState } from '@/components/ui/empty-state';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { TextField } from '@/components/ui/text-field';
import { useChangeClients } from '@/features/admin/api/change-clients';
import { useChangeRoles } from '@/features/admin/api/change-roles';
import { useCreateUser } from '@/features/admin/api/create-user';
import { useUsers, type UserView } from '@/features/admin/api/get-users';
import { useSetPassword } from '@/features/admin/api/set-password';
import { useSetUserEnabled } from '@/features/admin/api/set-user-enabled';
import { formatDateTime } from '@/lib/format';
import { fieldErrorsFor, toProblem } from '@/lib/problem-details';
import { roleLabel } from '@/lib/session';
import { AdminFormCard, AdminListCard, AdminTable, type AdminFeedback } from './admin-shared';
import { RoleCheckboxes } from './role-checkboxes';

const userColumns = [
  'User name',
  'Display name',
  'Roles',
  'Clients',
  'Status',
  'Created',
  'Last sign-in',
];

type OpenDialog =
  | { kind: 'roles'; user: UserView }
  | { kind: 'clients'; user: UserView }
  | { kind: 'password'; user: UserView };

/** Which clients a user works for, as the table shows it. */
function clientsLabel(user: UserView): string {
  return user.allClients ? 'All clients' : user.clientIds.join(', ');
}

/** The client ids an admin typed: separated by commas, spaces or new lines. */
function parseClientIds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((id) => id.length > 0))];
}

/** The users: create one, change their roles and clients, disable or enable them, set a password. */
export function UsersAdmin() {
  const users = useUsers();
  const setEnabled = useSetUserEnabled();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [feedback, setFeedback] = useState<AdminFeedback | null>(null);

  function toggleEnabled(user: UserView) {
    const action = user.disabled ? 'Enable' : 'Disable';
    setEnabled.mutate(
      { userName: user.userName, enabled: user.disabled },
      {
        onSuccess: () =>
          setFeedback({
            kind: 'done',
            text: `${user.userName} is ${user.disabled ? 'enabled' : 'disabled'}.`,
          }),
        onError: (error) => setFeedback({ kind: 'error', error, title: `${action}: refused` }),
      },
    );
  }

  return (
    <>
      <CreateUserForm
        onCreated={(user) =>
          setFeedback({ kind: 'done', text: `${user.userName} can now sign in.` })
        }
      />
      <AdminListCard
        id="users"
        title="Users"
        feedback={feedback}
        query={users}
        loadingLabel="Loading the users…"
        errorTitle="The users could not be loaded"
        empty={<EmptyState title="No users" />}
      >
        {(data) => (
          <AdminTable caption="Users" columns={userColumns}>
            {data.items.map((user) => (
              <tr key={user.userName}>
                <th scope="row">{user.userName}</th>
                <td>{user.displayName}</td>
                <td>{user.roles.length === 0 ? '—' : user.roles.map(roleLabel).join(', ')}</td>
                <td>{clientsLabel(user)}</td>
                <td>
                  <span
                    className={
                      user.disabled ? 'badge badge--status-failed' : 'badge badge--status-completed'
                    }
                  >
                    {user.disabled ? 'Disabled' : 'Enabled'}
                  </span>
                </td>
                <td>{formatDateTime(user.createdAt)}</td>
                <td>
                  {(user.lastSignInAt ?? null) === null
                    ? 'Never'
                    : formatDateTime(user.lastSignInAt ?? '')}
                </td>
                <td className="actions">
                  <Button
                    variant="secondary"
                    className="button--small"
                    onClick={() => setDialog({ kind: 'roles', user })}
                  >
                    Roles <span className="visually-hidden">of {user.userName}</span>…
                  </Button>
                  <Button
                    variant="secondary"
                    className="button--small"
                    onClick={() => setDialog({ kind: 'clients', user })}
                  >
                    Clients <span className="visually-hidden">of {user.userName}</span>…
                  </Button>
                  <Button
                    variant="secondary"
                    className="button--small"
                    onClick={() => setDialog({ kind: 'password', user })}
                  >
                    Set password <span className="visually-hidden">of {user.userName}</span>…
                  </Button>
                  <Button
                    variant="secondary"
                    className="button--small"
                    busy={setEnabled.isPending}
                    onClick={() => toggleEnabled(user)}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}{' '}
                    <span className="visually-hidden">{user.userName}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </AdminListCard>
      {dialog?.kind === 'roles' && (
        <RolesDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) => {
            setDialog(null);
            setFeedback({ kind: 'done', text: `The roles of ${user.userName} are changed.` });
          }}
        />
      )}
      {dialog?.kind === 'clients' && (
        <ClientsDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) => {
            setDialog(null);
            setFeedback({
              kind: 'done',
              text: `${user.userName} now works for ${user.allClients ? 'all clients' : clientsLabel(user)}.`,
            });
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <PasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setFeedback({ kind: 'done', text: `The password of ${dialog.user.userName} is set.` });
          }}
        />
      )}
    </>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const id = useId();
  const create = useCreateUser();
  const [userName, setUserName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(['reviewer']);
  const problem = create.isError ? toProblem(create.error) : null;

  function handleSubmit() {
    create.mutate(
      { userName: userName.trim(), displayName: displayName.trim(), password, roles },
      {
        onSuccess: (user) => {
          setUserName('');
          setDisplayName('');
          setPassword('');
          setRoles(['reviewer']);
          onCreated(user);
        },
      },
    );
  }

  return (
    <AdminFormCard
      id={id}
      title="Create a user"
      onSubmit={handleSubmit}
      error={create.error}
      errorTitle="The user was not created"
      submitLabel="Create user"
      busy={create.isPending}
      afterFields={
        <RoleCheckboxes
          legend="Roles"
          value={roles}
          onChange={setRoles}
          error={fieldErrorsFor(problem, 'roles')[0] ?? null}
        />
      }
    >
      <TextField
        id={`${id}-user-name`}
        name="userName"
        label="User name"
        autoCapitalize="none"
        spellCheck={false}
        value={userName}
        errors={fieldErrorsFor(problem, 'userName')}
        onChange={(event) => setUserName(event.target.value)}
      />
      <TextField
        id={`${id}-display-name`}
        name="displayName"
        label="Display name"
        value={displayName}
        errors={fieldErrorsFor(problem, 'displayName')}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <TextField
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        label="Initial password"
        value={password}
        errors={fieldErrorsFor(problem, 'password')}
        onChange={(event) => setPassword(event.target.value)}
      />
    </AdminFormCard>
  );
}

function RolesDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserView;
  onClose: () => void;
  onDone: (user: UserView) => void;
}) {
  const change = useChangeRoles();
  const [roles, setRoles] = useState<string[]>(user.roles);
  return (
    <Dialog title={`Roles of ${user.userName}`} onClose={onClose}>
      <DialogForm
        submitLabel="Save roles"
        busy={change.isPending}
        onCancel={onClose}
        onSubmit={() => change.mutate({ userName: user.userName, roles }, { onSuccess: onDone })}
      >
        {change.isError && <ProblemAlert error={change.error} title="The roles were not changed" />}
        <RoleCheckboxes legend="Roles" value={roles} onChange={setRoles} />
      </DialogForm>
    </Dialog>
  );
}

function ClientsDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserView;
  onClose: () => void;
  onDone: (user: UserView) => void;
}) {
  const id = useId();
  const change = useChangeClients();
  const [allClients, setAllClients] = useState(user.allClients);
  const [clientIds, setClientIds] = useState(user.clientIds.join(', '));
  const problem = change.isError ? toProblem(change.error) : null;
  return (
    <Dialog title={`Clients of ${user.userName}`} onClose={onClose}>
      <DialogForm
        noValidate
        submitLabel="Save clients"
        busy={change.isPending}
        onCancel={onClose}
        onSubmit={() =>
          change.mutate(
            {
              userName: user.userName,
              allClients,
              clientIds: allClients ? [] : parseClientIds(clientIds),
            },
            { onSuccess: onDone },
          )
        }
      >
        {problem !== null && (
          <ProblemAlert error={change.error} title="The clients were not changed" />
        )}
        <fieldset className="fieldset">
          <legend>Works for</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="clients"
              checked={allClients}
              onChange={() => setAllClients(true)}
            />{' '}
            All clients
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="clients"
              checked={!allClients}
              onChange={() => setAllClients(false)}
            />{' '}
            Only these clients{' '}
            <span className="table__note">
              — the user and the API tokens they issued see no other
            </span>
          </label>
        </fieldset>
        {!allClients && (
          <TextField
            id={`${id}-client-ids`}
            name="clientIds"
            label="Client ids (separated by commas)"
            autoCapitalize="none"
            spellCheck={false}
            value={clientIds}
            errors={fieldErrorsFor(problem, 'clientIds')}
            onChange={(event) => setClientIds(event.target.value)}
          />
        )}
      </DialogForm>
    </Dialog>
  );
}

function PasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserView;
  onClose: () => void;
  onDone: () => void;
}) {
  const id = useId();
  const setPassword = useSetPassword();
  const [password, setValue] = useState('');
  const problem = setPassword.isError ? toProblem(setPassword.error) : null;
  return (
    <Dialog title={`Set the password of ${user.userName}`} onClose={onClose}>
      <DialogForm
        noValidate
        submitLabel="Set password"
        busy={setPassword.isPending}
        onCancel={onClose}
        onSubmit={() =>
          setPassword.mutate({ userName: user.userName, password }, { onSuccess: onDone })
        }
      >
        {problem !== null && (
          <ProblemAlert error={setPassword.error} title="The password was not set" />
        )}
        <TextField
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          label="New password"
          value={password}
          errors={fieldErrorsFor(problem, 'password')}
          onChange={(event) => setValue(event.target.value)}
        />
      </DialogForm>
    </Dialog>
  );
}
