import type { Invoice } from '@e-invoice-eu/core';
import { minorUnits } from '../money/currency.ts';
import { isSepaIban } from '../parties/iban.ts';
import type { EInvoiceDocument, EInvoiceLine, EInvoiceParty, EInvoiceSource, EInvoiceTaxCode } from './source.ts';

/**
 * A sent document as the EN 16931 semantic model (BT-… numbers in docs/e-invoicing.md), in the UBL-shaped JSON
 * that @e-invoice-eu/core turns into UBL, CII, XRechnung or Factur-X. Pure: the same source gives the same data.
 */

type UblInvoice = Invoice['ubl:Invoice'];
type Party = UblInvoice['cac:AccountingSupplierParty']['cac:Party'];
type Line = UblInvoice['cac:InvoiceLine'][number];

/** The Peppol BIS Billing 3.0 specification identifier (BT-24) of the `ubl` format, when both parties are on Peppol. */
export const PEPPOL_BIS_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
/** EN 16931's own specification identifier: the `ubl` format's when a party has no Peppol address. */
export const EN16931_CUSTOMIZATION = 'urn:cen.eu:en16931:2017';

/** EN 16931's VAT categories (BT-151) know no "reduced" code: a reduced rate is category S at its rate. */
const categories: Record<EInvoiceTaxCode, 'S' | 'Z' | 'E' | 'AE' | 'O'> = {
  standard: 'S',
  reduced: 'S',
  zero: 'Z',
  exempt: 'E',
  reverse_charge: 'AE',
  outside_scope: 'O',
};

/** The exemption reason (BT-120, BT-121) a category must carry. */
const exemptionReasons: Partial<Record<'E' | 'AE' | 'O', { code?: string; text: string }>> = {
  E: { text: 'Exempt from VAT' },
  AE: { code: 'VATEX-EU-AE', text: 'Reverse charge' },
  O: { code: 'VATEX-EU-O', text: 'Not subject to VAT' },
};

/** Peppol's electronic address schemes (EAS) for VAT ids, by the id's prefix. */
const vatEndpointSchemes: Record<string, string> = {
  AD: '9922',
  AL: '9923',
  AT: '9914',
  BA: '9924',
  BE: '9925',
  BG: '9926',
  CH: '9927',
  CY: '9928',
  CZ: '9929',
  DE: '9930',
  EE: '9931',
  EL: '9933',
  ES: '9920',
  FR: '9957',
  GB: '9932',
  HR: '9934',
  HU: '9910',
  IE: '9935',
  IT: '0211',
  LI: '9936',
  LT: '9937',
  LU: '9938',
  LV: '9939',
  MC: '9940',
  ME: '9941',
  MK: '9942',
  MT: '9943',
  NL: '9944',
  PL: '9945',
  PT: '9946',
  RO: '9947',
  RS: '9948',
  SI: '9949',
  SK: '9950',
  SM: '9951',
  TR: '9952',
  VA: '9953',
};

/** A line's tax code; lines stored before lines had one were taxed at their rate or zero-rated. */
export const taxCodeOf = (line: { taxCode?: EInvoiceTaxCode; taxRate?: number }): EInvoiceTaxCode =>
  line.taxCode ?? ((line.taxRate ?? 0) > 0 ? 'standard' : 'zero');

/** Whether a party's tax id is a VAT id EN 16931 accepts as BT-31/BT-48: it starts with a country prefix. */
export const isVatId = (party: EInvoiceParty): party is EInvoiceParty & { taxId: string } =>
  party.taxId !== undefined && party.taxScheme !== 'gst' && /^[A-Z]{2}[0-9A-Z]/.test(party.taxId);

