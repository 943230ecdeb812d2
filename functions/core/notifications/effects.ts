import type { EffectsOf } from '../outbox/consumer.ts';
import { deliverOnce } from './deliver.ts';
import { documentContext } from './document-context.ts';
import { commentMails, documentSentMails, paymentReceiptMails } from './mails.ts';
import { onlinePaymentEffects } from './online-payment-effects.ts';

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
  ...onlinePaymentEffects,
};
