import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocate,
  balanceOf,
  Customer,
  type Delivery,
  type DocState,
  daysFrom,
  emptyModel,
  type IntentState,
  isOpen,
  type Kind,
  kindPath,
  type LedgerModel,
  newShop,
  putOnDocument,
  type Share,
  type Shop,
  stripeLeft,
  takeOffDocument,
  todayOf,
  verifyLedger,
} from '../support/ledger-world.ts';
import { asStripeFunction } from '../support/online-payments.ts';
import { control, platformStripe } from '../support/stripe.ts';

/**
 * A model-based test of the ledger: random short sequences of payments
 * (offline, online for one or several documents, raced by another payment or
 * a void), refunds (staff's, concurrent, or made in Stripe's dashboard),
 * disputes won and lost in either event order, credit applied and voids, with
 * webhook deliveries duplicated, reordered or delayed, against the real local
 * runtime and the Stripe double. After every step, once Stripe's deliveries
 * are answered, the invariants of docs/ledger.md are read back.
 *
 * Replay a failure in its chain with the seed and path fast-check prints
 * (and the counterexample's replayPath): LEDGER_MODEL_CHAIN=n
 * LEDGER_MODEL_SEED=… LEDGER_MODEL_PATH=… [LEDGER_MODEL_REPLAY=…]
 * npx vitest run test/integration/ledger-model.test.ts
 */

