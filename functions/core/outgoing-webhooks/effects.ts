import { getDocument } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { NotFound } from '../errors.ts';
import type { EffectsOf } from '../outbox/consumer.ts';
import type { OutboxEvent } from '../outbox/events.ts';
import { attemptDelivery } from './delivery.ts';
import { createDelivery, getDelivery, listEndpoints } from './repository.ts';
import type { WebhookDelivery, WebhookEventType } from './schema.ts';

/** What a receiver learns of a document: enough to find it through the API, never the portal's secrets. */
const documentSummary = (document: StoredDocument) => ({
  id: document.id,
  kind: document.kind,
  number: document.number,
  status: document.status,
  contactId: document.contactId,
  currency: document.currency,
  total: document.total,
  balance: document.balance,
  issueDate: document.issueDate,
  dueDate: document.dueDate ?? null,
});

async function documentOf(event: OutboxEvent & { data: { docId: string } }, docId = event.data.docId) {
  const document = await getDocument(event.orgId, docId);
  if (!document) throw new NotFound('Document');
  return document;
}

/**
 * The message id of one public event of an outbox event: the same on every
 * redelivery of the outbox event (so one delivery per endpoint), sorting by
 * the event's time (so the log lists newest first).
 */
const messageId = (event: OutboxEvent, index: number) => `msg_${Date.parse(event.at).toString(36).padStart(9, '0')}_${event.id.replace(/^evt_/, '')}_${index}`;

/**
 * Publishes the public events of an outbox event to every enabled endpoint
 * subscribed to them: one delivery per message and endpoint, attempted at once;
 * what fails is left to the retry sweep (functions/schedules/retry-webhooks.ts).
 */
async function publish(event: OutboxEvent, messages: { type: WebhookEventType; data: unknown }[]) {
  if (messages.length === 0) return;
  const endpoints = (await listEndpoints(event.orgId)).filter((endpoint) => endpoint.status === 'enabled');
  for (const [index, message] of messages.entries()) {
    const id = messageId(event, index);
    const payload = JSON.stringify({ id, type: message.type, createdAt: event.at, orgId: event.orgId, data: message.data });
    // Endpoints side by side: one slow receiver must not hold the others (or the stream) for long.
    const subscribed = endpoints.filter((candidate) => candidate.events.includes(message.type));
    await Promise.all(
      subscribed.map(async (endpoint) => {
        const delivery: WebhookDelivery = {
          id,
          endpointId: endpoint.id,
          orgId: event.orgId,
          eventType: message.type,
          payload,
          status: 'pending',
          attempts: [],
          createdAt: event.at,
        };
        const existing = (await createDelivery(delivery)) ? delivery : await getDelivery(event.orgId, endpoint.id, id);
        // A redelivered outbox event finds its delivery attempted already: the sweep owns it now.
        if (existing && existing.attempts.length === 0) await attemptDelivery(existing);
      }),
    );
  }
}

/** The outgoing webhooks the outbox events call for. */
export const webhookEffects: EffectsOf<'webhooks'> = {
  'document.sent': async (event) => {
    const document = await documentOf(event);
    await publish(event, document.kind === 'invoice' ? [{ type: 'invoice.sent', data: { document: documentSummary(document) } }] : []);
  },
  'payment.received': async (event) => {
    const document = await documentOf(event);
    const { paymentId, amount, currency, date, balance } = event.data;
    await publish(event, [
      { type: 'payment.received', data: { payment: { id: paymentId, amount, currency, date }, document: documentSummary(document) } },
      ...(balance === 0 && document.kind === 'invoice' ? [{ type: 'invoice.paid' as const, data: { document: documentSummary(document) } }] : []),
    ]);
  },
  'payment.refunded': async (event) => {
    const document = await documentOf(event);
    await publish(event, [
      { type: 'payment.refunded', data: { refund: { amount: event.data.amount, currency: event.data.currency }, document: documentSummary(document) } },
    ]);
  },
  'credit_note.issued': async (event) => {
    const { invoiceId, amount, applied, credited, currency } = event.data;
    const [creditNote, invoice] = await Promise.all([documentOf(event), invoiceId ? documentOf(event, invoiceId) : undefined]);
    const data = { creditNote: documentSummary(creditNote), invoice: invoice ? documentSummary(invoice) : null, amount, applied, credited, currency };
    await publish(event, [{ type: 'credit_note.issued', data }]);
  },
  'comment.created': async (event) => {
    const { docId, commentId, author, body } = event.data;
    await publish(event, [{ type: 'comment.created', data: { comment: { id: commentId, docId, author, body } } }]);
  },
};
