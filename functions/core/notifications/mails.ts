import { type Contact, hasAccess, type Person } from '../contacts/schema.ts';
import { kindLabels } from '../documents/kinds.ts';
import type { StoredDocument } from '../documents/schema.ts';
import type { TemplateKey, TemplateValues } from '../email-templates/catalog.ts';
import { formatMoney } from '../money/currency.ts';
import type { Organization } from '../orgs/schema.ts';
import { portalUrl } from '../orgs/view.ts';
import type { ReminderTemplate } from '../outbox/events.ts';
import { staffDocumentUrl } from '../staff-app.ts';
import type { StaffRecipient } from './staff-recipients.ts';

/** One email to one recipient; `recipient` is the person's or staff member's id, stable when their address changes. */
export interface Mail<K extends TemplateKey> {
  template: K;
  recipient: string;
  to: string;
  values: TemplateValues<K>;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03-31` → `31 March 2026`, the same everywhere (no locale). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The persons who can open the document in the portal (access granted, active or invited). */
export const portalRecipients = (contact: Contact): Person[] => contact.persons.filter(hasAccess);

function documentUrl(organization: Organization, document: StoredDocument): string {
  return `${portalUrl(organization.portalName)}/documents/${document.id}`;
}

function dueText(document: StoredDocument): string {
  if (document.kind === 'estimate') return document.expiryDate ? `Valid until ${formatDate(document.expiryDate)}` : 'No expiry date';
  return document.dueDate && document.dueDate !== document.issueDate ? formatDate(document.dueDate) : 'Due on receipt';
}

type SharedValues = 'contactName' | 'personName' | 'orgName' | 'portalUrl';

/** One mail per given person who can still use the portal, with the values every template shares filled in. */
function portalPersonMails<K extends TemplateKey>(
  organization: Organization,
  contact: Contact,
  persons: Person[],
  template: K,
  values: Omit<TemplateValues<K>, SharedValues>,
): Mail<K>[] {
  if (!organization.portalEnabled) return [];
  return persons.filter(hasAccess).map((person) => ({
    template,
    recipient: person.id,
    to: person.email,
    values: {
      contactName: contact.name,
      personName: person.name,
      orgName: organization.name,
      portalUrl: portalUrl(organization.portalName) ?? '',
      ...values,
    } as TemplateValues<K>,
  }));
}

/** Tells the persons a document was sent to (ids from the send) that it is in the portal, if they still have access. */
export function documentSentMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  personIds: readonly string[],
): Mail<'document-sent'>[] {
  const persons = contact.persons.filter((person) => personIds.includes(person.id));
  return portalPersonMails(organization, contact, persons, 'document-sent', {
    documentKind: kindLabels[document.kind],
    documentNumber: document.number,
    documentTotal: formatMoney(document.total, document.currency),
    dueDate: dueText(document),
    documentUrl: documentUrl(organization, document),
  });
}

/** "in 3 days", "today", "7 days ago": when an invoice is or was due, seen from the day a reminder goes. */
export function dueWhen(daysFromDue: number): string {
  if (daysFromDue === 0) return 'today';
  const days = Math.abs(daysFromDue);
  const span = days === 1 ? '1 day' : `${days} days`;
  return daysFromDue < 0 ? `in ${span}` : `${span} ago`;
}

/** Reminds the contact's portal persons of an open invoice: what is left to pay, and when it was or is due. */
export function reminderMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  reminder: { template: ReminderTemplate; daysFromDue: number },
): Mail<ReminderTemplate>[] {
  return portalPersonMails(organization, contact, contact.persons, reminder.template, {
    documentNumber: document.number,
    documentTotal: formatMoney(document.total, document.currency),
    balance: formatMoney(document.balance, document.currency),
    dueDate: document.dueDate ? formatDate(document.dueDate) : 'on receipt',
    dueWhen: dueWhen(reminder.daysFromDue),
    documentUrl: documentUrl(organization, document),
  });
}

/** Thanks the contact's portal persons for a payment, with the balance right after it. */
export function paymentReceiptMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  payment: { amount: number; currency: string; date: string; balance: number },
): Mail<'payment-receipt'>[] {
  return portalPersonMails(organization, contact, contact.persons, 'payment-receipt', {
    amount: formatMoney(payment.amount, payment.currency),
    paymentDate: formatDate(payment.date),
    documentNumber: document.number,
    balance: formatMoney(payment.balance, payment.currency),
    documentUrl: documentUrl(organization, document),
  });
}

/** Tells the contact's portal persons about a comment staff wrote, once the document is visible to them. */
export function commentMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  comment: { author: { type: 'staff' | 'portal'; name: string }; body: string },
): Mail<'comment-added'>[] {
  if (document.status === 'draft') return [];
  return portalPersonMails(organization, contact, contact.persons, 'comment-added', {
    documentKind: kindLabels[document.kind],
    documentNumber: document.number,
    // The customer sees staff as the organization, never a staff member's login email.
    commentAuthor: organization.name,
    commentText: comment.body,
    documentUrl: documentUrl(organization, document),
  });
}

/** The values every mail to staff about a document shares: who it is for, which document, and its link in the staff app. */
function staffDocumentValues(organization: Organization, contact: Contact, document: StoredDocument, recipient: StaffRecipient) {
  return {
    orgName: organization.name,
    personName: recipient.email,
    contactName: contact.name,
    documentKind: kindLabels[document.kind],
    documentNumber: document.number,
    documentUrl: staffDocumentUrl(organization.id, document.kind, document.id),
  };
}

/** Tells the given staff (staff-recipients.ts) that a contact person commented in the portal: who, on which document, and where to answer. */
export function staffCommentMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  comment: { author: { name: string }; body: string },
  staff: StaffRecipient[],
): Mail<'staff-comment-notice'>[] {
  return staffMails(staff, 'staff-comment-notice', (recipient) => ({
    ...staffDocumentValues(organization, contact, document, recipient),
    commentAuthor: comment.author.name,
    commentText: comment.body,
  }));
}

/** The digest a staff comment notice turns into: the same recipient and document, its comments gathered into `comments`. */
export function staffCommentDigest(notice: Mail<'staff-comment-notice'>): Mail<'staff-comment-digest'> {
  const { commentAuthor: _author, commentText: _text, ...shared } = notice.values;
  return { template: 'staff-comment-digest', recipient: notice.recipient, to: notice.to, values: { ...shared, comments: '' } };
}

/** Tells the contact's portal persons a refund reached the document, with the balance it reopened. */
export function refundMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  refund: { amount: number; currency: string; balance: number },
): Mail<'payment-refunded'>[] {
  return portalPersonMails(organization, contact, contact.persons, 'payment-refunded', {
    amount: formatMoney(refund.amount, refund.currency),
    documentNumber: document.number,
    balance: formatMoney(refund.balance, refund.currency),
    documentUrl: documentUrl(organization, document),
  });
}

/** Tells the given staff (staff-recipients.ts) what Stripe did with a document's money. */
export function staffNoticeMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  notice: { title: string; text: string; amount: number; currency: string },
  staff: StaffRecipient[],
): Mail<'staff-payment-notice'>[] {
  return staffMails(staff, 'staff-payment-notice', (recipient) => ({
    ...staffDocumentValues(organization, contact, document, recipient),
    portalUrl: portalUrl(organization.portalName) ?? '',
    noticeTitle: notice.title,
    noticeText: notice.text,
    amount: formatMoney(notice.amount, notice.currency),
  }));
}

/** One mail per staff recipient, each with its own values. */
function staffMails<K extends TemplateKey>(staff: StaffRecipient[], template: K, values: (recipient: StaffRecipient) => Mail<K>['values']): Mail<K>[] {
  return staff.map((recipient) => ({ template, recipient: recipient.staffId, to: recipient.email, values: values(recipient) }));
}
