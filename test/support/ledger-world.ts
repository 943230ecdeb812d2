import type Stripe from 'stripe';
import { expect } from 'vitest';
import { listDocumentEntries } from '../../functions/core/ledger/repository.ts';
import { getAppliedPayment } from '../../functions/core/online-payments/repository.ts';
import { as } from './api.ts';
import { newContact } from './contacts.ts';
import { creditEntries as readCreditEntries } from './credits.ts';
import { connectedOrganization, enableOnlinePayments } from './online-payments.ts';
import { CHOSEN_PASSWORD, signedIn } from './portal.ts';
import { newOrganization } from './staff.ts';
import { control, deliveries, platformStripe } from './stripe.ts';
import { waitFor } from './wait.ts';

/**
 * The real side of the ledger's model test: an organization connected to the
 * Stripe double, a fresh customer per sequence, webhook deliveries waited for
 * by their recorded answers, and the invariants read back over HTTP, from the
 * table and from the double.
 */

type Api = ReturnType<typeof as>;
export type Kind = 'invoice' | 'retainer-invoice';
export const kindPath: Record<Kind, string> = { invoice: 'invoices', 'retainer-invoice': 'retainer-invoices' };

/**
 * One organization with its own connected account, taking part payments
 * online, in its own time zone: the delivery rules of one sequence touch only
 * its account, and its days turn at its own midnight.
 */
export interface Shop {
  orgId: string;
  portalName: string;
  api: Api;
  accountId: string;
  timeZone: string;
}

export async function newShop(timeZone: string): Promise<Shop> {
  const { org, api } = await newOrganization();
  const accountId = await connectedOrganization(api, org.id);
  await enableOnlinePayments(api, org.id, { allowPartial: true, minimumPartial: null });
  const zoned = await api.patch(`/v1/orgs/${org.id}`, { timeZone });
  if (zoned.status !== 200) throw new Error(`setting the time zone failed: ${zoned.status} ${JSON.stringify(zoned.body)}`);
  return { orgId: org.id, portalName: org.portalName, api, accountId, timeZone };
}

/** The shop's today, read with Intl as the test's own clock sees it. */
export const todayOf = (shop: Pick<Shop, 'timeZone'>) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: shop.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

// ---- The model: what Portico should show, as plain data ----

export interface DocState {
  id: string;
  kind: Kind;
  number: string;
  /** The number's sequence: ties of due and issue dates are paid in this order. */
  sequence: number;
  total: number;
  paid: number;
  voided: boolean;
  issueDate: string;
  dueDate: string;
  /** The mark a lost dispute leaves; `unknown` once a later dispute of another payment touched the document. */
  dispute?: { id: string; status: 'lost' } | 'unknown';
}

/** What one payment intent left on one document and on the contact's credit (what can still be given back from each). */
export interface Share {
  docId: string;
  onDocument: number;
  onCredit: number;
  /** Money reached the document at first: it has a payment staff can refund. */
  applied: boolean;
  paymentId?: string;
}

export interface IntentState {
  id: string;
  chargeId: string;
  sessionId: string;
  received: number;
  /** What Stripe refunded of the charge. */
  refunded: number;
  dispute?: { id: string; status: 'won' | 'lost' };
  shares: Share[];
}

export interface LedgerModel {
  docs: DocState[];
  /** The contact's credit in EUR: negative is owed. */
  credit: number;
  intents: IntentState[];
  /** Commands run in this sequence (for the figures). */
  steps: number;
}

export const emptyModel = (): LedgerModel => ({ docs: [], credit: 0, intents: [], steps: 0 });

export const balanceOf = (doc: DocState) => doc.total - doc.paid;
export const isOpen = (doc: DocState) => !doc.voided && doc.paid < doc.total;
/** What Stripe still holds of a payment: a lost dispute took everything that was left. */
export const stripeLeft = (intent: IntentState) => (intent.dispute?.status === 'lost' ? 0 : intent.received - intent.refunded);
export const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The status Portico derives from the amounts and dates (never viewed in the portal here). */
export function expectedStatus(doc: DocState, today: string): string {
  if (doc.voided) return 'void';
  if (doc.paid >= doc.total) return 'paid';
  if (doc.dueDate < today) return 'overdue';
  return doc.paid > 0 ? 'partially_paid' : 'sent';
}