export function eInvoiceData(source: EInvoiceSource, customizationId?: string): Invoice {
  const { document, buyer } = source;
  const amount = amountIn(document.currency);
  const outsideScope = document.lines.some((line) => taxCodeOf(line) === 'outside_scope');
  const reverseCharged = document.lines.some((line) => taxCodeOf(line) === 'reverse_charge');
  const notes = [document.notes, reverseCharged ? REVERSE_CHARGE_NOTE : undefined].filter((note): note is string => note !== undefined && note !== '');
  const allowances = documentAllowances(document);

  const invoice: UblInvoice = {
    ...(customizationId === undefined ? {} : { 'cbc:CustomizationID': customizationId }),
    'cbc:ID': document.number,
    'cbc:IssueDate': document.issueDate,
    ...(document.dueDate === undefined || document.kind === 'credit-note' ? {} : { 'cbc:DueDate': document.dueDate }),
    'cbc:InvoiceTypeCode': typeCodes[document.kind],
    ...(notes.length === 0 ? {} : { 'cbc:Note': notes }),
    'cbc:DocumentCurrencyCode': document.currency as UblInvoice['cbc:DocumentCurrencyCode'],
    // Peppol (R003) and XRechnung (BR-DE-15) ask for a buyer reference: without one, the document number stands in.
    'cbc:BuyerReference': document.buyerReference ?? document.number,
    ...(document.invoiceReference === undefined
      ? {}
      : {
          'cac:BillingReference': [
            {
              'cac:InvoiceDocumentReference': {
                'cbc:ID': document.invoiceReference.number,
                ...(document.invoiceReference.issueDate === undefined ? {} : { 'cbc:IssueDate': document.invoiceReference.issueDate }),
              },
            },
          ],
        }),
    'cac:AccountingSupplierParty': { 'cac:Party': sellerParty(source, outsideScope) },
    'cac:AccountingCustomerParty': { 'cac:Party': buyerParty(buyer, outsideScope) },
    // The supply date: CII's schema needs delivery data, and Portico dates the supply on the issue date.
    'cac:Delivery': { 'cbc:ActualDeliveryDate': document.issueDate },
    'cac:PaymentMeans': [paymentMeans(source)],
    'cac:PaymentTerms': { 'cbc:Note': paymentTerms(document) },
    ...(allowances.length === 0
      ? {}
      : {
          'cac:AllowanceCharge': allowances.map((allowance) => ({
            'cbc:ChargeIndicator': 'false',
            'cbc:AllowanceChargeReasonCode': '95',
            'cbc:AllowanceChargeReason': 'Discount',
            'cbc:Amount': amount(allowance.amount),
            'cbc:Amount@currencyID': document.currency as never,
            'cac:TaxCategory': { ...taxCategory(allowance.code, allowance.rate), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
          })),
        }),
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': amount(document.taxTotal),
        'cbc:TaxAmount@currencyID': document.currency as never,
        'cac:TaxSubtotal': vatBreakdown(document).map((tax) => ({
          'cbc:TaxableAmount': amount(tax.taxable),
          'cbc:TaxableAmount@currencyID': document.currency as never,
          'cbc:TaxAmount': amount(tax.tax),
          'cbc:TaxAmount@currencyID': document.currency as never,
          'cac:TaxCategory': { ...taxCategory(tax.code, tax.rate), ...exemption(tax.code), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
        })),
      },
    ],
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': amount(document.subtotal),
      'cbc:LineExtensionAmount@currencyID': document.currency as never,
      'cbc:TaxExclusiveAmount': amount(document.subtotal - document.discountTotal),
      'cbc:TaxExclusiveAmount@currencyID': document.currency as never,
      'cbc:TaxInclusiveAmount': amount(document.total),
      'cbc:TaxInclusiveAmount@currencyID': document.currency as never,
      ...(document.discountTotal === 0
        ? {}
        : { 'cbc:AllowanceTotalAmount': amount(document.discountTotal), 'cbc:AllowanceTotalAmount@currencyID': document.currency as never }),
      'cbc:PayableAmount': amount(document.total),
      'cbc:PayableAmount@currencyID': document.currency as never,
    },
    'cac:InvoiceLine': document.lines.map((line, index) => invoiceLine(line, index, amount, document.currency)) as UblInvoice['cac:InvoiceLine'],
  };
  return { 'ubl:Invoice': invoice };
}

/** What a reverse-charged invoice must say (Article 226(11a) of Directive 2006/112/EC). */
export const REVERSE_CHARGE_NOTE = 'Reverse charge: VAT to be accounted for by the customer (Article 196 Directive 2006/112/EC).';

