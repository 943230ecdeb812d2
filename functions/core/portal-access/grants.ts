import { randomBytes } from 'node:crypto';
import type { Actor } from '../access/actor.ts';
import { auditStep, commit, type Step } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { updateContactStep } from '../contacts/repository.ts';
import { type Contact, hasAccess, type Person } from '../contacts/schema.ts';
import type { TransactionStep } from '../db/transact.ts';
import { requireMailAllowance } from '../email/cap.ts';
import { Unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { log } from '../log.ts';
import type { Organization } from '../orgs/schema.ts';
import { createPortalUser, deletePortalUser, setPassword, setUserGrant } from './cognito.ts';
import { putInvitationStep } from './invitation-repository.ts';
import { deleteLoginStep, emailInUse, putLoginStep } from './login-repository.ts';
import { INVITATION_DAYS, sendCredentials, sendInvitation } from './notify.ts';
import { newSecret } from './secret-tokens.ts';

export interface StaffPassword {
  value: string;
  permanent: boolean;
}

/** Who grants, and more to write in a grant's transaction: other fields of the contact, other items. */
export interface GrantAlso {
  actor: Actor;
  fields?: Partial<Contact>;
  steps?: Step[];
  /** The staff user who grants: the emails count against their daily limit too. */
  senderId?: string;
}

export interface GrantResult {
  personId: string;
  portalAccess: Person['portalAccess'];
  delivery: 'credentials' | 'invitation';
  emailSent: boolean;
}

/** Portal access needs a live portal: its address is in every email. */
export function requireLivePortal(organization: Organization): void {
  if (!organization.portalEnabled || !organization.portalName) {
    throw new Unprocessable('PORTAL_NOT_ENABLED', 'Enable the portal and choose its name before giving contacts access.');
  }
}

/** Two persons of one request cannot share a login email (the table would see two writes to one item). */
export function assertDistinctEmails(persons: Person[]): void {
  const seen = new Set<string>();
  for (const person of persons) {
    if (seen.has(person.email)) throw emailInUse(person.email);
    seen.add(person.email);
  }
}

/** Satisfies the policy and is never shown: an invited person cannot sign in before choosing a password. */
const unknownPassword = () => `${randomBytes(24).toString('base64url')}aA1!`;

const withPersons = (contact: Contact, changed: Person[]): Person[] =>
  contact.persons.map((person) => changed.find((candidate) => candidate.id === person.id) ?? person);

/**
 * Grants (or re-grants, in the current portal generation) access to persons
 * of one contact. Cognito and DynamoDB share no transaction, so the order is:
 * 1. Cognito users for persons without one, stamped with the new grant's id,
 *    and the password: a staff-set one, or an unknown one until the person
 *    chooses theirs. Nobody can reach these users yet, because sign-in
 *    resolves the email through the table. A person who has a user already
 *    gets the new grant id on it: ID tokens issued from then on carry it.
 * 2. One transaction: the persons' state, generation and grant on the contact
 *    (at the version read), their login items (email unique in the
 *    organization) and invitations, each with the grant id. If it fails, step
 *    1's new users are deleted and the others get their previous grant back.
 * 3. The emails, after the commit; a failed one is reported and re-sent by re-inviting.
 * First of all, a grant whose emails would pass today's mail cap is refused (429).
 * Every grant has a new random id: tokens, sessions, invitations and reset codes
 * of any earlier grant are refused, however close in time (current-access.ts).
 */
export async function grant(
  organization: Organization,
  contact: Contact,
  persons: Person[],
  password: StaffPassword | undefined,
  also: GrantAlso,
): Promise<GrantResult[]> {
  await requireMailAllowance({ organization, senderId: also.senderId }, persons.length);
  const now = clock.epochSeconds();
  const granted: (Person & { username: string; grantId: string })[] = persons.map((person) => ({
    ...person,
    username: person.username ?? newId('pp'),
    portalAccess: password || person.portalAccess === 'active' ? 'active' : 'invited',
    portalGeneration: organization.portalGeneration,
    grantId: newId('grt'),
    accessGrantedAt: now,
  }));
  const tokens = new Map<string, string>();
  const created: string[] = [];
  const moved: { username: string; grantId: string }[] = [];
  try {
    for (const [index, person] of granted.entries()) {
      const username = person.username!;
      const before = persons[index]!;
      if (!before.username) {
        await createPortalUser({ username, email: person.email, orgId: organization.id, contactId: contact.id, personId: person.id, grantId: person.grantId });
        created.push(username);
        if (!password) await setPassword(username, unknownPassword(), true);
      } else {
        await setUserGrant(username, person.grantId);
        // A user from before grant ids keeps the new one if this fails: for a person without a grant id the time decides.
        if (before.grantId) moved.push({ username, grantId: before.grantId });
      }
      if (password) await setPassword(username, password.value, password.permanent);
    }
    const steps: Step[] = [
      updateContactStep(organization.id, contact, { ...also.fields, persons: withPersons(contact, granted), updatedAt: clock.iso() }),
      ...(also.steps ?? []),
    ];
    for (const person of granted) {
      steps.push(auditStep(organization.id, also.actor, 'portal_access.granted', personSubject(person)));
      steps.push(
        putLoginStep(organization.id, {
          email: person.email,
          contactId: contact.id,
          personId: person.id,
          username: person.username!,
          portalGeneration: organization.portalGeneration,
          grantId: person.grantId,
        }),
      );
      if (password) continue;
      const { secret, hash } = newSecret();
      tokens.set(person.id, secret);
      steps.push(
        putInvitationStep(organization.id, {
          tokenHash: hash,
          contactId: contact.id,
          personId: person.id,
          portalGeneration: organization.portalGeneration,
          grantId: person.grantId,
          grantedAt: now,
          expiresAt: now + INVITATION_DAYS * 86_400,
        }),
      );
    }
    await commit(steps);
  } catch (error) {
    await Promise.allSettled([...created.map(deletePortalUser), ...moved.map((user) => setUserGrant(user.username, user.grantId))]);
    throw error;
  }
  return Promise.all(
    granted.map(async (person) => ({
      personId: person.id,
      portalAccess: person.portalAccess,
      delivery: password ? ('credentials' as const) : ('invitation' as const),
      emailSent: await delivered(() =>
        password
          ? sendCredentials(organization, contact, person, password.value, password.permanent, also.senderId)
          : sendInvitation(organization, contact, person, tokens.get(person.id)!, also.senderId),
      ),
    })),
  );
}

/** Sends one email; a failure is logged and reported, since access itself is already granted. */
async function delivered(send: () => Promise<void>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    log.error('portal email not sent', {}, error);
    return false;
  }
}

