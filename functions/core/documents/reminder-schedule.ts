import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { StaleWrite } from '../errors.ts';
import type { StoredDocument } from './schema.ts';

/**
 * An open invoice's reminders, beside it in its collection: which offsets
 * (days from the due date) were handled, and the date the next one is due,
 * indexed (GSI4, sparse) so the daily run finds what is due without a Scan.
 * Written when the invoice is sent, advanced as reminders go out, and removed
 * by the document writer the moment the invoice stops owing money.
 */
export interface ReminderSchedule {
  orgId: string;
  docId: string;
  dueDate: string;
  /** The highest offset handled (sent, or passed while a later one went); null before the first. */
  through: number | null;
  /** The offsets whose reminder went out, in order. */
  sent: number[];
  /** The date the next reminder is due on (YYYY-MM-DD, the organization's calendar). */
  next: string;
  version: number;
}

/** Whether a document still owes money: sent, not void, with a balance (what the receivables index holds too). */
export const owesMoney = (document: Pick<StoredDocument, 'status' | 'balance'>) =>
  document.status !== 'draft' && document.status !== 'void' && document.balance > 0;

function scheduleItem(schedule: ReminderSchedule) {
  return {
    ...keys.reminderSchedule(schedule.orgId, schedule.docId),
    ...keys.reminderDueIndex(schedule.orgId, schedule.next, schedule.docId),
    type: 'reminder-schedule',
    ...schedule,
  };
}

/** The first schedule of an invoice being sent (a step of the send). */
export function putReminderScheduleStep(schedule: ReminderSchedule): TransactionStep {
  return { write: { Put: { TableName: tableName(), Item: scheduleItem(schedule) } } };
}

/** The schedule moved on, if nobody moved it since it was read: a second run never sends the same reminder. */
export function replaceReminderScheduleStep(next: ReminderSchedule, read: ReminderSchedule): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: scheduleItem(next),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': read.version },
      },
    },
    onConditionFailed: () => new StaleWrite('The reminder schedule'),
  };
}

/** No more reminders for the invoice (settled, voided, or every offset handled); with `read`, only if nobody moved it since. */
export function deleteReminderScheduleStep(orgId: string, docId: string, read?: ReminderSchedule): TransactionStep {
  const Key = keys.reminderSchedule(orgId, docId);
  if (!read) return { write: { Delete: { TableName: tableName(), Key } } };
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key,
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': read.version },
      },
    },
    onConditionFailed: () => new StaleWrite('The reminder schedule'),
  };
}