const env = process.env;
/** `npm test` runs these sequences (so a landing never hangs on a sequence nobody has seen); `LEDGER_MODEL_SEED=random` explores new ones. */
const RECORDED_SEED = 1_300_280_170;
const exploring = env.LEDGER_MODEL_SEED === 'random';
const replaying = env.LEDGER_MODEL_SEED !== undefined && !exploring;
const RUNS = Number(env.LEDGER_MODEL_RUNS ?? 200);
const BASE_SEED = replaying ? Number(env.LEDGER_MODEL_SEED) : exploring ? Date.now() % 2 ** 31 : RECORDED_SEED;
/** Each chain's organization keeps its books in another zone: UTC, +05:30, +14 and −11, so its today is often not UTC's. */
const TIME_ZONES = ['UTC', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
/** Sequences run in chains side by side, each with its own organization and connected account; chain n has seed BASE_SEED + n − 1. */
const chains = (
  replaying
    ? [{ number: Number(env.LEDGER_MODEL_CHAIN ?? 1), seed: BASE_SEED }]
    : Array.from({ length: Number(env.LEDGER_MODEL_CHAINS ?? 4) }, (_, index) => ({ number: index + 1, seed: BASE_SEED + index }))
).map((chain) => ({ ...chain, timeZone: TIME_ZONES[(chain.number - 1) % TIME_ZONES.length]! }));
const runsPerChain = Math.ceil(RUNS / chains.length);

const stripe = platformStripe();
const part = (whole: number, percent: number) => Math.max(1, Math.floor((whole * percent) / 100));
const pickFrom = <T>(items: readonly T[], index: number) => items[index % items.length]!;
const docOf = (model: LedgerModel, docId: string) => model.docs.find((doc) => doc.id === docId)!;
/** Stripe's minimum charge in EUR. */
const STRIPE_MINIMUM = 50;

// ---- Real steps shared by commands ----

interface DocSpec {
  kind: Kind;
  total: number;
  issuedDaysAgo: number;
  dueInDays: number;
}

async function createDocument(customer: Customer, spec: DocSpec): Promise<DocState> {
  const issueDate = daysFrom(todayOf(customer.shop), -spec.issuedDaysAgo);
  const dueDate = daysFrom(issueDate, spec.dueInDays);
  const { api, shop } = customer;
  const created = await api.post(`/v1/orgs/${shop.orgId}/${kindPath[spec.kind]}`, {
    contactId: customer.contactId,
    issueDate,
    dueDate,
    lines: [{ description: 'Work', quantity: 1, unitPrice: spec.total }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sent = await api.post(`/v1/orgs/${shop.orgId}/${kindPath[spec.kind]}/${created.body.id}/send`);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const number = created.body.number as string;
  return {
    id: created.body.id,
    kind: spec.kind,
    number,
    sequence: Number(number.split('-')[1]),
    total: spec.total,
    paid: 0,
    voided: false,
    issueDate,
    dueDate,
  };
}

/** The portal person asks to pay documents (the balances, or an amount): the answer. */
async function checkout(customer: Customer, docs: readonly DocState[], amount?: number) {
  const person = await customer.person();
  const base = `/v1/portal/${customer.shop.portalName}`;
  const body = amount === undefined ? {} : { amount };
  return docs.length === 1
    ? person.post(`${base}/documents/${docs[0]!.id}/checkout`, body)
    : person.post(`${base}/checkout`, { docIds: docs.map((doc) => doc.id), ...body });
}

async function startedCheckout(customer: Customer, docs: readonly DocState[], amount?: number): Promise<string> {
  const started = await checkout(customer, docs, amount);
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.sessionId;
}

/** The customer pays a session by card at the double: its payment intent and charge. */
async function pay(sessionId: string) {
  const paid = await control('POST', `/checkout/sessions/${sessionId}/pay`, { method: 'card' });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return paid.body.payment_intent as string;
}

async function intentState(customer: Customer, sessionId: string, paymentIntentId: string, received: number, shares: Share[]): Promise<IntentState> {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId, {}, customer.stripeAccount());
  return { id: paymentIntentId, chargeId: intent.latest_charge as string, sessionId, received, refunded: 0, shares };
}

const completed = (sessionId: string) => ({ type: 'checkout.session.completed', objectId: sessionId });
const refundEvents = (refundId: string) => [
  { type: 'refund.created', objectId: refundId },
  { type: 'refund.updated', objectId: refundId },
];

// ---- Commands ----

abstract class Step implements fc.AsyncCommand<LedgerModel, Customer> {
  abstract check(model: Readonly<LedgerModel>): boolean;
  protected abstract act(model: LedgerModel, customer: Customer): Promise<void>;
  abstract toString(): string;
  async run(model: LedgerModel, customer: Customer) {
    await this.act(model, customer);
    model.steps += 1;
    await verifyLedger(customer, model);
  }
}

class NewDocument extends Step {
  constructor(readonly spec: DocSpec) {
    super();
  }
  check = (model: Readonly<LedgerModel>) => model.docs.length < 4;
  async act(model: LedgerModel, customer: Customer) {
    model.docs.push(await createDocument(customer, this.spec));
  }
  toString = () => `NewDocument(${JSON.stringify(this.spec)})`;
}

class OfflinePayment extends Step {
  constructor(
    readonly pick: number,
    readonly percent: number,
  ) {
    super();
  }
  check = (model: Readonly<LedgerModel>) => model.docs.some(isOpen);
  async act(model: LedgerModel, customer: Customer) {
    const doc = pickFrom(model.docs.filter(isOpen), this.pick);
    const amount = part(balanceOf(doc), this.percent);
    const paid = await customer.api.post(`${customer.docPath(doc)}/payments`, { amount });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    putOnDocument(model, doc, amount);
  }
  toString = () => `OfflinePayment(${this.pick}, ${this.percent}%)`;
}

class OnlinePayment extends Step {
  constructor(
    readonly picks: number[],
    readonly percent: number,
    readonly delivery: Delivery,
  ) {
    super();
  }
  check = (model: Readonly<LedgerModel>) => model.docs.some(isOpen);
  async act(model: LedgerModel, customer: Customer) {
    const open = model.docs.filter(isOpen);
    const docs = [...new Set(this.picks.map((pick) => pickFrom(open, pick)))];
    const owed = docs.reduce((sum, doc) => sum + balanceOf(doc), 0);
    const amount = this.percent >= 100 ? undefined : part(owed, this.percent);
    const paying = amount ?? owed;
    if (paying < STRIPE_MINIMUM) {
      const refused = await checkout(customer, docs, amount);
      expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 422, code: 'AMOUNT_BELOW_MINIMUM' });
      return;
    }
    const sessionId = await startedCheckout(customer, docs, amount);
    const intentId = await customer.delivering(this.delivery, ['checkout.session.completed'], () => pay(sessionId));
    await customer.settle([completed(sessionId)]);
    const shares = allocate(docs, paying).map(({ doc, amount: share }): Share => {
      putOnDocument(model, doc, share);
      return { docId: doc.id, onDocument: share, onCredit: 0, applied: true };
    });
    model.intents.push(await intentState(customer, sessionId, intentId, paying, shares));
  }
  toString = () => `OnlinePayment([${this.picks}], ${this.percent}%, ${JSON.stringify(this.delivery)})`;
}

type Race = 'offline' | 'second-session' | 'void';

/** A checkout overtaken before it is paid: its money must still land, on the document or as credit. */
class RacedPayment extends Step {
  constructor(
    readonly pick: number,
    readonly race: Race,
    readonly percent: number,
    readonly delivery: Delivery,
  ) {
    super();
  }
  private candidates(model: Readonly<LedgerModel>) {
    switch (this.race) {
      case 'offline':
        return model.docs.filter((doc) => isOpen(doc) && balanceOf(doc) > STRIPE_MINIMUM);
      case 'second-session':
        return model.docs.filter((doc) => isOpen(doc) && balanceOf(doc) > STRIPE_MINIMUM);
      case 'void':
        return model.docs.filter((doc) => isOpen(doc) && doc.paid === 0 && doc.total >= STRIPE_MINIMUM);
    }
  }
  check = (model: Readonly<LedgerModel>) => this.candidates(model).length > 0;
  async act(model: LedgerModel, customer: Customer) {
    const doc = pickFrom(this.candidates(model), this.pick);
    const owed = balanceOf(doc);
    const sessionId = await startedCheckout(customer, [doc]);
    if (this.race === 'offline') {
      // Paid offline in part meanwhile: what no longer fits becomes credit.
      const offline = part(owed - 1, this.percent);
      const paid = await customer.api.post(`${customer.docPath(doc)}/payments`, { amount: offline });
      expect(paid.status, JSON.stringify(paid.body)).toBe(201);
      putOnDocument(model, doc, offline);
      const intentId = await customer.delivering(this.delivery, ['checkout.session.completed'], () => pay(sessionId));
      await customer.settle([completed(sessionId)]);
      putOnDocument(model, doc, owed - offline);
      model.credit += offline;
      model.intents.push(
        await intentState(customer, sessionId, intentId, owed, [{ docId: doc.id, onDocument: owed - offline, onCredit: offline, applied: true }]),
      );
    } else if (this.race === 'second-session') {
      // A second session for part of the balance; both paid before either is applied, the second delivered first.
      const partAmount = Math.min(owed - 1, Math.max(STRIPE_MINIMUM, part(owed, this.percent)));
      const second = await startedCheckout(customer, [doc], partAmount);
      const [firstIntent, secondIntent] = await customer.delivering({ mode: 'reorder' }, ['checkout.session.completed'], async () => [
        await pay(sessionId),
        await pay(second),
      ]);
      await customer.settle([completed(sessionId), completed(second)]);
      putOnDocument(model, doc, owed);
      model.credit += partAmount;
      model.intents.push(
        await intentState(customer, second, secondIntent, partAmount, [{ docId: doc.id, onDocument: partAmount, onCredit: 0, applied: true }]),
        await intentState(customer, sessionId, firstIntent, owed, [{ docId: doc.id, onDocument: owed - partAmount, onCredit: partAmount, applied: true }]),
      );
    } else {
      // Voided meanwhile: the session is expired, or, paid first, all its money is credit.
      const voided = await customer.api.post(`${customer.docPath(doc)}/void`);
      expect(voided.status, JSON.stringify(voided.body)).toBe(200);
      doc.voided = true;
      const paid = await customer.delivering(this.delivery, ['checkout.session.completed'], () =>
        control('POST', `/checkout/sessions/${sessionId}/pay`, { method: 'card' }),
      );
      if (paid.status !== 200) {
        expect(paid.status, JSON.stringify(paid.body)).toBe(400);
        await customer.settle([{ type: 'checkout.session.expired', objectId: sessionId }]);
        return;
      }
      await customer.settle([completed(sessionId)]);
      model.credit += owed;
      model.intents.push(
        await intentState(customer, sessionId, paid.body.payment_intent, owed, [{ docId: doc.id, onDocument: 0, onCredit: owed, applied: false }]),
      );
    }
  }
  toString = () => `RacedPayment(${this.pick}, ${this.race}, ${this.percent}%, ${JSON.stringify(this.delivery)})`;
}

/** Staff refund one document's online payment, once or twice at the same time. */
class StaffRefund extends Step {
  constructor(
    readonly pick: number,
    readonly percents: number[],
    readonly delivery: Delivery,
  ) {
    super();
  }
  private candidates = (model: Readonly<LedgerModel>) =>
    model.intents.flatMap((intent) => intent.shares.filter((share) => share.applied).map((share) => ({ intent, share })));
  check = (model: Readonly<LedgerModel>) => this.candidates(model).length > 0;
  async act(model: LedgerModel, customer: Customer) {
    const { intent, share } = pickFrom(this.candidates(model), this.pick);
    const doc = docOf(model, share.docId);
    share.paymentId ??= ((await customer.api.get(customer.docPath(doc))).body.payments as { id: string; stripe?: { paymentIntentId: string } }[]).find(
      (payment) => payment.stripe?.paymentIntentId === intent.id,
    )!.id;
    const refundable = share.onDocument;
    const amounts = this.percents.map((percent) => part(Math.max(1, refundable), percent));
    const answers = await customer.delivering(this.delivery, ['refund.created', 'charge.refunded'], () =>
      Promise.all(amounts.map((amount) => customer.api.post(`/v1/orgs/${customer.shop.orgId}/payments/${share.paymentId}/refunds`, { amount }))),
    );
    const outcomes = answers.map((answer) => `${answer.status} ${answer.body.error?.code ?? ''}`.trim());
    if (intent.dispute) {
      // Stripe refuses a disputed charge, whatever is left of it; the reservation is given back (checked: nothing stays reserved).
      for (const outcome of outcomes) expect(['422 PAYMENT_DISPUTED', '422 NOTHING_TO_REFUND', '409 CONCURRENT_MODIFICATION']).toContain(outcome);
      expect(outcomes.some((outcome) => outcome.startsWith('422'))).toBe(true);
      return;
    }
    if (refundable === 0) {
      expect(outcomes).toEqual(amounts.map(() => '422 NOTHING_TO_REFUND'));
      return;
    }
    const accepted = answers.flatMap((answer, index) => (answer.status === 202 ? [{ refundId: answer.body.refundId as string, amount: amounts[index]! }] : []));
    for (const outcome of outcomes)
      expect(
        ['202', '409 CONCURRENT_MODIFICATION', '422 REFUND_EXCEEDS_PAYMENT', '422 NOTHING_TO_REFUND'],
        JSON.stringify(answers.map((a) => a.body)),
      ).toContain(outcome);
    expect(accepted.length, 'one of the requests is refunded').toBeGreaterThan(0);
    const asked = accepted.reduce((sum, refund) => sum + refund.amount, 0);
    expect(asked, 'never more refunded than was paid').toBeLessThanOrEqual(refundable);
    await customer.settle(accepted.flatMap((refund) => refundEvents(refund.refundId)));
    share.onDocument -= asked;
    takeOffDocument(model, doc, asked);
    intent.refunded += asked;
  }
  toString = () => `StaffRefund(${this.pick}, [${this.percents.map((percent) => `${percent}%`)}], ${JSON.stringify(this.delivery)})`;
}

/** A refund made in Stripe's dashboard: the credit the payment created goes first, then its documents. */
class DashboardRefund extends Step {
  constructor(
    readonly pick: number,
    readonly percent: number,
    readonly delivery: Delivery,
  ) {
    super();
  }
  private candidates = (model: Readonly<LedgerModel>) => model.intents.filter((intent) => !intent.dispute && stripeLeft(intent) > 0);
  check = (model: Readonly<LedgerModel>) => this.candidates(model).length > 0;
  async act(model: LedgerModel, customer: Customer) {
    const intent = pickFrom(this.candidates(model), this.pick);
    const amount = part(stripeLeft(intent), this.percent);
    const refund = await customer.delivering(this.delivery, ['refund.created', 'charge.refunded'], () =>
      stripe.refunds.create({ payment_intent: intent.id, amount }, customer.stripeAccount()),
    );
    await customer.settle(refundEvents(refund.id));
    intent.refunded += amount;
    const byDocument = [...intent.shares].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
    let left = amount;
    for (const share of byDocument) {
      const taken = Math.min(left, share.onCredit);
      share.onCredit -= taken;
      model.credit -= taken;
      left -= taken;
    }
    for (const share of byDocument) {
      const taken = Math.min(left, share.onDocument);
      share.onDocument -= taken;
      takeOffDocument(model, docOf(model, share.docId), taken);
      left -= taken;
    }
    expect(left, 'the model placed all of the refund').toBe(0);
  }
  toString = () => `DashboardRefund(${this.pick}, ${this.percent}%, ${JSON.stringify(this.delivery)})`;
}

/** The customer's bank disputes a payment, and decides; the two events arrive in order or reversed. */
class Dispute extends Step {
  constructor(
    readonly pick: number,
    readonly outcome: 'won' | 'lost',
    readonly reversed: boolean,
  ) {
    super();
  }
  private candidates = (model: Readonly<LedgerModel>) => model.intents.filter((intent) => !intent.dispute && stripeLeft(intent) > 0);
  check = (model: Readonly<LedgerModel>) => this.candidates(model).length > 0;
  async act(model: LedgerModel, customer: Customer) {
    const intent = pickFrom(this.candidates(model), this.pick);
    const disputeId = await customer.delivering(
      this.reversed ? { mode: 'reorder' } : { mode: 'normal' },
      ['charge.dispute.created', 'charge.dispute.closed'],
      async () => {
        const opened = await control('POST', `/charges/${intent.chargeId}/dispute`, { reason: 'fraudulent' });
        expect(opened.status, JSON.stringify(opened.body)).toBe(200);
        const closed = await control('POST', `/disputes/${opened.body.id}/close`, { status: this.outcome });
        expect(closed.status, JSON.stringify(closed.body)).toBe(200);
        return opened.body.id as string;
      },
    );
    await customer.settle([
      { type: 'charge.dispute.created', objectId: disputeId },
      { type: 'charge.dispute.closed', objectId: disputeId },
    ]);
    intent.dispute = { id: disputeId, status: this.outcome };
    for (const share of intent.shares) {
      const doc = docOf(model, share.docId);
      if (share.onDocument > 0) doc.dispute = this.outcome === 'lost' ? { id: disputeId, status: 'lost' } : doc.dispute && 'unknown';
      if (this.outcome === 'won') continue;
      takeOffDocument(model, doc, share.onDocument);
      model.credit -= share.onCredit;
      share.onDocument = 0;
      share.onCredit = 0;
    }
  }
  toString = () => `Dispute(${this.pick}, ${this.outcome}, ${this.reversed ? 'closed first' : 'in order'})`;
}

/** Staff apply the contact's credit to an invoice; more than there is (refunded money included) is refused. */
class ApplyCredit extends Step {
  constructor(
    readonly pick: number,
    readonly percent: number,
    readonly beyond: boolean,
  ) {
    super();
  }
  private candidates = (model: Readonly<LedgerModel>) =>
    model.docs.filter((doc) => doc.kind === 'invoice' && isOpen(doc) && (this.beyond ? Math.max(0, model.credit) + 1 <= balanceOf(doc) : model.credit > 0));
  check = (model: Readonly<LedgerModel>) => this.candidates(model).length > 0;
  async act(model: LedgerModel, customer: Customer) {
    const doc = pickFrom(this.candidates(model), this.pick);
    const amount = this.beyond ? Math.max(0, model.credit) + 1 : part(Math.min(model.credit, balanceOf(doc)), this.percent);
    const applied = await customer.api.post(`${customer.docPath(doc)}/credits`, { amount });
    if (this.beyond) {
      expect({ status: applied.status, code: applied.body.error?.code }).toEqual({ status: 422, code: 'INSUFFICIENT_CREDIT' });
      return;
    }
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    putOnDocument(model, doc, amount);
    model.credit -= amount;
  }
  toString = () => `ApplyCredit(${this.pick}, ${this.percent}%${this.beyond ? ', beyond what there is' : ''})`;
}

/** Voiding: only a document without money on it. */
class Void extends Step {
  constructor(readonly pick: number) {
    super();
  }
  check = (model: Readonly<LedgerModel>) => model.docs.some((doc) => !doc.voided);
  async act(model: LedgerModel, customer: Customer) {
    const doc = pickFrom(
      model.docs.filter((candidate) => !candidate.voided),
      this.pick,
    );
    const voided = await customer.api.post(`${customer.docPath(doc)}/void`);
    if (doc.paid > 0) {
      expect(voided.status, JSON.stringify(voided.body)).toBe(409);
      return;
    }
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    doc.voided = true;
  }
  toString = () => `Void(${this.pick})`;
}

// ---- Arbitraries ----

const pick = fc.nat(11);
const percent = fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 99 }));
const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  { arbitrary: fc.constant({ mode: 'normal' as const }), weight: 2 },
  { arbitrary: fc.record({ mode: fc.constant('duplicate' as const), copies: fc.integer({ min: 2, max: 3 }) }), weight: 1 },
  { arbitrary: fc.constant({ mode: 'reorder' as const }), weight: 1 },
  { arbitrary: fc.record({ mode: fc.constant('delay' as const), delayMs: fc.integer({ min: 10, max: 200 }) }), weight: 1 },
);
const docSpec: fc.Arbitrary<DocSpec> = fc.record({
  kind: fc.constantFrom<Kind>('invoice', 'invoice', 'retainer-invoice'),
  total: fc.oneof({ arbitrary: fc.integer({ min: 100, max: 30_000 }), weight: 9 }, { arbitrary: fc.integer({ min: 1, max: 99 }), weight: 1 }),
  issuedDaysAgo: fc.nat(40),
  dueInDays: fc.nat(45),
});

