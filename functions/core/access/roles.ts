import { Forbidden } from '../errors.ts';

/** A staff member's role in one organization (DESIGN.md "Team and roles"). */
export const staffRoles = ['owner', 'admin', 'billing', 'viewer'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Who may do what, as the route table names it. */
export const anyRole: readonly StaffRole[] = staffRoles;
/** Contacts, documents, payments, receivables: the daily work. */
export const bookkeepers: readonly StaffRole[] = ['owner', 'admin', 'billing'];
/** Settings: the organization's profile, portal, email templates. */
export const administrators: readonly StaffRole[] = ['owner', 'admin'];
/** The team itself. */
export const owners: readonly StaffRole[] = ['owner'];

/** A route's roles: its own list, or by method (reads: every role; writes: bookkeepers). */
export const rolesFor = (method: string, roles: readonly StaffRole[] | undefined): readonly StaffRole[] => roles ?? (method === 'GET' ? anyRole : bookkeepers);

/**
 * A role as stored. Items from before roles had these names say `staff`:
 * they read as `billing`, which keeps the daily work and grants no settings
 * or team changes that such a member never had.
 */
export const storedRole = (role: string): StaffRole => ((staffRoles as readonly string[]).includes(role) ? (role as StaffRole) : 'billing');

/** A member whose role does not allow the route: they know the organization exists, so 403, not 404. */
export function requireRole(role: StaffRole, allowed: readonly StaffRole[]): void {
  if (!allowed.includes(role)) throw new Forbidden('FORBIDDEN', `The ${role} role does not allow this; ask an owner of the organization.`);
}
