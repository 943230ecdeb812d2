import { expect } from 'vitest';
import { portalSetup, sentDocument } from './documents.ts';
import type { SentMail } from './mailbox.ts';

export type ReminderSetup = Awaited<ReturnType<typeof portalSetup>>;

/** An organization with reminders on (the default days: 3 before, on the day, 7 and 14 after, unless `settings` say) and one person with portal access. */
export async function remindingOrganization(settings: Record<string, unknown> = {}) {
  const setup = await portalSetup();
  const patched = await setup.api.patch(`/v1/orgs/${setup.org.id}`, { reminders: { enabled: true, ...settings } });
  expect(patched.status).toBe(200);
  return { ...setup, email: setup.contact.persons[0]!.email as string };
}

/** A sent invoice of 119.00 EUR (100.00 and 19 % tax), issued on 1 March 2030, due on `dueDate`. */
export const invoiceDue = (setup: ReminderSetup, dueDate: string) =>
  sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, { issueDate: '2030-03-01', dueDate });

/** Runs the organization's reminders as of a day: what the run answers (`sent`, `lateFees`). */
export async function runReminders(setup: ReminderSetup, asOf: string): Promise<{ sent: number; lateFees: number }> {
  const response = await setup.api.post(`/v1/orgs/${setup.org.id}/reminders/run`, { asOf });
  expect(response.status).toBe(200);
  return response.body;
}

/** Runs the organization's reminders as of a day: how many went. */
export const runAsOf = async (setup: ReminderSetup, asOf: string): Promise<number> => (await runReminders(setup, asOf)).sent;

export const isReminder = (mail: SentMail) => /^(Reminder:|Overdue:)|is due today$/.test(mail.subject);

/** The details of an invoice's `reminded` activity entries, oldest first. */
export async function remindedActivity(setup: ReminderSetup, docId: string) {
  const activity = await setup.api.get(`/v1/orgs/${setup.org.id}/invoices/${docId}/activity?limit=100`);
  return activity.body.items.filter((entry: { action: string }) => entry.action === 'reminded').map((entry: { details: unknown }) => entry.details);
}
