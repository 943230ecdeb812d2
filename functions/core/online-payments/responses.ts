import * as z from 'zod/mini';
import { Money } from '../shapes.ts';
import { checkoutProgress } from './status.ts';

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

/** Where a checkout stands, for the page Stripe sends the person back to. */
export const CheckoutStatus = z.object({
  sessionId: z.string(),
  status: z.enum(checkoutProgress),
  currency: z.string(),
  documents: z.array(z.object({ docId: z.string(), number: z.string(), amount: Money })),
});