/** The person without portal access: state, generation, grant and user cleared. */
export const withoutAccess = (person: Person): Person => ({
  ...person,
  portalAccess: 'disabled',
  portalGeneration: undefined,
  grantId: undefined,
  accessGrantedAt: undefined,
  username: undefined,
});

/** A contact person, as the audit trail names what a change was made to. */
export const personSubject = (person: Person) => ({ type: 'person', id: person.id });

/** The login items to delete, in the same transaction as the contact write that disables these persons' access. */
export const loginRemovalSteps = (orgId: string, persons: Person[]): TransactionStep[] =>
  persons.filter(hasAccess).map((person) => deleteLoginStep(orgId, person.email, person.id));

/**
 * After that transaction commits: their users go. If this fails, the users are
 * orphans nobody can sign in as (no login item, and tokens fail the access check).
 */
export async function deleteUsersOf(persons: Person[]): Promise<void> {
  await Promise.all(persons.flatMap((person) => (person.username ? [deletePortalUser(person.username)] : [])));
}

/**
 * Runs a contact write that changes a person. When the login email of a person
 * with access changes, the old grant ends as a disable ends it — login item,
 * user (its password and refresh tokens), invitations, sessions and ID tokens
 * (a new user and a new grant id) — and the new address is invited in the
 * same transaction; with the portal off, access simply ends.
 */
export async function writeWithLoginOf(
  actor: Actor,
  organization: Organization,
  contact: Contact,
  before: Person,
  after: Person,
  fields: Partial<Contact>,
): Promise<Person> {
  const updated = auditStep(organization.id, actor, 'person.updated', personSubject(after));
  if (!hasAccess(before) || before.email === after.email) {
    await commit([updateContactStep(organization.id, contact, fields), updated]);
    return after;
  }
  const ended = withoutAccess(after);
  const endOld = [...loginRemovalSteps(organization.id, [before]), updated, auditStep(organization.id, actor, 'portal_access.revoked', personSubject(before))];
  if (organization.portalEnabled && organization.portalName) {
    const [result] = await grant(organization, contact, [ended], undefined, { actor, fields, steps: endOld });
    await deleteUsersOf([before]);
    return { ...ended, portalAccess: result!.portalAccess };
  }
  const persons = fields.persons!.map((person) => (person.id === before.id ? ended : person));
  await commit([updateContactStep(organization.id, contact, { ...fields, persons }), ...endOld]);
  await deleteUsersOf([before]);
  return ended;
}
