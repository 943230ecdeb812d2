import { actorRef } from '../access/actor.ts';
import type { StaffContext } from '../access/context.ts';
import { commit, type Step } from '../audit/commit.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { requireContact } from '../contacts/lookup.ts';
import { markHasDocuments } from '../contacts/repository.ts';
import { NotFound, StaleWrite, Unprocessable } from '../errors.ts';
import { idempotent } from '../idempotency/service.ts';
import { newId } from '../ids.ts';
import { log } from '../log.ts';
import type { ListInput } from '../shapes.ts';
import { listActivity } from './activity.ts';
import { apply, decideCreation } from './commands.ts';
import { composeDocument, type DocumentContent, lineInputOf } from './compose.ts';
import { invoiceLink, invoiceToCredit } from './credit-notes.ts';
import { type DocumentKind, documentNumber } from './kinds.ts';
import { requireDocument } from './lookup.ts';
import { partiesOf } from './parties.ts';
import * as documents from './repository.ts';
import type { CreateDocumentInput, ListDocumentsInput, StoredDocument, UpdateDocumentInput } from './schema.ts';
import { returnSequence, returnSequenceStep, takeNextSequence } from './sequence-repository.ts';
import { allOf, equals, statusFilter } from './status-filter.ts';
import { commentView, documentView, paymentView } from './view.ts';

/**
 * Creates a draft. Everything that can refuse the request (contact, currency,
 * dates, totals, the idempotency key) is checked before a number is taken, so
 * a refused request leaves no gap; the number is then taken by one atomic
 * increment and the document written with its first activity entry.
 */
export async function createDocument(staff: StaffContext, kind: DocumentKind, input: CreateDocumentInput, idempotencyKey: string | undefined) {
  return idempotent({ orgId: staff.orgId, scope: `create-${kind}`, key: idempotencyKey, request: input }, async (complete) => {
    const on = todayIn(staff.organization);
    const contact = await requireContactIn(staff.orgId, input.contactId);
    const parties = partiesOf(staff.organization, contact);
    // A credit note of an invoice is in the invoice's currency unless told otherwise.
    const invoice = kind === 'credit-note' && input.invoiceId ? await invoiceToCredit(staff.orgId, input.invoiceId) : undefined;
    const currency = input.currency ?? invoice?.currency ?? staff.organization.currency;
    const content = composeDocument(kind, { ...input, currency, issueDate: input.issueDate ?? on }, parties);
    // Marked before the contact is read again: a concurrent delete of the contact either fails or makes this create a 422.
    await markHasDocuments(staff.orgId, input.contactId);
    await requireContactIn(staff.orgId, input.contactId);
    const link = invoice ? { invoice: invoiceLink(staff, invoice, content, on) } : {};
    const document = await numberedDraft(staff, kind, content, link);
    const view = documentView(document, on);
    const creation = decideCreation(document, staff, { details: { number: document.number, total: document.total }, steps: complete(view) });
    await writeNumbered(document, creation.steps);
    return view;
  });
}

/** A new draft with the next number of its kind: the last step before writing, once the content is valid. */
export const numberedDraft = (staff: StaffContext, kind: DocumentKind, content: DocumentContent, extra: Partial<StoredDocument> = {}) =>
  numberedDocument(staff.orgId, kind, content, actorRef(staff) as StoredDocument['createdBy'], extra);

