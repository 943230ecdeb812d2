import type { StaffContext } from '../access/context.ts';
import { defaultPermissions, permissionSet } from '../access/permissions.ts';
import { clock } from '../clock.ts';
import { transact } from '../db/transact.ts';
import { NotFound, Unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Organization } from '../orgs/schema.ts';
import { contactTaxScheme } from '../parties/tax-ids.ts';
import { deleteUsersOf, loginRemovalSteps, writeWithLoginOf } from '../portal-access/grants.ts';
import type { ListInput } from '../shapes.ts';
import * as contacts from './repository.ts';
import {
  type Contact,
  type CreateContactInput,
  MAX_PERSONS_PER_CONTACT,
  type Person,
  type PersonInput,
  type UpdateContactInput,
  type UpdatePersonInput,
} from './schema.ts';
import { contactView, personView } from './view.ts';

/** A new person gets the permissions the request names, or the organization's default. */
const newPerson = (input: PersonInput, primary: boolean, organization: Organization): Person => ({
  id: newId('per'),
  name: input.name,
  email: input.email,
  primary,
  portalAccess: 'disabled',
  portalPermissions: input.portalPermissions ? permissionSet(input.portalPermissions) : defaultPermissions(organization),
});

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

/** Creates a contact; its name and email are those of its primary person. */
export async function createContact(caller: StaffContext, input: CreateContactInput) {
  if (input.taxId !== undefined) contactTaxScheme(input.taxId, input.address?.country);
  const now = clock.iso();
  const contact: Contact = {
    id: newId('con'),
    name: input.name,
    email: input.email,
    persons: [newPerson(input, true, caller.organization), ...(input.persons ?? []).map((person) => newPerson(person, false, caller.organization))],
    ...(input.address ? { address: input.address } : {}),
    ...(input.taxId ? { taxId: input.taxId } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transact([contacts.putContactStep(caller.orgId, contact)]);
  return contactView(contact);
}

export async function listContacts(caller: StaffContext, query: ListInput) {
  const page = await contacts.listContacts(caller.orgId, query.limit, query.cursor);
  return { items: page.items.map(contactView), nextCursor: page.nextCursor };
}

export async function readContact(caller: StaffContext, contactId: string) {
  return contactView(await requireContact(caller.orgId, contactId));
}

/**
 * Changes one person at the version the contact was read at; a new email of a
 * person with access ends their old grant and invites the new address.
 */
async function changePerson(
  caller: StaffContext,
  contact: Contact,
  personId: string,
  input: UpdatePersonInput,
  party: Pick<Contact, 'address' | 'taxId'> = {},
): Promise<{ contact: Contact; person: Person }> {
  const before = requirePerson(contact, personId);
  const changed: Person = { ...before, ...input, ...(input.portalPermissions ? { portalPermissions: permissionSet(input.portalPermissions) } : {}) };
  const persons = contact.persons.map((person) => (person.id === personId ? changed : person));
  const fields = { persons, ...(changed.primary ? { name: changed.name, email: changed.email } : {}), ...party, updatedAt: clock.iso() };
  const after = await writeWithLoginOf(caller.organization, contact, before, changed, fields);
  return {
    contact: { ...contact, ...fields, persons: persons.map((person) => (person.id === personId ? after : person)), version: contact.version + 1 },
    person: after,
  };
}

export async function updatePerson(caller: StaffContext, contactId: string, personId: string, input: UpdatePersonInput) {
  const { person } = await changePerson(caller, await requireContact(caller.orgId, contactId), personId, input);
  return personView(person);
}

/** The contact's own name and email are its primary person's; its address and tax id are checked together. */
export async function updateContact(caller: StaffContext, contactId: string, input: UpdateContactInput) {
  const { address, taxId, ...personFields } = input;
  const contact = await requireContact(caller.orgId, contactId);
  const nextTaxId = taxId === undefined ? contact.taxId : taxId;
  const nextAddress = address === undefined ? contact.address : address;
  if (nextTaxId) contactTaxScheme(nextTaxId, nextAddress?.country);
  const primary = contact.persons.find((person) => person.primary)!;
  return contactView((await changePerson(caller, contact, primary.id, personFields, { address, taxId })).contact);
}

export async function addPerson(caller: StaffContext, contactId: string, input: PersonInput) {
  const contact = await requireContact(caller.orgId, contactId);
  if (contact.persons.length >= MAX_PERSONS_PER_CONTACT) {
    throw new Unprocessable('TOO_MANY_PERSONS', `A contact has at most ${MAX_PERSONS_PER_CONTACT} persons.`);
  }
  const person = newPerson(input, false, caller.organization);
  await transact([contacts.updateContactStep(caller.orgId, contact, { persons: [...contact.persons, person], updatedAt: clock.iso() })]);
  return personView(person);
}

/** Removes a person; their portal access goes in the same transaction, their user right after. */
export async function removePerson(caller: StaffContext, contactId: string, personId: string) {
  const contact = await requireContact(caller.orgId, contactId);
  const person = requirePerson(contact, personId);
  if (person.primary) throw new Unprocessable('PRIMARY_PERSON', 'The primary person is the contact itself; delete the contact instead.');
  await transact([
    contacts.updateContactStep(caller.orgId, contact, { persons: contact.persons.filter((candidate) => candidate.id !== personId), updatedAt: clock.iso() }),
    ...loginRemovalSteps(caller.orgId, [person]),
  ]);
  await deleteUsersOf([person]);
}

/** Deletes a contact; every person's portal access goes in the same transaction, their users right after. */
export async function deleteContact(caller: StaffContext, contactId: string) {
  const contact = await requireContact(caller.orgId, contactId);
  await transact([
    contacts.hasNoDocumentsStep(caller.orgId, contact.id),
    contacts.deleteContactStep(caller.orgId, contact),
    ...loginRemovalSteps(caller.orgId, contact.persons),
  ]);
  await deleteUsersOf(contact.persons);
}
