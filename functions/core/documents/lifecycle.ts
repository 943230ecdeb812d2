import type { StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { requireContact } from '../contacts/lookup.ts';
import { idempotent } from '../idempotency/service.ts';
import { portalRecipients } from '../notifications/mails.ts';
import { reminderScheduleOnSend } from '../reminders/on-send.ts';
import { apply, decide, decideCreation } from './commands.ts';
import { composeDocument, lineInputOf, recompose } from './compose.ts';
import { creditNoteVoidSteps, creditSpent, type Frozen, issueCreditNote } from './credit-notes.ts';
import type { DocumentKind } from './kinds.ts';
import { requireDocument } from './lookup.ts';
import { partiesOf } from './parties.ts';
import type { StoredDocument } from './schema.ts';
import { numberedDraft, writeNumbered } from './service.ts';
import { documentView } from './view.ts';

/** Sends a draft: it appears in the portal, and the consumer lane emails the contact's persons with portal access. */
export async function sendDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const current = await requireDocument(staff.orgId, kind, docId);
  const contact = await requireContact(staff.orgId, current.contactId);
  const recipients = staff.organization.portalEnabled ? portalRecipients(contact).map((person) => person.id) : [];
  const on = todayIn(staff.organization);
  // Seller and buyer are frozen as they are now, and the taxes computed again for them: a sent document never changes with a profile.
  const parties = partiesOf(staff.organization, contact);
  const frozen = (draft: StoredDocument): Frozen => {
    const content = recompose(draft, parties);
    const total = content.total === draft.total ? {} : { total: { from: draft.total, to: content.total } };
    return { fields: { ...content, seller: parties.seller, buyer: parties.buyer }, details: { recipients, ...total } };
  };
  const next =
    kind === 'credit-note'
      ? await issueCreditNote(staff, current, on, { recipients, frozen })
      : await apply(current, 'send', staff, {
          on,
          ...frozen(current),
          event: { docId, recipients },
          steps: reminderScheduleOnSend(staff.organization, { ...current, ...frozen(current).fields }),
        });
  return documentView(next, on);
}

/**
 * Voids a document that has no money against it; it keeps its number, so the
 * sequence stays unbroken. An issued credit note takes back the credit it gave,
 * while the contact still has it.
 */
export async function voidDocument(staff: StaffContext, kind: DocumentKind, docId: string) {
  const current = await requireDocument(staff.orgId, kind, docId);
  const on = todayIn(staff.organization);
  const steps = kind === 'credit-note' ? creditNoteVoidSteps(current, on) : [];
  const next = await apply(current, 'void', staff, { on, details: { from: current.status }, event: { docId }, steps }).catch((error) => {
    throw creditSpent(error);
  });
  return documentView(next, on);
}

/**
 * Turns an accepted estimate into a draft invoice, once: the estimate's id is
 * claimed as an idempotency key, so a concurrent second conversion is refused
 * (or, once the first finished, answered with its invoice), and the estimate
 * is marked converted in the invoice's transaction.
 */
export async function convertEstimate(staff: StaffContext, estimateId: string) {
  const estimate = await requireDocument(staff.orgId, 'estimate', estimateId);
  const on = todayIn(staff.organization);
  // Refused before a number is taken: only an accepted estimate converts.
  decide(estimate, 'convert', staff, { on });
  const { response } = await idempotent({ orgId: staff.orgId, scope: 'convert', key: estimate.id, request: {} }, async (complete) => {
    const content = composeDocument(
      'invoice',
      {
        contactId: estimate.contactId,
        currency: estimate.currency,
        issueDate: on,
        lines: estimate.lines.map(lineInputOf),
        discount: estimate.discount,
        notes: estimate.notes,
        terms: estimate.terms,
        buyerReference: estimate.buyerReference,
      },
      partiesOf(staff.organization, await requireContact(staff.orgId, estimate.contactId)),
    );
    const invoice = await numberedDraft(staff, 'invoice', content, { convertedFrom: { id: estimate.id, number: estimate.number } });
    const view = documentView(invoice, on);
    const creation = decideCreation(invoice, staff, { details: { number: invoice.number, total: invoice.total, convertedFrom: estimate.number } });
    const conversion = decide(estimate, 'convert', staff, {
      on,
      fields: { convertedTo: { id: invoice.id, number: invoice.number } },
      details: { invoiceId: invoice.id, invoiceNumber: invoice.number },
      steps: complete(view),
    });
    await writeNumbered(invoice, [...creation.steps, ...conversion.steps]);
    return view;
  });
  return response;
}
