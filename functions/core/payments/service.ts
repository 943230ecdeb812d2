import { clock } from '../clock.ts';
import { requireContact } from '../contacts/service.ts';
import { transact, type TransactionStep } from '../db/transact.ts';
import { activityStep } from '../documents/activity.ts';
import { kindFromPath } from '../documents/kinds.ts';
import * as documents from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { requireDocument, staffActor } from '../documents/service.ts';
import { effectiveStatus, statusAfterPayment } from '../documents/status.ts';
import { assertTransition } from '../documents/transitions.ts';
import { documentView, paymentView, today } from '../documents/view.ts';
import { Unprocessable } from '../errors.ts';
import type { MemberCaller } from '../http/callers.ts';
import { idempotent } from '../idempotency/service.ts';
import { newId } from '../ids.ts';
import { notifyPaymentReceived } from '../documents/notifications.ts';
import { addCreditStep, listContactCredits, putPaymentStep, useCreditStep } from './repository.ts';
import type { CreditInput, Payment, PaymentInput } from './schema.ts';

/**
 * Records an offline payment. The payment, the document's new balance and
 * status (and, for a retainer invoice, the contact's credit) are one
 * transaction on the version read, so two concurrent payments can never
 * together pay more than the balance. The contact's portal persons get a receipt.
 */
export async function recordPayment(caller: MemberCaller, kindPath: string, docId: string, input: PaymentInput, idempotencyKey: string | undefined) {
  const kind = kindFromPath(kindPath);
  return idempotent({ orgId: caller.orgId, scope: `payment-${docId}`, key: idempotencyKey, request: input }, async (complete) => {
    const current = await requireDocument(caller.orgId, kind, docId);
    const date = pastOrToday(input.date);
    const { payment, next, steps } = settle(caller, current, { amount: input.amount, date, method: input.method ?? 'bank_transfer', reference: input.reference }, 'pay');
    const extra = current.kind === 'retainer-invoice' ? [addCreditStep(caller.orgId, current.contactId, current.currency, input.amount)] : [];
    const view = paymentView(payment);
    await transact([...steps, ...extra, ...complete(view)]);
    const { organization } = caller;
    const contact = await requireContact(caller.orgId, current.contactId);
    await notifyPaymentReceived(organization, contact, next, payment);
    return view;
  });
}

/** Pays an invoice from the contact's credit (from paid retainer invoices), in the invoice's currency. */
export async function applyCredit(caller: MemberCaller, docId: string, input: CreditInput) {
  const current = await requireDocument(caller.orgId, 'invoice', docId);
  const { payment, next, steps } = settle(caller, current, { amount: input.amount, date: pastOrToday(input.date), method: 'credit' }, 'applyCredit');
  await transact([...steps, useCreditStep(caller.orgId, current.contactId, current.currency, input.amount)]);
  return { invoice: documentView(next), payment: paymentView(payment) };
}

/** Money moves on the day it is recorded or earlier, never later. */
function pastOrToday(date = today()): string {
  if (date > today()) throw new Unprocessable('INVALID_DATE', 'A payment cannot be dated in the future.', { field: 'date' });
  return date;
}

/** A contact's unused credit per currency. */
export async function contactCredits(caller: MemberCaller, contactId: string) {
  await requireContact(caller.orgId, contactId);
  return { items: await listContactCredits(caller.orgId, contactId), nextCursor: null };
}

/** The payment item, the document's next state and the steps that write both with their activity entry. */
function settle(
  caller: MemberCaller,
  current: StoredDocument,
  money: Pick<Payment, 'amount' | 'date' | 'method' | 'reference'>,
  action: 'pay' | 'applyCredit',
): { payment: Payment; next: StoredDocument; steps: TransactionStep[] } {
  assertTransition(action, 'staff', current.kind, effectiveStatus(current, today()));
  if (money.amount > current.balance) {
    throw new Unprocessable('OVERPAYMENT', `The amount exceeds the balance of ${current.balance}.`, { field: 'amount', balance: current.balance });
  }
  const now = clock.iso();
  const payment: Payment = {
    id: newId('pay'),
    docId: current.id,
    contactId: current.contactId,
    documentNumber: current.number,
    currency: current.currency,
    ...money,
    recordedBy: caller.staffId,
    createdAt: now,
  };
  const amountPaid = current.amountPaid + money.amount;
  const next: StoredDocument = {
    ...current,
    amountPaid,
    creditsApplied: current.creditsApplied + (action === 'applyCredit' ? money.amount : 0),
    balance: current.total - amountPaid,
    status: statusAfterPayment(current.total, amountPaid),
    version: current.version + 1,
    updatedAt: now,
  };
  return {
    payment,
    next,
    steps: [
      documents.replaceDocumentStep(next, current),
      putPaymentStep(caller.orgId, payment),
      activityStep(caller.orgId, {
        docId: current.id,
        action: action === 'pay' ? 'paid' : 'credit_applied',
        actor: staffActor(caller),
        at: now,
        details: { paymentId: payment.id, amount: money.amount, balance: next.balance, status: next.status },
      }),
    ],
  };
}
