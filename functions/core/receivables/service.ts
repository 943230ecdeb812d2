import type { PortalContext, StaffContext } from '../access/context.ts';
import type { Contact } from '../contacts/schema.ts';
import { requireContact } from '../contacts/service.ts';
import { allContactDocuments, listOpenReceivables } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { today } from '../documents/view.ts';
import type { Organization } from '../orgs/schema.ts';
import { listContactPayments } from '../payments/repository.ts';
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
export async function agingReport(caller: StaffContext, asOf = today()) {
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

/**
 * A contact's statement of account in one currency: sent invoices and
 * retainer invoices are debits on their issue date, payments and applied
 * credit are credits on their date; voided documents are left out. Its
 * closing balance equals the sum of the open balances, which the aging of
 * the same contact (as of `to`) splits into buckets.
 */
async function statementOf(organization: Organization, contact: Contact, range: StatementRange) {
  const to = range.to ?? today();
  const from = range.from ?? `${to.slice(0, 8)}01`;
  const currency = range.currency ?? organization.currency;
  const [documents, payments, open] = await Promise.all([
    allContactDocuments(organization.id, contact.id),
    listContactPayments(organization.id, contact.id),
    listOpenReceivables(organization.id, contact.id),
  ]);
  const entries: StatementEntry[] = [
    ...documents
      .filter((document) => document.kind !== 'estimate' && document.status !== 'void' && document.currency === currency && document.total > 0)
      .map(
        (document): StatementEntry => ({
          date: document.issueDate,
          type: document.kind === 'invoice' ? 'invoice' : 'retainer-invoice',
          reference: document.number,
          amount: document.total,
          effect: 'debit',
        }),
      ),
    ...payments
      .filter((payment) => payment.currency === currency)
      .map(
        (payment): StatementEntry => ({
          date: payment.date,
          type: payment.method === 'credit' ? 'credit' : 'payment',
          reference: payment.documentNumber,
          amount: payment.amount,
          effect: 'credit',
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
