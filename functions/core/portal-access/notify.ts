import { readerLanguage } from '../contacts/language.ts';
import type { Contact, Person } from '../contacts/schema.ts';
import { sendEmail } from '../email/send.ts';
import { translate } from '../i18n/catalog.ts';
import { formatDateTime } from '../i18n/format.ts';
import { emailWords } from '../i18n/messages/emails.ts';
import type { Organization } from '../orgs/schema.ts';
import { portalUrl } from '../orgs/view.ts';

export const INVITATION_DAYS = 7;

/** The values every mail to a portal person shares, and the person's language. */
const recipient = (organization: Organization, contact: Contact, person: Person) => ({
  language: readerLanguage(organization, contact, person),
  values: {
    contactName: contact.name,
    personName: person.name,
    orgName: organization.name,
    portalUrl: portalUrl(organization.portalName)!,
  },
});

/** The invitation with a one-time link where the person chooses a password. */
export function sendInvitation(organization: Organization, contact: Contact, person: Person, token: string, senderId?: string) {
  const { language, values } = recipient(organization, contact, person);
  return sendEmail(
    organization.id,
    'invitation-link',
    person.email,
    { ...values, invitationUrl: `${values.portalUrl}/invitation?token=${token}`, expiresInDays: String(INVITATION_DAYS) },
    { senderId, language },
  );
}

/** The sign-in details a business set: the person signs in with their email. */
export function sendCredentials(organization: Organization, contact: Contact, person: Person, password: string, permanent: boolean, senderId?: string) {
  const { language, values } = recipient(organization, contact, person);
  return sendEmail(
    organization.id,
    'invitation-credentials',
    person.email,
    {
      ...values,
      loginUrl: `${values.portalUrl}/login`,
      username: person.email,
      password,
      passwordNote: permanent ? '' : translate(emailWords, language, 'credentials.newPasswordAtFirstSignIn'),
    },
    { senderId, language },
  );
}

/** The security notice after a password reset, its time in the organization's zone and the person's language. */
export function sendPasswordChanged(organization: Organization, contact: Contact, person: Person, at: Date) {
  const { language, values } = recipient(organization, contact, person);
  const zone = organization.timeZone ?? 'UTC';
  return sendEmail(
    organization.id,
    'password-changed',
    person.email,
    { ...values, changedAt: `${formatDateTime(at.toISOString(), language, zone)} (${zone})` },
    { language },
  );
}