const onlinePayment = fc
  .tuple(fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }), percent, delivery)
  .map(([at, share, how]) => new OnlinePayment(at, share, how));
const racedPayment = fc
  .tuple(pick, fc.constantFrom<Race>('offline', 'second-session', 'void'), percent, delivery)
  .map(([at, race, share, how]) => new RacedPayment(at, race, share, how));
const staffRefund = fc.tuple(pick, fc.array(percent, { minLength: 1, maxLength: 2 }), delivery).map(([at, shares, how]) => new StaffRefund(at, shares, how));

/** 3 to 8 commands; payments come up more often, so that refunds and disputes have money to work on. */
const commands = fc
  .commands(
    [
      docSpec.map((spec) => new NewDocument(spec)),
      fc.tuple(pick, percent).map(([at, share]) => new OfflinePayment(at, share)),
      onlinePayment,
      onlinePayment,
      racedPayment,
      racedPayment,
      staffRefund,
      staffRefund,
      fc.tuple(pick, percent, delivery).map(([at, share, how]) => new DashboardRefund(at, share, how)),
      fc.tuple(pick, fc.constantFrom<'won' | 'lost'>('won', 'lost'), fc.boolean()).map(([at, outcome, reversed]) => new Dispute(at, outcome, reversed)),
      fc.tuple(pick, percent, fc.boolean()).map(([at, share, beyond]) => new ApplyCredit(at, share, beyond)),
      pick.map((at) => new Void(at)),
    ],
    { maxCommands: 8, ...(env.LEDGER_MODEL_REPLAY && { replayPath: env.LEDGER_MODEL_REPLAY }) },
  )
  .filter((steps) => [...steps].length >= 3);

