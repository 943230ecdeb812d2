import type { Contact } from '../contacts/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { addressOf } from '../orgs/view.ts';
import type { Party } from './schema.ts';
import { contactTaxScheme } from './tax-ids.ts';

/**
 * The organization as the seller on its documents: its name, address and the
 * registration of its home country (the address's; else its first).
 */
export function sellerParty(organization: Organization): Party {
  const address = addressOf(organization);
  const registrations = organization.taxRegistrations ?? [];
  const registration = registrations.find((candidate) => candidate.country === address?.country) ?? registrations[0];
  return {
    name: organization.name,
    ...(address && { address }),
    ...(registration && { taxId: registration.id, taxScheme: registration.scheme }),
  };
}

/** The contact as the buyer: its name, address and tax id (checked when it was saved). */
export function buyerParty(contact: Contact): Party {
  return {
    name: contact.name,
    ...(contact.address && { address: contact.address }),
    ...(contact.taxId && { taxId: contact.taxId, taxScheme: contactTaxScheme(contact.taxId, contact.address?.country ?? undefined) }),
  };
}
