import type { StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { listContactsAfter } from '../contacts/repository.ts';
import { allContactDocuments, openReceivablesPage } from '../documents/repository.ts';
import { BadRequest } from '../errors.ts';
import { listContactMovements } from '../ledger/repository.ts';
import { listAggregates } from './aggregate-repository.ts';
import { ageAggregates } from './aggregates.ts';
import { type AgingReport, ageBalances } from './aging.ts';
import { ledgerCsv } from './ledger-csv.ts';
import { currentRow, type LedgerRow, rowsAsOf } from './ledger-rows.ts';

/**
 * The receivables ledger: every open item behind the aging report, as of a
 * date. As of today or later it is what is open now (GSI3), aged as of that
 * date, and the aging report reads the aggregates the consumer lane keeps of
 * the same documents. As of a past date both are computed from the documents
 * and their ledger entries by date (every contact's; an export's cost), so
 * the report's totals are the ledger's sums and each contact's statement to
 * that date closes at its rows' sum.
 */

/** Where a page of the ledger stopped: the last row's contact and document, for the same `asOf` only. */
interface Position {
  contactId: string;
  docId: string;
}

const CONTACTS_PER_READ = 25;

const isPast = (caller: StaffContext, asOf: string) => asOf < todayIn(caller.organization);

/** Up to `limit` rows after a position, in contact then document order. */
async function rowsAfter(caller: StaffContext, asOf: string, limit: number, after: Position | undefined): Promise<{ rows: LedgerRow[]; more: boolean }> {
  if (!isPast(caller, asOf)) {
    const page = await openReceivablesPage(caller.orgId, limit, after && { contactId: after.contactId, docId: after.docId });
    return { rows: page.items.map((document) => currentRow(document, asOf)), more: page.more };
  }
  const rows: LedgerRow[] = [];
  // A page may stop inside a contact: that contact is read again and its rows taken after the document.
  if (after) rows.push(...(await contactRowsAsOf(caller.orgId, after.contactId, asOf)).filter((row) => row.documentId > after.docId));
  let contactId = after?.contactId;
  while (rows.length <= limit) {
    const contacts = await listContactsAfter(caller.orgId, CONTACTS_PER_READ, contactId);
    const read = await Promise.all(contacts.items.map((contact) => contactRowsAsOf(caller.orgId, contact.id, asOf)));
    rows.push(...read.flat());
    contactId = contacts.items.at(-1)?.id;
    if (contacts.nextCursor === null) break;
  }
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

async function contactRowsAsOf(orgId: string, contactId: string, asOf: string): Promise<LedgerRow[]> {
  const [documents, movements] = await Promise.all([allContactDocuments(orgId, contactId), listContactMovements(orgId, contactId)]);
  return rowsAsOf(documents, movements, asOf);
}

/** One page of the ledger as JSON: `{ asOf, items, nextCursor }`. */
export async function receivablesLedgerPage(caller: StaffContext, query: { asOf?: string; limit: number; cursor?: string }) {
  const asOf = query.asOf ?? todayIn(caller.organization);
  const { rows, more } = await rowsAfter(caller, asOf, query.limit, query.cursor === undefined ? undefined : decodePosition(query.cursor, asOf));
  const last = rows.at(-1);
  return { asOf, items: rows, nextCursor: more && last ? encodePosition(asOf, { contactId: last.contactId, docId: last.documentId }) : null };
}

/** Every row of the ledger, a page at a time: the CSV export and a past aging report read it whole. */
export async function* allLedgerRows(caller: StaffContext, asOf: string, pageSize = 500): AsyncGenerator<LedgerRow[]> {
  let after: Position | undefined;
  for (;;) {
    const { rows, more } = await rowsAfter(caller, asOf, pageSize, after);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!more || !last) return;
    after = { contactId: last.contactId, docId: last.documentId };
  }
}

/** The whole ledger as CSV, and the date it is as of. */
export async function receivablesLedgerCsv(caller: StaffContext, asOf = todayIn(caller.organization)) {
  return { asOf, csv: await ledgerCsv(allLedgerRows(caller, asOf)) };
}

/**
 * Accounts-receivable aging as of a date: from the aggregates (a few small
 * items per contact and month, whatever the number of invoices) as of today
 * or later; from the ledger's rows for a past date.
 */
export async function agingReport(caller: StaffContext, asOf = todayIn(caller.organization)): Promise<AgingReport> {
  if (!isPast(caller, asOf)) return ageAggregates(await listAggregates(caller.orgId), asOf);
  const balances = [];
  for await (const rows of allLedgerRows(caller, asOf)) balances.push(...rows);
  return ageBalances(balances, asOf);
}

function encodePosition(asOf: string, position: Position): string {
  return Buffer.from(JSON.stringify([asOf, position.contactId, position.docId])).toString('base64url');
}

function decodePosition(cursor: string, asOf: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const [cursorAsOf, contactId, docId] = Array.isArray(parsed) && parsed.length === 3 ? (parsed as unknown[]) : [];
  const valid = cursorAsOf === asOf && typeof contactId === 'string' && contactId !== '' && typeof docId === 'string' && docId !== '';
  if (!valid) throw new BadRequest('INVALID_CURSOR', 'The cursor is not one this report returned for that asOf.');
  return { contactId: contactId as string, docId: docId as string };
}
