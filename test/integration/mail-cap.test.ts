import { afterEach, describe, expect, it, vi } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { setOrganizationMailLimit } from '../../functions/core/email/cap.ts';
import { defaultMailLimits } from '../../functions/core/email/limits.ts';
import { schedules } from '../../functions/core/schedules.ts';
import { handler as releaseWaitingMail } from '../../functions/schedules/release-waiting-mail.ts';
import { environmentInvoker } from '../../scripts/local/function-environment.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { mailsTo, waitForMails } from '../support/mailbox.ts';
import { newOrganization } from '../support/staff.ts';
import { getItem, putItem } from '../support/table.ts';
import { waitFor } from '../support/wait.ts';

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString();
const staffIdOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;

/** As the operator's command and the schedule run: in this process, with their functions' environment. */
const operator = () => environmentInvoker(local());
const raiseLimit = (orgId: string, daily: number) => operator()({ table: 'readwrite' }, () => setOrganizationMailLimit(orgId, daily));

afterEach(() => vi.useRealTimers());

describe('daily mail limits', () => {
  it('lets a new organization grant 300 persons and send each a document on its first day: every mail arrives', async () => {
    const { org, api } = await newOrganization();
    const contacts: Awaited<ReturnType<typeof newContact>>[] = [];
    for (let index = 0; index < 30; index++) {
      const contact = await newContact(api, org.id, 9);
      const granted = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: contact.persons.map((person) => person.id) });
      expect(granted.status).toBe(200);
      expect(granted.body.persons.every((person: { emailSent: boolean }) => person.emailSent)).toBe(true);
      contacts.push(contact);
    }
    for (const contact of contacts) await sentDocument(api, org.id, 'invoices', contact.id);
    const persons = contacts.flatMap((contact) => contact.persons);
    expect(persons).toHaveLength(300);
    for (const person of persons) {
      const mails = await waitForMails(person.email, 2, 30_000);
      expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining('Invitation'), expect.stringContaining('Invoice')]);
    }
    const overview = (await api.get(`/v1/orgs/${org.id}/mail`)).body;
    expect(overview).toEqual({ limits: { daily: defaultMailLimits.newOrganization, used: 600, resetsAt: tomorrow() }, waiting: { count: 0, items: [] } });
  }, 240_000);

  it('refuses a request that mails over the limit with 429 before writing, saying when it resets', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    await putItem(keys.mailCount(org.id, today()), { sent: defaultMailLimits.newOrganization, type: 'mailCount' });
    const refused = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id] });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'MAIL_CAP_REACHED',
      message: `This organization has sent the 1000 emails allowed per day; more can be sent from ${tomorrow()}.`,
      details: { scope: 'organization', limit: 1000, resetsAt: tomorrow() },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await mailsTo(contact.persons[0]!.email)).toEqual([]);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body.persons[0].portalAccess).toBe('disabled');
  });

  it("counts a staff user's mail across their organizations", async () => {
    const { org, api, token } = await newOrganization();
    const contact = await newContact(api, org.id);
    await putItem(keys.senderMailCount(staffIdOf(token), today()), { sent: defaultMailLimits.perSender, type: 'mailCount' });
    const refused = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id] });
    expect(refused.status).toBe(429);
    expect(refused.body.error.details).toEqual({ scope: 'sender', limit: defaultMailLimits.perSender, resetsAt: tomorrow() });
    expect(refused.body.error.message).toBe(`You have sent the 2000 emails allowed per day; more can be sent from ${tomorrow()}.`);
  });

  it('holds mail over the limit in order, shows it waiting, and sends all of it when the window opens', async () => {
    const { org, api, contact } = await portalSetup();
    const person = contact.persons[0]!;
    await waitForMails(person.email, 1);
    await raiseLimit(org.id, 3);
    const invoices: { number: string }[] = [];
    for (let index = 0; index < 4; index++) invoices.push(await sentDocument(api, org.id, 'invoices', contact.id));
    const overview = await waitFor(
      () => 'two mails waiting',
      async () => {
        const body = (await api.get(`/v1/orgs/${org.id}/mail`)).body;
        return body.waiting.count === 2 ? body : undefined;
      },
      15_000,
    );
    expect(overview.limits).toEqual({ daily: 3, used: 3, resetsAt: tomorrow() });
    expect(overview.waiting.items).toEqual([
      { id: expect.any(String), template: 'document-sent', to: person.email, queuedAt: expect.any(String) },
      { id: expect.any(String), template: 'document-sent', to: person.email, queuedAt: expect.any(String) },
    ]);
    const numbersIn = async () =>
      (await mailsTo(person.email)).slice(1).map((mail) => invoices.find((invoice) => mail.body.text?.includes(invoice.number))?.number);
    expect(await numbersIn()).toEqual(invoices.slice(0, 2).map((invoice) => invoice.number));

    // A request that mails is refused while over, and says when it may go.
    const other = await newContact(api, org.id);
    expect((await api.post(`/v1/orgs/${org.id}/contacts/${other.id}/portal-access`, { personIds: [other.persons[0]!.id] })).status).toBe(429);

    // Still today: the schedule leaves them waiting.
    const release = () => operator()(schedules.releaseWaitingMail.needs, () => releaseWaitingMail({ orgId: org.id }));
    expect(await release()).toEqual({ sent: 0, stillWaiting: 2 });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(tomorrow()) + 1_000);
    expect(await release()).toEqual({ sent: 2, stillWaiting: 0 });
    vi.useRealTimers();
    expect(await numbersIn()).toEqual(invoices.map((invoice) => invoice.number));
    expect((await api.get(`/v1/orgs/${org.id}/mail`)).body.waiting).toEqual({ count: 0, items: [] });
    expect(await getItem(keys.mailCount(org.id, tomorrow().slice(0, 10)))).toMatchObject({ sent: 2 });
  });
});
