import { ROLES, roleLabels, type Role } from '@/lib/session';

const roleHints: Record<Role, string> = {
  reviewer: 'operate and decide on exceptions',
  approver: 'everything a reviewer may, and approve decisions',
  auditor: 'read everything, change nothing',
  admin: 'manage users, tokens and settings',
};

interface RoleCheckboxesProps {
  legend: string;
  value: readonly string[];
  onChange: (roles: string[]) => void;
  error?: string | null;
}

/** A checkbox per role, in a fieldset. */
export function RoleCheckboxes({ legend, value, onChange, error = null }: RoleCheckboxesProps) {
  return (
    <fieldset className="fieldset" aria-invalid={error !== null || undefined}>
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="checkbox">
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...value.filter((other) => other !== role), role]
                  : value.filter((other) => other !== role),
              )
            }
          />{' '}
          {roleLabels[role]} <span className="table__note">— {roleHints[role]}</span>
        </label>
      ))}
      {error !== null && <p className="field__errors">{error}</p>}
    </fieldset>
  );
}
