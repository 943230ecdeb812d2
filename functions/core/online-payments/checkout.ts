import { createHash } from 'node:crypto';
import { actorRef } from '../access/actor.ts';
import type { PortalContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { compareCodePoints } from '../compare.ts';
import { transact } from '../db/transact.ts';
import { kindLabels } from '../documents/kinds.ts';
import { getDocuments } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { Conflict, Forbidden, StaleWrite, Unprocessable } from '../errors.ts';
import { chargeAmount } from '../money/stripe-amounts.ts';
import { onlinePayments, portalUrl } from '../orgs/view.ts';
import { newOutboxEvent, outboxStep } from '../outbox/repository.ts';
import { createCheckoutSession } from '../stripe/checkout.ts';
import { allocateOldestDueFirst } from './allocation.ts';
import { currentConnection } from './connection.ts';
import { expireCheckout } from './expiry.ts';
import { withStarted } from './open-checkouts.ts';
import { isOpenForPayment, payableDocuments } from './payable.ts';
import type { Allocation, CheckoutRecord } from './records.ts';
import { getCheckoutRecord, getCheckoutRecords, getPersonCheckouts, listDocumentCheckouts, putCheckoutSteps, putPersonCheckoutsStep } from './repository.ts';

/** A session this close to Stripe's expiry is not handed out again: the person would land on an expired page. */
const REUSE_MARGIN_SECONDS = 10 * 60;

export interface CheckoutRequest {
  docIds: readonly string[];
  /** Minor units; the balances when absent. */
  amount?: number;
  /** The client's `Idempotency-Key`, if it sent one. */
  idempotencyKey?: string;
}

/**
 * A Stripe Checkout Session on the organization's own account for one or
 * several of the person's documents: their balances, or an allowed partial
 * amount spread oldest due date first. Everything that can be refused is
 * refused before Stripe is called. An open session for the same documents and
 * amounts is handed out again (`reused`) instead of a second one.
 */
export async function startCheckout(person: PortalContext, request: CheckoutRequest) {
  if (!person.permissions.includes('pay')) throw new Forbidden('FORBIDDEN', 'You may not pay online for this customer.');
  const settings = onlinePayments(person.organization);
  if (!settings.enabled) throw new Unprocessable('ONLINE_PAYMENTS_DISABLED', `${person.organization.name} does not take online payments.`);
  const documents = await payableDocuments(person, request.docIds);
  const currency = documents[0]!.currency;
  const allocations = allocateOldestDueFirst(documents.map(payable), checkedAmount(documents, request.amount, settings));
  const total = allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  chargeAmount(total, currency);
  const connection = await currentConnection(person.orgId);
  if (!connection?.chargesEnabled) throw new Unprocessable('STRIPE_NOT_READY', `${person.organization.name} cannot take online payments yet.`);

  const known = await listDocumentCheckouts(person.orgId, allocations[0]!.docId);
  const open = await reusable(
    person,
    allocations,
    known.map((checkout) => checkout.sessionId),
  );
  if (open) return started(open, true);

  const portal = portalUrl(person.portalName)!;
  const byId = new Map(documents.map((document) => [document.id, document]));
  const session = await createCheckoutSession({
    accountId: connection.accountId,
    currency,
    lines: allocations.map((allocation) => ({ name: lineName(byId.get(allocation.docId)!), amount: allocation.amount })),
    successUrl: `${portal}/payments/return?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${portal}/payments/cancel?session_id={CHECKOUT_SESSION_ID}`,
    metadata: { orgId: person.orgId, contactId: person.contactId, ...(allocations.length === 1 && { docId: allocations[0]!.docId }) },
    clientReferenceId: person.personId,
    customerEmail: person.person.email,
    // A repeat of this request (a retry, a double click) gets the same session; once that one is
    // known, the next request for the same documents is a new attempt with a new key.
    idempotencyKey: idempotencyKey(person, allocations, request.idempotencyKey, known.length),
  });
  const record: CheckoutRecord = {
    sessionId: session.sessionId,
    orgId: person.orgId,
    accountId: connection.accountId,
    contactId: person.contactId,
    personId: person.personId,
    currency,
    allocations,
    total,
    status: 'open',
    url: session.url ?? '',
    createdAt: clock.iso(),
    sessionExpiresAt: Math.floor(new Date(session.expiresAt).getTime() / 1000),
  };
  const stored = await storeCheckout(person, record);
  if (stored !== record) return started(stored, true);
  await expireIfOvertaken(person, record);
  return started(record, false);
}

/** Attempts at storing a checkout while other checkouts of the same person change their list of open ones. */
const STORE_ATTEMPTS = 3;

/**
 * Stores a new checkout in one transaction with the person's open sessions
 * (at most MAX_OPEN_CHECKOUTS_PER_PERSON, on the list's version) and the
 * `checkout.started` event, whose effect expires at Stripe what it replaces:
 * older open sessions paying one of its documents, and the person's oldest
 * beyond the limit. A concurrent copy of the request (the same, replayed
 * session) finds the copy stored first and answers that; another checkout
 * of the same person stored meanwhile makes it count again.
 */
async function storeCheckout(person: PortalContext, record: CheckoutRecord): Promise<CheckoutRecord> {
  for (let attempt = 1; ; attempt++) {
    const list = await getPersonCheckouts(person.orgId, person.personId);
    const listed = await getCheckoutRecords(
      person.orgId,
      (list?.sessions ?? []).map((session) => session.sessionId),
    );
    const { open, expire } = withStarted(listed, record, clock.epochSeconds());
    try {
      await transact([
        ...putCheckoutSteps(record),
        putPersonCheckoutsStep({ orgId: person.orgId, personId: person.personId, sessions: open, version: (list?.version ?? 0) + 1 }, list?.version),
        outboxStep(newOutboxEvent(person.orgId, 'checkout.started', actorRef(person), { sessionId: record.sessionId, expire })),
      ]);
      return record;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      const stored = await getCheckoutRecord(person.orgId, record.sessionId);
      if (stored) return stored;
      if (!(error instanceof StaleWrite) || attempt === STORE_ATTEMPTS) throw error;
    }
  }
}

/**
 * A document voided or paid in full while its session was being made: the
 * void's or payment's expiry of open sessions may have run before this one
 * was stored, so it is expired here. Whichever commits last sees the other:
 * a change after this read finds the stored session and expires it itself.
 */
async function expireIfOvertaken(person: PortalContext, record: CheckoutRecord): Promise<void> {
  const documents = await getDocuments(
    person.orgId,
    record.allocations.map((allocation) => allocation.docId),
  );
  const on = todayIn(person.organization);
  if (documents.every((document) => document && isOpenForPayment(document, on))) return;
  await expireCheckout(record);
  throw new Conflict('DOCUMENT_NOT_OPEN', 'A document was paid or voided while its payment was being prepared; there is nothing left to pay.');
}

/** The amount asked for, within the rules: at most the balances; less only when the organization allows partial payments, and not below its minimum. */
function checkedAmount(documents: StoredDocument[], amount: number | undefined, settings: ReturnType<typeof onlinePayments>): number | undefined {
  const balance = documents.reduce((sum, document) => sum + document.balance, 0);
  if (amount === undefined || amount === balance) return amount;
  if (amount > balance) throw new Unprocessable('AMOUNT_ABOVE_BALANCE', `The amount is more than the balance of ${balance}.`, { field: 'amount', balance });
  if (!settings.allowPartial) throw new Unprocessable('PARTIAL_PAYMENT_NOT_ALLOWED', 'Only the full balance can be paid online.', { field: 'amount', balance });
  if (settings.minimumPartial !== null && amount < settings.minimumPartial) {
    throw new Unprocessable('AMOUNT_BELOW_PARTIAL_MINIMUM', `A part payment must be at least ${settings.minimumPartial}.`, {
      field: 'amount',
      minimum: settings.minimumPartial,
    });
  }
  return amount;
}

/** What the person is sent to; `reused` when it is a session handed out before. */
const started = (checkout: CheckoutRecord, reused: boolean) => ({ url: checkout.url, sessionId: checkout.sessionId, reused });

const payable = (document: StoredDocument) => ({
  docId: document.id,
  balance: document.balance,
  issueDate: document.issueDate,
  dueDate: document.dueDate,
  sequence: document.sequence,
});

const lineName = (document: StoredDocument) => `${kindLabels[document.kind]} ${document.number}`;

const sameAllocations = (a: readonly Allocation[], b: readonly Allocation[]) => {
  const key = (allocations: readonly Allocation[]) => JSON.stringify([...allocations].sort((x, y) => compareCodePoints(x.docId, y.docId)));
  return key(a) === key(b);
};

/** This person's open session for exactly these documents and amounts, if one is still good for a while. */
async function reusable(person: PortalContext, allocations: Allocation[], sessionIds: string[]): Promise<CheckoutRecord | undefined> {
  if (sessionIds.length === 0) return undefined;
  const records = await getCheckoutRecords(person.orgId, sessionIds);
  const lastsUntil = clock.epochSeconds() + REUSE_MARGIN_SECONDS;
  return records.find(
    (record) =>
      record.status === 'open' &&
      // Completed at Stripe (a bank payment pending or failed): that session cannot take money again.
      record.paymentStatus === undefined &&
      record.personId === person.personId &&
      record.sessionExpiresAt > lastsUntil &&
      sameAllocations(record.allocations, allocations),
  );
}

function idempotencyKey(person: PortalContext, allocations: Allocation[], clientKey: string | undefined, attempt: number): string {
  const request = JSON.stringify({ org: person.orgId, person: person.personId, allocations, clientKey: clientKey ?? null, attempt });
  return `checkout-${createHash('sha256').update(request).digest('hex')}`;
}
