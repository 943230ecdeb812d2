import type { EffectsOf } from '../outbox/consumer.ts';
import { digestOrSend } from './comment-digest.ts';
import { deliverOnce } from './deliver.ts';
import { documentContext } from './document-context.ts';
import { commentMails, documentSentMails, paymentReceiptMails, staffCommentMails } from './mails.ts';
import { onlinePaymentEffects } from './online-payment-effects.ts';
import { staffRecipients } from './staff-recipients.ts';

/** The emails committed changes call for, sent from the consumer lane. */
export const notificationEffects: EffectsOf<'notifications'> = {
  'document.sent': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, documentSentMails(organization, contact, document, event.data.recipients));
  },
  // An issued credit note reaches the contact's persons as any sent document does.
  'credit_note.issued': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, documentSentMails(organization, contact, document, event.data.recipients));
  },
  'comment.created': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    if (event.data.author.type === 'staff') return deliverOnce(event, commentMails(organization, contact, document, event.data));
    const staff = await staffRecipients(event.orgId, document.createdBy);
    // A portal person's comments reach staff at most once per window, the rest in a digest.
    await deliverOnce(event, staffCommentMails(organization, contact, document, event.data, staff), digestOrSend);
  },
  'payment.received': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, paymentReceiptMails(organization, contact, document, event.data));
  },
  ...onlinePaymentEffects,
};
