import type { Actor, PortalPermission } from '../access/actor.ts';
import { Conflict, type DomainError, Unprocessable } from '../errors.ts';
import type { OutboxEventType } from '../outbox/events.ts';
import type { ActivityAction } from './activity.ts';
import { type DocumentKind, documentKinds } from './kinds.ts';
import type { StoredDocument } from './schema.ts';
import { type DocumentStatus, type StoredStatus, statusAfterPayment, statusAfterRefund } from './status.ts';

export type DocumentAction =
  | 'create'
  | 'edit'
  | 'delete'
  | 'send'
  | 'view'
  | 'accept'
  | 'decline'
  | 'comment'
  | 'pay'
  | 'applyCredit'
  | 'void'
  | 'convert'
  | 'issue'
  | 'credit'
  | OnlinePaymentAction
  | 'requestRefund'
  | 'recordGstEinvoice'
  | 'remind'
  | 'chargeLateFee'
  | 'resend';
/** What Stripe's events do to a document, as the system. */
export type OnlinePaymentAction = 'creditExcess' | 'refund' | 'dispute' | 'closeDispute' | 'reverse';

/**
 * Where an action leaves the document: a status; `unchanged` (the document is
 * not written, only checked to exist); `removed`; or a status that follows
 * from the next state (amounts after a payment, sent → viewed on a first view).
 */
export type Target = StoredStatus | 'unchanged' | 'removed' | ((next: StoredDocument) => StoredStatus);

export type Stamp = 'sentAt' | 'viewedAt' | 'acceptedAt' | 'declinedAt' | 'voidedAt';

export interface Rule {
  /** Who may take the action. */
  actors: readonly Actor['kind'][];
  /** What a portal person must be allowed to do to take it (403 otherwise). */
  permission?: PortalPermission;
  kinds: readonly DocumentKind[];
  /** Effective statuses it starts from; `new` is a document not written yet. */
  from: readonly (DocumentStatus | 'new')[];
  to: Target;
  /** The timestamp it sets to the time of the change. */
  stamp?: Stamp;
  activity: ActivityAction;
  /** The outbox event it writes in the same transaction. */
  event?: OutboxEventType;
  /** A refusal that depends on more than the status: the document as read, and as the change would leave it. */
  guard?: (current: StoredDocument, next: StoredDocument) => DomainError | undefined;
  /** What must still hold of the stored item when it is written, beyond version and status (a first view is recorded once). */
  condition?: string;
  /** For messages: "Estimates cannot be <verb>." */
  verb: string;
}

const all = documentKinds;
/** Credit notes are issued, not sent: issuing moves money (`issue`). */
const sendable: readonly DocumentKind[] = ['invoice', 'estimate', 'retainer-invoice'];
const payable: readonly DocumentKind[] = ['invoice', 'retainer-invoice'];
const open: readonly DocumentStatus[] = ['sent', 'viewed', 'partially_paid', 'overdue'];
const visible: readonly DocumentStatus[] = ['sent', 'viewed', 'partially_paid', 'paid', 'overdue', 'void', 'accepted', 'declined', 'expired', 'converted'];
const paidFromAmounts = (next: StoredDocument) => statusAfterPayment(next.total, next.amountPaid);
/** Money is never applied beyond what is owed. */
const withinBalance = (current: StoredDocument, next: StoredDocument) =>
  next.balance < 0
    ? new Unprocessable('OVERPAYMENT', `The amount exceeds the balance of ${current.balance}.`, { field: 'amount', balance: current.balance })
    : undefined;

/** Credit notes never credit more than was invoiced, less what earlier credit notes credited. */
const withinInvoice = (current: StoredDocument, next: StoredDocument) =>
  (next.creditNotesTotal ?? 0) > next.total
    ? new Unprocessable('CREDIT_EXCEEDS_INVOICE', `The credit note exceeds the ${creditable(current)} still creditable on ${current.number}.`, {
        field: 'lines',
        creditable: creditable(current),
      })
    : withinBalance(current, next);

/** What credit notes may still credit on an invoice: its total less what earlier ones credited. */
export const creditable = (invoice: Pick<StoredDocument, 'total' | 'creditNotesTotal'>) => invoice.total - (invoice.creditNotesTotal ?? 0);

/**
 * Every change a document can go through, and nothing else: a status a client
 * sends is never stored. The next actions (refund, dispute, credit note,
 * reminder) are new rows.
 */
