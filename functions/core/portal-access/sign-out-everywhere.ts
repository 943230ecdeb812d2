import type { Actor } from '../access/actor.ts';
import type { PortalContext, StaffContext } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { requireContact, requirePerson } from '../contacts/lookup.ts';
import { updateContactStep } from '../contacts/repository.ts';
import { type Contact, hasAccess, type Person } from '../contacts/schema.ts';
import { signOutEverywhere } from './cognito.ts';

/**
 * Ends every session of a person: the time is stored on the person, and every
 * ID token and session record issued until then fails the access check of the
 * next request or refresh (current-access.ts). Cognito revokes the refresh
 * tokens too where it can.
 */
async function endSessions(actor: Actor, orgId: string, contact: Contact, person: Person): Promise<void> {
  const persons = contact.persons.map((candidate) => (candidate.id === person.id ? { ...candidate, sessionsEndedAt: clock.epochSeconds() } : candidate));
  await commit([
    updateContactStep(orgId, contact, { persons, updatedAt: clock.iso() }),
    auditStep(orgId, actor, 'portal_access.sessions_ended', { type: 'person', id: person.id }),
  ]);
  if (hasAccess(person) && person.username) await signOutEverywhere(person.username);
}

/** The signed-in person, from every device. */
export const signMeOutEverywhere = (caller: PortalContext) => endSessions(caller, caller.orgId, caller.contact, caller.person);

/** Staff end a person's sessions (a lost laptop, a person who left the customer). */
export async function signPersonOutEverywhere(caller: StaffContext, contactId: string, personId: string): Promise<void> {
  const contact = await requireContact(caller.orgId, contactId);
  await endSessions(caller, caller.orgId, contact, requirePerson(contact, personId));
}
