import { readFileSync } from 'node:fs';
import { requireContact } from '../contacts/lookup.ts';
import type { Contact } from '../contacts/schema.ts';
import { documentPdf } from '../documents/pdf.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { Conflict, Unprocessable } from '../errors.ts';
import { minorUnits } from '../money/currency.ts';
import type { Organization } from '../orgs/schema.ts';
import { requireOrganization } from '../orgs/service.ts';
import { type EInvoiceFormatName, formatSpecs } from './formats.ts';
import { generateEInvoice } from './generate.ts';
import { PEPPOL_BIS_CUSTOMIZATION, taxCodeOf, ublCustomization } from './invoice-data.ts';
import { partiesOf, sellerDetailsOf } from './parties.ts';
import type { EInvoiceDocument, EInvoiceSource } from './source.ts';

/** A rendered e-invoice and how it is offered. */
export interface EInvoiceFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

/**
 * The EN 16931 e-invoice of a sent invoice, retainer invoice or credit note, in one format, from the document as
 * stored and its frozen parties. A draft has none yet (409: its number, dates and parties are not final until it
 * is sent); an estimate asks for no payment and has none (422); nor does a document EN 16931 cannot express (422).
 */
export async function eInvoiceOf(
  document: StoredDocument,
  format: EInvoiceFormatName,
  known?: { organization: Organization; contact: Contact },
): Promise<EInvoiceFile> {
  if (document.kind === 'estimate') throw new Unprocessable('NOT_AN_INVOICE', 'An estimate asks for no payment and has no e-invoice.');
  if (document.status === 'draft')
    throw new Conflict('DOCUMENT_NOT_SENT', 'A draft has no e-invoice yet: its number, dates and parties are final once it is sent.');
  const [organization, contact] = known
    ? [known.organization, known.contact]
    : await Promise.all([requireOrganization(document.orgId), requireContact(document.orgId, document.contactId)]);
  const source: EInvoiceSource = {
    document: eInvoiceDocument(document),
    ...partiesOf(document, organization, contact),
    sellerDetails: sellerDetailsOf(organization),
  };
  assertExpressible(source, format);
  const spec = formatSpecs[format];
  const pdf = format === 'facturx' ? (await documentPdf(organization, contact, document, undefined, { embeddedFonts: fonts() })).content : undefined;
  const content = await generateEInvoice(format, source, pdf);
  const contentType = spec.contentType === 'application/xml' ? 'application/xml; charset=utf-8' : spec.contentType;
  return { content: Buffer.from(content), contentType, filename: `${document.number}${spec.suffix}` };
}

function eInvoiceDocument(document: StoredDocument): EInvoiceDocument {
  return {
    kind: document.kind as Exclude<StoredDocument['kind'], 'estimate'>,
    number: document.number,
    issueDate: document.issueDate,
    dueDate: document.dueDate,
    currency: document.currency,
    lines: document.lines,
    subtotal: document.subtotal,
    discountTotal: document.discountTotal,
    taxes: document.taxes,
    taxTotal: document.taxTotal,
    total: document.total,
    notes: document.notes,
    terms: document.terms,
    buyerReference: document.buyerReference,
    // A credit note against an invoice names it (BG-3); a standalone credit note has none.
    ...(document.invoice ? { invoiceReference: { number: document.invoice.number } } : {}),
  };
}

/** What EN 16931 requires that a document may lack, refused with the fields to fill in rather than a file that fails its rules. */
function assertExpressible(source: EInvoiceSource, format: EInvoiceFormatName): void {
  const { document, seller, buyer } = source;
  if (minorUnits(document.currency) > 2) {
    throw new Unprocessable(
      'EINVOICE_UNSUPPORTED',
      `EN 16931 writes amounts with at most 2 decimals; ${document.currency} has ${minorUnits(document.currency)}.`,
    );
  }
  const codes = new Set(document.lines.map(taxCodeOf));
  if (codes.has('outside_scope') && codes.size > 1) {
    throw new Unprocessable(
      'EINVOICE_UNSUPPORTED',
      'EN 16931 does not mix lines outside the scope of VAT with taxed lines (BR-O-11): issue them on separate documents.',
    );
  }
  const missing = [
    ...(seller.address?.country ? [] : ['organization address country (BT-40)']),
    ...(buyer.address?.country ? [] : ['contact address country (BT-55)']),
    ...(codes.has('reverse_charge') && !buyer.taxId ? ["contact tax id (BT-48), the reverse-charged buyer's VAT id"] : []),
    ...([...codes].some((code) => code !== 'outside_scope') && !seller.taxId
      ? ["organization tax registration (BT-31 or BT-32), the seller's VAT id or GSTIN"]
      : []),
    ...germanRequirements(source, format),
  ];
  if (missing.length > 0) throw new Unprocessable('EINVOICE_INCOMPLETE', `An e-invoice needs ${missing.join(', ')}.`, { missing });
}

/**
 * What XRechnung (BR-DE-2…9), and Peppol's German rules for an invoice between German parties (DE-R-002…009),
 * add: the seller contact's name, telephone and email, and both parties' post codes.
 */
function germanRequirements(source: EInvoiceSource, format: EInvoiceFormatName): string[] {
  const { seller, buyer, sellerDetails } = source;
  const betweenGermansOnPeppol =
    format === 'ubl' && ublCustomization(source) === PEPPOL_BIS_CUSTOMIZATION && seller.address?.country === 'DE' && buyer.address?.country === 'DE';
  if (format !== 'xrechnung' && !betweenGermansOnPeppol) return [];
  return [
    ...(sellerDetails?.contactName ? [] : ['organization e-invoicing contact name (BT-41)']),
    ...(sellerDetails?.phone ? [] : ['organization e-invoicing contact phone (BT-42)']),
    ...(sellerDetails?.email ? [] : ['organization e-invoicing contact email (BT-43)']),
    ...(seller.address?.postalCode ? [] : ['organization address postal code (BT-38)']),
    ...(buyer.address?.postalCode ? [] : ['contact address postal code (BT-53)']),
  ];
}

let embedded: { regular: Uint8Array; bold: Uint8Array } | undefined;

/** Liberation Sans (metric-compatible with Helvetica, SIL OFL 1.1), read once: PDF/A needs every font embedded. */
function fonts() {
  embedded ??= {
    regular: readFileSync(new URL('./fonts/LiberationSans-Regular.ttf', import.meta.url)),
    bold: readFileSync(new URL('./fonts/LiberationSans-Bold.ttf', import.meta.url)),
  };
  return embedded;
}
