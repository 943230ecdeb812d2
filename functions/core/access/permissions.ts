import type { Person } from '../contacts/schema.ts';
import { Forbidden } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';
import { type PortalPermission, type PortalPerson, portalPermissions } from './actor.ts';

/** A set of permissions as stored and shown: `view` always, in the canonical order, each once. */
export const permissionSet = (given: readonly PortalPermission[]): PortalPermission[] =>
  portalPermissions.filter((permission) => permission === 'view' || given.includes(permission));

/** What a new person, or a grant that names none, gets: the organization's default, all three unless changed. */
export const defaultPermissions = (organization: Pick<Organization, 'portalDefaultPermissions'>): PortalPermission[] =>
  permissionSet(organization.portalDefaultPermissions ?? portalPermissions);

/** A person's permissions; persons from before permissions existed could do everything. */
export const permissionsOf = (person: Pick<Person, 'portalPermissions'>): PortalPermission[] => permissionSet(person.portalPermissions ?? portalPermissions);

const what: Record<PortalPermission, string> = { view: 'view documents', approve: 'accept or decline estimates', pay: 'pay online' };

/** A portal person without the permission: 403, with what to do about it. */
export function requirePermission(person: PortalPerson, permission: PortalPermission): void {
  if (!person.permissions.includes(permission))
    throw new Forbidden('FORBIDDEN', `Your portal access does not allow you to ${what[permission]}; ask the business to allow it.`);
}
