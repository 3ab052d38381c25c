import type { CurrentUser } from '@/features/auth/api/get-current-user';

/** A signed-in user: a reviewer unless told otherwise. */
export function aUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    userName: 'rita',
    displayName: 'Rita Reviewer',
    roles: ['reviewer'],
    authentication: 'cookie',
    ...overrides,
  };
}

/** A user with the one role `role`, named after it (`approver` is Abe Approver, user name `abe`). */
export function aUserWithRole(role: 'reviewer' | 'approver' | 'auditor' | 'admin'): CurrentUser {
  const people = {
    reviewer: { userName: 'rita', displayName: 'Rita Reviewer' },
    approver: { userName: 'abe', displayName: 'Abe Approver' },
    auditor: { userName: 'aude', displayName: 'Aude Auditor' },
    admin: { userName: 'ada', displayName: 'Ada Admin' },
  } as const;
  return aUser({ ...people[role], roles: [role] });
}
