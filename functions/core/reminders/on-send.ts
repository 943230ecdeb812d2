import type { TransactionStep } from '../db/transact.ts';
import { putReminderScheduleStep } from '../documents/reminder-schedule.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { nextReminder, reminderDue } from './plan.ts';
import { type ReminderSettings, reminderSettings } from './settings.ts';

/**
 * The reminder schedule an invoice gets when it is sent, with the
 * organization's offsets as they are then (written whether reminders are on
 * or not, so turning them on covers every open invoice). An invoice with
 * nothing to pay or no due date is never reminded. A late fee's invoice,
 * sent by the run on its due day (`sentOn`), counts its own mail as the
 * reminders whose day has come: the next is the first after the due date.
 */
export function reminderScheduleOnSend(organization: { reminders?: ReminderSettings }, document: StoredDocument, sentOn?: string): TransactionStep[] {
  if (document.kind !== 'invoice' || document.dueDate === undefined || document.total - document.amountPaid <= 0) return [];
  const { offsets } = reminderSettings(organization);
  const through = sentOn === undefined ? null : (reminderDue({ dueDate: document.dueDate, through: null }, offsets, sentOn) ?? null);
  const first = nextReminder(document.dueDate, offsets, through);
  if (!first) return [];
  return [putReminderScheduleStep({ orgId: document.orgId, docId: document.id, dueDate: document.dueDate, through, sent: [], next: first.on, version: 1 })];
}