const typeCodes: Record<EInvoiceDocument['kind'], UblInvoice['cbc:InvoiceTypeCode']> = {
  invoice: '380',
  // A retainer invoice asks for an advance: UNTDID 1001's prepayment invoice.
  'retainer-invoice': '386',
  'credit-note': '381',
};

/** Minor units as the decimal string EN 16931 amounts are written in: 12345 EUR → "123.45". */
function amountIn(currency: string): (minor: number) => string {
  const places = minorUnits(currency);
  return (minor) => {
    const sign = minor < 0 ? '-' : '';
    const digits = Math.abs(minor)
      .toString()
      .padStart(places + 1, '0');
    return places === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  };
}

/** A rate as EN 16931 writes percentages: up to 4 decimals, no trailing zeros. */
const percent = (rate: number): string => Number(rate.toFixed(4)).toString();

function taxCategory(code: EInvoiceTaxCode, rate: number): { 'cbc:ID': never; 'cbc:Percent'?: string } {
  const category = categories[code];
  const rated = category === 'S' ? rate : 0;
  return category === 'O' ? { 'cbc:ID': category as never } : { 'cbc:ID': category as never, 'cbc:Percent': percent(rated) };
}

function exemption(code: EInvoiceTaxCode): Record<string, string> {
  const reason = exemptionReasons[categories[code] as 'E' | 'AE' | 'O'];
  if (reason === undefined) return {};
  return { ...(reason.code === undefined ? {} : { 'cbc:TaxExemptionReasonCode': reason.code }), 'cbc:TaxExemptionReason': reason.text };
}

interface Group {
  code: EInvoiceTaxCode;
  rate: number;
}

/** A line's VAT group: its category and the rate EN 16931 gives it (0 for every category but S). */
function groupOf(line: { taxCode?: EInvoiceTaxCode; taxRate?: number }): Group {
  const code = taxCodeOf(line);
  return { code, rate: categories[code] === 'S' ? (line.taxRate ?? 0) : 0 };
}

const groupKey = (group: Group) => `${categories[group.code]}|${group.rate}`;

/** The document discount as allowances, one per VAT group (BG-20): the lines' shares of it, added up. */
function documentAllowances(document: EInvoiceDocument): (Group & { amount: number })[] {
  const byGroup = new Map<string, Group & { amount: number }>();
  for (const line of document.lines) {
    if (line.discountShare === 0) continue;
    const group = groupOf(line);
    const entry = byGroup.get(groupKey(group)) ?? { ...group, amount: 0 };
    entry.amount += line.discountShare;
    byGroup.set(groupKey(group), entry);
  }
  return [...byGroup.values()];
}

/**
 * The VAT breakdown (BG-23) from the document's own tax lines, so every figure is the one the document shows:
 * tax lines of one EN 16931 category and rate (standard and reduced are both S) are added together.
 */
function vatBreakdown(document: EInvoiceDocument): (Group & { taxable: number; tax: number })[] {
  const byGroup = new Map<string, Group & { taxable: number; tax: number }>();
  for (const line of document.taxes) {
    const group = groupOf({ taxCode: line.code, taxRate: line.rate });
    const entry = byGroup.get(groupKey(group)) ?? { ...group, taxable: 0, tax: 0 };
    entry.taxable += line.taxable;
    entry.tax += line.tax;
    byGroup.set(groupKey(group), entry);
  }
  return [...byGroup.values()];
}

function postalAddress(address: EInvoiceParty['address']): Party['cac:PostalAddress'] {
  return {
    ...(address?.line1 ? { 'cbc:StreetName': address.line1 } : {}),
    ...(address?.line2 ? { 'cbc:AdditionalStreetName': address.line2 } : {}),
    ...(address?.city ? { 'cbc:CityName': address.city } : {}),
    ...(address?.postalCode ? { 'cbc:PostalZone': address.postalCode } : {}),
    ...(address?.region ? { 'cbc:CountrySubentity': address.region } : {}),
    'cac:Country': { 'cbc:IdentificationCode': (address?.country ?? '') as never },
  };
}

