import { markHasDocuments } from '../contacts/repository.ts';
import { requireContact } from '../contacts/service.ts';
import { transact } from '../db/transact.ts';
import { NotFound, StaleWrite, Unprocessable } from '../errors.ts';
import type { MemberCaller } from '../http/callers.ts';
import { idempotent } from '../idempotency/service.ts';
import { newId } from '../ids.ts';
import { log } from '../log.ts';
import { activityStep, listActivity } from './activity.ts';
import { composeDocument, type DocumentContent } from './compose.ts';
import { documentNumber, kindFromPath, type DocumentKind } from './kinds.ts';
import * as documents from './repository.ts';
import type { CreateDocumentInput, ListDocumentsInput, StaffActor, StoredDocument, UpdateDocumentInput } from './schema.ts';
import { returnSequence, returnSequenceStep, takeNextSequence } from './sequence-repository.ts';
import { effectiveStatus } from './status.ts';
import { allOf, equals, statusFilter } from './status-filter.ts';
import { assertTransition } from './transitions.ts';
import { commentView, documentView, paymentView, today } from './view.ts';
import { clock } from '../clock.ts';

export const staffActor = (caller: MemberCaller): StaffActor => ({ type: 'staff', id: caller.staffId, email: caller.email });

/** A document of the caller's organization, of the kind in the path; anything else is 404. */
export async function requireDocument(orgId: string, kind: DocumentKind, docId: string): Promise<StoredDocument> {
  const document = await documents.getDocument(orgId, docId);
  if (!document || document.kind !== kind) throw new NotFound('Document');
  return document;
}

/**
 * Creates a draft. Everything that can refuse the request (contact, currency,
 * dates, totals, the idempotency key) is checked before a number is taken, so
 * a refused request leaves no gap; the number is then taken by one atomic
 * increment and the document written with its first activity entry.
 */
export async function createDocument(caller: MemberCaller, kindPath: string, input: CreateDocumentInput, idempotencyKey: string | undefined) {
  const kind = kindFromPath(kindPath);
  return idempotent({ orgId: caller.orgId, scope: `create-${kind}`, key: idempotencyKey, request: input }, async (complete) => {
    const { organization } = caller;
    const content = composeDocument(kind, { ...input, currency: input.currency ?? organization.currency, issueDate: input.issueDate ?? today() });
    // Marked before the contact is read: a concurrent delete of the contact either fails or makes this create a 422.
    await markHasDocuments(caller.orgId, input.contactId);
    await requireContactIn(caller.orgId, input.contactId);
    const document = await numberedDraft(caller, kind, content);
    const now = document.createdAt;
    const view = documentView(document);
    await writeNumbered(document, [
      documents.putNewDocumentStep(document),
      activityStep(caller.orgId, { docId: document.id, action: 'created', actor: staffActor(caller), at: now, details: { number: document.number, total: document.total } }),
      ...complete(view),
    ]);
    return view;
  });
}

