import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allInIndexPartition, allWithPrefix } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Unprocessable } from '../errors.ts';
import { MAX_AMOUNT } from '../shapes.ts';
import type { Payment } from './schema.ts';

/** Adds a payment to its document's collection and to its contact's money movements (GSI2). */
export function putPaymentStep(orgId: string, payment: Payment): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.payment(orgId, payment.docId, payment.createdAt, payment.id),
          ...keys.contactPaymentIndex(orgId, payment.contactId, payment.date, payment.id),
          type: 'payment',
          ...payment,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** Every payment and applied credit of a contact, by date (GSI2): the movements of a statement. */
export async function listContactPayments(orgId: string, contactId: string): Promise<Payment[]> {
  return (await allInIndexPartition('GSI2', keys.contactPaymentsPartition(orgId, contactId))).map((item) => withoutKeys<Payment>(item));
}

/** Adds a paid retainer invoice's money to the contact's credit in that currency. */
export function addCreditStep(orgId: string, contactId: string, currency: string, amount: number): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.contactCredit(orgId, contactId, currency),
        UpdateExpression: 'SET #type = :type, contactId = :contact, currency = :currency ADD available :amount',
        // Credit is money like any other: it never grows past the largest amount.
        ConditionExpression: 'attribute_not_exists(available) OR available <= :room',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'credit', ':contact': contactId, ':currency': currency, ':amount': amount, ':room': MAX_AMOUNT - amount },
      },
    },
    onConditionFailed: () =>
      new Unprocessable('CREDIT_LIMIT_EXCEEDED', `A contact's credit in one currency cannot exceed ${MAX_AMOUNT} minor units.`, { field: 'amount' }),
  };
}

/** Takes credit for an invoice, only if that much is available: credit never goes below zero. */
export function useCreditStep(orgId: string, contactId: string, currency: string, amount: number): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.contactCredit(orgId, contactId, currency),
        UpdateExpression: 'SET available = available - :amount',
        ConditionExpression: 'available >= :amount',
        ExpressionAttributeValues: { ':amount': amount },
      },
    },
    onConditionFailed: () => new Unprocessable('INSUFFICIENT_CREDIT', `The contact has less than that in ${currency} credit.`, { field: 'amount' }),
  };
}

export interface ContactCredit {
  contactId: string;
  currency: string;
  available: number;
}

/** A contact's unused credit, one item per currency. */
export async function listContactCredits(orgId: string, contactId: string): Promise<ContactCredit[]> {
  return (await allWithPrefix(keys.contactCreditPrefix(orgId, contactId))).map((item) => {
    const { contactId: id, currency, available } = withoutKeys<ContactCredit>(item);
    return { contactId: id, currency, available };
  });
}
