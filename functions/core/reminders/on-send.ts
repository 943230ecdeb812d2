import type { TransactionStep } from '../db/transact.ts';
import { putReminderScheduleStep } from '../documents/reminder-schedule.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { nextReminder } from './plan.ts';
import { reminderSettings } from './settings.ts';

/**
 * The reminder schedule an invoice gets when it is sent, with the
 * organization's offsets as they are then (written whether reminders are on
 * or not, so turning them on covers every open invoice). An invoice with
 * nothing to pay or no due date is never reminded.
 */
export function reminderScheduleOnSend(organization: { reminders?: { enabled: boolean; offsets: number[] } }, document: StoredDocument): TransactionStep[] {
  if (document.kind !== 'invoice' || document.dueDate === undefined || document.total - document.amountPaid <= 0) return [];
  const first = nextReminder(document.dueDate, reminderSettings(organization).offsets, null);
  if (!first) return [];
  return [
    putReminderScheduleStep({ orgId: document.orgId, docId: document.id, dueDate: document.dueDate, through: null, sent: [], next: first.on, version: 1 }),
  ];
}
