import type { Contact } from '../contacts/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { buyerParty, sellerParty } from '../parties/party.ts';
import type { TaxParties } from './compose.ts';

/** The parties of a draft between this organization and contact, as their profiles are now. */
export const partiesOf = (organization: Organization, contact: Contact): TaxParties => ({
  seller: sellerParty(organization),
  buyer: buyerParty(contact),
  oss: organization.oss ?? false,
});
