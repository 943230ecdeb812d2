import { NotFound } from '../errors.ts';
import * as contacts from './repository.ts';
import type { Contact, Person } from './schema.ts';

/** A contact of the caller's organization; another organization's is as missing as one that never existed. */
export async function requireContact(orgId: string, contactId: string): Promise<Contact> {
  const contact = await contacts.getContact(orgId, contactId);
  if (!contact) throw new NotFound('Contact');
  return contact;
}

export function requirePerson(contact: Contact, personId: string): Person {
  const person = contact.persons.find((candidate) => candidate.id === personId);
  if (!person) throw new NotFound('Contact person');
  return person;
}
