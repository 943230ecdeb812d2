import type { StaffContext } from '../access/context.ts';
import { defaultPermissions, permissionSet } from '../access/permissions.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { Unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Organization } from '../orgs/schema.ts';
import { contactTaxScheme } from '../parties/tax-ids.ts';
import { deleteUsersOf, loginRemovalSteps, personSubject, writeWithLoginOf } from '../portal-access/grants.ts';
import type { ListInput } from '../shapes.ts';
import { requireContact, requirePerson } from './lookup.ts';
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
  ...(input.language && { language: input.language }),
});

/** A person changed by a request; `language: null` drops their own language. */
function changedPerson(before: Person, input: UpdatePersonInput): Person {
  const { language, ...rest } = input;
  const { language: _own, ...withoutLanguage } = before;
  const base = language === null ? withoutLanguage : { ...before, ...(language && { language }) };
  return { ...base, ...rest, ...(rest.portalPermissions ? { portalPermissions: permissionSet(rest.portalPermissions) } : {}) };
}
const contactSubject = (contact: Contact) => ({ type: 'contact', id: contact.id });

/** Creates a contact; its name and email are those of its primary person. */
export async function createContact(caller: StaffContext, input: CreateContactInput) {
  if (input.taxId !== undefined) contactTaxScheme(input.taxId, input.address?.country);
  const now = clock.iso();
  const { language, ...primary } = input;
  const contact: Contact = {
    id: newId('con'),
    name: input.name,
    email: input.email,
    persons: [newPerson(primary, true, caller.organization), ...(input.persons ?? []).map((person) => newPerson(person, false, caller.organization))],
    ...(language && { language }),
    ...(input.address ? { address: input.address } : {}),
    ...(input.taxId ? { taxId: input.taxId } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await commit([contacts.putContactStep(caller.orgId, contact), auditStep(caller.orgId, caller, 'contact.created', contactSubject(contact))]);
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
  contactFields: Partial<Contact> = {},
): Promise<{ contact: Contact; person: Person }> {
  const before = requirePerson(contact, personId);
  const changed = changedPerson(before, input);
  const persons = contact.persons.map((person) => (person.id === personId ? changed : person));
  const fields = { persons, ...(changed.primary ? { name: changed.name, email: changed.email } : {}), ...contactFields, updatedAt: clock.iso() };
  const after = await writeWithLoginOf(caller, caller.organization, contact, before, changed, fields);
  return {
    contact: { ...contact, ...fields, persons: persons.map((person) => (person.id === personId ? after : person)), version: contact.version + 1 },
    person: after,
  };
}

export async function updatePerson(caller: StaffContext, contactId: string, personId: string, input: UpdatePersonInput) {
  const { person } = await changePerson(caller, await requireContact(caller.orgId, contactId), personId, input);
  return personView(person);
}

/** The contact's own name and email are its primary person's; its address and tax id are checked together; its language is the default of all its persons. */
export async function updateContact(caller: StaffContext, contactId: string, input: UpdateContactInput) {
  const { address, taxId, language, ...personFields } = input;
  const contact = await requireContact(caller.orgId, contactId);
  const nextTaxId = taxId === undefined ? contact.taxId : taxId;
  const nextAddress = address === undefined ? contact.address : address;
  if (nextTaxId) contactTaxScheme(nextTaxId, nextAddress?.country);
  const primary = contact.persons.find((person) => person.primary)!;
  const contactFields: Partial<Contact> = { address, taxId, ...(language !== undefined && { language }) };
  return contactView((await changePerson(caller, contact, primary.id, personFields, contactFields)).contact);
}

export async function addPerson(caller: StaffContext, contactId: string, input: PersonInput) {
  const contact = await requireContact(caller.orgId, contactId);
  if (contact.persons.length >= MAX_PERSONS_PER_CONTACT) {
    throw new Unprocessable('TOO_MANY_PERSONS', `A contact has at most ${MAX_PERSONS_PER_CONTACT} persons.`);
  }
  const person = newPerson(input, false, caller.organization);
  await commit([
    contacts.updateContactStep(caller.orgId, contact, { persons: [...contact.persons, person], updatedAt: clock.iso() }),
    auditStep(caller.orgId, caller, 'person.added', personSubject(person)),
  ]);
  return personView(person);
}

/** Removes a person; their portal access goes in the same transaction, their user right after. */
export async function removePerson(caller: StaffContext, contactId: string, personId: string) {
  const contact = await requireContact(caller.orgId, contactId);
  const person = requirePerson(contact, personId);
  if (person.primary) throw new Unprocessable('PRIMARY_PERSON', 'The primary person is the contact itself; delete the contact instead.');
  await commit([
    contacts.updateContactStep(caller.orgId, contact, { persons: contact.persons.filter((candidate) => candidate.id !== personId), updatedAt: clock.iso() }),
    ...loginRemovalSteps(caller.orgId, [person]),
    auditStep(caller.orgId, caller, 'person.removed', personSubject(person)),
  ]);
  await deleteUsersOf([person]);
}

/** Deletes a contact; every person's portal access goes in the same transaction, their users right after. */
export async function deleteContact(caller: StaffContext, contactId: string) {
  const contact = await requireContact(caller.orgId, contactId);
  await commit([
    contacts.hasNoDocumentsStep(caller.orgId, contact.id),
    contacts.deleteContactStep(caller.orgId, contact),
    ...loginRemovalSteps(caller.orgId, contact.persons),
    auditStep(caller.orgId, caller, 'contact.deleted', contactSubject(contact)),
  ]);
  await deleteUsersOf(contact.persons);
}
