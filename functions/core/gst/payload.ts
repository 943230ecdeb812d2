import type { StoredDocument, StoredLine } from '../documents/schema.ts';
import { Conflict, Unprocessable } from '../errors.ts';
import { allocateLargestRemainder } from '../money/allocate.ts';
import type { Address, Party } from '../parties/schema.ts';
import { gstStateCode, OUTSIDE_INDIA } from '../tax/india-states.ts';
import { taxRegime } from '../tax/regime.ts';
import { financialYear, GST_DOCUMENT_NUMBER, type GstDocType, invoiceReferenceNumber } from './irn.ts';

/** The IRP's document type of each kind it registers; a kind not listed has no e-invoice. */
const docTypes: Readonly<Record<string, GstDocType>> = { invoice: 'INV', 'credit-note': 'CRN', 'debit-note': 'DBN' };

/** The seller's GSTIN of a sent document registered under GST, or why it has no e-invoice. */
export function gstSeller(document: StoredDocument): { gstin: string; docType: GstDocType; seller: Party; buyer: Party } {
  const docType = docTypes[document.kind];
  if (!docType) throw new Unprocessable('GST_EINVOICE_NOT_APPLICABLE', `A ${document.kind} is not registered with the IRP.`);
  if (!document.seller || !document.buyer) throw new Conflict('DOCUMENT_NOT_SENT', 'Send the invoice first: its e-invoice names the parties as sent.');
  const { seller, buyer } = document;
  if (seller.taxScheme !== 'gst' || !seller.taxId) {
    throw new Unprocessable('NOT_GST_REGISTERED', 'The invoice was sent by an organization without a GSTIN: it has no GST e-invoice.');
  }
  if (!GST_DOCUMENT_NUMBER.test(document.number)) {
    throw new Unprocessable(
      'GST_DOCUMENT_NUMBER',
      `${document.number} does not fit the IRP's document numbers: 1–16 of A–Z, 0–9, / and -, not starting with 0, / or -.`,
    );
  }
  return { gstin: seller.taxId, docType, seller, buyer };
}

/** The IRN of a sent GST invoice. */
export function irnOf(document: StoredDocument): string {
  const { gstin, docType } = gstSeller(document);
  return invoiceReferenceNumber(gstin, financialYear(document.issueDate), docType, document.number);
}

/** Rupees as the schema's numbers, from paise. */
const rupees = (paise: number | bigint) => Number(paise) / 100;

/**
 * The document in the e-invoice JSON schema v1.1 (NIC's `Version` 1.1), as a
 * GSP sends it to the IRP: transaction, document, seller, buyer, items and
 * totals. B2B (buyer with a GSTIN) and exports only: the IRP registers no
 * sale to an unregistered buyer in India.
 */
export function gstEinvoicePayload(document: StoredDocument) {
  const { docType, seller, buyer } = gstSeller(document);
  if (document.currency !== 'INR') throw new Unprocessable('GST_EINVOICE_CURRENCY', 'A GST e-invoice is in INR.');
  const regime = taxRegime(seller, buyer, false);
  if (regime.kind !== 'india') throw new Unprocessable('NOT_GST_REGISTERED', 'The invoice was not taxed under GST.');
  const exported = regime.placeOfSupply === OUTSIDE_INDIA;
  if (!exported && buyer.taxScheme !== 'gst') {
    throw new Unprocessable('GST_EINVOICE_NOT_B2B', 'The IRP registers invoices to GST-registered buyers and exports; this buyer has no GSTIN.');
  }
  const components = lineComponents(document);
  const sum = (name: 'CGST' | 'SGST' | 'IGST') => components.reduce((total, line) => total + line[name], 0n);
  return {
    Version: '1.1' as const,
    TranDtls: { TaxSch: 'GST', SupTyp: exported ? 'EXPWP' : 'B2B', RegRev: 'N', IgstOnIntra: 'N' },
    DocDtls: { Typ: docType, No: document.number, Dt: indianDate(document.issueDate) },
    SellerDtls: { Gstin: seller.taxId!, LglNm: seller.name.slice(0, 100), ...partyAddress(seller.address, 'seller'), Stcd: regime.sellerState },
    BuyerDtls: exported
      ? { Gstin: 'URP', LglNm: buyer.name.slice(0, 100), Pos: OUTSIDE_INDIA, ...foreignAddress(buyer.address), Stcd: OUTSIDE_INDIA }
      : {
          Gstin: buyer.taxId!,
          LglNm: buyer.name.slice(0, 100),
          Pos: regime.placeOfSupply,
          ...partyAddress(buyer.address, 'buyer'),
          Stcd: buyer.address ? (gstStateCode(buyer.address.region) ?? regime.placeOfSupply) : regime.placeOfSupply,
        },
    ItemList: document.lines.map((line, index) => item(line, index, components[index]!)),
    ValDtls: {
      AssVal: rupees(document.subtotal - document.discountTotal),
      CgstVal: rupees(sum('CGST')),
      SgstVal: rupees(sum('SGST')),
      IgstVal: rupees(sum('IGST')),
      CesVal: 0,
      StCesVal: 0,
      Discount: 0,
      OthChrg: 0,
      RndOffAmt: 0,
      TotInvVal: rupees(document.total),
    },
  };
}

