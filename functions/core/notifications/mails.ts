import { organizationLanguage, readerLanguage } from '../contacts/language.ts';
import { type Contact, hasAccess, type Person } from '../contacts/schema.ts';
import type { StoredDocument } from '../documents/schema.ts';
import type { MailAttachment } from '../email/send.ts';
import type { TemplateKey, TemplateValues } from '../email-templates/catalog.ts';
import { translate } from '../i18n/catalog.ts';
import { formatDate, formatDaysFromToday, formatMoney } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { documentWords } from '../i18n/messages/documents.ts';
import { emailWords } from '../i18n/messages/emails.ts';
import type { Organization } from '../orgs/schema.ts';
import { portalUrl } from '../orgs/view.ts';
import type { ReminderTemplate } from '../outbox/events.ts';
import { staffDocumentUrl } from '../staff-app.ts';
import type { StaffRecipient } from './staff-recipients.ts';

/**
 * One email to one recipient; `recipient` is the person's or staff member's id, stable when their address changes.
 * `language` is the reader's (the template's language, and its values are written in it); absent: the organization's.
 */
export interface Mail<K extends TemplateKey> {
  template: K;
  recipient: string;
  to: string;
  values: TemplateValues<K>;
  language?: Language;
  /** Sent with the mail; a mail held by a daily limit goes without them, its links still lead to what they held. */
  attachments?: readonly MailAttachment[];
}

/** What a document is called in a language: `Rechnung`, `Devis`. */
const kindWord = (document: StoredDocument, language: Language) => translate(documentWords, language, `kind.${document.kind}`);

/** The persons who can open the document in the portal (access granted, active or invited). */
export const portalRecipients = (contact: Contact): Person[] => contact.persons.filter(hasAccess);

function documentUrl(organization: Organization, document: Pick<StoredDocument, 'id'>): string {
  return `${portalUrl(organization.portalName)}/documents/${document.id}`;
}

function dueText(document: StoredDocument, language: Language): string {
  if (document.kind === 'estimate') {
    return document.expiryDate
      ? translate(emailWords, language, 'due.validUntil', { date: formatDate(document.expiryDate, language) })
      : translate(emailWords, language, 'due.noExpiry');
  }
  return document.dueDate && document.dueDate !== document.issueDate
    ? formatDate(document.dueDate, language)
    : translate(emailWords, language, 'due.onReceipt');
}

type SharedValues = 'contactName' | 'personName' | 'orgName' | 'portalUrl';

/** One mail per given person who can still use the portal, in their language, with the values every template shares filled in. */
function portalPersonMails<K extends TemplateKey>(
  organization: Organization,
  contact: Contact,
  persons: Person[],
  template: K,
  values: (language: Language) => Omit<TemplateValues<K>, SharedValues>,
): Mail<K>[] {
  if (!organization.portalEnabled) return [];
  return persons.filter(hasAccess).map((person) => {
    const language = readerLanguage(organization, contact, person);
    return {
      template,
      recipient: person.id,
      to: person.email,
      language,
      values: {
        contactName: contact.name,
        personName: person.name,
        orgName: organization.name,
        portalUrl: portalUrl(organization.portalName) ?? '',
        ...values(language),
      } as TemplateValues<K>,
    };
  });
}

/** Tells the persons a document was sent to (ids from the send) that it is in the portal, if they still have access. */
export function documentSentMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  personIds: readonly string[],
): Mail<'document-sent'>[] {
  const persons = contact.persons.filter((person) => personIds.includes(person.id));
  return portalPersonMails(organization, contact, persons, 'document-sent', (language) => ({
    documentKind: kindWord(document, language),
    documentNumber: document.number,
    documentTotal: formatMoney(document.total, document.currency, language),
    dueDate: dueText(document, language),
    documentUrl: documentUrl(organization, document),
  }));
}

/** Reminds the contact's portal persons of an open invoice: what is left to pay, and when it was or is due ("in 3 days", "vor 7 Tagen"). */
export function reminderMails(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  reminder: { template: ReminderTemplate; daysFromDue: number },
): Mail<ReminderTemplate>[] {
  return portalPersonMails(organization, contact, contact.persons, reminder.template, (language) => ({
    documentNumber: document.number,
    documentTotal: formatMoney(document.total, document.currency, language),
    balance: formatMoney(document.balance, document.currency, language),
    dueDate: dueText(document, language),
    dueWhen: formatDaysFromToday(-reminder.daysFromDue, language),
    documentUrl: documentUrl(organization, document),
  }));
}

/** A payment as its receipt tells it: every document it was applied to, with the amount and what the document still owes. */
export interface Receipt {
  amount: number;
  currency: string;
  date: string;
  documents: readonly { docId: string; number: string; applied: number; balance: number }[];
}

/** Thanks the contact's portal persons for a payment: one mail per payment, naming every document it paid. */
export function paymentReceiptMails(organization: Organization, contact: Contact, receipt: Receipt): Mail<'payment-receipt'>[] {
  const [only] = receipt.documents;
  const link = receipt.documents.length === 1 && only ? documentUrl(organization, { id: only.docId }) : `${portalUrl(organization.portalName)}/documents`;
  return portalPersonMails(organization, contact, contact.persons, 'payment-receipt', (language) => {
    const money = (amount: number) => formatMoney(amount, receipt.currency, language);
    return {
      amount: money(receipt.amount),
      paymentDate: formatDate(receipt.date, language),
      documentNumber: receipt.documents.map((document) => document.number).join(', '),
      documents: receipt.documents
        .map((document) =>
          translate(emailWords, language, 'receipt.document', { number: document.number, applied: money(document.applied), balance: money(document.balance) }),
        )
        .join('\n'),
      balance: money(receipt.documents.reduce((sum, document) => sum + document.balance, 0)),
      documentUrl: link,
    };
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
  return portalPersonMails(organization, contact, contact.persons, 'comment-added', (language) => ({
    documentKind: kindWord(document, language),
    documentNumber: document.number,
    // The customer sees staff as the organization, never a staff member's login email.
    commentAuthor: organization.name,
    commentText: comment.body,
    documentUrl: documentUrl(organization, document),
  }));
}

/** The values every mail to staff about a document shares: who it is for, which document, and its link in the staff app. */
function staffDocumentValues(organization: Organization, contact: Contact, document: StoredDocument, recipient: StaffRecipient) {
  return {
    orgName: organization.name,
    personName: recipient.email,
    contactName: contact.name,
    documentKind: kindWord(document, organizationLanguage(organization)),
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
  return portalPersonMails(organization, contact, contact.persons, 'payment-refunded', (language) => ({
    amount: formatMoney(refund.amount, refund.currency, language),
    documentNumber: document.number,
    balance: formatMoney(refund.balance, refund.currency, language),
    documentUrl: documentUrl(organization, document),
  }));
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
    amount: formatMoney(notice.amount, notice.currency, organizationLanguage(organization)),
  }));
}

/** One mail per staff recipient, each with its own values. */
function staffMails<K extends TemplateKey>(staff: StaffRecipient[], template: K, values: (recipient: StaffRecipient) => Mail<K>['values']): Mail<K>[] {
  return staff.map((recipient) => ({ template, recipient: recipient.staffId, to: recipient.email, values: values(recipient) }));
}
