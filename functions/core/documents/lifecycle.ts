import { clock } from '../clock.ts';
import { requireContact } from '../contacts/service.ts';
import { transact } from '../db/transact.ts';
import { Conflict } from '../errors.ts';
import type { MemberCaller } from '../http/callers.ts';
import { idempotent } from '../idempotency/service.ts';
import { activityStep } from './activity.ts';
import { composeDocument } from './compose.ts';
import { kindFromPath } from './kinds.ts';
import { notifyDocumentSent, portalRecipients } from './notifications.ts';
import * as documents from './repository.ts';
import type { StoredDocument } from './schema.ts';
import { numberedDraft, requireDocument, staffActor, writeNumbered } from './service.ts';
import { effectiveStatus } from './status.ts';
import { assertTransition } from './transitions.ts';
import { documentView, today } from './view.ts';

/** Sends a draft: it appears in the portal and the contact's persons with portal access are emailed. */
export async function sendDocument(caller: MemberCaller, kindPath: string, docId: string) {
  const kind = kindFromPath(kindPath);
  const current = await requireDocument(caller.orgId, kind, docId);
  assertTransition('send', 'staff', kind, effectiveStatus(current, today()));
  const { organization } = caller;
  const contact = await requireContact(caller.orgId, current.contactId);
  const now = clock.iso();
  const next: StoredDocument = { ...current, status: 'sent', sentAt: now, version: current.version + 1, updatedAt: now };
  const recipients = organization.portalEnabled ? portalRecipients(contact).map((person) => person.id) : [];
  await transact([
    documents.replaceDocumentStep(next, current),
    activityStep(caller.orgId, { docId, action: 'sent', actor: staffActor(caller), at: now, details: { recipients } }),
  ]);
  await notifyDocumentSent(organization, contact, next);
  return documentView(next);
}

/** Voids a document that has no money against it; it keeps its number, so the sequence stays unbroken. */
export async function voidDocument(caller: MemberCaller, kindPath: string, docId: string) {
  const kind = kindFromPath(kindPath);
  const current = await requireDocument(caller.orgId, kind, docId);
  assertTransition('void', 'staff', kind, effectiveStatus(current, today()));
  if (current.amountPaid > 0) throw new Conflict('HAS_PAYMENTS', 'A document with payments cannot be voided.');
  const now = clock.iso();
  const next: StoredDocument = { ...current, status: 'void', voidedAt: now, version: current.version + 1, updatedAt: now };
  await transact([
    documents.replaceDocumentStep(next, current),
    activityStep(caller.orgId, { docId, action: 'voided', actor: staffActor(caller), at: now, details: { from: current.status } }),
  ]);
  return documentView(next);
}

/**
 * Turns an accepted estimate into a draft invoice, once: the estimate's id is
 * claimed as an idempotency key, so a concurrent second conversion is refused
 * (or, once the first finished, answered with its invoice), and the estimate
 * is marked converted in the invoice's transaction.
 */
export async function convertEstimate(caller: MemberCaller, estimateId: string) {
  const estimate = await requireDocument(caller.orgId, 'estimate', estimateId);
  assertTransition('convert', 'staff', 'estimate', effectiveStatus(estimate, today()));
  const { response } = await idempotent({ orgId: caller.orgId, scope: 'convert', key: estimate.id, request: {} }, async (complete) => {
    const issueDate = today();
    const content = composeDocument('invoice', {
      contactId: estimate.contactId,
      currency: estimate.currency,
      issueDate,
      lines: estimate.lines.map(({ description, quantity, unitPrice, discount, taxRate }) => ({ description, quantity, unitPrice, discount, taxRate })),
      discount: estimate.discount,
      notes: estimate.notes,
      terms: estimate.terms,
    });
    const invoice = await numberedDraft(caller, 'invoice', content, { convertedFrom: { id: estimate.id, number: estimate.number } });
    const now = invoice.createdAt;
    const converted: StoredDocument = { ...estimate, status: 'converted', convertedTo: { id: invoice.id, number: invoice.number }, version: estimate.version + 1, updatedAt: now };
    const view = documentView(invoice);
    await writeNumbered(invoice, [
      documents.putNewDocumentStep(invoice),
      documents.replaceDocumentStep(converted, estimate),
      activityStep(caller.orgId, { docId: invoice.id, action: 'created', actor: staffActor(caller), at: now, details: { number: invoice.number, total: invoice.total, convertedFrom: estimate.number } }),
      activityStep(caller.orgId, { docId: estimate.id, action: 'converted', actor: staffActor(caller), at: now, details: { invoiceId: invoice.id, invoiceNumber: invoice.number } }),
      ...complete(view),
    ]);
    return view;
  });
  return response;
}