function item(line: StoredLine, index: number, tax: Record<'CGST' | 'SGST' | 'IGST', bigint>) {
  const gross = Math.round(line.quantity * line.unitPrice);
  const assessable = line.net - line.discountShare;
  const service = line.hsnSac?.startsWith('99') ?? false;
  return {
    SlNo: String(index + 1),
    PrdDesc: line.description.slice(0, 300),
    IsServc: service ? 'Y' : 'N',
    HsnCd: line.hsnSac ?? '',
    Qty: line.quantity,
    ...(service ? {} : { Unit: 'NOS' }),
    UnitPrice: rupees(line.unitPrice),
    TotAmt: rupees(gross),
    Discount: rupees(gross - assessable),
    AssAmt: rupees(assessable),
    GstRt: line.taxRate ?? 0,
    IgstAmt: rupees(tax.IGST),
    CgstAmt: rupees(tax.CGST),
    SgstAmt: rupees(tax.SGST),
    CesRt: 0,
    CesAmt: 0,
    CesNonAdvlAmt: 0,
    StateCesRt: 0,
    StateCesAmt: 0,
    StateCesNonAdvlAmt: 0,
    OthChrg: 0,
    TotItemVal: rupees(line.total),
  };
}

/** Each line's CGST, SGST and IGST: every component of a tax group shared over its lines by taxable amount, so lines add up to the group. */
function lineComponents(document: StoredDocument): Record<'CGST' | 'SGST' | 'IGST', bigint>[] {
  const perLine = document.lines.map(() => ({ CGST: 0n, SGST: 0n, IGST: 0n }));
  for (const group of document.taxes) {
    const indexes = document.lines.flatMap((line, index) => (line.taxCode === group.code && (line.taxRate ?? 0) === group.rate ? [index] : []));
    const weights = indexes.map((index) => BigInt(document.lines[index]!.net - document.lines[index]!.discountShare));
    for (const component of group.components ?? []) {
      allocateLargestRemainder(BigInt(component.tax), weights).forEach((share, k) => {
        perLine[indexes[k]!]![component.name] += share;
      });
    }
  }
  return perLine;
}

/** DD/MM/YYYY, the schema's dates. */
const indianDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function partyAddress(address: Address | undefined, party: 'seller' | 'buyer') {
  const pin = address?.postalCode?.replace(/\s/g, '');
  if (!address || !pin || !/^[1-9][0-9]{5}$/.test(pin)) {
    throw new Unprocessable('GST_ADDRESS_INCOMPLETE', `The ${party}'s address needs a 6-digit PIN code for a GST e-invoice.`, { party });
  }
  return { Addr1: address.line1.slice(0, 100), ...(address.line2 && { Addr2: address.line2.slice(0, 100) }), Loc: address.city.slice(0, 50), Pin: Number(pin) };
}

/** A buyer abroad: its address, with the IRP's PIN for "outside India". */
const foreignAddress = (address: Address | undefined) => ({
  Addr1: (address?.line1 ?? 'Outside India').slice(0, 100),
  Loc: (address?.city ?? 'Outside India').slice(0, 50),
  Pin: 999999,
});
