import { describe, expect, it } from 'vitest';
import { applyMailFeedback } from '../../functions/core/email/feedback.ts';
import { subscribers } from '../../functions/core/subscribers.ts';
import { environmentInvoker } from '../../scripts/local/function-environment.ts';
import type { as } from '../support/api.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { mailsTo, reportNextMail, waitForMails } from '../support/mailbox.ts';
import { newOrganization } from '../support/staff.ts';
import { waitFor } from '../support/wait.ts';

type Api = ReturnType<typeof as>;

async function undeliverable(api: Api, orgId: string) {
  const response = await api.get(`/v1/orgs/${orgId}/mail/undeliverable`);
  if (response.status !== 200) throw new Error(`listing undeliverable addresses: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items as { email: string; reason: string }[];
}
const reported = (api: Api, orgId: string, email: string, reason: string) =>
  waitFor(
    () => `${email} reported as ${reason}`,
    async () => (await undeliverable(api, orgId)).some((item) => item.email === email && item.reason === reason) || undefined,
    10_000,
  );

describe('bounces and complaints', () => {
  it('a bounced address gets no more mail until staff confirm it; a complaint stops mail the same way', async () => {
    const { org, api, contact } = await portalSetup(1);
    const [bouncing, complaining] = contact.persons.map((person) => person.email) as [string, string];
    const mailsBefore = (await mailsTo(bouncing)).length;

    await reportNextMail(bouncing, 'bounce');
    await sentDocument(api, org.id, 'invoices', contact.id);
    await reported(api, org.id, bouncing, 'bounced');
    expect((await mailsTo(bouncing)).length).toBe(mailsBefore + 1);
    expect(await undeliverable(api, org.id)).toEqual([{ email: bouncing, reason: 'bounced', at: expect.any(String) }]);

    // The next document reaches the other person; the bounced address gets nothing.
    const complainingBefore = (await mailsTo(complaining)).length;
    await sentDocument(api, org.id, 'invoices', contact.id);
    await waitForMails(complaining, complainingBefore + 1);
    expect((await mailsTo(bouncing)).length).toBe(mailsBefore + 1);

    // Another organization's staff see nothing of it.
    const other = await newOrganization();
    expect(await undeliverable(other.api, other.org.id)).toEqual([]);
    expect((await other.api.delete(`/v1/orgs/${other.org.id}/mail/undeliverable/${bouncing}`)).status).toBe(404);

    expect((await api.delete(`/v1/orgs/${org.id}/mail/undeliverable/${encodeURIComponent(bouncing.toUpperCase())}`)).status).toBe(204);
    expect((await api.delete(`/v1/orgs/${org.id}/mail/undeliverable/${bouncing}`)).status).toBe(404);
    expect((await api.delete(`/v1/orgs/${org.id}/mail/undeliverable/not-an-address`)).status).toBe(400);
    await sentDocument(api, org.id, 'invoices', contact.id);
    await waitForMails(bouncing, mailsBefore + 2);

    await reportNextMail(complaining, 'complaint');
    await sentDocument(api, org.id, 'invoices', contact.id);
    await reported(api, org.id, complaining, 'complained');
    const afterComplaint = (await mailsTo(complaining)).length;
    const bouncingNow = (await mailsTo(bouncing)).length;
    await sentDocument(api, org.id, 'invoices', contact.id);
    await waitForMails(bouncing, bouncingNow + 1);
    expect((await mailsTo(complaining)).length).toBe(afterComplaint);
  });

  it('ignores what needs nothing: a temporary bounce, a mail without the organization tag, a message that is not an SES event', async () => {
    const run = (message: unknown) =>
      environmentInvoker(local())(subscribers.mailFeedback.needs, () => applyMailFeedback(typeof message === 'string' ? message : JSON.stringify(message)));
    const mail = { messageId: 'm-1', tags: { orgId: ['org_feedback_test'] } };
    const bounce = (bounceType: string) => ({
      eventType: 'Bounce',
      bounce: { bounceType, bouncedRecipients: [{ emailAddress: 'Someone <Someone@Example.test>' }], timestamp: '2026-12-06T10:00:00.000Z' },
      mail,
    });
    expect(await run(bounce('Transient'))).toEqual({ marked: 0 });
    expect(await run({ ...bounce('Permanent'), mail: { messageId: 'm-2' } })).toEqual({ marked: 0 });
    expect(await run('not json')).toEqual({ marked: 0 });
    expect(await run({ eventType: 'Delivery', mail })).toEqual({ marked: 0 });
    expect(await run(bounce('Permanent'))).toEqual({ marked: 1 });
  });
});
