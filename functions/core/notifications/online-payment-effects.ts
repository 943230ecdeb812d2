import { formatMoney } from '../money/currency.ts';
import type { EffectsOf } from '../outbox/consumer.ts';
import { deliverOnce } from './deliver.ts';
import { documentContext } from './document-context.ts';
import { refundMails, staffNoticeMails } from './mails.ts';
import { staffRecipients } from './staff-recipients.ts';

type Effects = EffectsOf<'notifications'>;
type OnlinePaymentEffects = Pick<Effects, 'online-payment.received' | 'online-payment.failed' | 'payment.refunded' | 'payment.disputed'>;

/** The document's context and the staff its notices go to. */
async function noticeContext(orgId: string, docId: string) {
  const context = await documentContext(orgId, docId);
  return { ...context, staff: await staffRecipients(orgId, context.document.createdBy) };
}

/** Mails about what Stripe did with a document's money: notices to staff, the refund to the contact's persons. */
export const onlinePaymentEffects: OnlinePaymentEffects = {
  'online-payment.received': async (event) => {
    const { organization, contact, document, staff } = await noticeContext(event.orgId, event.data.docId);
    const { amount, credited, currency, balance } = event.data;
    const money = (value: number) => formatMoney(value, currency);
    const text =
      credited === 0
        ? `${contact.name} paid ${money(amount)} online; the balance due is now ${money(balance)}.`
        : `${contact.name} paid ${money(amount + credited)} online, but ${document.number} owed only ${money(amount)} by then (paid another way, or voided). ${money(credited)} was added to ${contact.name}'s credit.`;
    await deliverOnce(
      event,
      staffNoticeMails(
        organization,
        contact,
        document,
        {
          title: credited === 0 ? 'Online payment received' : 'Online payment added to credit',
          text,
          amount: amount + credited,
          currency,
        },
        staff,
      ),
    );
  },
  'online-payment.failed': async (event) => {
    const { organization, contact, document, staff } = await noticeContext(event.orgId, event.data.docId);
    const text = `The bank payment of ${formatMoney(event.data.amount, event.data.currency)} ${contact.name} started online failed; nothing was received and the document still awaits payment.`;
    await deliverOnce(
      event,
      staffNoticeMails(
        organization,
        contact,
        document,
        { title: 'Online payment failed', text, amount: event.data.amount, currency: event.data.currency },
        staff,
      ),
    );
  },
  'payment.refunded': async (event) => {
    const { organization, contact, document, staff } = await noticeContext(event.orgId, event.data.docId);
    const text = `A refund of ${formatMoney(event.data.amount, event.data.currency)} reached ${document.number}; the balance due is now ${formatMoney(event.data.balance, event.data.currency)}.`;
    await deliverOnce(event, [
      ...refundMails(organization, contact, document, event.data),
      ...staffNoticeMails(
        organization,
        contact,
        document,
        { title: 'Payment refunded', text, amount: event.data.amount, currency: event.data.currency },
        staff,
      ),
    ]);
  },
  'payment.disputed': async (event) => {
    const { organization, contact, document, staff } = await noticeContext(event.orgId, event.data.docId);
    const money = formatMoney(event.data.amount, event.data.currency);
    const opened = event.data.status === 'open';
    const text = opened
      ? `${contact.name} disputed a card payment of ${money} with their bank (${event.data.reason}). Answer it in your Stripe dashboard.`
      : `The dispute over ${money} was lost: the money went back to ${contact.name}'s bank and ${document.number} owes it again.`;
    await deliverOnce(
      event,
      staffNoticeMails(
        organization,
        contact,
        document,
        {
          title: opened ? 'Payment disputed' : 'Dispute lost',
          text,
          amount: event.data.amount,
          currency: event.data.currency,
        },
        staff,
      ),
    );
  },
};
