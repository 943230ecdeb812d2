import QRCode from 'qrcode';
import { todayIn } from '../calendar.ts';
import { readerLanguage } from '../contacts/language.ts';
import { requireContact } from '../contacts/lookup.ts';
import type { Contact } from '../contacts/schema.ts';
import type { Language } from '../i18n/languages.ts';
import type { PaymentAccount } from '../orgs/einvoicing.ts';
import type { Organization } from '../orgs/schema.ts';
import { requireOrganization } from '../orgs/service.ts';
import { buyerParty, sellerParty } from '../parties/party.ts';
import { type RenderOptions, renderDocumentPdf } from '../pdf/document-pdf.ts';
import { pdfParties } from '../pdf/parties.ts';
import { REVERSE_CHARGE_LEGEND } from '../tax/codes.ts';
import type { StoredDocument } from './schema.ts';
import { effectiveStatus } from './status.ts';

/** A rendered PDF and the name it is offered under. */
export interface DocumentFile {
  content: Buffer;
  filename: string;
}

/**
/**
 * The PDF of a document, from what Portico stores and nothing else (no URL or
 * font is fetched while rendering): seller and buyer as the document froze
 * them when it was sent (a draft shows the profiles as they are), the brand
 * colour and uploaded logo, the very totals the API returns, the legends the
 * taxes need and, in India, the IRP's signed QR code; in the reader's language
 * (a person's, else the contact's, else the organization's).
 */
export async function documentPdf(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  language: Language = readerLanguage(organization, contact),
  options?: RenderOptions,
): Promise<DocumentFile> {
  const registered = document.gstEinvoice;
  const pdf = await renderDocumentPdf(
    {
      language,
      ...(await pdfParties(organization, contact, document.seller ?? sellerParty(organization), document.buyer ?? buyerParty(contact))),
      document: { ...document, status: effectiveStatus(document, todayIn(organization)) },
      ...(organization.einvoicing?.paymentAccount && {
        paymentAccount: paymentAccountOf(organization.einvoicing.paymentAccount, (document.seller ?? sellerParty(organization)).name),
      }),
      legends: document.taxes.some((tax) => tax.code === 'reverse_charge') ? [REVERSE_CHARGE_LEGEND] : [],
      ...(registered && {
        gstEinvoice: {
          irn: registered.irn,
          ackNo: registered.ackNo,
          ackDate: registered.ackDate,
          qrCode: await QRCode.toBuffer(registered.signedQrCode, { errorCorrectionLevel: 'M', margin: 1 }),
        },
      }),
    },
    options,
  );
  return { content: pdf, filename: `${document.number}.pdf` };
}

/** The bank account as printed: the holder is the organization unless the account names another. */
const paymentAccountOf = (account: PaymentAccount, sellerName: string) => ({
  iban: account.iban,
  ...(account.bic && { bic: account.bic }),
  accountName: account.accountName ?? sellerName,
});

/** The PDF of a document of this organization, reading organization and contact alongside. */
export async function pdfOf(document: StoredDocument): Promise<DocumentFile> {
  const [organization, contact] = await Promise.all([requireOrganization(document.orgId), requireContact(document.orgId, document.contactId)]);
  return documentPdf(organization, contact, document);
}
