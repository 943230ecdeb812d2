import type { Contact, Person } from '../contacts/schema.ts';
import { sendEmail } from '../email/send.ts';
import type { TemplateKey, TemplateValues } from '../email-templates/catalog.ts';
import { log } from '../log.ts';
import { formatMoney } from '../money/currency.ts';
import type { Organization } from '../orgs/schema.ts';
import { portalUrl } from '../orgs/view.ts';
import { kindLabels } from './kinds.ts';
import type { StoredDocument } from './schema.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03-31` → `31 March 2026`, the same everywhere (no locale). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The persons who can open the document in the portal (access granted, active or invited). */
export const portalRecipients = (contact: Contact): Person[] => contact.persons.filter((person) => person.portalAccess !== 'disabled');

function documentUrl(organization: Organization, document: StoredDocument): string {
  return `${portalUrl(organization.portalName)}/documents/${document.id}`;
}

function dueText(document: StoredDocument): string {
  if (document.kind === 'estimate') return document.expiryDate ? `Valid until ${formatDate(document.expiryDate)}` : 'No expiry date';
  return document.dueDate && document.dueDate !== document.issueDate ? formatDate(document.dueDate) : 'Due on receipt';
}

/**
 * Sends one email per recipient after the change is committed. A failed
 * delivery is logged and does not undo the change: the document is in the
 * portal either way.
 */
async function deliver<K extends TemplateKey>(orgId: string, key: K, mails: { to: string; values: TemplateValues<K> }[]): Promise<void> {
  const results = await Promise.allSettled(mails.map((mail) => sendEmail(orgId, key, mail.to, mail.values)));
  for (const result of results) {
    if (result.status === 'rejected') log.error('email not sent', { orgId, template: key, error: (result.reason as Error)?.name });
  }
}

type SharedValues = 'contactName' | 'personName' | 'orgName' | 'portalUrl';

/** One mail per portal person of the contact, with the values every template shares filled in. */
async function mailPortalPersons<K extends TemplateKey>(organization: Organization, contact: Contact, key: K, values: Omit<TemplateValues<K>, SharedValues>): Promise<void> {
  if (!organization.portalEnabled) return;
  await deliver(
    organization.id,
    key,
    portalRecipients(contact).map((person) => ({
      to: person.email,
      values: { contactName: contact.name, personName: person.name, orgName: organization.name, portalUrl: portalUrl(organization.portalName) ?? '', ...values } as TemplateValues<K>,
    })),
  );
}

/** Tells the contact's portal persons a document was sent to them (the business's document-sent template). */
export function notifyDocumentSent(organization: Organization, contact: Contact, document: StoredDocument): Promise<void> {
  return mailPortalPersons(organization, contact, 'document-sent', {
    documentKind: kindLabels[document.kind],
    documentNumber: document.number,
    documentTotal: formatMoney(document.total, document.currency),
    dueDate: dueText(document),
    documentUrl: documentUrl(organization, document),
  });
}

/** Thanks the contact's portal persons for a payment recorded on a sent document (payment-receipt). */
export function notifyPaymentReceived(organization: Organization, contact: Contact, document: StoredDocument, payment: { amount: number; date: string }): Promise<void> {
  return mailPortalPersons(organization, contact, 'payment-receipt', {
    amount: formatMoney(payment.amount, document.currency),
    paymentDate: formatDate(payment.date),
    documentNumber: document.number,
    balance: formatMoney(document.balance, document.currency),
    documentUrl: documentUrl(organization, document),
  });
}

/**
 * Tells the other side about a new comment: portal persons of the contact when
 * staff wrote it (once the document is visible to them), the staff member who
 * created the document when a portal person wrote it.
 */
export async function notifyComment(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  comment: { author: { type: 'staff' | 'portal'; name: string }; body: string },
): Promise<void> {
  const common = {
    contactName: contact.name,
    orgName: organization.name,
    portalUrl: portalUrl(organization.portalName) ?? '',
    documentKind: kindLabels[document.kind],
    documentNumber: document.number,
    commentAuthor: comment.author.name,
    commentText: comment.body,
    documentUrl: documentUrl(organization, document),
  };
  const recipients =
    comment.author.type === 'staff'
      ? document.status === 'draft' || !organization.portalEnabled
        ? []
        : portalRecipients(contact).map((person) => ({ email: person.email, name: person.name }))
      : document.createdBy.email
        ? [{ email: document.createdBy.email, name: organization.name }]
        : [];
  await deliver(
    organization.id,
    'comment-added',
    recipients.map((recipient) => ({ to: recipient.email, values: { ...common, personName: recipient.name } })),
  );
}
