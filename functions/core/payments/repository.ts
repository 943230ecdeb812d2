import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import type { Payment } from './schema.ts';

/** Adds a payment to its document's collection (its ledger entry is the movement; this is the receipt's record). */
export function putPaymentStep(orgId: string, payment: Payment): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.payment(orgId, payment.docId, payment.createdAt, payment.id),
          type: 'payment',
          ...payment,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}
