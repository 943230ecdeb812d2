import { permissionsOf } from '../access/permissions.ts';
import type { Contact, Person } from './schema.ts';

/** A contact person as the staff API shows it: no usernames or grant bookkeeping. */
export const personView = (person: Person) => ({
  id: person.id,
  name: person.name,
  email: person.email,
  primary: person.primary,
  portalAccess: person.portalAccess,
  portalPermissions: permissionsOf(person),
});

/** A contact as the staff API shows it. */
export const contactView = (contact: Contact) => ({
  id: contact.id,
  name: contact.name,
  email: contact.email,
  persons: contact.persons.map(personView),
  ...(contact.address ? { address: contact.address } : {}),
  ...(contact.taxId ? { taxId: contact.taxId } : {}),
  version: contact.version,
  createdAt: contact.createdAt,
  updatedAt: contact.updatedAt,
});
