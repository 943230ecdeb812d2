import type { PortalContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { kindLabels } from '../documents/kinds.ts';
import { getDocuments } from '../documents/repository.ts';
import { rules } from '../documents/rules.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { effectiveStatus } from '../documents/status.ts';
import { NotFound, Unprocessable } from '../errors.ts';

/** Whether a document can take money on `on` (today in its organization's zone): the writer's `pay` rule takes its kind and status, and it still has a balance. The one definition of payable. */
export const isOpenForPayment = (document: StoredDocument, on: string) =>
  rules.pay.kinds.includes(document.kind) && rules.pay.from.includes(effectiveStatus(document, on)) && document.balance > 0;

/**
 * The documents a portal person asks to pay, each one their own contact's
 * (anything else is 404, as if it did not exist), payable (an invoice or
 * retainer invoice, open, with a balance: what the writer's `pay` rule takes)
 * and all in one currency.
 */
export async function payableDocuments(person: PortalContext, docIds: readonly string[]): Promise<StoredDocument[]> {
  const found = await getDocuments(person.orgId, docIds);
  const documents = found.map((document) => {
    if (!document || document.contactId !== person.contactId || document.status === 'draft') throw new NotFound('Document');
    return document;
  });
  const on = todayIn(person.organization);
  for (const document of documents) {
    if (!rules.pay.kinds.includes(document.kind)) {
      throw new Unprocessable('DOCUMENT_NOT_PAYABLE', `${kindLabels[document.kind]}s cannot be paid online.`, { docId: document.id });
    }
    const status = effectiveStatus(document, on);
    if (!rules.pay.from.includes(status) || document.balance <= 0) {
      throw new Unprocessable('DOCUMENT_NOT_OPEN', `${document.number} is ${status.replace('_', ' ')}: there is nothing to pay.`, {
        docId: document.id,
        status,
      });
    }
  }
  const currencies = [...new Set(documents.map((document) => document.currency))];
  if (currencies.length > 1) throw new Unprocessable('CURRENCY_MISMATCH', 'Documents in different currencies cannot be paid together.', { currencies });
  return documents;
}
