import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allPages } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import type { ReminderSchedule } from '../documents/reminder-schedule.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { Conflict } from '../errors.ts';

/** The organization's reminder schedules due on or before `through`, a page at a time (GSI4, sparse: open invoices only). */
export async function* dueSchedules(orgId: string, through: string): AsyncGenerator<ReminderSchedule[]> {
  const partition = keys.remindersDuePartition(orgId);
  for await (const page of allPages({
    IndexName: 'GSI4',
    KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :through',
    ExpressionAttributeValues: { ':pk': partition.GSI4PK, ':through': keys.remindersDueThrough(through) },
    Limit: 100,
  })) {
    yield (page.Items ?? []).map((item) => withoutKeys<ReminderSchedule>(item));
  }
}

/** The organizations with reminders on, a page at a time (GSI1 partition `REMINDER_ORGS`): what the hourly run visits. */
export async function* reminderOrganizations(): AsyncGenerator<string[]> {
  for await (const page of allPages({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.reminderOrganizationsPartition().GSI1PK },
  })) {
    yield (page.Items ?? []).map((item) => item.orgId as string);
  }
}

/** Marks the organization as one the run visits, or no longer, in the transaction that turns reminders on or off. */
export function reminderOrganizationStep(orgId: string, enabled: boolean): TransactionStep {
  const key = keys.reminderOrganization(orgId);
  return enabled
    ? { write: { Put: { TableName: tableName(), Item: { ...key, ...keys.reminderOrganizationIndex(orgId), type: 'reminder-organization', orgId } } } }
    : { write: { Delete: { TableName: tableName(), Key: key } } };
}

/**
 * Records the late fee an invoice's reminder at `offset` charged, put only if
 * none is (in the fee invoice's transaction): a fee per invoice and offset,
 * whatever runs twice or at once.
 */
export function lateFeeRecordStep(invoice: StoredDocument, offset: number, fee: StoredDocument): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.lateFee(invoice.orgId, invoice.id, offset),
          type: 'late-fee',
          orgId: invoice.orgId,
          docId: invoice.id,
          offset,
          fee: { id: fee.id, number: fee.number, amount: fee.total, currency: fee.currency },
          at: fee.createdAt,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: () => new Conflict('LATE_FEE_CHARGED', `The late fee of the reminder at ${offset} days was charged already.`),
  };
}
