import { actorRef } from '../access/actor.ts';
import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { getDocument } from '../documents/repository.ts';
import { NotFound } from '../errors.ts';
import { newOutboxEvent, outboxStep } from '../outbox/repository.ts';
import { hasCode, stripeActor } from './context.ts';
import type { CheckoutRecord } from './records.ts';
import { ALREADY_APPLIED, alreadyApplied, listAppliedPayments } from './repository.ts';

/** The receipt's marker: its event is written with it, so a payment intent has one receipt however often its money is applied. */
function receiptMarkerStep(orgId: string, paymentIntentId: string): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.onlinePaymentReceipt(orgId, paymentIntentId), type: 'online-payment-receipt', paymentIntentId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: alreadyApplied('The receipt of this payment'),
  };
}

/**
 * Once every document of a checkout has its share of the money, announces the payment once
 * (`online-payment.completed`): one receipt names every document it paid, with the amount applied
 * to each and what each still owes. Money that only became credit (the documents no longer owed it)
 * gets no receipt; staff are told of it.
 */
export async function recordReceipt(record: CheckoutRecord, paymentIntentId: string, on: string): Promise<void> {
  const applied = await listAppliedPayments(record.orgId, paymentIntentId);
  const paid = record.allocations.flatMap((allocation) => applied.filter((each) => each.docId === allocation.docId && each.amount > 0));
  if (paid.length === 0) return;
  const documents = await Promise.all(
    paid.map(async (each) => {
      const document = await getDocument(record.orgId, each.docId);
      if (!document) throw new NotFound('Document');
      return { docId: document.id, number: document.number, applied: each.amount, balance: document.balance };
    }),
  );
  const event = newOutboxEvent(record.orgId, 'online-payment.completed', actorRef(stripeActor), {
    paymentIntentId,
    contactId: record.contactId,
    amount: documents.reduce((sum, document) => sum + document.applied, 0),
    currency: record.currency,
    date: on,
    documents,
  });
  try {
    await transact([receiptMarkerStep(record.orgId, paymentIntentId), outboxStep(event)]);
  } catch (error) {
    if (!hasCode(error, ALREADY_APPLIED)) throw error;
  }
}
