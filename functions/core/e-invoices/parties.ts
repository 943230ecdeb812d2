import type { Contact } from '../contacts/schema.ts';
import type { StoredDocument } from '../documents/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { buyerParty, sellerParty } from '../parties/party.ts';
import type { EInvoiceParty } from './source.ts';

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
