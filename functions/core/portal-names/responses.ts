import * as z from 'zod/mini';
import { Organization, PortalBranding } from '../orgs/responses.ts';

/** A form check of a name; the claim itself decides. */
export const PortalNameCheck = z.object({
  name: z.string(),
  available: z.boolean(),
  reason: z.optional(z.enum(['invalid', 'reserved', 'taken'])),
});

/** What a portal's login page shows before anyone signs in. */
export const PortalInfo = z.extend(z.pick(Organization, { portalName: true, portalUrl: true }), { organization: PortalBranding });
