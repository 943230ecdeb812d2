import type { StaffContext } from '../access/context.ts';
import { defaultPermissions, permissionSet } from '../access/permissions.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { requireContact, requirePerson } from '../contacts/lookup.ts';
import { updateContactStep } from '../contacts/repository.ts';
import { hasAccess } from '../contacts/schema.ts';
import { assertDistinctEmails, deleteUsersOf, type GrantResult, grant, loginRemovalSteps, personSubject, requireLivePortal, withoutAccess } from './grants.ts';
import { listLoginsBefore } from './login-repository.ts';
import { assertPasswordPolicy } from './password-policy.ts';
import type { EnableAccessInput, ReinviteInput } from './schema.ts';

/**
 * Enables access for persons of a contact (the primary person included by its
 * id). With a password, every one of them gets it and an email with their
 * sign-in details; without, an invitation link to choose their own.
 */
export async function enablePortalAccess(caller: StaffContext, contactId: string, input: EnableAccessInput) {
  const { organization } = caller;
  requireLivePortal(organization);
  const contact = await requireContact(caller.orgId, contactId);
  // Permissions named here replace the persons' own; persons who have none get the organization's default.
  const persons = [...new Set(input.personIds)].map((personId) => {
    const person = requirePerson(contact, personId);
    return {
      ...person,
      portalPermissions: input.portalPermissions ? permissionSet(input.portalPermissions) : (person.portalPermissions ?? defaultPermissions(organization)),
    };
  });
  assertDistinctEmails(persons);
  if (input.password !== undefined) assertPasswordPolicy(input.password);
  const password = input.password === undefined ? undefined : { value: input.password, permanent: input.passwordPermanent ?? false };
  return { contactId, persons: await grant(organization, contact, persons, password, { actor: caller, senderId: caller.staffId }) };
}

/** Disables one person's access: the table first (sign-in and every token stop), then their user. */
export async function disablePortalAccess(caller: StaffContext, contactId: string, personId: string): Promise<void> {
  const contact = await requireContact(caller.orgId, contactId);
  const person = requirePerson(contact, personId);
  if (!hasAccess(person)) return;
  const persons = contact.persons.map((candidate) => (candidate.id === personId ? withoutAccess(candidate) : candidate));
  await commit([
    updateContactStep(caller.orgId, contact, { persons, updatedAt: clock.iso() }),
    ...loginRemovalSteps(caller.orgId, [person]),
    auditStep(caller.orgId, caller, 'portal_access.revoked', personSubject(person)),
  ]);
  await deleteUsersOf([person]);
}

/**
 * Sends fresh invitations in the current portal generation: to every person
 * with access of the given contacts, or, without a list, to everyone whose
 * access predates the last portal rename. One contact (one transaction) at a time.
 */
export async function reinvite(caller: StaffContext, input: ReinviteInput) {
  const { organization } = caller;
  requireLivePortal(organization);
  const wanted: Map<string, Set<string> | undefined> = input.contactIds
    ? new Map(input.contactIds.map((contactId) => [contactId, undefined]))
    : groupByContact(await listLoginsBefore(caller.orgId, organization.portalGeneration));
  const contacts = await Promise.all([...wanted.keys()].map((contactId) => requireContact(caller.orgId, contactId)));
  const results: GrantResult[] = [];
  for (const contact of contacts) {
    const personIds = wanted.get(contact.id);
    const persons = contact.persons.filter((person) => hasAccess(person) && (!personIds || personIds.has(person.id)));
    if (persons.length > 0) results.push(...(await grant(organization, contact, persons, undefined, { actor: caller, senderId: caller.staffId })));
  }
  return { reinvited: results.length, persons: results };
}

function groupByContact(logins: { contactId: string; personId: string }[]): Map<string, Set<string>> {
  const byContact = new Map<string, Set<string>>();
  for (const login of logins) byContact.set(login.contactId, (byContact.get(login.contactId) ?? new Set()).add(login.personId));
  return byContact;
}
