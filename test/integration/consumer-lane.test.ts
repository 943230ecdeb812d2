import { describe, expect, it } from 'vitest';
import type { ActorRef } from '../../functions/core/access/actor.ts';
import { streamDelivery } from '../../functions/core/consumers.ts';
import type { OutboxEvent } from '../../functions/core/outbox/events.ts';
import { newOutboxEvent } from '../../functions/core/outbox/repository.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { mailsTo, rejectionsLeft, rejectNextMails, type SentMail, waitForMails } from '../support/mailbox.ts';
import { deadLettered, effectMarkers, effectRun, emit, waitForDeadLetter } from '../support/outbox.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { waitFor } from '../support/wait.ts';

const staff: ActorRef = { type: 'staff', id: 'staff-of-the-test' };
const isDocumentMail = (mail: SentMail) => mail.subject.startsWith('Invoice');
const isComment = (mail: SentMail) => mail.subject.startsWith('New comment');
const isReceipt = (mail: SentMail) => mail.subject.includes('Payment');
const receipt = (docId: string) => ({ docId, paymentId: 'pay_lane', amount: 1234, currency: 'EUR', date: '2026-03-31', balance: 10666 });

/** Waits until every effect of the event is marked done. */
const effectsDone = (event: OutboxEvent, count: number) =>
  waitFor(
    () => `${count} effects of ${event.id} done`,
    async () => {
      const markers = await effectMarkers(event);
      return markers.length === count && markers.every((marker) => marker.status === 'done') ? markers : undefined;
    },
    10_000,
  );