/** Oldest due date first, then issue date, then number: how a checkout spreads an amount. */
export function allocate(docs: readonly DocState[], amount: number): { doc: DocState; amount: number }[] {
  const ordered = [...docs].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.sequence - b.sequence);
  let left = amount;
  const allocations: { doc: DocState; amount: number }[] = [];
  for (const doc of ordered) {
    const share = Math.min(left, balanceOf(doc));
    if (share > 0) allocations.push({ doc, amount: share });
    left -= share;
  }
  return allocations;
}

/** Money leaving a document; a retainer invoice's money was credit, so it leaves the credit too. */
export function takeOffDocument(model: LedgerModel, doc: DocState, amount: number) {
  doc.paid -= amount;
  if (doc.kind === 'retainer-invoice') model.credit -= amount;
}

/** Money reaching a document; a retainer invoice's money becomes credit. */
export function putOnDocument(model: LedgerModel, doc: DocState, amount: number) {
  doc.paid += amount;
  if (doc.kind === 'retainer-invoice') model.credit += amount;
}

// ---- One sequence's customer ----

export type Delivery = { mode: 'normal' } | { mode: 'duplicate'; copies: number } | { mode: 'reorder' } | { mode: 'delay'; delayMs: number };

export class Customer {
  /** Events whose deliveries were all answered 2xx, or that were there before this sequence. */
  private readonly settled = new Set<string>();
  /** How many deliveries an event gets (a duplicate rule sends several). */
  private readonly copies = new Map<string, number>();
  private readonly since: number;
  /** The shop's today when the sequence began: its money is dated from then to the shop's today. */
  readonly startedOn: string;

  private constructor(
    readonly shop: Shop,
    readonly contactId: string,
    private readonly signingIn: Promise<Api>,
  ) {
    this.since = Math.floor(Date.now() / 1000) - 1;
    this.startedOn = todayOf(shop);
  }

  /** A fresh contact of the shop; its person's portal access and sign-in run meanwhile, and are waited for on the first online payment. */
  static async create(shop: Shop): Promise<Customer> {
    const contact = await newContact(shop.api, shop.orgId);
    const person = contact.persons[0]!;
    const signingIn = (async () => {
      const enabled = await shop.api.post(`/v1/orgs/${shop.orgId}/contacts/${contact.id}/portal-access`, {
        personIds: [person.id],
        password: CHOSEN_PASSWORD,
        passwordPermanent: true,
      });
      if (enabled.status !== 200) throw new Error(`portal access: ${enabled.status} ${JSON.stringify(enabled.body)}`);
      return as((await signedIn(shop.portalName, person.email, CHOSEN_PASSWORD)).idToken);
    })();
    signingIn.catch(() => {});
    const customer = new Customer(shop, contact.id, signingIn);
    for (const event of await customer.events()) customer.settled.add(event.id);
    return customer;
  }

  get api() {
    return this.shop.api;
  }

  person(): Promise<Api> {
    return this.signingIn;
  }

  /** Nothing of this sequence is left running. */
  async close() {
    await this.signingIn.catch(() => {});
  }

  docPath(doc: Pick<DocState, 'id' | 'kind'>) {
    return `/v1/orgs/${this.shop.orgId}/${kindPath[doc.kind]}/${doc.id}`;
  }

  readonly stripeAccount = () => ({ stripeAccount: this.shop.accountId });

  /** The account's events since this sequence began, newest first. */
  private async events(): Promise<Stripe.Event[]> {
    return (await platformStripe().events.list({ created: { gte: this.since }, limit: 100 }, this.stripeAccount())).data;
  }

