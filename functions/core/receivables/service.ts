import type { PortalContext, StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import type { Contact } from '../contacts/schema.ts';
import { requireContact } from '../contacts/service.ts';
import { isPayable } from '../documents/kinds.ts';
import { allContactDocuments, listOpenReceivables } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { listContactMovements } from '../ledger/repository.ts';
import type { DocumentEntryKind } from '../ledger/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { ageReceivables, type OpenInvoice } from './aging.ts';
import type { StatementRange } from './schema.ts';
import { buildStatement, type StatementEntry } from './statement.ts';

const openInvoice = (document: StoredDocument): OpenInvoice => ({
  id: document.id,
  contactId: document.contactId,
  currency: document.currency,
  dueDate: document.dueDate ?? document.issueDate,
  balance: document.balance,
});

/** Accounts-receivable aging of the whole organization as of a date: every sent invoice and retainer invoice with a balance (GSI3). */
export async function agingReport(caller: StaffContext, asOf = todayIn(caller.organization)) {
  return ageReceivables((await listOpenReceivables(caller.orgId)).map(openInvoice), asOf);
}

export async function staffStatement(caller: StaffContext, contactId: string, range: StatementRange) {
  const { organization } = caller;
  const contact = await requireContact(caller.orgId, contactId);
  return statementOf(organization, contact, range);
}

export async function portalStatement(caller: PortalContext, range: StatementRange) {
  return statementOf(caller.organization, caller.contact, range);
}

/** How each movement on a document shows on a statement: money in lowers what the contact owes, money given back raises it. */
const statementTypes: Record<DocumentEntryKind, StatementEntry['type']> = {
  payment: 'payment',
  online_payment: 'payment',
  credit_applied: 'credit',
  credit_note: 'credit-note',
  refund: 'refund',
  reversal: 'reversal',
};

/**
 * A contact's statement of account in one currency: sent invoices and
 * retainer invoices are debits on their issue date; every entry of their
 * ledgers is a line on its date (payments, applied credit and credit notes
 * lower the balance, refunds and reversals raise it; a credit note's line
 * carries its own number); voided documents are left out. What a credit note
 * put on the contact's credit shows once applied, as credit.
 * Since a document's balance is its total less its entries, the closing
 * balance equals the sum of the open balances, which the aging of the same
 * contact (as of `to`) splits into buckets.
 */
async function statementOf(organization: Organization, contact: Contact, range: StatementRange) {
  const to = range.to ?? todayIn(organization);
  const from = range.from ?? `${to.slice(0, 8)}01`;
  const currency = range.currency ?? organization.currency;
  const [documents, movements, open] = await Promise.all([
    allContactDocuments(organization.id, contact.id),
    listContactMovements(organization.id, contact.id),
    listOpenReceivables(organization.id, contact.id),
  ]);
  const entries: StatementEntry[] = [
    ...documents
      .filter((document) => isPayable(document.kind) && document.status !== 'void' && document.currency === currency && document.total > 0)
      .map(
        (document): StatementEntry => ({
          date: document.issueDate,
          type: document.kind === 'invoice' ? 'invoice' : 'retainer-invoice',
          reference: document.number,
          amount: document.total,
          effect: 'debit',
        }),
      ),
    ...movements
      .filter((movement) => movement.currency === currency)
      .map(
        (movement): StatementEntry => ({
          date: movement.date,
          type: statementTypes[movement.kind],
          reference: movement.sourceNumber ?? movement.documentNumber ?? movement.source.id,
          amount: Math.abs(movement.amount),
          effect: movement.amount > 0 ? 'credit' : 'debit',
        }),
      ),
  ];
  const statement = buildStatement({ currency, from, to, entries });
  const aging = ageReceivables(open.filter((document) => document.currency === currency).map(openInvoice), to);
  return {
    contact: { id: contact.id, name: contact.name },
    ...statement,
    aging: aging.totals[0] ?? { currency, current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 0 },
  };
}
