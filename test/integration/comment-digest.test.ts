import { afterEach, describe, expect, it, vi } from 'vitest';
import { oldestWaiting } from '../../functions/core/email/waiting-repository.ts';
import { schedules } from '../../functions/core/schedules.ts';
import { handler as releaseWaitingMail } from '../../functions/schedules/release-waiting-mail.ts';
import { environmentInvoker } from '../../scripts/local/function-environment.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { mailsTo, waitForMails } from '../support/mailbox.ts';
import { waitFor } from '../support/wait.ts';

const emailOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).email as string;
const operator = () => environmentInvoker(local());

afterEach(() => vi.useRealTimers());

describe("a portal person's comments to staff", () => {
  it('go at once for the first of a window and as one digest for the rest: a customer cannot spend the mail', async () => {
    const { org, api, token, contact, base, person } = await portalSetup();
    const staffEmail = emailOf(token);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const bodies = Array.from({ length: 25 }, (_, index) => `Question ${index + 1} about the invoice`);
    for (const body of bodies) expect((await person.post(`${base}/documents/${invoice.id}/comments`, { body })).status).toBe(201);

    const [first] = await waitForMails(staffEmail, 1, 15_000, (mail) => mail.subject.includes(invoice.number));
    expect(first!.subject).toBe(`New comment from Globex Corporation (Globex Corporation) on Invoice ${invoice.number}`);
    expect(first!.body.text).toContain('Question 1 about the invoice');
    const digest = await waitFor(
      () => 'the other 24 comments in one digest',
      async () => {
        const [waiting] = await operator()({ table: 'read' }, () => oldestWaiting(org.id, 5));
        return waiting && (waiting.entries?.length ?? 0) + (waiting.more ?? 0) === 24 ? waiting : undefined;
      },
      15_000,
    );
    expect(digest.entries).toHaveLength(20);
    expect(digest.more).toBe(4);
    expect((await api.get(`/v1/orgs/${org.id}/mail`)).body.waiting.count).toBe(1);
    expect((await mailsTo(staffEmail)).filter((mail) => mail.subject.includes(invoice.number))).toHaveLength(1);

    const release = () => operator()(schedules.releaseWaitingMail.needs, () => releaseWaitingMail({ orgId: org.id }));
    expect(await release()).toEqual({ sent: 0, stillWaiting: 1 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(digest.notBefore!) + 1_000);
    expect(await release()).toEqual({ sent: 1, stillWaiting: 0 });
    vi.useRealTimers();

    const mails = (await mailsTo(staffEmail)).filter((mail) => mail.subject.includes(invoice.number));
    expect(mails).toHaveLength(2);
    const text = mails[1]!.body.text ?? '';
    const link = `${local().apiUrl}/staff/orgs/${org.id}/invoices/${invoice.id}`;
    expect(mails[1]!.subject).toBe(`New comments from Globex Corporation on Invoice ${invoice.number}`);
    expect(
      text.startsWith(
        `Hello ${staffEmail},\n\nMore comments from Globex Corporation on Invoice ${invoice.number} arrived in the client portal since the last notice:\n\n` +
          'Globex Corporation: Question 2 about the invoice\n\nGlobex Corporation: Question 3 about the invoice\n\n',
      ),
    ).toBe(true);
    expect(text).toContain(`…and 4 more: open the document to read them all.\n\nOpen the document in Portico to read the thread and reply:\n${link}\n`);
    expect(mails[1]!.body.html).toContain(`href="${link}"`);
    for (const body of bodies.slice(1, 21)) expect(text).toContain(body);
    expect(text).not.toContain('Question 22 about');
    expect(text).toContain('…and 4 more: open the document to read them all.');
  });
});
