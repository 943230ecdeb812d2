import { describe, expect, it } from 'vitest';
import { sentDocument } from '../support/documents.ts';
import { waitForMails } from '../support/mailbox.ts';
import { invoiceDue, type ReminderSetup, remindedActivity, remindingOrganization, runReminders } from '../support/reminders.ts';

interface Invoice {
  id: string;
  number: string;
  total: number;
  currency: string;
  lateFeeFor?: { id: string; number: string; offset: number };
  lines: { description: string }[];
}

/** 1.5 % of the balance with the reminder 7 days after the due date, 25.00 EUR with the one 14 days after. */
const lateFees = [
  { offset: 7, percent: 1.5 },
  { offset: 14, amount: 2500 },
];

async function staffInvoices(setup: ReminderSetup): Promise<Invoice[]> {
  const listed = await setup.api.get(`/v1/orgs/${setup.org.id}/invoices?limit=100`);
  expect(listed.status).toBe(200);
  return listed.body.items;
}

/** The late fees charged on an invoice, as the staff list has them. */
const feesOn = async (setup: ReminderSetup, invoice: Invoice) => (await staffInvoices(setup)).filter((each) => each.lateFeeFor?.id === invoice.id);

describe('late fees', () => {
  it('charges each fee once, as its own sent invoice, at the reminders that carry one', async () => {
    const setup = await remindingOrganization({ lateFees });
    expect((await setup.api.get(`/v1/orgs/${setup.org.id}`)).body.reminders).toEqual({
      enabled: true,
      offsets: [-3, 0, 7, 14],
      lateFees: [
        { offset: 7, percent: 1.5 },
        { offset: 14, amount: 2500, currency: 'EUR' },
      ],
    });
    const late = await invoiceDue(setup, '2030-03-31');
    const paid = await invoiceDue(setup, '2030-03-31');
    const dollars = await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, {
      issueDate: '2030-03-01',
      dueDate: '2030-03-31',
      currency: 'USD',
    });
    expect([late.total, paid.total, dollars.total]).toEqual([11_900, 11_900, 11_900]);

    expect(await runReminders(setup, '2030-03-31')).toEqual({ sent: 3, lateFees: 0 });
    const pay = async (invoice: Invoice, amount: number) =>
      expect((await setup.api.post(`/v1/orgs/${setup.org.id}/invoices/${invoice.id}/payments`, { amount })).status).toBe(201);
    await pay(paid, paid.total);
    await pay(late, 1_900);

    // A week late, two runs at once (the hourly one and one by hand): between them, each reminder and fee once. 1.5 % of
    // the balance, in each invoice's currency: of 100.00 EUR left, 1.50; of 119.00 USD, 1.785 rounded half away from zero
    // to 1.79; nothing on the paid one.
    const concurrent = await Promise.all([runReminders(setup, '2030-04-07'), runReminders(setup, '2030-04-07')]);
    expect(concurrent.reduce((sum, run) => ({ sent: sum.sent + run.sent, lateFees: sum.lateFees + run.lateFees }))).toEqual({ sent: 2, lateFees: 2 });
    const [weekFee] = await feesOn(setup, late);
    expect(weekFee).toMatchObject({
      status: 'sent',
      contactId: setup.contact.id,
      currency: 'EUR',
      issueDate: '2030-04-07',
      dueDate: '2030-04-07',
      lines: [{ description: `Late fee for invoice ${late.number}`, quantity: 1, unitPrice: 150, taxCode: 'outside_scope', taxRate: 0, tax: 0, total: 150 }],
      taxTotal: 0,
      total: 150,
      balance: 150,
      lateFeeFor: { id: late.id, number: late.number, offset: 7 },
    });
    expect((await feesOn(setup, dollars)).map((fee) => [fee.currency, fee.total])).toEqual([['USD', 179]]);

    // The same day again, as a retried or second run: nothing more.
    expect(await runReminders(setup, '2030-04-07')).toEqual({ sent: 0, lateFees: 0 });
    expect(await staffInvoices(setup)).toHaveLength(5);
    // The contact gets the fee by mail like any invoice; then reads German from the next fee on.
    await waitForMails(setup.email, 1, 10_000, (mail) => mail.subject === `Invoice ${weekFee!.number} from Acme Supplies`);
    expect((await setup.api.patch(`/v1/orgs/${setup.org.id}/contacts/${setup.contact.id}`, { language: 'de' })).status).toBe(200);

    // Two weeks late: 25.00 EUR on the euro invoice, no fixed euro fee on the dollar one; the week's fees get their own
    // overdue reminder (their mail counted as the due day's), and never a fee of their own.
    expect(await runReminders(setup, '2030-04-14')).toEqual({ sent: 4, lateFees: 1 });
    expect(await runReminders(setup, '2030-04-14')).toEqual({ sent: 0, lateFees: 0 });
    const fees = await feesOn(setup, late);
    expect(fees.map((fee) => [fee.lateFeeFor?.offset, fee.currency, fee.total, fee.lines[0]!.description])).toEqual([
      [14, 'EUR', 2500, `Mahngebühr für Rechnung ${late.number}`],
      [7, 'EUR', 150, `Late fee for invoice ${late.number}`],
    ]);
    expect(await feesOn(setup, dollars)).toHaveLength(1);
    expect(await feesOn(setup, paid)).toEqual([]);
    // Numbers without a hole, concurrent runs or not.
    const numbers = (await staffInvoices(setup)).map((each) => Number(each.number.replace(/\D/g, '')));
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);

    // The reminder records the fee it charged.
    const [fortnightFee] = fees;
    expect(await remindedActivity(setup, late.id)).toEqual([
      { offset: 0, daysFromDue: 0 },
      { offset: 7, daysFromDue: 7, lateFee: { docId: weekFee!.id, number: weekFee!.number, amount: 150 } },
      { offset: 14, daysFromDue: 14, lateFee: { docId: fortnightFee!.id, number: fortnightFee!.number, amount: 2500 } },
    ]);
    expect(await remindedActivity(setup, weekFee!.id)).toEqual([{ offset: 7, daysFromDue: 7 }]);
    expect(await remindedActivity(setup, paid.id)).toEqual([{ offset: 0, daysFromDue: 0 }]);

    // The contact sees the fees in the portal, and the second by mail too.
    const portal = await setup.person.get(`${setup.base}/documents?kind=invoice&limit=100`);
    expect(portal.status).toBe(200);
    const portalFees = portal.body.items.filter((item: Invoice) => item.lateFeeFor?.id === late.id);
    expect(portalFees.map((item: Invoice) => [item.number, item.total])).toEqual(
      expect.arrayContaining([
        [weekFee!.number, 150],
        [fortnightFee!.number, 2500],
      ]),
    );
    expect(portalFees).toHaveLength(2);
    await waitForMails(setup.email, 1, 10_000, (mail) => mail.subject.includes(fortnightFee!.number));
  });

  it('refuses fees out of bounds or without their reminder, storing nothing', async () => {
    const setup = await remindingOrganization({ lateFees: [{ offset: 14, amount: 2500 }] });
    const stored = (await setup.api.get(`/v1/orgs/${setup.org.id}`)).body;
    const refused = async (reminders: Record<string, unknown>) => {
      const response = await setup.api.patch(`/v1/orgs/${setup.org.id}`, { reminders });
      return [response.status, response.body.error?.code, response.body.error?.details?.field];
    };
    expect(await refused({ lateFees: [{ offset: 7, amount: -100 }] })).toEqual([422, 'INVALID_LATE_FEE', 'reminders.lateFees[0].amount']);
    expect(await refused({ lateFees: [{ offset: 7, percent: 100.5 }] })).toEqual([422, 'INVALID_LATE_FEE', 'reminders.lateFees[0].percent']);
    expect(await refused({ lateFees: [{ offset: 7, percent: -2 }] })).toEqual([422, 'INVALID_LATE_FEE', 'reminders.lateFees[0].percent']);
    expect(await refused({ lateFees: [{ offset: 30, percent: 2 }] })).toEqual([422, 'INVALID_LATE_FEE', 'reminders.lateFees[0].offset']);
    expect(await refused({ enabled: false, offsets: [1, 30], lateFees: [{ offset: 14, percent: 2 }] })).toEqual([
      422,
      'INVALID_LATE_FEE',
      'reminders.lateFees[0].offset',
    ]);
    // Dropping the reminder of a fee stored before, without the fee.
    expect(await refused({ offsets: [-3, 0, 7] })).toEqual([422, 'INVALID_LATE_FEE', 'reminders.offsets']);
    expect((await setup.api.patch(`/v1/orgs/${setup.org.id}`, { reminders: { lateFees: [{ offset: 7, percent: '2' }] } })).status).toBe(400);

    const after = (await setup.api.get(`/v1/orgs/${setup.org.id}`)).body;
    expect(after.reminders).toEqual({ enabled: true, offsets: [-3, 0, 7, 14], lateFees: [{ offset: 14, amount: 2500, currency: 'EUR' }] });
    expect(after.version).toBe(stored.version);

    // Both at once is a change that holds together.
    const changed = await setup.api.patch(`/v1/orgs/${setup.org.id}`, { reminders: { offsets: [30, 10], lateFees: [{ offset: 30, percent: 2 }] } });
    expect(changed.status).toBe(200);
    expect(changed.body.reminders).toEqual({ enabled: true, offsets: [10, 30], lateFees: [{ offset: 30, percent: 2 }] });
  });
});
