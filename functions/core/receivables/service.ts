import type { PortalContext, StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { compareCodePoints } from '../compare.ts';
import { requireContact } from '../contacts/lookup.ts';
import type { Contact } from '../contacts/schema.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { allContactDocuments, listOpenReceivables } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { listContactMovements } from '../ledger/repository.ts';
import type { DocumentEntryKind, LedgerEntry } from '../ledger/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { ageReceivables, type OpenInvoice } from './aging.ts';
import { isBilled } from './ledger-rows.ts';
import type { StatementRange } from './schema.ts';
import { buildStatementPage, type StatementEntry } from './statement.ts';

const openInvoice = (document: StoredDocument): OpenInvoice => ({
  id: document.id,
  contactId: document.contactId,
  currency: document.currency,
  dueDate: document.dueDate ?? document.issueDate,
  balance: document.balance,
});

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

const documentEntry = (document: StoredDocument): StatementEntry => ({
  id: document.id,
  date: document.issueDate,
  at: document.sentAt ?? document.createdAt,
  type: document.kind === 'invoice' ? 'invoice' : 'retainer-invoice',
  reference: document.number,
  document: { id: document.id, kind: document.kind },
  amount: document.total,
  effect: 'debit',
});

const movementEntry = (movement: LedgerEntry<DocumentEntryKind>, kinds: ReadonlyMap<string, DocumentKind>): StatementEntry => {
  // A movement a document caused (a credit note) shows that document, by its own number.
  const docId = movement.sourceNumber === undefined ? movement.docId : movement.source.id;
  const kind = docId === undefined ? undefined : kinds.get(docId);
  return {
    // An entry id is unique on its document only: one payment intent pays several documents.
    id: `${movement.docId ?? ''}#${movement.id}`,
    date: movement.date,
    at: movement.at,
    type: statementTypes[movement.kind],
    reference: movement.sourceNumber ?? movement.documentNumber ?? movement.source.id,
    ...(docId !== undefined && kind !== undefined ? { document: { id: docId, kind } } : {}),
    amount: Math.abs(movement.amount),
    effect: movement.amount > 0 ? 'credit' : 'debit',
  };
};

/**
 * The currency a statement answers: the one asked for; else the
 * organization's when the contact has activity in it, else the first the
 * contact has activity in, else the organization's.
 */
function statementCurrency(asked: string | undefined, organization: Organization, currencies: readonly string[]): string {
  if (asked !== undefined) return asked;
  if (currencies.length === 0 || currencies.includes(organization.currency)) return organization.currency;
  return currencies[0]!;
}

/** What every page of one statement is built from: the contact's entries in its currency, read once. */
export interface StatementSource {
  organization: Organization;
  contact: Contact;
  currencies: string[];
  currency: string;
  from: string;
  to: string;
  entries: StatementEntry[];
  aging: ReturnType<typeof ageReceivables>['totals'][number];
}

/**
 * A contact's statement of account in one currency, a page of lines at a
 * time: sent invoices and retainer invoices are debits on their issue date;
 * every entry of their ledgers is a line on its date (payments, applied
 * credit and credit notes lower the balance, refunds and reversals raise it;
 * a credit note's line is its own, by its number); voided documents are left
 * out. What a credit note put on the contact's credit shows once applied. Since a document's balance is its total less its entries, the
 * closing balance equals the sum of the open balances, which the aging of the
 * same contact (as of `to`) splits into buckets.
 */
async function statementOf(organization: Organization, contact: Contact, range: StatementRange) {
  return statementPage(await statementSource(organization, contact, range), range);
}

/** The period (`to` today in the organization's time zone, `from` the first of its month), the currency and the entries of a statement. */
export async function statementSource(
  organization: Organization,
  contact: Contact,
  range: Pick<StatementRange, 'from' | 'to' | 'currency'>,
): Promise<StatementSource> {
  const to = range.to ?? todayIn(organization);
  const from = range.from ?? `${to.slice(0, 8)}01`;
  const [allDocuments, movements, open] = await Promise.all([
    allContactDocuments(organization.id, contact.id),
    listContactMovements(organization.id, contact.id),
    listOpenReceivables(organization.id, contact.id),
  ]);
  const documents = allDocuments.filter(isBilled);
  const currencies = [...new Set([...documents.map((document) => document.currency), ...movements.map((movement) => movement.currency)])].sort(
    compareCodePoints,
  );
  const currency = statementCurrency(range.currency, organization, currencies);
  const kinds = new Map(allDocuments.map((document) => [document.id, document.kind]));
  const entries = [
    ...documents.filter((document) => document.currency === currency).map(documentEntry),
    ...movements.filter((movement) => movement.currency === currency).map((movement) => movementEntry(movement, kinds)),
  ];
  const aging = ageReceivables(open.filter((document) => document.currency === currency).map(openInvoice), to);
  return {
    organization,
    contact,
    currencies,
    currency,
    from,
    to,
    entries,
    aging: aging.totals[0] ?? { currency, current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days90plus: 0, total: 0 },
  };
}

/** One page of the statement a source holds: `limit` lines after `cursor`. */
export function statementPage(source: StatementSource, page: { limit: number; cursor?: string | undefined }) {
  const { currency, from, to, entries } = source;
  const { nextCursor, ...statement } = buildStatementPage({ currency, from, to, entries }, { limit: page.limit, cursor: page.cursor });
  return { contact: { id: source.contact.id, name: source.contact.name }, currencies: source.currencies, ...statement, aging: source.aging, nextCursor };
}
