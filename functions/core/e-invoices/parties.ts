import type { Contact } from '../contacts/schema.ts';
import type { StoredDocument } from '../documents/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { buyerParty, sellerParty } from '../parties/party.ts';
import type { EInvoiceParty, EInvoiceSellerDetails } from './source.ts';

/**
 * Seller and buyer of a sent document as frozen on it when it was sent, so later profile edits change nothing;
 * for a document sent before parties were frozen, from the profiles as they are now. Each with the email it
 * receives documents at (its electronic address when it has no VAT id to route by).
 */
export function partiesOf(document: StoredDocument, organization: Organization, contact: Contact): { seller: EInvoiceParty; buyer: EInvoiceParty } {
  const seller = document.seller ?? sellerParty(organization);
  const buyer = document.buyer ?? buyerParty(contact);
  return { seller: { ...seller, ...(organization.replyTo ? { email: organization.replyTo } : {}) }, buyer: { ...buyer, email: contact.email } };
}

/**
 * The organization's seller contact (BG-6) and bank account (BG-17), read at download time like the emails: they
 * say whom to ask and where to pay, not what was sold. Without a contact email, the reply-to email answers.
 */
export function sellerDetailsOf(organization: Organization): EInvoiceSellerDetails {
  const { contact, paymentAccount } = organization.einvoicing ?? {};
  return {
    ...(contact && { contactName: contact.name, ...(contact.phone && { phone: contact.phone }) }),
    ...((contact?.email ?? organization.replyTo) && { email: contact?.email ?? organization.replyTo }),
    ...(paymentAccount && { iban: paymentAccount.iban, bic: paymentAccount.bic, accountName: paymentAccount.accountName }),
  };
}