describe('consumer lane', () => {
  it('mails a sent document to the persons the event names who still have portal access', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id, 2);
    const [kept, revoked, never] = [contact.persons[0]!, contact.persons[1]!, contact.persons[2]!];
    // Sent while nobody has access: the send itself mails no one.
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, { dueDate: '2099-05-31' });
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
      personIds: [kept.id, revoked.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
    });
    expect((await api.delete(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access/${revoked.id}`)).status).toBe(204);

    const event = newOutboxEvent(org.id, 'document.sent', staff, { docId: invoice.id, recipients: [kept.id, revoked.id, never.id] });
    await emit(event);
    const [mail] = await waitForMails(kept.email, 1, 10_000, isDocumentMail);
    expect(mail!.subject).toBe('Invoice INV-000001 from Acme Supplies');
    expect(mail!.body.text).toContain('Total: €119.00\nDue date: 31 May 2099\n');
    expect(await effectsDone(event, 1)).toEqual([{ SK: `EFFECT#document-sent#${kept.id}`, status: 'done' }]);
    for (const person of [revoked, never]) expect((await mailsTo(person.email)).filter(isDocumentMail)).toEqual([]);
  });

  it("sends staff comments and receipts to the contact's portal persons and a portal comment to the document's creator", async () => {
    const { org, api, contact } = await portalSetup(1);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const person = contact.persons[0]!;
    await emit(
      newOutboxEvent(org.id, 'comment.created', staff, {
        docId: invoice.id,
        commentId: 'cmt_staff',
        author: { type: 'staff', name: 'Sam' },
        body: 'Sent <b>today</b>',
      }),
      newOutboxEvent(org.id, 'payment.received', staff, receipt(invoice.id)),
      newOutboxEvent(
        org.id,
        'comment.created',
        { type: 'portal', id: person.id, name: person.name },
        { docId: invoice.id, commentId: 'cmt_portal', author: { type: 'portal', name: person.name }, body: 'Can we pay in two parts?' },
      ),
    );
    for (const recipient of contact.persons) {
      const [comment] = await waitForMails(recipient.email, 1, 10_000, isComment);
      expect(comment!.body.html).toContain('Sent &lt;b&gt;today&lt;/b&gt;');
      const [paid] = await waitForMails(recipient.email, 1, 10_000, isReceipt);
      expect(paid!.body.text).toContain('Amount received: €12.34\n');
      expect(paid!.body.text).toContain('31 March 2026');
      expect(paid!.body.text).toContain('Balance due: €106.66\n');
    }
    const creator = (await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`)).body.createdBy.email as string;
    const [toStaff] = await waitForMails(creator, 1, 10_000, isComment);
    expect(toStaff!.body.text).toContain('Can we pay in two parts?');
  });

  it('runs each effect of an event once, and retries only the one that failed', async () => {
    const { org, api, contact } = await portalSetup(1);
    const second = contact.persons[1]!;
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    for (const person of contact.persons) await waitForMails(person.email, 1, 10_000, isDocumentMail);
    await rejectNextMails(second.email, 2);
    // Paid in full: the checkout-expiry effect runs too (no open checkouts: nothing to expire) and settles at once.
    const event = newOutboxEvent(org.id, 'payment.received', staff, { ...receipt(invoice.id), balance: 0 });
    await emit(event);
    expect(await waitForMails(second.email, 1, 10_000, isReceipt)).toHaveLength(1);
    const run = (name: string) => effectRun(event, name);
    await waitFor(
      () => 'the notifications run done',
      async () => (await run('notifications'))?.status === 'done',
      10_000,
    );
    expect(await run('notifications')).toEqual({ status: 'done', attempts: 3 });
    expect(await run('checkoutExpiry')).toEqual({ status: 'done', attempts: 1 });
    expect(deadLettered(event.id)).toBe(false);
  });

  it('retries a failed email and sends every recipient exactly one', async () => {
    const { org, api, contact } = await portalSetup(1);
    const [first, second] = [contact.persons[0]!, contact.persons[1]!];
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    // The document's own mails first, so the rejection is the receipt's.
    for (const person of contact.persons) await waitForMails(person.email, 1, 10_000, isDocumentMail);
    await rejectNextMails(second.email, 1);

    const event = newOutboxEvent(org.id, 'payment.received', staff, receipt(invoice.id));
    await emit(event);
    // The first recipient's receipt goes out, the second's is rejected and fails the record; the retry skips the first.
    expect(await waitForMails(second.email, 1, 10_000, isReceipt)).toHaveLength(1);
    expect(await rejectionsLeft(second.email)).toBe(0);
    expect((await mailsTo(first.email)).filter(isReceipt)).toHaveLength(1);
    const markers = (await effectsDone(event, 2)).map((marker) => marker.SK);
    expect(markers.sort()).toEqual([first, second].map((person) => `EFFECT#payment-receipt#${person.id}`).sort());
    expect(deadLettered(event.id)).toBe(false);
  });

  it("puts a malformed event in the lane's dead letters and an unresolvable one in its effect's, after the retries, and moves on", async () => {
    const { org, api, contact } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const malformed = newOutboxEvent(org.id, 'payment.received', staff, { docId: invoice.id } as never);
    const unknownDocument = newOutboxEvent(org.id, 'document.sent', staff, { docId: 'doc_missing', recipients: [] });
    await emit(malformed);
    await emit(unknownDocument);
    expect(await waitForDeadLetter(malformed.id, 10_000, 'dispatcher')).toMatchObject({
      consumer: 'dispatcher',
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: streamDelivery.retryAttempts + 1 },
      DDBStreamBatchInfo: { batchSize: 1 },
      record: { eventName: 'INSERT', eventSourceARN: expect.stringContaining('/stream/') },
    });
    expect(await waitForDeadLetter(unknownDocument.id, 10_000, 'notifications')).toMatchObject({
      effect: 'notifications',
      attempts: streamDelivery.retryAttempts + 1,
      error: 'NotFound',
      event: { id: unknownDocument.id, eventType: 'document.sent', orgId: org.id, data: { docId: 'doc_missing' } },
    });
    // The letter is sent before the run is settled (so a failed send leaves it to retry): wait for the settling.
    const settled = await waitFor(
      () => 'the run to settle',
      async () => {
        const run = await effectRun(unknownDocument, 'notifications');
        return run?.status === 'pending' ? undefined : run;
      },
      10_000,
    );
    expect(settled).toEqual({ status: 'dead-lettered', attempts: 6 });
    const later = newOutboxEvent(org.id, 'payment.received', staff, receipt(invoice.id));
    await emit(later);
    expect(await waitForMails(contact.persons[0]!.email, 1, 10_000, isReceipt)).toHaveLength(1);
  });
});
