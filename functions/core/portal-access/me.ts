import type { PortalContext } from '../access/context.ts';
import { personView } from '../contacts/view.ts';
import { onlinePayments, portalUrl } from '../orgs/view.ts';

/** Who is signed in: the person, their contact, and the organization's branding. */
export const portalMe = (caller: PortalContext) => ({
  person: personView(caller.person),
  contact: { id: caller.contact.id, name: caller.contact.name, email: caller.contact.email },
  /** Whether the portal uses a second factor, and whether this person enrolled one. */
  mfa: { setting: caller.organization.portalMfa ?? 'off', enrolled: caller.person.mfaEnrolledAt !== undefined },
  organization: {
    name: caller.organization.name,
    branding: caller.organization.branding,
    portalName: caller.portalName,
    portalUrl: portalUrl(caller.portalName),
    offlinePaymentInstructions: caller.organization.offlinePaymentInstructions ?? null,
  },
  onlinePayments: { ...onlinePayments(caller.organization), permitted: caller.permissions.includes('pay') },
});