/** The Peppol electronic address scheme (EAS) of a party's VAT id; undefined when it has none Peppol can route by. */
const peppolScheme = (party: EInvoiceParty): string | undefined => (isVatId(party) ? vatEndpointSchemes[party.taxId.slice(0, 2)] : undefined);

/**
 * The `ubl` format's specification identifier (BT-24). Peppol BIS requires both parties' electronic addresses
 * from its EAS list (PEPPOL-EN16931-R010, R020, CL008), which has no email scheme: a consumer or a party with
 * only a GSTIN cannot be addressed on Peppol, so its invoice is EN 16931 UBL, under EN 16931's identifier.
 */
export const ublCustomization = ({ seller, buyer }: EInvoiceSource): string =>
  peppolScheme(seller) !== undefined && peppolScheme(buyer) !== undefined ? PEPPOL_BIS_CUSTOMIZATION : EN16931_CUSTOMIZATION;

/**
 * The party's electronic address (BT-34, BT-49): its VAT id under Peppol's scheme for that country when there is
 * one, else its email (scheme EM, which EN 16931 accepts and the Peppol network does not route).
 */
function endpoint(party: EInvoiceParty): Pick<Party, 'cbc:EndpointID' | 'cbc:EndpointID@schemeID'> {
  const scheme = peppolScheme(party);
  if (scheme !== undefined && isVatId(party)) return { 'cbc:EndpointID': party.taxId, 'cbc:EndpointID@schemeID': scheme as never };
  return party.email === undefined ? {} : { 'cbc:EndpointID': party.email, 'cbc:EndpointID@schemeID': 'EM' };
}

function sellerParty(source: EInvoiceSource, outsideScope: boolean): Party {
  const { seller, sellerDetails } = source;
  // BT-31 is a VAT id; a GSTIN or other tax number is the seller's tax registration (BT-32). Outside-scope invoices carry neither VAT id (BR-O-02).
  const taxSchemes =
    seller.taxId === undefined
      ? []
      : isVatId(seller)
        ? outsideScope
          ? []
          : [{ 'cbc:CompanyID': seller.taxId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }]
        : [{ 'cbc:CompanyID': seller.taxId, 'cac:TaxScheme': { 'cbc:ID': seller.taxScheme === 'gst' ? 'GST' : 'TAX' } }];
  const contact = {
    ...(sellerDetails?.contactName ? { 'cbc:Name': sellerDetails.contactName } : {}),
    ...(sellerDetails?.phone ? { 'cbc:Telephone': sellerDetails.phone } : {}),
    ...(sellerDetails?.email ? { 'cbc:ElectronicMail': sellerDetails.email } : {}),
  };
  // A seller known only by a tax number that is no VAT id (a GSTIN) is also identified by it (BT-30, BR-CO-26).
  const registration = seller.taxId !== undefined && !isVatId(seller) ? { 'cbc:CompanyID': seller.taxId } : {};
  return {
    ...endpoint({ ...seller, email: seller.email ?? sellerDetails?.email }),
    'cac:PartyName': { 'cbc:Name': seller.name },
    'cac:PostalAddress': postalAddress(seller.address),
    ...(taxSchemes.length === 0 ? {} : { 'cac:PartyTaxScheme': taxSchemes as Party['cac:PartyTaxScheme'] }),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': seller.name, ...registration },
    ...(Object.keys(contact).length === 0 ? {} : { 'cac:Contact': contact }),
  };
}

function buyerParty(buyer: EInvoiceParty, outsideScope: boolean): UblInvoice['cac:AccountingCustomerParty']['cac:Party'] {
  const vatId = isVatId(buyer) && !outsideScope ? buyer.taxId : undefined;
  // A buyer's tax number that is no VAT id (a GSTIN) is its legal registration identifier (BT-47).
  const registration = buyer.taxId !== undefined && !isVatId(buyer) ? buyer.taxId : undefined;
  return {
    ...endpoint(buyer),
    'cac:PartyName': { 'cbc:Name': buyer.name },
    'cac:PostalAddress': postalAddress(buyer.address),
    ...(vatId === undefined ? {} : { 'cac:PartyTaxScheme': { 'cbc:CompanyID': vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } }),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': buyer.name, ...(registration === undefined ? {} : { 'cbc:CompanyID': registration }) },
    ...(buyer.email === undefined ? {} : { 'cac:Contact': { 'cbc:ElectronicMail': buyer.email } }),
  };
}