export const rules: Readonly<Record<DocumentAction, Rule>> = {
  create: { actors: ['staff'], kinds: all, from: ['new'], to: 'draft', activity: 'created', verb: 'created' },
  edit: { actors: ['staff'], kinds: all, from: ['draft'], to: 'draft', activity: 'edited', verb: 'edited' },
  delete: { actors: ['staff'], kinds: all, from: ['draft'], to: 'removed', activity: 'deleted', verb: 'deleted' },
  send: { actors: ['staff'], kinds: sendable, from: ['draft'], to: 'sent', stamp: 'sentAt', activity: 'sent', event: 'document.sent', verb: 'sent' },
  view: {
    actors: ['portal'],
    kinds: all,
    from: visible,
    to: (next) => (next.status === 'sent' ? 'viewed' : next.status),
    stamp: 'viewedAt',
    condition: 'attribute_not_exists(viewedAt)',
    activity: 'viewed',
    verb: 'viewed',
  },
  accept: {
    actors: ['portal'],
    permission: 'approve',
    kinds: ['estimate'],
    from: ['sent', 'viewed'],
    to: 'accepted',
    stamp: 'acceptedAt',
    activity: 'accepted',
    verb: 'accepted',
  },
  decline: {
    actors: ['portal'],
    permission: 'approve',
    kinds: ['estimate'],
    from: ['sent', 'viewed'],
    to: 'declined',
    stamp: 'declinedAt',
    activity: 'declined',
    verb: 'declined',
  },
  comment: {
    actors: ['staff', 'portal'],
    kinds: all,
    from: ['draft', ...visible],
    to: 'unchanged',
    activity: 'commented',
    event: 'comment.created',
    verb: 'commented on',
  },
  pay: {
    actors: ['staff', 'system'],
    kinds: payable,
    from: open,
    to: paidFromAmounts,
    guard: withinBalance,
    activity: 'paid',
    event: 'payment.received',
    verb: 'paid',
  },
  applyCredit: {
    actors: ['staff'],
    kinds: ['invoice'],
    from: open,
    to: paidFromAmounts,
    guard: withinBalance,
    activity: 'credit_applied',
    verb: 'paid with credit',
  },
  void: {
    actors: ['staff'],
    kinds: all,
    from: ['draft', 'sent', 'viewed', 'overdue', 'expired', 'accepted', 'declined'],
    to: 'void',
    stamp: 'voidedAt',
    guard: (current) =>
      current.amountPaid > 0
        ? new Conflict('HAS_PAYMENTS', 'A document with payments cannot be voided.')
        : (current.allocation?.applied ?? 0) > 0
          ? new Conflict('CREDIT_NOTE_APPLIED', 'A credit note applied to its invoice cannot be voided.')
          : undefined,
    activity: 'voided',
    event: 'document.voided',
    verb: 'voided',
  },
  convert: { actors: ['staff'], kinds: ['estimate'], from: ['accepted'], to: 'converted', activity: 'converted', verb: 'converted' },
  // A credit note takes effect: what it applies to its invoice and what it puts on the contact's credit go with it (`credit`).
  issue: {
    actors: ['staff'],
    kinds: ['credit-note'],
    from: ['draft'],
    to: 'sent',
    stamp: 'sentAt',
    activity: 'issued',
    event: 'credit_note.issued',
    verb: 'issued',
  },
  // The invoice a credit note names: its balance goes down by what the note applies, never below zero (the rest is credit).
  credit: {
    actors: ['staff'],
    kinds: ['invoice'],
    from: [...open, 'paid'],
    to: paidFromAmounts,
    guard: withinInvoice,
    activity: 'credited',
    verb: 'credited',
  },
  ...onlinePaymentRules(),
  // A reminder of an open invoice: by the daily run (an offset from the due date) or by staff; the mail effect sends it.
  remind: {
    actors: ['staff', 'system'],
    kinds: ['invoice'],
    from: open,
    to: 'unchanged',
    activity: 'reminded',
    event: 'invoice.reminder',
    verb: 'reminded',
  },
  // A late fee a reminder charges on another invoice: a new invoice, written already sent (reminders/late-fee-invoice.ts).
  chargeLateFee: {
    actors: ['system'],
    kinds: ['invoice'],
    from: ['new'],
    to: 'sent',
    stamp: 'sentAt',
    activity: 'sent',
    event: 'document.sent',
    verb: 'charged as late fees',
  },
  // The document's email again, to the persons who can open it now; the document does not change.
  resend: {
    actors: ['staff'],
    kinds: all,
    from: visible,
    to: 'unchanged',
    activity: 'resent',
    event: 'document.resent',
    verb: 'sent again',
  },
  // Staff asked Stripe to refund online money: the trail says so now; the balance reopens when Stripe reports it (`refund`).
  requestRefund: {
    actors: ['staff'],
    kinds: payable,
    from: ['paid', 'partially_paid', 'overdue', 'sent', 'viewed'],
    to: 'unchanged',
    activity: 'refund_requested',
    verb: 'refunded',
  },
  // India: what the invoice registration portal answered (IRN, acknowledgement, signed QR), recorded once on a sent invoice.
  recordGstEinvoice: {
    actors: ['staff'],
    kinds: ['invoice'],
    from: ['sent', 'viewed', 'partially_paid', 'paid', 'overdue'],
    to: (next) => next.status,
    guard: (current) =>
      current.gstEinvoice
        ? new Conflict('GST_EINVOICE_RECORDED', 'The invoice is already registered with the IRP; cancel it there and void it here instead.')
        : undefined,
    activity: 'gst_einvoice_recorded',
    verb: 'registered with the IRP',
  },
};

/** Stripe's events: money that no longer fits goes to credit; refunds and lost disputes reopen the balance by their amount. */
function onlinePaymentRules(): Record<OnlinePaymentAction, Rule> {
  const withMoney: readonly DocumentStatus[] = ['paid', 'partially_paid', 'overdue', 'sent', 'viewed'];
  const reopened = (next: StoredDocument) => statusAfterRefund(next);
  return {
    // Received for a document that was paid or voided meanwhile: the contact's credit, the trail and staff say so.
    creditExcess: {
      actors: ['system'],
      kinds: payable,
      from: [...visible],
      to: 'unchanged',
      activity: 'payment_credited',
      event: 'online-payment.received',
      verb: 'credited',
    },
    refund: { actors: ['system'], kinds: payable, from: withMoney, to: reopened, activity: 'refunded', event: 'payment.refunded', verb: 'refunded' },
    dispute: {
      actors: ['system'],
      kinds: payable,
      from: [...visible],
      to: (next) => next.status,
      activity: 'disputed',
      event: 'payment.disputed',
      verb: 'disputed',
    },
    closeDispute: { actors: ['system'], kinds: payable, from: [...visible], to: (next) => next.status, activity: 'dispute_closed', verb: 'disputed' },
    reverse: { actors: ['system'], kinds: payable, from: withMoney, to: reopened, activity: 'reversed', event: 'payment.disputed', verb: 'reversed' },
  };
}
