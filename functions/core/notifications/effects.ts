import { getContact } from '../contacts/repository.ts';
import { getDocument } from '../documents/repository.ts';
import { NotFound } from '../errors.ts';
import type { EffectsOf } from '../outbox/consumer.ts';
import { getOrganization } from '../orgs/repository.ts';
import { deliverOnce } from './deliver.ts';
import { commentMails, documentSentMails, paymentReceiptMails } from './mails.ts';

/** The document an event is about, with its organization and contact, as they are now; read inside the event's organization only. */
async function documentContext(orgId: string, docId: string) {
  const document = await getDocument(orgId, docId);
  if (!document) throw new NotFound('Document');
  const [organization, contact] = await Promise.all([getOrganization(orgId), getContact(orgId, document.contactId)]);
  if (!organization) throw new NotFound('Organization');
  if (!contact) throw new NotFound('Contact');
  return { organization, contact, document };
}

/** The emails committed changes call for, sent from the consumer lane. */
export const notificationEffects: EffectsOf<'notifications'> = {
  'document.sent': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, documentSentMails(organization, contact, document, event.data.recipients));
  },
  'comment.created': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, commentMails(organization, contact, document, event.data));
  },
  'payment.received': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, paymentReceiptMails(organization, contact, document, event.data));
  },
};
