import type { Contact } from '../contacts/schema.ts';
import type { StoredDocument } from '../documents/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import type { EInvoiceParty } from './source.ts';

/** What a sent document records of its parties, when it does (documents sent before parties were frozen do not). */
interface FrozenParties {
  seller?: EInvoiceParty;
  buyer?: EInvoiceParty;
}

/** What a contact's profile says of it as a party, when it says it. */
interface ContactAsParty {
  address?: EInvoiceParty['address'] | null;
  taxId?: string | null;
}

/**
 * Seller and buyer of a sent document: as frozen on it when it was sent, so later profile edits change nothing;
 * for a document sent before parties were frozen, from the profiles as they are now.
 */
export function partiesOf(document: StoredDocument, organization: Organization, contact: Contact): { seller: EInvoiceParty; buyer: EInvoiceParty } {
  const frozen = document as StoredDocument & FrozenParties;
  const profile = contact as Contact & ContactAsParty;
  const seller = frozen.seller ?? {
    name: organization.name,
    address: organization.address,
    ...(organization.taxSettings.taxId ? { taxId: organization.taxSettings.taxId } : {}),
  };
  const buyer = frozen.buyer ?? {
    name: contact.name,
    ...(profile.address ? { address: profile.address } : {}),
    ...(profile.taxId ? { taxId: profile.taxId } : {}),
  };
  // Email is where each party receives documents (its electronic address when it has no VAT id to route by).
  return { seller: { ...seller, ...(organization.replyTo ? { email: organization.replyTo } : {}) }, buyer: { ...buyer, email: contact.email } };
}