/** A new document with the next number of its kind, in the name of `createdBy` (a late fee: the author of the invoice it is charged on). */
export async function numberedDocument(
  orgId: string,
  kind: DocumentKind,
  content: DocumentContent,
  createdBy: StoredDocument['createdBy'],
  extra: Partial<StoredDocument> = {},
): Promise<StoredDocument> {
  const sequence = await takeNextSequence(orgId, kind);
  const now = clock.iso();
  return {
    id: newId('doc'),
    orgId,
    kind,
    number: documentNumber(kind, sequence),
    sequence,
    status: 'draft',
    ...content,
    amountPaid: 0,
    creditsApplied: 0,
    balance: content.total,
    createdBy,
    ...extra,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Writes a document that just took its number. Should the write fail anyway,
 * the number is given back while it is still the last one; otherwise the
 * hole is logged for the operator, never hidden.
 */
export async function writeNumbered(document: StoredDocument, steps: Step[]): Promise<void> {
  try {
    await commit(steps);
  } catch (error) {
    if (!(await returnSequence(document.orgId, document.kind, document.sequence))) {
      log.error('document number left unused', { orgId: document.orgId, kind: document.kind, sequence: document.sequence });
    }
    throw error;
  }
}

async function requireContactIn(orgId: string, contactId: string) {
  try {
    return await requireContact(orgId, contactId);
  } catch (error) {
    // A contact id in a body is not a path: an unknown one makes the request unprocessable.
    if (error instanceof NotFound) throw new Unprocessable('UNKNOWN_CONTACT', 'The contact does not exist in this organization.', { field: 'contactId' });
    throw error;
  }
}

/** The organization's documents of a kind, newest number first, filtered by status and contact. */
export async function listDocuments(staff: StaffContext, kind: DocumentKind, query: ListDocumentsInput) {
  const on = todayIn(staff.organization);
  const filter = allOf([...(query.status ? [statusFilter(query.status, on)] : []), ...(query.contactId ? [equals('contactId', query.contactId)] : [])]);
  const page = await documents.listDocumentsByKind(staff.orgId, kind, { limit: query.limit, cursor: query.cursor }, filter);
  return { items: page.items.map((document) => documentView(document, on)), nextCursor: page.nextCursor };
}

/** One document with its comments and payments (one Query). */
export async function readDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const { document, comments, commentsCursor, payments } = await documents.getDocumentThread(staff.orgId, docId);
  if (!document || document.kind !== kind) throw new NotFound('Document');
  return { ...documentView(document, todayIn(staff.organization)), comments: comments.map(commentView), commentsCursor, payments: payments.map(paymentView) };
}

/** Edits a draft on the version it read (or the client's `version`): a concurrent edit gets 409. */
export async function updateDocument(staff: StaffContext, kind: DocumentKind, docId: string, input: UpdateDocumentInput) {
  const current = await requireDocument(staff.orgId, kind, docId);
  const { version, ...changes } = input;
  if (version !== undefined && version !== current.version) throw new StaleWrite('The document');
  const changed = Object.keys(changes).filter((field) => (changes as Record<string, unknown>)[field] !== undefined);
  if (changed.length === 0) throw new Unprocessable('NOTHING_TO_UPDATE', 'Give at least one field to change.');
  const contact =
    changes.contactId !== undefined && changes.contactId !== current.contactId
      ? await requireContactIn(staff.orgId, changes.contactId)
      : await requireContact(staff.orgId, current.contactId);

  const content = composeDocument(
    kind,
    {
      contactId: changes.contactId ?? current.contactId,
      currency: changes.currency ?? current.currency,
      issueDate: changes.issueDate ?? current.issueDate,
      dueDate: changes.dueDate ?? (changes.issueDate !== undefined && current.dueDate === current.issueDate ? undefined : current.dueDate),
      expiryDate: changes.expiryDate ?? current.expiryDate,
      lines: changes.lines ?? current.lines.map(lineInputOf),
      discount: changes.discount === undefined ? current.discount : changes.discount,
      notes: changes.notes ?? current.notes,
      terms: changes.terms ?? current.terms,
      buyerReference: changes.buyerReference === undefined ? current.buyerReference : changes.buyerReference,
      invoiceId: changes.invoiceId,
    },
    partiesOf(staff.organization, contact),
  );
  const details = { fields: changed, ...(content.total === current.total ? {} : { total: { from: current.total, to: content.total } }) };
  const on = todayIn(staff.organization);
  const invoiceId = changes.invoiceId === undefined ? current.invoice?.id : (changes.invoiceId ?? undefined);
  // A credit note's invoice is checked again against the edited content; `null` unlinks it.
  const invoice = invoiceId ? invoiceLink(staff, await invoiceToCredit(staff.orgId, invoiceId), content, on) : undefined;
  const next = await apply(current, 'edit', staff, { on, fields: { ...content, ...(kind === 'credit-note' && { invoice }) }, details });
  return documentView(next, on);
}

/**
 * Deletes a draft. Its number goes back to the sequence, which only the last
 * number can: deleting an earlier draft would leave a gap, so it is refused
 * (409) and the draft should be voided, keeping its number on record.
 */
export async function deleteDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const current = await requireDocument(staff.orgId, kind, docId);
  await apply(current, 'delete', staff, {
    on: todayIn(staff.organization),
    details: { number: current.number },
    steps: [returnSequenceStep(staff.orgId, kind, current.sequence)],
  });
}

/** A page of a document's audit trail, oldest first. */
export async function documentActivity(staff: StaffContext, kind: DocumentKind, docId: string, page: ListInput) {
  await requireDocument(staff.orgId, kind, docId);
  return listActivity(staff.orgId, docId, page);
}
