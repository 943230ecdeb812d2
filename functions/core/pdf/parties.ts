import { logoBytes } from '../branding/logo-service.ts';
import type { Contact } from '../contacts/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import type { Party } from '../parties/schema.ts';
import { addressText, taxIdText } from '../parties/text.ts';
import type { PdfBuyer, PdfSeller } from './blocks.ts';

/** Seller and buyer as a PDF prints them: the parties' text, the organization's brand colour and its stored logo's bytes. */
export async function pdfParties(
  organization: Organization,
  contact: Contact,
  seller: Party,
  buyer: Party,
): Promise<{ organization: PdfSeller; contact: PdfBuyer }> {
  const logo = organization.branding.logo && (await logoBytes(organization.branding.logo));
  return {
    organization: {
      name: seller.name,
      address: addressText(seller.address),
      taxId: taxIdText(seller),
      brandColor: organization.branding.color ?? undefined,
      ...(logo && { logo }),
    },
    contact: { name: buyer.name, email: contact.email, address: addressText(buyer.address), taxId: taxIdText(buyer) },
  };
}
