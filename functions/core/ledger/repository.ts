import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allInIndexPartition, allWithPrefix, type Page, queryIndexPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Conflict, Unprocessable } from '../errors.ts';
import { MAX_AMOUNT } from '../shapes.ts';
import type { CreditEntryKind, DocumentEntryKind, LedgerEntry } from './schema.ts';

/** A step failed because its source already moved this money: the caller skips, it is not an error. */
export const ALREADY_RECORDED = 'ALREADY_RECORDED';
const alreadyRecorded = () => new Conflict(ALREADY_RECORDED, 'This movement of money was recorded before.');

/** A document's entry, once per source; also indexed by contact and date (GSI2), the movements of a statement. */
export function putDocumentEntryStep(entry: LedgerEntry<DocumentEntryKind> & { docId: string }): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.documentEntry(entry.orgId, entry.docId, entry.id),
          ...keys.contactPaymentIndex(entry.orgId, entry.contactId, entry.date, `${entry.docId}#${entry.id}`),
          type: 'ledger-entry',
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: alreadyRecorded,
  };
}

/** A credit entry, once per source. */
export function putCreditEntryStep(entry: LedgerEntry): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.creditEntry(entry.orgId, entry.contactId, entry.currency, entry.id),
          ...keys.creditEntryIndex(entry.orgId, entry.contactId, entry.currency, entry.at, entry.id),
          type: 'credit-entry',
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: alreadyRecorded,
  };
}

/**
 * Adds the sum of a transaction's credit entries to the contact's credit in
 * one currency. Spending is conditioned on what is there (credit is never
 * spent below zero); money taken back by a refund or a lost dispute is not,
 * so credit already spent shows as a negative balance: owed by the contact.
 */
export function moveCreditStep(orgId: string, contactId: string, currency: string, amount: number, spending: boolean): TransactionStep {
  const values = { ':type': 'credit', ':contact': contactId, ':currency': currency, ':amount': amount };
  const condition = spending
    ? { ConditionExpression: 'available >= :spend', ExpressionAttributeValues: { ...values, ':spend': -amount } }
    : amount > 0
      ? { ConditionExpression: 'attribute_not_exists(available) OR available <= :room', ExpressionAttributeValues: { ...values, ':room': MAX_AMOUNT - amount } }
      : { ExpressionAttributeValues: values };
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.contactCredit(orgId, contactId, currency),
        UpdateExpression: 'SET #type = :type, contactId = :contact, currency = :currency ADD available :amount',
        ExpressionAttributeNames: { '#type': 'type' },
        ...condition,
      },
    },
    onConditionFailed: () =>
      spending
        ? new Unprocessable('INSUFFICIENT_CREDIT', `The contact has less than that in ${currency} credit.`, { field: 'amount' })
        : new Unprocessable('CREDIT_LIMIT_EXCEEDED', `A contact's credit in one currency cannot exceed ${MAX_AMOUNT} minor units.`, { field: 'amount' }),
  };
}

/** A document's entries: what its `amountPaid` is the sum of. */
export async function listDocumentEntries(orgId: string, docId: string): Promise<LedgerEntry<DocumentEntryKind>[]> {
  return (await allWithPrefix(keys.documentEntryPrefix(orgId, docId))).map((item) => withoutKeys<LedgerEntry<DocumentEntryKind>>(item));
}

/** One page of a contact's credit entries in one currency, oldest first (GSI1, by the time each was recorded). */
export async function listCreditEntries(
  orgId: string,
  contactId: string,
  currency: string,
  page: { limit: number; cursor?: string },
): Promise<Page<LedgerEntry<CreditEntryKind>>> {
  const partition = keys.creditEntriesPartition(orgId, contactId, currency);
  const result = await queryIndexPage(
    { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition.GSI1PK } },
    { ...page, partition },
  );
  return { items: result.items.map((item) => withoutKeys<LedgerEntry<CreditEntryKind>>(item)), nextCursor: result.nextCursor };
}

/** Every entry on a contact's documents, by date (GSI2): the movements of a statement. */
export async function listContactMovements(orgId: string, contactId: string): Promise<LedgerEntry<DocumentEntryKind>[]> {
  return (await allInIndexPartition('GSI2', keys.contactPaymentsPartition(orgId, contactId))).map((item) => withoutKeys<LedgerEntry<DocumentEntryKind>>(item));
}

export interface ContactCredit {
  contactId: string;
  currency: string;
  /** The sum of the credit's entries; below zero when refunded money had already been spent. */
  balance: number;
}

/** A contact's credit per currency. */
export async function listContactCredits(orgId: string, contactId: string): Promise<ContactCredit[]> {
  return (await allWithPrefix(keys.contactCreditPrefix(orgId, contactId))).map((item) => ({
    contactId: item.contactId as string,
    currency: item.currency as string,
    balance: item.available as number,
  }));
}
