import { Unprocessable } from '../errors.ts';
import { computeTotals } from '../money/totals.ts';
import type { Party } from '../parties/schema.ts';
import { changedByRules, lineTax } from '../tax/line-tax.ts';
import { taxRegime } from '../tax/regime.ts';
import { type DocumentKind, isPayable } from './kinds.ts';
import type { CreateDocumentInput, LineInput, StoredDocument, StoredLine } from './schema.ts';
import { assertContentFits } from './size.ts';

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
  | 'buyerReference'
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

/** Who sells to whom, which decides the tax rules: the organization and contact as they are now, or as a sent document froze them. */
export interface TaxParties {
  seller: Party;
  buyer: Party;
  /** The seller is registered for the EU One-Stop Shop. */
  oss: boolean;
}

/** A stored line as its author wrote it, to compose it again (an edit, a conversion, a send). */
export const lineInputOf = ({ description, quantity, unitPrice, discount, taxRate, taxCode, hsnSac, entered }: StoredLine): LineInput => ({
  description,
  quantity,
  unitPrice,
  discount,
  taxRate,
  taxCode,
  hsnSac,
  ...(entered && { taxCode: entered.taxCode, taxRate: entered.taxRate }),
});

/**
 * Checks a document's content and computes its totals: everything that can
 * reject a request happens here, before a number is taken (its size included). Due dates belong
 * to what is paid, expiry dates to estimates; an invoice without a due date is
 * due on receipt (its issue date).
 */
export function composeDocument(kind: DocumentKind, input: ContentInput, parties: TaxParties): DocumentContent {
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
  const regime = taxRegime(parties.seller, parties.buyer, parties.oss);
  const lines = input.lines.map((line, index) => {
    const tax = lineTax(regime, line, input.issueDate, `lines[${index}]`);
    const written = Object.fromEntries(Object.entries({ taxCode: line.taxCode, taxRate: line.taxRate }).filter(([, value]) => value !== undefined));
    const entered = changedByRules(line, tax) ? { entered: written } : {};
    return { ...line, ...tax, ...entered };
  });
  const split = regime.kind === 'india' ? regime.split : undefined;
  const totals = computeTotals({ currency: input.currency, lines, discount: input.discount ?? undefined, split });
  const content: DocumentContent = {
    contactId: input.contactId,
    currency: input.currency,
    issueDate: input.issueDate,
    dueDate,
    expiryDate: input.expiryDate,
    lines: lines.map((line, index) => {
      const computed = totals.lines[index]!;
      return { ...line, net: computed.net, discountShare: computed.discount, tax: computed.tax, total: computed.total };
    }),
    discount: input.discount ?? undefined,
    notes: input.notes,
    terms: input.terms,
    buyerReference: input.buyerReference ?? undefined,
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    taxes: totals.taxes,
    taxTotal: totals.taxTotal,
    total: totals.total,
  };
  assertContentFits(content);
  return content;
}

/** A draft's content composed again for these parties (on send: the taxes follow the parties it freezes). */
export const recompose = (document: StoredDocument, parties: TaxParties): DocumentContent =>
  composeDocument(
    document.kind,
    {
      contactId: document.contactId,
      currency: document.currency,
      issueDate: document.issueDate,
      dueDate: document.dueDate,
      expiryDate: document.expiryDate,
      lines: document.lines.map(lineInputOf),
      discount: document.discount,
      notes: document.notes,
      terms: document.terms,
      buyerReference: document.buyerReference,
    },
    parties,
  );

function notApplicable(field: string, kind: DocumentKind): never {
  throw new Unprocessable('FIELD_NOT_APPLICABLE', `${field} does not apply to a ${kind}.`, { field });
}
