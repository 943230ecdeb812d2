import { describe, expect, it } from 'vitest';
import { schedules } from '../../functions/core/schedules.ts';
import { handler as sendReminders } from '../../functions/schedules/send-reminders.ts';
import { environmentInvoker } from '../../scripts/local/function-environment.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { mailsTo, type SentMail, waitForMails } from '../support/mailbox.ts';
import { invoiceDue, isReminder, remindedActivity, remindingOrganization, runAsOf } from '../support/reminders.ts';

/** The reminders an address received, once `count` of them arrived. */
const waitForReminders = async (email: string, count: number) => (await waitForMails(email, count, 10_000, isReminder)).map((mail) => mail.subject);

describe('invoice reminders', () => {
  it('sends each reminder of an invoice once as the days pass, and none once it is paid', async () => {
    const setup = await remindingOrganization();
    expect((await setup.api.get(`/v1/orgs/${setup.org.id}`)).body.reminders).toEqual({ enabled: true, offsets: [-3, 0, 7, 14], lateFees: [] });
    const invoice = await invoiceDue(setup, '2030-03-31');

    expect(await runAsOf(setup, '2030-03-27')).toBe(0);
    expect(await runAsOf(setup, '2030-03-28')).toBe(1);
    expect(await runAsOf(setup, '2030-03-28')).toBe(0);
    expect(await runAsOf(setup, '2030-03-30')).toBe(0);
    expect(await runAsOf(setup, '2030-03-31')).toBe(1);
    expect(await runAsOf(setup, '2030-04-07')).toBe(1);
    expect(await runAsOf(setup, '2030-04-08')).toBe(0);

    const reminders = await waitForMails(setup.email, 3, 10_000, isReminder);
    expect(reminders.map((mail) => mail.subject)).toEqual([
      `Reminder: invoice ${invoice.number} from Acme Supplies is due in 3 days`,
      `Invoice ${invoice.number} from Acme Supplies is due today`,
      `Overdue: invoice ${invoice.number} from Acme Supplies was due 7 days ago`,
    ]);
    expect(reminders[2]!.body.text).toContain('was due 7 days ago, on 31 March 2030, and €119.00 is still unpaid.');
    expect(reminders[2]!.body.text).toContain('Balance due: €119.00\nDue date: 31 March 2030\n');
    expect(await remindedActivity(setup, invoice.id)).toEqual([
      { offset: -3, daysFromDue: -3 },
      { offset: 0, daysFromDue: 0 },
      { offset: 7, daysFromDue: 7 },
    ]);

    const paid = await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/payments`, { amount: invoice.total });
    expect(paid.status).toBe(201);
    expect(await runAsOf(setup, '2030-04-14')).toBe(0);
    expect(await runAsOf(setup, '2030-05-30')).toBe(0);
    // The payment's receipt came after every reminder would have: none more arrived.
    await waitForMails(setup.email, 1, 10_000, (mail) => mail.subject.startsWith('Payment receipt'));
    expect((await mailsTo(setup.email)).filter(isReminder)).toHaveLength(3);
  });

  it('sends nothing for a voided invoice, and only the latest reminder due when several days passed', async () => {
    const setup = await remindingOrganization();
    const voided = await invoiceDue(setup, '2030-03-31');
    const open = await invoiceDue(setup, '2030-03-31');
    expect((await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${voided.id}/void`)).status).toBe(200);

    // Nothing ran before the 10th: the reminder of 7 days after goes, those of before and on the day are passed over.
    expect(await runAsOf(setup, '2030-04-10')).toBe(1);
    expect(await remindedActivity(setup, open.id)).toEqual([{ offset: 7, daysFromDue: 10 }]);
    expect(await remindedActivity(setup, voided.id)).toEqual([]);
    expect(await runAsOf(setup, '2030-04-14')).toBe(1);
    expect(await runAsOf(setup, '2031-01-01')).toBe(0);
    expect(await waitForReminders(setup.email, 2)).toEqual([
      `Overdue: invoice ${open.number} from Acme Supplies was due 10 days ago`,
      `Overdue: invoice ${open.number} from Acme Supplies was due 14 days ago`,
    ]);
  });

  it('sends nothing more once a credit note credits the invoice in full', async () => {
    const setup = await remindingOrganization();
    const credited = await invoiceDue(setup, '2030-03-31');
    const open = await invoiceDue(setup, '2030-03-31');
    const note = await sentDocument(setup.api, setup.org.id, 'credit-notes', setup.contact.id, {
      lines: credited.lines.map(({ description, quantity, unitPrice, taxRate }: Record<string, unknown>) => ({ description, quantity, unitPrice, taxRate })),
      invoiceId: credited.id,
    });
    expect((await setup.api.get(`/v1/orgs/${setup.org.id}/invoices/${credited.id}`)).body.balance).toBe(0);
    expect(note.status).not.toBe('draft');
    expect(await runAsOf(setup, '2030-03-31')).toBe(1);
    expect(await remindedActivity(setup, open.id)).toEqual([{ offset: 0, daysFromDue: 0 }]);
    expect(await remindedActivity(setup, credited.id)).toEqual([]);
  });

  it('sends nothing while reminders are off, and follows offsets changed later', async () => {
    const setup = await remindingOrganization({ enabled: false });
    const invoice = await invoiceDue(setup, '2030-03-31');
    expect(await runAsOf(setup, '2030-03-31')).toBe(0);
    const changed = await setup.api.patch(`/v1/orgs/${setup.org.id}`, { reminders: { enabled: true, offsets: [30, 1] } });
    expect(changed.body.reminders).toEqual({ enabled: true, offsets: [1, 30], lateFees: [] });
    expect(await runAsOf(setup, '2030-04-01')).toBe(1);
    expect(await runAsOf(setup, '2030-04-30')).toBe(1);
    expect(await remindedActivity(setup, invoice.id)).toEqual([
      { offset: 1, daysFromDue: 1 },
      { offset: 30, daysFromDue: 30 },
    ]);
  });

  it('refuses offsets that repeat, fall outside -60..365 or number more than 6', async () => {
    const setup = await portalSetup();
    for (const offsets of [[7, 7], [-61], [366], [1, 2, 3, 4, 5, 6, 7], [], [1.5]]) {
      const response = await setup.api.patch(`/v1/orgs/${setup.org.id}`, { reminders: { offsets } });
      expect(response.status, JSON.stringify(offsets)).toBe(400);
    }
  });

  it('sends the day’s reminders from the sending hour in the organization’s time zone (the hourly schedule)', async () => {
    const setup = await remindingOrganization();
    expect((await setup.api.patch(`/v1/orgs/${setup.org.id}`, { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    const invoice = await invoiceDue(setup, '2030-03-31');
    const runAt = (asOf: string) => environmentInvoker(local())(schedules.sendReminders.needs, () => sendReminders({ asOf }));
    // 08:30 in Tokyo on the due date: too early.
    await runAt('2030-03-30T23:30:00Z');
    expect(await remindedActivity(setup, invoice.id)).toEqual([]);
    // 09:30 in Tokyo on the 31st (00:30 UTC): the reminder of the due date goes.
    await runAt('2030-03-31T00:30:00Z');
    expect(await remindedActivity(setup, invoice.id)).toEqual([{ offset: 0, daysFromDue: 0 }]);
  });

  it('reminds by hand and sends a document again: one mail each', async () => {
    const setup = await portalSetup();
    const email = setup.contact.persons[0]!.email as string;
    const invoice = await invoiceDue(setup, '2030-03-31');
    const reminded = await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/remind`);
    expect(reminded.status).toBe(200);
    const resent = await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/resend`);
    expect(resent.status).toBe(200);
    const about = (mail: SentMail) => mail.subject.includes(invoice.number);
    const mails = (await waitForMails(email, 3, 10_000, about)).map((mail) => mail.subject);
    expect(mails.filter((subject) => subject === `Invoice ${invoice.number} from Acme Supplies`)).toHaveLength(2);
    expect(mails).toHaveLength(3);
    const activity = await setup.api.get(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/activity`);
    expect(activity.body.items.map((entry: { action: string }) => entry.action)).toEqual(['created', 'sent', 'reminded', 'resent']);
    // Taken by hand today, before the due date: the days until it in the reader's language ("in 1,210 days", digits grouped).
    const remindedDetails = activity.body.items.find((entry: { action: string }) => entry.action === 'reminded').details;
    const { daysFromDue } = remindedDetails;
    expect(remindedDetails).toEqual({ manual: true, daysFromDue });
    expect(Number.isInteger(daysFromDue) && daysFromDue < -1).toBe(true);
    const dueIn = `in ${(-daysFromDue).toLocaleString('en-GB')} days`;
    expect(mails.filter((subject) => subject === `Reminder: invoice ${invoice.number} from Acme Supplies is due ${dueIn}`)).toHaveLength(1);

    const draft = await setup.api.post(
      `/v1/orgs/${setup.org.id}/invoices`,
      { contactId: setup.contact.id, lines: [{ description: 'X', quantity: 1, unitPrice: 100 }] },
      { headers: { 'idempotency-key': crypto.randomUUID() } },
    );
    expect((await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${draft.body.id}/resend`)).status).toBe(409);
    await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/payments`, { amount: invoice.total });
    expect((await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/remind`)).status).toBe(409);
    expect((await setup.api.post(`/v1/orgs/${setup.org.id}/estimates/${invoice.id}/resend`)).status).toBe(404);
  });
});
