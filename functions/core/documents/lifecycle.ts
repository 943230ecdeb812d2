import type { StaffContext } from '../access/context.ts';
import { requireContact } from '../contacts/service.ts';
import { idempotent } from '../idempotency/service.ts';
import { portalRecipients } from '../notifications/mails.ts';
import { apply, decide, decideCreation } from './commands.ts';
import { composeDocument } from './compose.ts';
import type { DocumentKind } from './kinds.ts';
import { numberedDraft, requireDocument, writeNumbered } from './service.ts';
import { documentView, today } from './view.ts';

/** Sends a draft: it appears in the portal, and the consumer lane emails the contact's persons with portal access. */
export async function sendDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const current = await requireDocument(staff.orgId, kind, docId);
  const contact = await requireContact(staff.orgId, current.contactId);
  const recipients = staff.organization.portalEnabled ? portalRecipients(contact).map((person) => person.id) : [];
  const next = await apply(current, 'send', staff, { details: { recipients }, event: { docId, recipients } });
  return documentView(next);
}

/** Voids a document that has no money against it; it keeps its number, so the sequence stays unbroken. */
export async function voidDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const current = await requireDocument(staff.orgId, kind, docId);
  const next = await apply(current, 'void', staff, { details: { from: current.status }, event: { docId } });
  return documentView(next);
}

/**
 * Turns an accepted estimate into a draft invoice, once: the estimate's id is
 * claimed as an idempotency key, so a concurrent second conversion is refused
 * (or, once the first finished, answered with its invoice), and the estimate
 * is marked converted in the invoice's transaction.
 */
export async function convertEstimate(staff: StaffContext, estimateId: string) {
  const estimate = await requireDocument(staff.orgId, 'estimate', estimateId);
  // Refused before a number is taken: only an accepted estimate converts.
  decide(estimate, 'convert', staff);
  const { response } = await idempotent({ orgId: staff.orgId, scope: 'convert', key: estimate.id, request: {} }, async (complete) => {
    const content = composeDocument('invoice', {
      contactId: estimate.contactId,
      currency: estimate.currency,
      issueDate: today(),
      lines: estimate.lines.map(({ description, quantity, unitPrice, discount, taxRate }) => ({ description, quantity, unitPrice, discount, taxRate })),
      discount: estimate.discount,
      notes: estimate.notes,
      terms: estimate.terms,
    });
    const invoice = await numberedDraft(staff, 'invoice', content, { convertedFrom: { id: estimate.id, number: estimate.number } });
    const view = documentView(invoice);
    const creation = decideCreation(invoice, staff, { details: { number: invoice.number, total: invoice.total, convertedFrom: estimate.number } });
    const conversion = decide(estimate, 'convert', staff, {
      fields: { convertedTo: { id: invoice.id, number: invoice.number } },
      details: { invoiceId: invoice.id, invoiceNumber: invoice.number },
      steps: complete(view),
    });
    await writeNumbered(invoice, [...creation.steps, ...conversion.steps]);
    return view;
  });
  return response;
}
