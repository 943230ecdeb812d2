import { Unauthorized } from '../errors.ts';
import { currentAccess } from '../portal-access/current-access.ts';
import { readPortalRequest } from '../portal-access/portal-request.ts';
import { livePortal } from '../portal-names/service.ts';
import type { PortalContext } from './context.ts';
import { permissionsOf } from './permissions.ts';

/** What a verified portal ID token says about its holder. */
export interface PortalToken {
  orgId: string;
  contactId: string;
  personId: string;
  username: string;
  /** Epoch seconds. */
  issuedAt: number;
}

/**
 * The portal person behind a verified token. The portal in the path must be
 * the token's organization, and the access the token was issued under must
 * still hold (see currentAccess). One round trip.
 */
export async function portalContext(token: PortalToken, portalName: string): Promise<PortalContext> {
  const { orgId, contactId, personId } = token;
  const read = await readPortalRequest(portalName, orgId, contactId);
  if (read.claim?.state === 'active' && read.claim.orgId !== orgId) throw new Unauthorized('This sign-in belongs to another portal.');
  const organization = livePortal(read.claim, read.organization);
  const { contact, person } = currentAccess(organization, read.contact, personId, { issuedAt: token.issuedAt, username: token.username });
  return {
    kind: 'portal',
    orgId,
    contactId,
    personId,
    name: person.name,
    // From the person read in this round trip: a change applies on the next request.
    permissions: permissionsOf(person),
    portalName: organization.portalName!,
    organization,
    contact,
    person,
  };
}
