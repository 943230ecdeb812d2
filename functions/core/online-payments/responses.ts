import * as z from 'zod/mini';

/** The organization's Stripe account as staff see it. */
export const StripeConnectionState = z.object({
  connected: z.boolean(),
  accountId: z.optional(z.string()),
  chargesEnabled: z.boolean(),
  detailsSubmitted: z.boolean(),
});

/** Where to send the business's owner to finish (or continue) Stripe's onboarding. */
export const OnboardingLink = z.object({ url: z.string() });

/** A Checkout Session to send the portal person to. */
export const CheckoutStarted = z.object({ url: z.string(), sessionId: z.string() });
