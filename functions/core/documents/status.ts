import type { DocumentKind } from './kinds.ts';

/** What is stored: every transition writes one of these. */
export const storedStatuses = ['draft', 'sent', 'viewed', 'partially_paid', 'paid', 'void', 'accepted', 'declined', 'converted'] as const;
export type StoredStatus = (typeof storedStatuses)[number];

/** What clients see: `overdue` and `expired` follow from dates and are never stored, so no batch job has to set them. */
export const documentStatuses = [...storedStatuses, 'overdue', 'expired'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export interface StatusFacts {
  kind: DocumentKind;
  status: StoredStatus;
  balance: number;
  dueDate?: string;
  expiryDate?: string;
}

/** Statuses in which an invoice still waits for money; past its due date it is overdue. */
const awaitingPayment: readonly StoredStatus[] = ['sent', 'viewed', 'partially_paid'];
/** Statuses in which an estimate still waits for an answer; past its expiry date it is expired. */
const awaitingAnswer: readonly StoredStatus[] = ['sent', 'viewed'];

/**
 * The status as of `today` (YYYY-MM-DD in the organization's time zone): an unpaid invoice or retainer
 * invoice is overdue the day after its due date; an unanswered estimate is
 * expired the day after its expiry date.
 */
export function effectiveStatus(document: StatusFacts, today: string): DocumentStatus {
  if (document.kind === 'estimate') {
    const expired = document.expiryDate !== undefined && document.expiryDate < today;
    return expired && awaitingAnswer.includes(document.status) ? 'expired' : document.status;
  }
  const overdue = document.dueDate !== undefined && document.dueDate < today && document.balance > 0;
  return overdue && awaitingPayment.includes(document.status) ? 'overdue' : document.status;
}

/** The stored statuses that show as `status` on `today`, with the date condition that tells them apart. */
export function storedStatusesShowing(status: DocumentStatus): { statuses: readonly StoredStatus[]; dated?: 'past' | 'notPast' } {
  switch (status) {
    case 'overdue':
      return { statuses: awaitingPayment, dated: 'past' };
    case 'expired':
      return { statuses: awaitingAnswer, dated: 'past' };
    case 'sent':
    case 'viewed':
    case 'partially_paid':
      return { statuses: [status], dated: 'notPast' };
    default:
      return { statuses: [status] };
  }
}

/** A payment leaves an invoice paid or partially paid. */
export const statusAfterPayment = (total: number, amountPaid: number): StoredStatus => (amountPaid >= total ? 'paid' : 'partially_paid');

/** After money left a document (a refund, a lost dispute): paid, partly paid, or back to sent or viewed. */
export const statusAfterRefund = (document: { total: number; amountPaid: number; viewedAt?: string }): StoredStatus =>
  document.amountPaid >= document.total ? 'paid' : document.amountPaid > 0 ? 'partially_paid' : document.viewedAt ? 'viewed' : 'sent';