// ---- The property ----

const figures = { sequences: 0, generated: 0, steps: 0, startedAt: 0 };

const sequences = (shop: Shop) =>
  fc.asyncProperty(fc.array(docSpec, { minLength: 1, maxLength: 3 }), commands, async (specs, steps) => {
    const customer = await Customer.create(shop);
    const model = emptyModel();
    try {
      model.docs.push(...(await Promise.all(specs.map((spec) => createDocument(customer, spec)))));
      await verifyLedger(customer, model);
      await fc.asyncModelRun(() => ({ model, real: customer }), steps);
    } finally {
      await customer.close();
      figures.sequences += 1;
      figures.generated += [...steps].length;
      figures.steps += model.steps;
    }
  });

const shops: Shop[] = [];

beforeAll(async () => {
  asStripeFunction();
  figures.startedAt = Date.now();
  shops.push(...(await Promise.all(chains.map((chain) => newShop(chain.timeZone)))));
  console.log(
    `ledger model: ${chains.length} chain(s) of ${runsPerChain} sequences: ${chains.map((chain) => `chain ${chain.number} seed ${chain.seed} ${chain.timeZone}`).join(', ')}`,
  );
});

afterAll(() => {
  const seconds = (Date.now() - figures.startedAt) / 1000;
  console.log(
    `ledger model: ${figures.sequences} sequences, ${figures.steps} of ${figures.generated} commands run (the others did not apply to their state), ${seconds.toFixed(1)} s`,
  );
});

describe('the ledger under random sequences of payments, refunds, disputes, credit and voids', () => {
  chains.forEach((chain, index) => {
    it.concurrent(
      `chain ${chain.number} (seed ${chain.seed}, ${chain.timeZone})`,
      async () => {
        await fc.assert(sequences(shops[index]!), {
          numRuns: runsPerChain,
          seed: chain.seed,
          ...(env.LEDGER_MODEL_PATH && { path: env.LEDGER_MODEL_PATH }),
        });
      },
      30 * 60_000,
    );
  });
});
