import { describe, expect, it } from 'vitest';
import type { ActorRef } from '../../functions/core/access/actor.ts';
import { keys } from '../../functions/core/db/keys.ts';
import { newOutboxEvent } from '../../functions/core/outbox/repository.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { mailsTo, onlyMailTo, waitForMails } from '../support/mailbox.ts';
import { effectMarkers, emit } from '../support/outbox.ts';
import { newOrganization } from '../support/staff.ts';
import { getItem, setItemAttributes } from '../support/table.ts';
import { waitFor } from '../support/wait.ts';

const today = () => new Date().toISOString().slice(0, 10);
const staff: ActorRef = { type: 'staff', id: 'staff-of-the-test' };

describe('daily mail cap', () => {
  it('counts each mail and answers 429 in the request once a new organization sent its 50', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 1);
    const [first, second] = [contact.persons[0]!, contact.persons[1]!];
    expect((await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [first.id] })).status).toBe(200);
    await onlyMailTo(first.email);
    const counter = keys.mailCount(org.id, today());
    const counted = await getItem(counter);
    expect(counted).toMatchObject({ sent: 1, type: 'mailCount' });
    expect(counted!.expiresAt).toBe(Date.parse(`${today()}T00:00:00Z`) / 1000 + 2 * 86_400);

    await setItemAttributes(counter, { sent: 50 });
    const refused = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [second.id] });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'MAIL_CAP_REACHED',
      message: 'This organization has sent its 50 emails for today; no more are sent until tomorrow (UTC).',
      details: { cap: 50 },
    });
    expect(await mailsTo(second.email)).toEqual([]);
    expect((await getItem(counter))!.sent).toBe(50);
    // Refused before anything was written: the person still has no access.
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}`)).body.persons[1].portalAccess).toBe(second.portalAccess);
  });

  it('records a consumer-lane mail over the cap as done without sending it', async () => {
    const { org, api, contact } = await portalSetup();
    const person = contact.persons[0]!;
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    // The real send's mail comes through the lane too: counted only once it is there.
    await waitForMails(person.email, 1, 10_000, (mail) => (mail.body.text ?? '').includes(invoice.number));
    const before = (await mailsTo(person.email)).length;
    await setItemAttributes(keys.mailCount(org.id, today()), { sent: 50 });

    const event = newOutboxEvent(org.id, 'document.sent', staff, { docId: invoice.id, recipients: [person.id] });
    await emit(event);
    const markers = await waitFor(
      () => `the effect of ${event.id} done`,
      async () => {
        const found = await effectMarkers(event);
        return found.length === 1 && found[0]!.status === 'done' ? found : undefined;
      },
      10_000,
    );
    expect(markers).toEqual([{ SK: `EFFECT#document-sent#${person.id}`, status: 'done' }]);
    expect((await mailsTo(person.email)).length).toBe(before);
  });
});
