import type { PortalContext } from '../access/context.ts';
import { readerLanguage } from '../contacts/language.ts';
import { personView } from '../contacts/view.ts';
import { brandingView, onlinePayments, portalUrl } from '../orgs/view.ts';

/** Who is signed in: the person, their contact, and the organization's branding. */
export const portalMe = (caller: PortalContext) => ({
  person: personView(caller.person),
  /** What the pages are written in for this person: their own language, their contact's, or the organization's. */
  language: readerLanguage(caller.organization, caller.contact, caller.person),
  contact: { id: caller.contact.id, name: caller.contact.name, email: caller.contact.email },
  /** Whether the portal uses a second factor, and whether this person enrolled one. */
  mfa: { setting: caller.organization.portalMfa ?? 'off', enrolled: caller.person.mfaEnrolledAt !== undefined },
  organization: {
    name: caller.organization.name,
    branding: brandingView(caller.organization.branding, caller.portalName),
    portalName: caller.portalName,
    portalUrl: portalUrl(caller.portalName),
    offlinePaymentInstructions: caller.organization.offlinePaymentInstructions ?? null,
  },
  onlinePayments: { ...onlinePayments(caller.organization), permitted: caller.permissions.includes('pay') },
});
