import type { EffectsOf } from '../outbox/consumer.ts';
import { digestOrSend } from './comment-digest.ts';
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
    // A portal person's comments reach staff at most once per window, the rest in a digest.
    await deliverOnce(event, commentMails(organization, contact, document, event.data), event.data.author.type === 'portal' ? digestOrSend : undefined);
  },
  'payment.received': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, paymentReceiptMails(organization, contact, document, event.data));
  },
  ...onlinePaymentEffects,
};
