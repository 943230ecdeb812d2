import type { Actor } from '../access/actor.ts';
import type { StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { requireContact } from '../contacts/lookup.ts';
import type { TransactionStep } from '../db/transact.ts';
import { apply } from '../documents/commands.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { requireDocument } from '../documents/lookup.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { documentView, paymentView } from '../documents/view.ts';
import { Unprocessable } from '../errors.ts';
import { idempotent } from '../idempotency/service.ts';
import { newId } from '../ids.ts';
import type { CreditMovement } from '../ledger/credit.ts';
import { creditSteps } from '../ledger/credit.ts';
import { listContactCredits, listCreditEntries } from '../ledger/repository.ts';
import { count } from '../metrics.ts';
import { putPaymentRefStep } from '../online-payments/repository.ts';
import type { ListInput } from '../shapes.ts';
import { putPaymentStep } from './repository.ts';
import type { CreditInput, Payment, PaymentInput } from './schema.ts';

/**
 * Records an offline payment. The payment, the document's new balance and
 * status (and, for a retainer invoice, the contact's credit) are one
 * transaction on the version read, so two concurrent payments can never
 * together pay more than the balance. Its outbox event sends the receipt.
 */
export async function recordPayment(staff: StaffContext, kind: DocumentKind, docId: string, input: PaymentInput, idempotencyKey: string | undefined) {
  return idempotent({ orgId: staff.orgId, scope: `payment-${docId}`, key: idempotencyKey, request: input }, async (complete) => {
    const current = await requireDocument(staff.orgId, kind, docId);
    const on = todayIn(staff.organization);
    const payment = newPayment(staff, current, {
      amount: input.amount,
      date: pastOrToday(input.date, on),
      method: input.method ?? 'bank_transfer',
      reference: input.reference,
    });
    const view = paymentView(payment);
    // A retainer invoice's money is the contact's credit, to be applied to later invoices.
    const credit = current.kind === 'retainer-invoice' ? creditSteps(staff.orgId, [creditMovement(current, payment, 'retainer', input.amount)], on) : [];
    await settle(current, payment, 'pay', staff, on, [...credit, ...complete(view)]);
    count('PaymentsApplied');
    return view;
  });
}

/** Pays an invoice from the contact's credit (from paid retainer invoices), in the invoice's currency. */
export async function applyCredit(staff: StaffContext, docId: string, input: CreditInput) {
  const current = await requireDocument(staff.orgId, 'invoice', docId);
  const on = todayIn(staff.organization);
  const payment = newPayment(staff, current, { amount: input.amount, date: pastOrToday(input.date, on), method: 'credit' });
  const next = await settle(
    current,
    payment,
    'applyCredit',
    staff,
    on,
    creditSteps(staff.orgId, [creditMovement(current, payment, 'applied', -input.amount)], on),
  );
  return { invoice: documentView(next, on), payment: paymentView(payment) };
}

/** Money moves on the day it is recorded or earlier, never later: `today` is the organization's, in its time zone (`todayIn`). */
export function pastOrToday(date: string | undefined, today: string): string {
  if (date === undefined) return today;
  if (date > today) throw new Unprocessable('INVALID_DATE', 'A payment cannot be dated in the future.', { field: 'date' });
  return date;
}

const creditMovement = (document: StoredDocument, payment: Payment, kind: 'retainer' | 'applied', amount: number): CreditMovement => ({
  kind,
  source: { type: 'payment', id: payment.id },
  amount,
  date: payment.date,
  contactId: document.contactId,
  currency: document.currency,
  docId: document.id,
  documentNumber: document.number,
});

/**
 * A contact's credit per currency: `available` to apply to invoices, and
 * `owed` when refunded or charged-back money had already been spent (the
 * contact owes it back; staff settle it outside Portico). One item per
 * currency; the entries behind each are paged by `creditEntries`.
 */
export async function contactCredits(staff: StaffContext, contactId: string) {
  await requireContact(staff.orgId, contactId);
  const credits = await listContactCredits(staff.orgId, contactId);
  const items = credits.map((credit) => ({
    contactId,
    currency: credit.currency,
    available: Math.max(0, credit.balance),
    owed: Math.max(0, -credit.balance),
  }));
  return { items, nextCursor: null };
}

/** One page of the movements of a contact's credit in one currency, oldest first: what `available` and `owed` are the sum of. */
export async function creditEntries(staff: StaffContext, contactId: string, currency: string, page: ListInput) {
  await requireContact(staff.orgId, contactId);
  const { items, nextCursor } = await listCreditEntries(staff.orgId, contactId, currency, page);
  return {
    items: items.map(({ id, kind, source, amount, date, at, docId, documentNumber }) => ({ id, kind, source, amount, date, at, docId, documentNumber })),
    nextCursor,
  };
}

function newPayment(staff: StaffContext, document: StoredDocument, money: Pick<Payment, 'amount' | 'date' | 'method' | 'reference'>): Payment {
  return {
    id: newId('pay'),
    docId: document.id,
    contactId: document.contactId,
    documentNumber: document.number,
    currency: document.currency,
    ...money,
    recordedBy: staff.staffId,
    createdAt: clock.iso(),
  };
}

/** Applies money to a document through its writer: the payment item, the amounts, and the status that follows from them, in one transaction. */
async function settle(
  current: StoredDocument,
  payment: Payment,
  action: 'pay' | 'applyCredit',
  actor: Actor,
  on: string,
  steps: TransactionStep[],
): Promise<StoredDocument> {
  const balance = current.balance - payment.amount;
  const source = { type: 'payment' as const, id: payment.id };
  return apply(current, action, actor, {
    on,
    entries: [{ kind: action === 'pay' ? 'payment' : 'credit_applied', source, amount: payment.amount, date: payment.date }],
    // The ref lets a refund request find the payment by id, and tell an offline one apart.
    steps: [putPaymentStep(current.orgId, payment), putPaymentRefStep(current.orgId, { paymentId: payment.id, docId: current.id }), ...steps],
    event: { docId: current.id, paymentId: payment.id, amount: payment.amount, currency: payment.currency, date: payment.date, balance },
    details: { paymentId: payment.id, amount: payment.amount, balance },
  });
}