  /**
   * Runs `act` while the account's events of `types` are delivered as `delivery`
   * says; the rule ends afterwards, which sends what a reorder rule held
   * (newest first).
   */
  async delivering<T>(delivery: Delivery, types: string[], act: () => Promise<T>): Promise<T> {
    if (delivery.mode === 'normal') return act();
    const { mode } = delivery;
    await control('POST', '/delivery/rules', {
      mode,
      account: this.shop.accountId,
      types,
      ...(delivery.mode === 'duplicate' && { copies: delivery.copies }),
      ...(delivery.mode === 'delay' && { delayMs: delivery.delayMs }),
    });
    try {
      return await act();
    } finally {
      await control('DELETE', `/delivery/rules?account=${this.shop.accountId}`);
      if (delivery.mode === 'duplicate')
        for (const event of await this.events()) if (!this.settled.has(event.id) && types.includes(event.type)) this.copies.set(event.id, delivery.copies);
    }
  }

  /**
   * Waits until the expected events exist and every event of the sequence has
   * all its deliveries answered (the webhook applies an event before it
   * answers): the positive signal that the effects have settled. An event
   * answered anything but 2xx fails the step.
   */
  async settle(expected: { type: string; objectId: string }[]) {
    let waiting = '';
    await waitFor(
      () => `Stripe deliveries (${waiting})`,
      async () => {
        const events = await this.events();
        const missing = expected.find(
          (want) => !events.some((event) => event.type === want.type && (event.data.object as { id: string }).id === want.objectId),
        );
        if (missing) {
          waiting = `no ${missing.type} of ${missing.objectId} yet`;
          return undefined;
        }
        for (const event of events) {
          if (this.settled.has(event.id)) continue;
          const made = await deliveries({ event: event.id });
          const failed = made.find((delivery) => delivery.status === null || delivery.status >= 300);
          if (failed) throw new Error(`Stripe event ${event.type} ${event.id} was answered ${failed.status ?? failed.error}`);
          const wanted = this.copies.get(event.id) ?? 1;
          if (made.length < wanted) {
            waiting = `${event.type} ${event.id}: ${made.length} of ${wanted} deliveries`;
            return undefined;
          }
          this.settled.add(event.id);
        }
        return true;
      },
      20_000,
    );
  }
}

// ---- The invariants ----

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Checks, once the effects have settled: every document's amounts are the sum
 * of its ledger entries, within its total, and what the model says; the
 * contact's credit is the sum of its entries, shown as owed only below zero,
 * and what the model says; money in at Stripe less refunds and lost disputes
 * is the money Portico recorded for each payment, on documents and credit;
 * nothing stays reserved; the statement closes at the open balances.
 */
