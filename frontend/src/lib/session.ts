import { createContext, useContext } from 'react';

/**
 * Who is signed in, and what the roles let them do (docs/review.md, "Roles and policies"). The app layer
 * provides the user (`SessionContext`); features read it to show only the actions the user may take. The API
 * decides anyway: this only keeps buttons that would be refused off the screen.
 */
export const ROLES = ['reviewer', 'approver', 'auditor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  reviewer: 'Reviewer',
  approver: 'Approver',
  auditor: 'Auditor',
  admin: 'Admin',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A role in words; one the SPA does not know is shown as the API spells it. */
export function roleLabel(role: string): string {
  return isRole(role) ? roleLabels[role] : role;
}

export interface SessionUser {
  userName: string;
  displayName: string;
  roles: readonly string[];
}

export type Policy = 'read' | 'operate' | 'review' | 'approve' | 'administer';

const policyRoles: Record<Policy, readonly Role[]> = {
  read: ['reviewer', 'approver', 'auditor', 'admin'],
  operate: ['reviewer', 'approver', 'admin'],
  review: ['reviewer', 'approver'],
  approve: ['approver'],
  administer: ['admin'],
};

export function hasPolicy(user: SessionUser | null, policy: Policy): boolean {
  return user?.roles.some((role) => (policyRoles[policy] as string[]).includes(role)) ?? false;
}

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user; null outside the signed-in part of the app. */
export function useSessionUser(): SessionUser | null {
  return useContext(SessionContext);
}

/** Whether the signed-in user may do what `policy` guards. */
export function useCan(policy: Policy): boolean {
  return hasPolicy(useSessionUser(), policy);
}
