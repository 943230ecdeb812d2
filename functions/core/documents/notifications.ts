import type { Contact } from '../contacts/schema.ts';
import { sendEmail } from '../email/send.ts';
import type { TemplateKey } from '../email-templates/catalog.ts';
import { log } from '../log.ts';
import { commentMails, documentSentMails, paymentReceiptMails, portalRecipients, type Mail } from '../notifications/mails.ts';
import type { Organization } from '../orgs/schema.ts';
import type { StoredDocument } from './schema.ts';

export { formatDate, portalRecipients } from '../notifications/mails.ts';

/**
 * Inline delivery, after the change is committed, until the services write
 * outbox events; then the consumer lane (notifications/effects.ts) sends these
 * mails and this file goes. A failed delivery is only logged here.
 */
async function deliver<K extends TemplateKey>(orgId: string, mails: Mail<K>[]): Promise<void> {
  const results = await Promise.allSettled(mails.map((mail) => sendEmail(orgId, mail.template, mail.to, mail.values)));
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') log.error('email not sent', { orgId, template: mails[index]!.template, error: (result.reason as Error)?.name });
  }
}

export function notifyDocumentSent(organization: Organization, contact: Contact, document: StoredDocument): Promise<void> {
  const recipients = portalRecipients(contact).map((person) => person.id);
  return deliver(organization.id, documentSentMails(organization, contact, document, recipients));
}

export function notifyPaymentReceived(organization: Organization, contact: Contact, document: StoredDocument, payment: { amount: number; date: string }): Promise<void> {
  return deliver(organization.id, paymentReceiptMails(organization, contact, document, { ...payment, currency: document.currency, balance: document.balance }));
}

export function notifyComment(organization: Organization, contact: Contact, document: StoredDocument, comment: Parameters<typeof commentMails>[3]): Promise<void> {
  return deliver(organization.id, commentMails(organization, contact, document, comment));
}
