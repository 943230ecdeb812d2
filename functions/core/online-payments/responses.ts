import * as z from 'zod/mini';
import { Money } from '../shapes.ts';

/**
 * A webhook delivery's body, as far as routing needs it; the handler verifies
 * the signature over the raw bytes and reads the event from them, never from this.
 */
export const StripeEventBody = /* @__PURE__ */ z.lazy(() => z.object({ id: z.string(), type: z.string() }));

/** What the webhook answers Stripe: any 2xx stops its retries; the outcome is for logs and tests. */
export const WebhookReceipt = /* @__PURE__ */ z.lazy(() => z.object({ received: z.literal(true), outcome: z.enum(['applied', 'duplicate', 'ignored']) }));

/** The organization's Stripe account as staff see it. */
export const StripeConnectionState = /* @__PURE__ */ z.lazy(() =>
  z.object({
    connected: z.boolean(),
    accountId: z.optional(z.string()),
    chargesEnabled: z.boolean(),
    detailsSubmitted: z.boolean(),
  }),
);

/** Where to send the business's owner to finish (or continue) Stripe's onboarding. */
export const OnboardingLink = /* @__PURE__ */ z.lazy(() => z.object({ url: z.string() }));

/** A Checkout Session to send the portal person to. */
export const CheckoutStarted = /* @__PURE__ */ z.lazy(() => z.object({ url: z.string(), sessionId: z.string() }));

/** A checkout's stages (status.ts decides which): declared with the schemas, not the Stripe calls, so a route table never loads the Stripe SDK. */
export const checkoutProgress = ['open', 'processing', 'paid', 'expired'] as const;

/** Where a checkout stands, for the page Stripe sends the person back to. */
export const CheckoutStatus = /* @__PURE__ */ z.lazy(() =>
  z.object({
    sessionId: z.string(),
    status: z.enum(checkoutProgress),
    currency: z.string(),
    documents: z.array(z.object({ docId: z.string(), number: z.string(), amount: Money })),
  }),
);

/** A refund Stripe accepted; the document's balance reopens when Stripe reports it done (`charge.refunded`). */
export const RefundRequested = /* @__PURE__ */ z.lazy(() => z.object({ refundId: z.string(), status: z.literal('pending') }));
