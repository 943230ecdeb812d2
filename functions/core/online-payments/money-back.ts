import { commit, type Step } from '../audit/commit.ts';
import { decide } from '../documents/commands.ts';
import { getDocument } from '../documents/repository.ts';
import type { DocumentDispute } from '../documents/schema.ts';
import { NotFound, StaleWrite } from '../errors.ts';
import { type CreditMovement, creditSteps } from '../ledger/credit.ts';
import { ALREADY_RECORDED } from '../ledger/repository.ts';
import type { EntrySource } from '../ledger/schema.ts';
import { log } from '../log.ts';
import { count } from '../metrics.ts';
import { retrying } from '../retry.ts';
import { hasCode, stripeActor } from './context.ts';
import type { AppliedStripePayment } from './records.ts';
import { isMoneyBackRecorded, listAppliedPayments, putMoneyBackStep, replaceAppliedPaymentStep } from './repository.ts';

/** What of applied money can still leave the document (by refund or a lost dispute). */
export const remainingOf = (applied: AppliedStripePayment) => applied.amount - applied.refunded - applied.reversed;
/** What of the credit a payment created can still be taken back. */
const creditLeftOf = (applied: AppliedStripePayment) => applied.credited - (applied.creditTakenBack ?? 0);

/** Money Stripe gave back to the customer: a refund (by its id) or a lost dispute. */
export interface MoneyBack {
  kind: 'refund' | 'reversal';
  source: EntrySource;
  paymentIntentId: string;
  amount: number;
  /** The document staff asked the refund for (Portico's own refunds say so): taken from first. */
  askedFor?: string;
  /** A lost dispute's mark on each document it takes money from. */
  dispute?: DocumentDispute;
}

export interface Take {
  applied: AppliedStripePayment;
  fromDocument: number;
  fromCredit: number;
}

/**
 * Where money given back comes from, following where it went: a refund staff
 * asked for comes off its document, then the credit that payment created
 * there, then the rest of the payment; a refund nobody asked Portico for (made
 * in Stripe's dashboard) comes off the credit the payment created first (money
 * no document was owed), then the documents; a lost dispute takes everything
 * that is left. `shortfall` is what Stripe gave back beyond all Portico recorded.
 */
export function planMoneyBack(applied: readonly AppliedStripePayment[], back: Pick<MoneyBack, 'kind' | 'amount' | 'askedFor'>) {
  type Pot = { applied: AppliedStripePayment; pot: 'document' | 'credit' };
  const documents = applied.map((each): Pot => ({ applied: each, pot: 'document' }));
  const credits = applied.map((each): Pot => ({ applied: each, pot: 'credit' }));
  const asked = (pot: Pot) => pot.applied.docId === back.askedFor;
  const order =
    back.kind === 'reversal'
      ? [...documents, ...credits]
      : back.askedFor
        ? [...documents.filter(asked), ...credits.filter(asked), ...credits.filter((pot) => !asked(pot)), ...documents.filter((pot) => !asked(pot))]
        : [...credits, ...documents];
  const takes = new Map<string, Take>();
  let left = back.amount;
  for (const { applied: each, pot } of order) {
    const share = Math.min(left, pot === 'document' ? remainingOf(each) : creditLeftOf(each));
    if (share <= 0) continue;
    const take = takes.get(each.docId) ?? { applied: each, fromDocument: 0, fromCredit: 0 };
    takes.set(each.docId, pot === 'document' ? { ...take, fromDocument: take.fromDocument + share } : { ...take, fromCredit: take.fromCredit + share });
    left -= share;
  }
  return { takes: [...takes.values()], shortfall: left };
}

/**
 * Takes money given back at Stripe off exactly where it went, in one
 * transaction: each document through the writer (`refund` or `reverse`; the
 * balance reopens by that much), the credit the payment created, and the
 * credit a retainer invoice's money became. Credit already spent goes below
 * zero: the contact owes it, and staff see it. The entries are keyed by the
 * refund or dispute id, so however many events report it, it is taken once.
 * `on` is today in the organization's time zone: the date of the entries.
 */
