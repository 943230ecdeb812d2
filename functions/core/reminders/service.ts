import { systemActor } from '../access/actor.ts';
import type { StaffContext } from '../access/context.ts';
import { DEFAULT_TIME_ZONE, hourIn, todayIn } from '../calendar.ts';
import { requireContact } from '../contacts/lookup.ts';
import { transact } from '../db/transact.ts';
import { apply, decide } from '../documents/commands.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { requireDocument } from '../documents/lookup.ts';
import { deleteReminderScheduleStep, owesMoney, type ReminderSchedule, replaceReminderScheduleStep } from '../documents/reminder-schedule.ts';
import { getDocument } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { documentView } from '../documents/view.ts';
import { Conflict, Unprocessable } from '../errors.ts';
import { log } from '../log.ts';
import { count } from '../metrics.ts';
import { portalRecipients } from '../notifications/mails.ts';
import { getOrganizations } from '../orgs/repository.ts';
import type { Organization } from '../orgs/schema.ts';
import { commitWithLateFee } from './late-fee-invoice.ts';
import { daysBetween, nextReminder, reminderDue } from './plan.ts';
import { dueSchedules, reminderOrganizations } from './repository.ts';
import { reminderSettings, reminderTemplate, SEND_HOUR } from './settings.ts';

export interface ReminderRun {
  sent: number;
  /** Late fees charged with them, each its own invoice. */
  lateFees: number;
  /** False when the run stopped at its deadline: the rest goes out on the next run. */
  complete: boolean;
}

/**
 * Sends the reminders due on `asOf` (the organization's calendar day) of
 * every open invoice of the organization, each offset once: found by their
 * schedules' next date (GSI4), never by reading every invoice. The hourly
 * schedule and `POST …/reminders/run` both run this.
 */
export async function runReminders(organization: Organization, asOf: string, deadline = Number.POSITIVE_INFINITY): Promise<ReminderRun> {
  if (!reminderSettings(organization).enabled) return { sent: 0, lateFees: 0, complete: true };
  const run = { sent: 0, lateFees: 0 };
  const counted = (complete: boolean): ReminderRun => {
    if (run.sent > 0) count('RemindersSent', run.sent);
    if (run.lateFees > 0) count('LateFeesCharged', run.lateFees);
    return { ...run, complete };
  };
  for await (const schedules of dueSchedules(organization.id, asOf)) {
    for (const schedule of schedules) {
      if (Date.now() > deadline) return counted(false);
      const reminded = await remindFromSchedule(organization, schedule, asOf);
      if (reminded) run.sent += 1;
      if (reminded === 'with late fee') run.lateFees += 1;
    }
  }
  return counted(true);
}

/**
 * One invoice's due reminder: sent with its schedule moved on, and the late
 * fee it charges, in one transaction; false when there was nothing to send.
 */
async function remindFromSchedule(organization: Organization, schedule: ReminderSchedule, asOf: string): Promise<boolean | 'with late fee'> {
  const { offsets } = reminderSettings(organization);
  const { orgId, docId, dueDate } = schedule;
  const document = await getDocument(orgId, docId);
  const offset = document && owesMoney(document) ? reminderDue(schedule, offsets, asOf) : undefined;
  const after = nextReminder(dueDate, offsets, offset ?? schedule.through);
  const moved = after
    ? replaceReminderScheduleStep(
        {
          ...schedule,
          through: offset ?? schedule.through,
          sent: offset === undefined ? schedule.sent : [...schedule.sent, offset],
          next: after.on,
          version: schedule.version + 1,
        },
        schedule,
      )
    : deleteReminderScheduleStep(orgId, docId, schedule);
  try {
    if (!document || !owesMoney(document)) {
      // Settled by a change the writer did not see as settling (a document gone): nothing more to remind.
      await transact([deleteReminderScheduleStep(orgId, docId, schedule)]);
      return false;
    }
    if (offset === undefined) {
      // The offsets changed since the schedule was written: it waits for the next one that is left.
      await transact([moved]);
      return false;
    }
    const daysFromDue = daysBetween(dueDate, asOf);
    const reminder = (fee?: StoredDocument) =>
      decide(document, 'remind', systemActor('scheduler'), {
        on: asOf,
        details: { offset, daysFromDue, ...(fee && { lateFee: { docId: fee.id, number: fee.number, amount: fee.total } }) },
        event: { docId, offset, daysFromDue, template: reminderTemplate(offset) },
        steps: [moved],
        // A fee follows from the balance read: a payment meanwhile makes the next run read it again.
        asRead: fee !== undefined,
      }).steps;
    return (await commitWithLateFee(organization, document, offset, asOf, reminder)) ? 'with late fee' : true;
  } catch (error) {
    // Another run, a payment or a void got there first: what it left decides.
    if (!(error instanceof Conflict)) throw error;
    log.info('reminder skipped: the invoice or its schedule changed meanwhile', { orgId, docId });
    return false;
  }
}

/** Whether anybody can receive the document's mail: the portal is on and a person of the contact has access. */
async function mailRecipients(staff: StaffContext, contactId: string): Promise<string[]> {
  const contact = await requireContact(staff.orgId, contactId);
  const recipients = staff.organization.portalEnabled ? portalRecipients(contact).map((person) => person.id) : [];
  if (recipients.length === 0) {
    throw new Unprocessable('NO_RECIPIENTS', 'Nobody can receive this email: turn the portal on and give a person of the contact portal access.');
  }
  return recipients;
}

/** Staff remind the contact of an open invoice now, whatever the schedule; the reminder the day calls for (before, on or after the due date). */
export async function remindByHand(staff: StaffContext, docId: string) {
  const document = await requireDocument(staff.orgId, 'invoice', docId);
  const on = todayIn(staff.organization);
  await mailRecipients(staff, document.contactId);
  const daysFromDue = document.dueDate ? daysBetween(document.dueDate, on) : 0;
  const template = reminderTemplate(daysFromDue);
  const next = await apply(document, 'remind', staff, {
    on,
    details: { manual: true, daysFromDue },
    event: { docId, offset: null, daysFromDue, template },
  });
  return documentView(next, on);
}

/** Staff send a sent document's email again, to the persons who can open it now. */
export async function resendDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const document = await requireDocument(staff.orgId, kind, docId);
  const on = todayIn(staff.organization);
  const recipients = await mailRecipients(staff, document.contactId);
  const next = await apply(document, 'resend', staff, { on, details: { recipients }, event: { docId: document.id, recipients } });
  return documentView(next, on);
}

/**
 * The hourly run: every organization with reminders on whose wall clock has
 * reached the sending hour sends what is due on its today. Later runs the same
 * day find nothing more (each schedule has moved on), so the hour only decides
 * when a day's reminders start, and a missed run is caught up by the next.
 */
export async function runAllReminders(at: Date, deadline: number): Promise<{ organizations: number; sent: number; complete: boolean }> {
  let organizations = 0;
  let sent = 0;
  for await (const orgIds of reminderOrganizations()) {
    for (const organization of await getOrganizations(orgIds)) {
      if (hourIn(organization.timeZone ?? DEFAULT_TIME_ZONE, at) < SEND_HOUR) continue;
      const run = await runReminders(organization, todayIn(organization, at), deadline);
      organizations += 1;
      sent += run.sent;
      if (!run.complete) return { organizations, sent, complete: false };
    }
  }
  return { organizations, sent, complete: true };
}
