import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "The organization's own Stripe account (Stripe Connect, Standard): connecting it and whether it can take charges.",
  operations: {
    'POST /v1/orgs/{orgId}/stripe/connect': {
      description:
        "Creates the organization's Stripe account the first time, and answers a fresh one-time onboarding link each call (200: after the first call nothing is created). Stripe sends the owner back to the link's own public page, `GET /stripe/onboarding/{state}/return` (or `…/refresh` once the link expired or was used), which needs no sign-in.",
    },
    'GET /stripe/onboarding/{state}/{outcome}': {
      description:
        "An HTML page for the browser Stripe redirects, without a token: `{state}` is `<orgId>.<secret>` from the link's creation (the secret stored only as its SHA-256, valid 7 days), looked up inside that organization. `return` says Stripe is connected and online payments can be taken, or lists what Stripe still needs (`requirements.currently_due`); `refresh` says the link expired and how to get a new one. Both link to the staff app's Stripe settings. The account's state is read from Stripe while it cannot take charges and stored when it changed, as `GET /v1/orgs/{orgId}/stripe` does. An unknown, expired or forged state, or another `{outcome}`, is the same HTML 404. Nothing on the page runs scripts (`Content-Security-Policy: default-src 'none'`).",
    },
  },
} satisfies AreaDocs<typeof routes>;
