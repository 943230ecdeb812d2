import type { Contact, Person } from '../contacts/schema.ts';
import { sendEmail } from '../email/send.ts';
import type { Organization } from '../orgs/schema.ts';
import { portalUrl } from '../orgs/view.ts';

export const INVITATION_DAYS = 7;

const recipient = (organization: Organization, contact: Contact, person: Person) => ({
  contactName: contact.name,
  personName: person.name,
  orgName: organization.name,
  portalUrl: portalUrl(organization.portalName)!,
});

/** The invitation with a one-time link where the person chooses a password. */
export function sendInvitation(organization: Organization, contact: Contact, person: Person, token: string, senderId?: string) {
  const base = recipient(organization, contact, person);
  return sendEmail(
    organization.id,
    'invitation-link',
    person.email,
    {
      ...base,
      invitationUrl: `${base.portalUrl}/invitation?token=${token}`,
      expiresInDays: String(INVITATION_DAYS),
    },
    senderId,
  );
}

/** The sign-in details a business set: the person signs in with their email. */
export function sendCredentials(organization: Organization, contact: Contact, person: Person, password: string, permanent: boolean, senderId?: string) {
  const base = recipient(organization, contact, person);
  return sendEmail(
    organization.id,
    'invitation-credentials',
    person.email,
    {
      ...base,
      loginUrl: `${base.portalUrl}/login`,
      username: person.email,
      password,
      passwordNote: permanent ? '' : 'You will be asked to choose a new password the first time you sign in.',
    },
    senderId,
  );
}

/** The security notice after a password reset. */
export function sendPasswordChanged(organization: Organization, contact: Contact, person: Person, at: Date) {
  return sendEmail(organization.id, 'password-changed', person.email, {
    ...recipient(organization, contact, person),
    changedAt: `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  });
}