export async function takeMoneyBack(orgId: string, back: MoneyBack, on: string): Promise<void> {
  await retrying(
    async () => {
      // Another event of the same refund or dispute (or a concurrent copy) took it already: nothing to plan.
      if (await isMoneyBackRecorded(orgId, back.source.id)) return;
      const applied = await listAppliedPayments(orgId, back.paymentIntentId);
      const { takes, shortfall } = planMoneyBack(applied, back);
      if (shortfall > 0) {
        // Planned from what a copy that committed meanwhile left: it was taken, and nothing is missing.
        if (await isMoneyBackRecorded(orgId, back.source.id)) return;
        log.error('Stripe gave back more of a payment than Portico recorded for it', { orgId, sourceId: back.source.id, shortfall, amount: back.amount });
      }
      if (takes.length === 0) return;
      const steps: Step[] = [];
      const credit: CreditMovement[] = [];
      for (const take of takes) steps.push(...(await takeSteps(take, back, credit, on)));
      try {
        await commit([...steps, ...creditSteps(orgId, credit, on), putMoneyBackStep(orgId, back.source.id)]);
        if (back.kind === 'refund') count('RefundsApplied');
      } catch (error) {
        if (!hasCode(error, ALREADY_RECORDED)) throw error;
      }
    },
    { retryOn: (error) => error instanceof StaleWrite },
  );
}

async function takeSteps(take: Take, back: MoneyBack, credit: CreditMovement[], on: string): Promise<Step[]> {
  const { applied, fromDocument, fromCredit } = take;
  const refund = back.kind === 'refund';
  const next: AppliedStripePayment = {
    ...applied,
    ...(refund ? { refunded: applied.refunded + fromDocument } : { reversed: applied.reversed + fromDocument }),
    // A refund Portico asked for is no longer pending once Stripe reports it.
    refundRequested: refund && applied.docId === back.askedFor ? Math.max(0, applied.refundRequested - back.amount) : applied.refundRequested,
    creditTakenBack: (applied.creditTakenBack ?? 0) + fromCredit,
    version: applied.version + 1,
  };
  const steps = [replaceAppliedPaymentStep(next, applied.version)];
  const creditKind = refund ? 'refunded' : 'reversed';
  const movement = (amount: number, documentNumber: string | undefined): CreditMovement => ({
    kind: creditKind,
    source: back.source,
    amount: -amount,
    contactId: applied.contactId,
    currency: applied.currency,
    docId: applied.docId,
    ...(documentNumber && { documentNumber }),
  });
  if (fromCredit > 0) credit.push(movement(fromCredit, undefined));
  if (fromDocument === 0) return steps;

  const document = await getDocument(applied.orgId, applied.docId);
  if (!document) throw new NotFound('Document');
  // The payment was read before a concurrent copy took this money off, the document after: plan again from fresh reads.
  if (document.amountPaid < fromDocument) throw new StaleWrite('The payment');
  // A retainer invoice's money became credit: it leaves the credit with the document.
  if (document.kind === 'retainer-invoice') credit.push(movement(fromDocument, document.number));
  const balance = document.balance + fromDocument;
  const ids = { paymentIntentId: applied.paymentIntentId, ...(applied.paymentId && { paymentId: applied.paymentId }), [back.source.type]: back.source.id };
  return decide(document, refund ? 'refund' : 'reverse', stripeActor, {
    on,
    entries: [{ kind: back.kind, source: back.source, amount: -fromDocument }],
    ...(back.dispute && { fields: { dispute: back.dispute } }),
    details: { amount: fromDocument, balance, ...ids },
    event: refund
      ? { docId: document.id, amount: fromDocument, currency: applied.currency, balance }
      : { docId: document.id, status: 'lost', amount: fromDocument, currency: applied.currency, reason: back.dispute?.reason ?? 'unknown' },
    steps,
  }).steps;
}
