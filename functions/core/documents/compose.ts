import { Unprocessable } from '../errors.ts';
import { computeTotals } from '../money/totals.ts';
import { type DocumentKind, isPayable } from './kinds.ts';
import type { CreateDocumentInput, StoredDocument } from './schema.ts';
import { assertDocumentFits, BOOKKEEPING_BYTES } from './size.ts';

/** The fields of a document its author writes, with everything the server computes from them. */
export type DocumentContent = Pick<
  StoredDocument,
  | 'contactId'
  | 'currency'
  | 'issueDate'
  | 'dueDate'
  | 'expiryDate'
  | 'lines'
  | 'discount'
  | 'notes'
  | 'terms'
  | 'subtotal'
  | 'discountTotal'
  | 'taxes'
  | 'taxTotal'
  | 'total'
>;

export interface ContentInput extends Omit<CreateDocumentInput, 'currency' | 'issueDate'> {
  currency: string;
  issueDate: string;
}

/**
 * Checks a document's content and computes its totals: everything that can
 * reject a request happens here, before a number is taken (its size included). Due dates belong
 * to what is paid, expiry dates to estimates; an invoice without a due date is
 * due on receipt (its issue date).
 */
export function composeDocument(kind: DocumentKind, input: ContentInput): DocumentContent {
  const payable = isPayable(kind);
  if (kind !== 'estimate' && input.expiryDate !== undefined) notApplicable('expiryDate', kind);
  if (kind !== 'credit-note' && input.invoiceId != null) notApplicable('invoiceId', kind);
  if (!payable && input.dueDate !== undefined) notApplicable('dueDate', kind);
  const dueDate = payable ? (input.dueDate ?? input.issueDate) : undefined;
  for (const [field, value] of [
    ['dueDate', dueDate],
    ['expiryDate', input.expiryDate],
  ] as const) {
    if (value !== undefined && value < input.issueDate) {
      throw new Unprocessable('INVALID_DATE', `${field} cannot be before the issue date.`, { field });
    }
  }
  const totals = computeTotals({ currency: input.currency, lines: input.lines, discount: input.discount ?? undefined });
  const content: DocumentContent = {
    contactId: input.contactId,
    currency: input.currency,
    issueDate: input.issueDate,
    dueDate,
    expiryDate: input.expiryDate,
    lines: input.lines.map((line, index) => {
      const computed = totals.lines[index]!;
      return { ...line, net: computed.net, discountShare: computed.discount, tax: computed.tax, total: computed.total };
    }),
    discount: input.discount ?? undefined,
    notes: input.notes,
    terms: input.terms,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    taxes: totals.taxes,
    taxTotal: totals.taxTotal,
    total: totals.total,
  };
  assertDocumentFits(content, BOOKKEEPING_BYTES);
  return content;
}

function notApplicable(field: string, kind: DocumentKind): never {
  throw new Unprocessable('FIELD_NOT_APPLICABLE', `${field} does not apply to a ${kind}.`, { field });
}