export async function verifyLedger(customer: Customer, model: LedgerModel) {
  const { api, shop, contactId } = customer;
  const today = todayOf(shop);
  const datedToday = (date: string) => date >= customer.startedOn && date <= today;
  const stripe = platformStripe();
  const [documents, credits, creditEntries, statement, payments] = await Promise.all([
    Promise.all(
      model.docs.map(async (doc) => {
        const [read, entries] = await Promise.all([api.get(customer.docPath(doc)), listDocumentEntries(shop.orgId, doc.id)]);
        return { doc, body: read.body, entries };
      }),
    ),
    api.get(`/v1/orgs/${shop.orgId}/contacts/${contactId}/credits`),
    readCreditEntries(api, shop.orgId, contactId, 'EUR'),
    api.get(`/v1/orgs/${shop.orgId}/contacts/${contactId}/statement?from=2000-01-01`),
    Promise.all(
      model.intents.map(async (intent) => {
        const [paid, charge, refunds, dispute, applied] = await Promise.all([
          stripe.paymentIntents.retrieve(intent.id, {}, customer.stripeAccount()),
          stripe.charges.retrieve(intent.chargeId, {}, customer.stripeAccount()),
          stripe.refunds.list({ payment_intent: intent.id, limit: 100 }, customer.stripeAccount()),
          intent.dispute ? stripe.disputes.retrieve(intent.dispute.id, {}, customer.stripeAccount()) : undefined,
          Promise.all(intent.shares.map((share) => getAppliedPayment(shop.orgId, intent.id, share.docId))),
        ]);
        return { intent, paid, charge, refunds: refunds.data, dispute, applied };
      }),
    ),
  ]);

  // Documents: amounts are the sum of their entries, within the total, as the model says.
  for (const { doc, body, entries } of documents) {
    const what = `${doc.number} (${doc.id})`;
    expect(body.amountPaid, `${what}: amountPaid is the sum of its ledger entries`).toBe(sum(entries.map((entry) => entry.amount)));
    for (const entry of entries) expect(datedToday(entry.date), `${what}: ${entry.id} dated ${entry.date}, the shop's today ${today}`).toBe(true);
    expect(body.balance, `${what}: balance`).toBe(body.total - body.amountPaid);
    expect(body.balance >= 0 && body.balance <= body.total, `${what}: 0 ≤ balance ${body.balance} ≤ total ${body.total}`).toBe(true);
    expect({ amountPaid: body.amountPaid, status: body.status }, `${what}: as the model says`).toEqual({
      amountPaid: doc.paid,
      status: expectedStatus(doc, today),
    });
    if (doc.dispute && doc.dispute !== 'unknown')
      expect(body.dispute, `${what}: the lost dispute's mark`).toMatchObject({ disputeId: doc.dispute.id, status: 'lost' });
    // Every dispute of a step is closed within it: none stays marked open.
    expect(body.dispute?.status, `${what}: dispute mark`).not.toBe('open');
  }
  const entriesOf = new Map(documents.map(({ doc, entries }) => [doc.id, entries]));

  // Credit: the sum of its entries; below zero only as owed; as the model says.
  expect(credits.status).toBe(200);
  const credit = (credits.body.items as { currency: string; available: number; owed: number }[]).find((item) => item.currency === 'EUR');
  const creditBalance = credit ? credit.available - credit.owed : 0;
  for (const entry of creditEntries as { id?: string; date?: string }[])
    expect(datedToday(entry.date!), `credit ${entry.id} dated ${entry.date}, the shop's today ${today}`).toBe(true);
  expect(credit ? Math.min(credit.available, credit.owed) : 0, 'credit is either available or owed').toBe(0);
  expect(creditBalance, 'credit is the sum of its entries').toBe(sum(creditEntries.map((entry) => entry.amount)));
  expect(creditBalance, 'credit as the model says').toBe(model.credit);

  // Stripe: what each payment brought in, less refunds and a lost dispute, is what Portico recorded for it.
  for (const { intent, paid, charge, refunds, dispute, applied } of payments) {
    const lost = dispute?.status === 'lost' ? dispute.amount : 0;
    const atStripe = paid.amount_received - charge.amount_refunded - lost;
    const sources = new Set([intent.id, ...refunds.map((refund) => refund.id), ...(dispute ? [dispute.id] : [])]);
    const invoices = model.docs.filter((doc) => doc.kind === 'invoice').map((doc) => doc.id);
    // A retainer invoice's money is also credit: counted once, on the credit.
    const onInvoices = sum(
      invoices.flatMap((docId) => (entriesOf.get(docId) ?? []).filter((entry) => sources.has(entry.source.id)).map((entry) => entry.amount)),
    );
    const onCredit = sum(creditEntries.filter((entry) => sources.has(entry.source.id)).map((entry) => entry.amount));
    expect(onInvoices + onCredit, `${intent.id}: recorded = received ${paid.amount_received} − refunded ${charge.amount_refunded} − lost ${lost}`).toBe(
      atStripe,
    );
    expect(atStripe, `${intent.id}: at Stripe, as the model says`).toBe(sum(intent.shares.map((share) => share.onDocument + share.onCredit)));
    intent.shares.forEach((share, index) => {
      const record = applied[index];
      expect(record, `${intent.id} on ${share.docId}: recorded`).toBeDefined();
      expect(
        {
          onDocument: record!.amount - record!.refunded - record!.reversed,
          onCredit: record!.credited - (record!.creditTakenBack ?? 0),
          refundRequested: record!.refundRequested,
        },
        `${intent.id} on ${share.docId}: what is left, nothing reserved`,
      ).toEqual({ onDocument: share.onDocument, onCredit: share.onCredit, refundRequested: 0 });
    });
  }

  // The statement closes at the open balances (and its aging agrees).
  expect(statement.status).toBe(200);
  const open = sum(model.docs.filter((doc) => !doc.voided).map(balanceOf));
  expect({ closingBalance: statement.body.closingBalance, aging: statement.body.aging.total }, 'statement').toEqual({ closingBalance: open, aging: open });
}
