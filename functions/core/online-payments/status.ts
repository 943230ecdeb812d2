import type { PortalContext } from '../access/context.ts';
import { type DocumentThread, getDocumentThread } from '../documents/repository.ts';
import { NotFound } from '../errors.ts';
import { retrieveCheckoutSession } from '../stripe/checkout.ts';
import type { CheckoutRecord } from './records.ts';
import { getCheckoutRecord } from './repository.ts';
import type { checkoutProgress } from './responses.ts';

type Progress = (typeof checkoutProgress)[number];

/**
 * Where a checkout of the person's contact stands, for the return page: `paid`
 * once the payment is applied to every document it pays, `processing` while
 * Stripe has it but the webhook has not applied it yet, `open` while it can
 * still be paid, `expired` once it cannot.
 */
export async function readCheckoutStatus(person: PortalContext, sessionId: string) {
  const record = await getCheckoutRecord(person.orgId, sessionId);
  if (!record || record.contactId !== person.contactId) throw new NotFound('Checkout');
  const threads = await Promise.all(record.allocations.map((allocation) => getDocumentThread(person.orgId, allocation.docId)));
  return {
    sessionId,
    status: await progress(record, threads),
    currency: record.currency,
    documents: record.allocations.map((allocation, index) => ({
      docId: allocation.docId,
      number: threads[index]!.document?.number ?? '',
      amount: allocation.amount,
    })),
  };
}

async function progress(record: CheckoutRecord, threads: DocumentThread[]): Promise<Progress> {
  const applied = (thread: DocumentThread) =>
    thread.payments.some((payment) => payment.stripe !== undefined && payment.stripe.paymentIntentId === record.paymentIntentId);
  if (record.status === 'complete' || threads.every(applied)) return 'paid';
  if (record.status === 'expired') return 'expired';
  // Stored as open: Stripe knows whether the person has paid and the webhook is still to come.
  const session = await retrieveCheckoutSession(record.accountId, record.sessionId);
  return session.status === 'complete' ? 'processing' : session.status;
}
