import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "The organization's own Stripe account (Stripe Connect, Standard): connecting it and whether it can take charges.",
  operations: {
    'POST /v1/orgs/{orgId}/stripe/connect': {
      description:
        "Creates the organization's Stripe account the first time, and answers a fresh one-time onboarding link each call (200: after the first call nothing is created). Stripe sends the owner back to `GET …/stripe`.",
    },
  },
} satisfies AreaDocs<typeof routes>;
