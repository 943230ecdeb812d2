import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "Events from Stripe about the organizations' connected accounts.",
  operations: {
    'POST /v1/webhooks/stripe': {
      description:
        "For Stripe only: the body must carry a valid `Stripe-Signature` of the platform's webhook secret (`400 INVALID_SIGNATURE` otherwise). Each event is applied exactly once, whatever the delivery (duplicates, reordering); the organization comes only from the event's connected account, the documents only from Portico's own checkout record.",
      example: { id: 'evt_1Q2w3E4r5T6y7U8i', type: 'checkout.session.completed' },
    },
  },
} satisfies AreaDocs<typeof routes>;
