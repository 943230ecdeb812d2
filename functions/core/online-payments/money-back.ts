import { apply } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import type { DocumentDispute } from '../documents/schema.ts';
import { NotFound } from '../errors.ts';
import { stripeActor } from './context.ts';
import type { AppliedStripePayment } from './records.ts';
import { replaceAppliedPaymentStep } from './repository.ts';

/** What of applied money can still leave the document (by refund or a lost dispute). */
export const remainingOf = (applied: AppliedStripePayment) => applied.amount - applied.refunded - applied.reversed;

/**
 * Takes `amount` of applied money back off its document through the writer
 * (`refund` or `reverse`): the balance reopens by exactly that amount and the
 * status follows. The applied money's new count is written on the version
 * read, so each part is taken back once; a lost race is a Conflict, and the
 * caller reads again.
 */
export async function takeBack(applied: AppliedStripePayment, amount: number, action: 'refund' | 'reverse', dispute?: DocumentDispute): Promise<void> {
  const document = await getDocument(applied.orgId, applied.docId);
  if (!document) throw new NotFound('Document');
  const amountPaid = document.amountPaid - amount;
  const balance = document.total - amountPaid;
  const next: AppliedStripePayment = {
    ...applied,
    ...(action === 'refund'
      ? { refunded: applied.refunded + amount, refundRequested: Math.max(0, applied.refundRequested - amount) }
      : { reversed: applied.reversed + amount }),
    version: applied.version + 1,
  };
  await apply(document, action, stripeActor, {
    fields: { amountPaid, balance, ...(dispute && { dispute }) },
    details: { amount, balance, paymentIntentId: applied.paymentIntentId, ...(applied.paymentId && { paymentId: applied.paymentId }) },
    event:
      action === 'refund'
        ? { docId: document.id, amount, currency: applied.currency, balance }
        : { docId: document.id, status: 'lost', amount, currency: applied.currency, reason: dispute?.reason ?? 'unknown' },
    steps: [replaceAppliedPaymentStep(next, applied.version)],
  });
}