/**
 * BG-16: a credit transfer to the organization's IBAN when it gave one — SEPA (58) within the Single Euro Payments
 * Area, else a plain credit transfer (30) — and without an account "instrument not defined" (1).
 */
function paymentMeans(source: EInvoiceSource): UblInvoice['cac:PaymentMeans'] extends (infer M)[] | undefined ? M : never {
  const { sellerDetails, document } = source;
  if (sellerDetails?.iban === undefined) return { 'cbc:PaymentMeansCode': '1', 'cbc:PaymentID': document.number } as never;
  return {
    'cbc:PaymentMeansCode': isSepaIban(sellerDetails.iban) ? '58' : '30',
    'cbc:PaymentID': document.number,
    'cac:PayeeFinancialAccount': {
      'cbc:ID': sellerDetails.iban,
      'cbc:Name': sellerDetails.accountName ?? source.seller.name,
      ...(sellerDetails.bic === undefined ? {} : { 'cac:FinancialInstitutionBranch': { 'cbc:ID': sellerDetails.bic } }),
    },
  } as never;
}

/** BT-20: the document's terms, or when it is due (a credit note is not due). */
function paymentTerms(document: EInvoiceDocument): string {
  if (document.terms) return document.terms;
  if (document.kind === 'credit-note') return `Credit against ${document.invoiceReference?.number ?? 'the account'}`;
  return document.dueDate === undefined || document.dueDate === document.issueDate ? 'Due on receipt' : `Due ${document.dueDate}`;
}

function invoiceLine(line: EInvoiceLine, index: number, amount: (minor: number) => string, currency: string): Line {
  const group = groupOf(line);
  const gross = grossOf(line);
  const lineAllowance = gross - line.net;
  return {
    'cbc:ID': String(index + 1),
    'cbc:InvoicedQuantity': Number(line.quantity.toFixed(4)).toString(),
    'cbc:InvoicedQuantity@unitCode': 'C62' as never,
    'cbc:LineExtensionAmount': amount(line.net),
    'cbc:LineExtensionAmount@currencyID': currency as never,
    ...(lineAllowance === 0
      ? {}
      : {
          'cac:AllowanceCharge': [
            {
              'cbc:ChargeIndicator': 'false',
              'cbc:AllowanceChargeReasonCode': '95' as never,
              'cbc:AllowanceChargeReason': `Discount ${percent(line.discount ?? 0)} %`,
              'cbc:Amount': amount(lineAllowance),
              'cbc:Amount@currencyID': currency as never,
            },
          ],
        }),
    'cac:Item': {
      'cbc:Name': itemName(line.description),
      ...(line.description.length > ITEM_NAME_LENGTH || line.description.includes('\n') ? { 'cbc:Description': line.description } : {}),
      ...(line.hsnSac === undefined
        ? {}
        : { 'cac:CommodityClassification': [{ 'cbc:ItemClassificationCode': line.hsnSac, 'cbc:ItemClassificationCode@listID': 'HS' as never }] }),
      'cac:ClassifiedTaxCategory': { ...taxCategory(group.code, group.rate), 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
    },
    'cac:Price': { 'cbc:PriceAmount': amount(line.unitPrice), 'cbc:PriceAmount@currencyID': currency as never },
  } as Line;
}

const ITEM_NAME_LENGTH = 100;

/** BT-153: the description's first line, shortened; the whole description follows as BT-154 when it is longer. */
function itemName(description: string): string {
  const first = description.split('\n', 1)[0]!.trim();
  return first.length <= ITEM_NAME_LENGTH ? first : `${first.slice(0, ITEM_NAME_LENGTH - 1)}…`;
}

/** Quantity × unit price before the line discount, rounded as the line net is (half away from zero, once). */
function grossOf(line: EInvoiceLine): number {
  if ((line.discount ?? 0) === 0) return line.net;
  const scaled = BigInt(Math.round(line.quantity * 10_000)) * BigInt(line.unitPrice);
  return Number((scaled * 2n + 10_000n) / 20_000n);
}
