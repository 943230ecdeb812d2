import { owesMoney } from '../documents/reminder-schedule.ts';
import type { EffectsOf } from '../outbox/consumer.ts';
import { digestOrSend } from './comment-digest.ts';
import { deliverOnce } from './deliver.ts';
import { contactContext, documentContext } from './document-context.ts';
import { commentMails, documentSentMails, paymentReceiptMails, reminderMails, staffCommentMails } from './mails.ts';
import { onlinePaymentEffects } from './online-payment-effects.ts';
import { staffRecipients } from './staff-recipients.ts';
import { statementMails } from './statement-mails.ts';

/** The emails committed changes call for, sent from the consumer lane. */
export const notificationEffects: EffectsOf<'notifications'> = {
  'document.sent': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, documentSentMails(organization, contact, document, event.data.recipients));
  },
  'document.resent': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    await deliverOnce(event, documentSentMails(organization, contact, document, event.data.recipients));
  },
  'invoice.reminder': async (event) => {
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    // Paid or voided between the reminder and its mail: no reminder of money no longer owed.
    if (!owesMoney(document)) return;
    await deliverOnce(event, reminderMails(organization, contact, document, event.data));
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
  // Stripe's money gets one receipt per payment, from `online-payment.completed`; staff's offline payment, one document's, from here.
  'payment.received': async (event) => {
    if (event.actor.type === 'system') return;
    const { organization, contact, document } = await documentContext(event.orgId, event.data.docId);
    const { amount, currency, date, balance } = event.data;
    await deliverOnce(
      event,
      paymentReceiptMails(organization, contact, {
        amount,
        currency,
        date,
        documents: [{ docId: document.id, number: document.number, applied: amount, balance }],
      }),
    );
  },
  'online-payment.completed': async (event) => {
    const { organization, contact } = await contactContext(event.orgId, event.data.contactId);
    await deliverOnce(event, paymentReceiptMails(organization, contact, event.data));
  },
  'statement.emailed': async (event) => {
    const { organization, contact } = await contactContext(event.orgId, event.data.contactId);
    await deliverOnce(event, await statementMails(organization, contact, event.data));
  },
  ...onlinePaymentEffects,
};