/** A new draft with the next number of its kind: the last step before writing, once the content is valid. */
export async function numberedDraft(caller: MemberCaller, kind: DocumentKind, content: DocumentContent, extra: Partial<StoredDocument> = {}): Promise<StoredDocument> {
  const sequence = await takeNextSequence(caller.orgId, kind);
  const now = clock.iso();
  return {
    id: newId('doc'),
    orgId: caller.orgId,
    kind,
    number: documentNumber(kind, sequence),
    sequence,
    status: 'draft',
    ...content,
    amountPaid: 0,
    creditsApplied: 0,
    balance: content.total,
    createdBy: staffActor(caller),
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
export async function writeNumbered(document: StoredDocument, steps: Parameters<typeof transact>[0]): Promise<void> {
  try {
    await transact(steps);
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
export async function listDocuments(caller: MemberCaller, kindPath: string, query: ListDocumentsInput) {
  const kind = kindFromPath(kindPath);
  const on = today();
  const filter = allOf([
    ...(query.status ? [statusFilter(query.status, on)] : []),
    ...(query.contactId ? [equals('contactId', query.contactId)] : []),
  ]);
  const page = await documents.listDocumentsByKind(caller.orgId, kind, { limit: query.limit, cursor: query.cursor }, filter);
  return { items: page.items.map((document) => documentView(document, on)), nextCursor: page.nextCursor };
}

/** One document with its comments and payments (one Query). */
export async function readDocument(caller: MemberCaller, kindPath: string, docId: string) {
  const kind = kindFromPath(kindPath);
  const { document, comments, payments } = await documents.getDocumentThread(caller.orgId, docId);
  if (!document || document.kind !== kind) throw new NotFound('Document');
  return { ...documentView(document), comments: comments.map(commentView), payments: payments.map(paymentView) };
}

/** Edits a draft on the version it read (or the client's `version`): a concurrent edit gets 409. */
export async function updateDocument(caller: MemberCaller, kindPath: string, docId: string, input: UpdateDocumentInput) {
  const kind = kindFromPath(kindPath);
  const current = await requireDocument(caller.orgId, kind, docId);
  const { version, ...changes } = input;
  if (version !== undefined && version !== current.version) throw new StaleWrite('The document');
  assertTransition('edit', 'staff', kind, effectiveStatus(current, today()));
  const changed = Object.keys(changes).filter((field) => (changes as Record<string, unknown>)[field] !== undefined);
  if (changed.length === 0) throw new Unprocessable('NOTHING_TO_UPDATE', 'Give at least one field to change.');
  if (changes.contactId !== undefined && changes.contactId !== current.contactId) await requireContactIn(caller.orgId, changes.contactId);

  const content = composeDocument(kind, {
    contactId: changes.contactId ?? current.contactId,
    currency: changes.currency ?? current.currency,
    issueDate: changes.issueDate ?? current.issueDate,
    dueDate: changes.dueDate ?? (changes.issueDate !== undefined && current.dueDate === current.issueDate ? undefined : current.dueDate),
    expiryDate: changes.expiryDate ?? current.expiryDate,
    lines: changes.lines ?? current.lines.map(({ description, quantity, unitPrice, discount, taxRate }) => ({ description, quantity, unitPrice, discount, taxRate })),
    discount: changes.discount === undefined ? current.discount : changes.discount,
    notes: changes.notes ?? current.notes,
    terms: changes.terms ?? current.terms,
  });
  const now = clock.iso();
  const next: StoredDocument = { ...current, ...content, balance: content.total - current.amountPaid, version: current.version + 1, updatedAt: now };
  const details = { fields: changed, ...(next.total === current.total ? {} : { total: { from: current.total, to: next.total } }) };
  await transact([
    documents.replaceDocumentStep(next, current),
    activityStep(caller.orgId, { docId, action: 'edited', actor: staffActor(caller), at: now, details }),
  ]);
  return documentView(next);
}

/**
 * Deletes a draft. Its number goes back to the sequence, which only the last
 * number can: deleting an earlier draft would leave a gap, so it is refused
 * (409) and the draft should be voided, keeping its number on record.
 */
export async function deleteDocument(caller: MemberCaller, kindPath: string, docId: string) {
  const kind = kindFromPath(kindPath);
  const current = await requireDocument(caller.orgId, kind, docId);
  assertTransition('delete', 'staff', kind, effectiveStatus(current, today()));
  await transact([
    documents.deleteDocumentStep(current),
    returnSequenceStep(caller.orgId, kind, current.sequence),
    activityStep(caller.orgId, { docId, action: 'deleted', actor: staffActor(caller), at: clock.iso(), details: { number: current.number } }),
  ]);
}

/** A document's audit trail, oldest first. */
export async function documentActivity(caller: MemberCaller, kindPath: string, docId: string) {
  await requireDocument(caller.orgId, kindFromPath(kindPath), docId);
  return { items: await listActivity(caller.orgId, docId), nextCursor: null };
}
