import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { Organization, PortalBranding } from '../orgs/responses.ts';

/** A form check of a name; the claim itself decides. */
export const PortalNameCheck = /* @__PURE__ */ z.lazy(() =>
  z.object({
    name: z.string(),
    available: z.boolean(),
    reason: z.optional(z.enum(['invalid', 'reserved', 'taken'])),
  }),
);

/** What a portal's login page shows before anyone signs in. */
export const PortalInfo = /* @__PURE__ */ z.lazy(() =>
  z.extend(z.pick(built(Organization), { portalName: true, portalUrl: true }), { organization: PortalBranding }),
);
