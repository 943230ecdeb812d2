import type { Contact } from '../contacts/schema.ts';
import { batchGet } from '../db/batch-get.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import type { Organization } from '../orgs/schema.ts';
import type { PortalNameClaim } from '../portal-names/repository.ts';

/** What every portal request checks, in one round trip: the claim on the portal's name, and the token's organization and contact. */
export async function readPortalRequest(portalName: string, orgId: string, contactId: string) {
  const [claim, organization, contact] = await batchGet([keys.portalName(portalName.toLowerCase()), keys.organization(orgId), keys.contact(orgId, contactId)]);
  return {
    claim: claim as PortalNameClaim | undefined,
    organization: organization ? withoutKeys<Organization>(organization) : undefined,
    contact: contact ? withoutKeys<Contact>(contact) : undefined,
  };
}
