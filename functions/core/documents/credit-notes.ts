import type { StaffMember } from '../access/actor.ts';
import type { StaffContext } from '../access/context.ts';
import { transact } from '../db/transact.ts';
import { Conflict, NotFound, StaleWrite, Unprocessable } from '../errors.ts';
import { creditSteps } from '../ledger/credit.ts';
import { count } from '../metrics.ts';
import { retrying } from '../retry.ts';
import { assertAllowed, type Decision, decide } from './commands.ts';
import * as documents from './repository.ts';
import type { StoredDocument } from './schema.ts';

/**
 * Credit notes: a document of their own kind that, once issued, lowers the
 * balance of the invoice it names (never below zero) and puts the rest on the
 * contact's credit. Both sides are rows of the rule table (`issue` on the
 * credit note, `credit` on the invoice) and ledger entries with the credit
 * note as their source, committed in one transaction.
 */

type Note = Pick<StoredDocument, 'id' | 'number' | 'contactId' | 'currency' | 'total' | 'issueDate'>;

/** A credit note moves money on its issue date, or today when that is still ahead: money never moves in the future. */
const movementDate = (note: Note, on: string) => (note.issueDate < on ? note.issueDate : on);

/** The invoice a credit note names, looked up inside the caller's organization: anything else is 404. */
export async function invoiceToCredit(orgId: string, invoiceId: string, consistent = false): Promise<StoredDocument> {
  const invoice = await documents.getDocument(orgId, invoiceId, consistent);
  if (invoice?.kind !== 'invoice') throw new NotFound('Invoice');
  return invoice;
}

/**
 * What a credit note does to its invoice: its balance goes down by as much of
 * the note as it still owes, and the note's total counts against what later
 * notes may credit. The writer refuses an invoice that is not sent or is void
 * (409) and a note beyond what is still creditable (422).
 */
export function creditInvoice(invoice: StoredDocument, note: Note, staff: StaffMember, on: string): Decision & { applied: number } {
  const date = movementDate(note, on);
  for (const field of ['contactId', 'currency'] as const) {
    if (invoice[field] !== note[field]) {
      throw new Unprocessable('INVOICE_MISMATCH', `The invoice is for another ${field === 'contactId' ? 'contact' : 'currency'}.`, { field: 'invoiceId' });
    }
  }
  const applied = Math.min(note.total, Math.max(0, invoice.balance));
  const source = { type: 'credit_note' as const, id: note.id };
  const decision = decide(invoice, 'credit', staff, {
    on,
    fields: { creditNotesTotal: (invoice.creditNotesTotal ?? 0) + note.total },
    entries: applied > 0 ? [{ kind: 'credit_note', source, amount: applied, date, sourceNumber: note.number }] : [],
    details: { creditNoteId: note.id, creditNoteNumber: note.number, applied, credited: note.total - applied },
  });
  return { ...decision, applied };
}

/** The invoice link of a credit note's draft, checked against its content as if issued today: refused before anything is written. */
export function invoiceLink(staff: StaffMember, invoice: StoredDocument, note: Omit<Note, 'id' | 'number'>, on: string) {
  creditInvoice(invoice, { ...note, id: 'draft', number: 'draft' }, staff, on);
  return { id: invoice.id, number: invoice.number };
}

/**
 * Issues a draft credit note, exactly once: the note (draft → sent), its
 * invoice's new balance and the contact's credit are one transaction, each
 * document conditioned on the version it was read in. A credit note that lost
 * the race for its invoice to another one reads both again and is decided
 * anew, so concurrent notes never take the invoice below zero nor beyond its total.
 */
/** What sending adds to a draft: the persons told, and the content frozen as sent (parties, taxes), from the draft as read. */
export interface Sending {
  recipients: string[];
  frozen: (draft: StoredDocument) => Frozen;
}
export interface Frozen {
  fields: Partial<StoredDocument>;
  details: Record<string, unknown>;
}

export async function issueCreditNote(staff: StaffContext, draft: StoredDocument, on: string, { recipients, frozen }: Sending): Promise<StoredDocument> {
  let invoiceId = draft.invoice?.id;
  const issued = await retrying(
    async () => {
      // The invoice is read before the note, both strongly: a copy of this request that lost the race then finds its note
      // issued (409), never an invoice already credited by the very same note.
      const invoice = invoiceId ? await invoiceToCredit(staff.orgId, invoiceId, true) : undefined;
      const read = await documents.getDocument(staff.orgId, draft.id, true);
      if (read?.kind !== 'credit-note') throw new NotFound('Document');
      assertAllowed('issue', staff.kind, read.kind, read.status);
      if (read.invoice?.id !== invoiceId) {
        invoiceId = read.invoice?.id;
        throw new StaleWrite('The credit note');
      }
      // The note as it is issued: its taxes follow the parties it freezes, and what it credits is that total.
      const sending = frozen(read);
      const note = { ...read, ...sending.fields };
      if (note.total <= 0) throw new Unprocessable('EMPTY_CREDIT_NOTE', 'A credit note of nothing cannot be issued.');
      const credit = invoice ? creditInvoice(invoice, note, staff, on) : undefined;
      const applied = credit?.applied ?? 0;
      const credited = note.total - applied;
      const source = { type: 'credit_note' as const, id: note.id };
      const issue = decide(read, 'issue', staff, {
        on,
        fields: { ...sending.fields, allocation: { applied, credited } },
        details: { ...sending.details, ...(invoice && { invoiceId: invoice.id, invoiceNumber: invoice.number }), applied, credited },
        event: { docId: note.id, recipients, ...(invoice && { invoiceId: invoice.id }), amount: note.total, applied, credited, currency: note.currency },
        steps:
          credited > 0
            ? creditSteps(
                staff.orgId,
                [
                  {
                    kind: 'credit_note',
                    source,
                    amount: credited,
                    contactId: note.contactId,
                    currency: note.currency,
                    docId: note.id,
                    documentNumber: note.number,
                  },
                ],
                on,
              )
            : [],
      });
      await transact([...issue.steps, ...(credit?.steps ?? [])]);
      return issue.document;
    },
    { retryOn: (error) => error instanceof StaleWrite },
  );
  count('DocumentsSent');
  return issued;
}

/**
 * What voiding an issued credit note takes back: the credit it put on the
 * contact's credit, only while that much is still there (credit is pooled per
 * contact and currency). A note that lowered its invoice's balance is not
 * voided (the rule's guard): a new invoice corrects it.
 */
export function creditNoteVoidSteps(note: StoredDocument, on: string) {
  const credited = note.allocation?.credited ?? 0;
  if (credited === 0) return [];
  const movement = {
    kind: 'credit_note_voided' as const,
    source: { type: 'credit_note' as const, id: note.id },
    amount: -credited,
    contactId: note.contactId,
    currency: note.currency,
    docId: note.id,
    documentNumber: note.number,
  };
  return creditSteps(note.orgId, [movement], on);
}

/** Credit a voided note would take back was spent already: refused as a conflict with what happened since, not as bad input. */
export const creditSpent = (error: unknown) =>
  error instanceof Unprocessable && error.code === 'INSUFFICIENT_CREDIT'
    ? new Conflict('CREDIT_NOTE_CREDIT_SPENT', "The credit note's credit was applied or refunded already; it cannot be voided.")
    : error;
